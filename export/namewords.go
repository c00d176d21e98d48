package export

import (
	_ "embed"
	"strings"
	"sync"
)

// namewords.txt lists common English words that are also people's names,
// with how it was made in its header.
//
//go:embed namewords.txt
var nameWordsFile string

// nameWords is namewords.txt as a set, parsed on first use and never
// changed afterwards.
var nameWords = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for _, line := range strings.Split(nameWordsFile, "\n") {
		if line = strings.TrimSpace(line); line == "" || line[0] == '#' {
			continue
		}
		set[strings.Fields(line)[0]] = true
	}
	for m := range months() {
		set[m] = true
	}
	return set
})

// isNameWord reports whether a name (lower case) is also an ordinary word,
// so that finding it in text proves nothing by itself: a name of
// namewords.txt, or a common word that is a responder's name all the same
// ("Hope Black", "Lance Street").
func isNameWord(lower string) bool { return nameWords()[lower] || isCommonWord(lower) }

// months() are first names that are also months: "in May" is a date.
var months = sync.OnceValue(func() map[string]bool {
	return map[string]bool{"may": true, "june": true, "april": true, "august": true, "march": true, "july": true}
})
