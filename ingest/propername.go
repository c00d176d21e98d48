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
	t := strings.TrimSpace(text)
	if m := toOwner().FindStringSubmatch(t); m != nil && properNames()[plainLetters(m[1])] && !wordName(m[1]) && !strings.HasPrefix(m[2], "be ") {
		return m[1], m[2], true
	}
	m := dashOwner().FindStringSubmatch(t)
	if m == nil || !properNames()[strings.Fields(m[1])[0]] && !personLike(m[1]) {
		return "", text, false
	}
	return m[1], m[2], true
}

// wordName reports a given name that is as often a word of the trade or
// of English ("Ruby to be upgraded", "Page to go to the secondary").
func wordName(name string) bool {
	switch name {
	case "Begin", "Ruby", "Page", "Grant", "Price", "Max", "Will", "Mark", "Bill", "Chase", "Rich", "Hope", "Rust", "Crystal",
		"Pearl", "Jade", "Amber", "Summer", "Winter", "April", "May", "June", "August", "Dawn", "Faith", "Joy", "Guy", "Pat", "Sky",
		"River", "Miles", "Lance", "Drew", "Gene", "Cliff", "Frank", "Stone", "Wade", "Hunter", "Chip", "Sonny", "Ray", "Rod", "Dick":
		return true
	}
	return false
}

// toOwner is an item told as who will do it, as meeting notes write it:
// "Nóva to send the list of domains". Only a known given name opens it,
// as "Need to add …" or "Migrate to …" are no one's.
var toOwner = lazyregexp.New(`^(\p{Lu}\p{Ll}+)\s+to\s+(\p{Ll}+\s.+)$`)

// plainLetters folds the accented Latin letters of a name to their plain
// ones ("Nóva" → "Nova"), as propernames.txt spells names.
func plainLetters(name string) string {
	from := []rune("áàâäãåéèêëíìîïóòôöõúùûüñçÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇ")
	to := []rune("aaaaaaeeeeiiiiooooouuuuncAAAAAAEEEEIIIIOOOOOUUUUNC")
	return strings.Map(func(r rune) rune {
		for i, a := range from {
			if a == r {
				return to[i]
			}
		}
		return r
	}, name)
}

// personLike reports whether the words before an item's task, not in
// properNames (an English list: "Ravi", "Mei", "Sam" are not in it), name
// a person rather than a heading of a kind of work ("Monitoring - add
// alerts", "Process: write it down"): no label word, no noun ending.
func personLike(name string) bool {
	for _, w := range strings.Fields(name) {
		l := strings.ToLower(w)
		if itemLabels()[l] || len(w) > 12 {
			return false
		}
		for _, end := range []string{"ing", "tion", "sion", "ment", "ity", "ness", "ance", "ence", "ure", "ics", "ogy", "ship", "ops", "ware", "ways"} {
			if strings.HasSuffix(l, end) {
				return false
			}
		}
	}
	return true
}

// itemLabels() are words that open an action item as its kind, not its
// owner.
var itemLabels = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`todo done note notes lesson lessons owner action actions task tasks fix fixes bug bugs
		ai ask asks idea ideas step steps phase now next later short long term status priority context why how what who when
		goal goals outcome result results detection prevention mitigation remediation documentation docs doc infra
		process tooling tools training comms communication runbook runbooks deploy deploys alerts alert metrics dashboards
		tests test backend frontend database db network capacity performance reliability automation support product
		team teams engineering security platform infra ops sre oncall on-call follow-up followup follow-ups p0 p1 p2 p3
		high medium low must should could nice wontfix blocked open closed pending optional required update updates`) {
		m[w] = true
	}
	return m
})
