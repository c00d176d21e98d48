package export

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
)

// commonwords.txt lists the common English words SCOWL does not know as
// names, sorted, with how it was made in its header: a responder may still
// be called Black, Street or Max.
//
//go:embed commonwords.txt
var commonWordsFile string

// commonWordList is commonwords.txt's words in order, split on first use
// and never changed afterwards: 38 thousand words are searched rather than
// hashed, which costs a millisecond instead of six and a fifth of the
// memory.
var commonWordList = sync.OnceValue(func() []string {
	lines := strings.Split(commonWordsFile, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" && l[0] != '#' {
			out = append(out, l)
		}
	}
	return out
})

// isCommonWord reports whether w (lower case) is on commonwords.txt.
func isCommonWord(w string) bool {
	_, ok := slices.BinarySearch(commonWordList(), w)
	return ok
}
