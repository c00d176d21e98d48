package export

import (
	"strings"
	"sync"
)

// sentenceStart reports whether position i begins a sentence, a line, a
// list item or a quote, where a replacement should be capitalised. A full
// stop after an abbreviation ("e.g.", "Dr.") does not end a sentence, nor
// does a dash or an asterisk inside a line ("rolled back - Sam agreed",
// "asked **Sam**").
func sentenceStart(s string, i int) bool {
	t := strings.TrimRight(s[:i], " ")
	if t == "" {
		return true
	}
	switch t[len(t)-1] {
	case '.':
		return !abbreviated(t)
	case '!', '?', '\n', '|':
		return true
	case '-', '*', '>':
		marker := strings.TrimRight(t, "-*> ")
		return marker == "" || marker[len(marker)-1] == '\n'
	}
	return false
}

// abbreviations() are words whose full stop rarely ends a sentence.
var abbreviations = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"dr": true, "mr": true, "mrs": true, "ms": true, "mx": true, "prof": true, "sr": true, "jr": true,
		"vs": true, "cf": true, "approx": true, "incl": true, "esp": true, "eg": true, "ie": true, "ca": true,
		"resp": true, "dept": true, "attn": true,
	}
})

// abbreviated reports whether t, which ends in a full stop, ends with an
// abbreviation: a known one, or one with inner stops ("e.g.", "i.e.").
func abbreviated(t string) bool {
	end := len(t) - 1
	start := end
	for start > 0 {
		c := t[start-1] | 0x20
		if (c < 'a' || c > 'z') && t[start-1] != '.' {
			break
		}
		start--
	}
	word := strings.Trim(t[start:end], ".")
	if word == "" {
		return false
	}
	return strings.Contains(word, ".") || abbreviations()[asciiLower(word)]
}
