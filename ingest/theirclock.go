package ingest

import "strings"

// personalClocks are the words after a time that put it on someone's own
// clock ("at 11pm their time"), a zone the text does not give.
var personalClocks = []string{"their time", "his time", "her time", "my time", "their local time", "his local time", "her local time", "my local time"}

// personalClock reports whether the time that ends at e in s is told on a
// person's own clock: no zone can be read for it, so a sentence gives no
// entry at it rather than one read in the document's zone.
func personalClock(s string, e int) bool {
	rest := strings.ToLower(strings.TrimLeft(s[e:], " "))
	for _, w := range personalClocks {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}
