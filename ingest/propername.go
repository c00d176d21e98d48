package ingest

import (
	_ "embed"
	"strings"
	"sync"

	"scribe/lazyregexp"
)

// propernames.txt lists one-word proper names (given names and surnames
// mostly), with how it was made in its header.
//
//go:embed propernames.txt
var properNamesFile string

// properNames is propernames.txt as a set, parsed on first use and never
// changed afterwards.
var properNames = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for _, line := range strings.Split(properNamesFile, "\n") {
		if line = strings.TrimSpace(line); line != "" && line[0] != '#' {
			set[line] = true
		}
	}
	return set
})

// dashOwner is an action item that opens with who owns it, as meeting notes
// write them: "Lena - add a per-shard canary", "Omar Haddad: alert on p95".
var dashOwner = lazyregexp.New(`^([A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*(?:[-–—:]\s+)([a-z].*)$`)

// leadingOwner splits "Lena - add a canary" into the owner and the task
// when the first word is a proper name and the task starts in lower case,
// as a task does after its owner ("Monitoring - add alerts" is no one's).
func leadingOwner(text string) (owner, rest string, ok bool) {
	m := dashOwner().FindStringSubmatch(strings.TrimSpace(text))
	if m == nil || !properNames()[strings.Fields(m[1])[0]] {
		return "", text, false
	}
	return m[1], m[2], true
}
