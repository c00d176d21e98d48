package export

import (
	_ "embed"
	"strings"
	"sync"
)

// commonwords.txt lists the common English words SCOWL does not know as
// names, with how it was made in its header: a responder may still be
// called Black, Street or Max.
//
//go:embed commonwords.txt
var commonWordsFile string

// commonWords is commonwords.txt as a set, parsed on first use and never
// changed afterwards.
var commonWords = sync.OnceValue(func() map[string]bool {
	set := make(map[string]bool, 11000)
	for _, line := range strings.Split(commonWordsFile, "\n") {
		if line = strings.TrimSpace(line); line != "" && line[0] != '#' {
			set[line] = true
		}
	}
	return set
})
