package ingest

import "strings"

// timedClauseEnd is where the clause holding a time that ends at e in the
// sentence s ends: the comma or semicolon after it, or the sentence's
// end. A plan told after that ("… notified at approx 16:25, once it was
// clear it would hit the live system") is another clause's, and leaves
// the moment a moment.
func timedClauseEnd(s string, e int) int {
	if c := strings.IndexAny(s[e:], ",;"); c >= 0 {
		return e + c
	}
	return len(s)
}
