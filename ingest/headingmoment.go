package ingest

import (
	"fmt"
	"time"
)

// headingMomentRetold handles a moment a heading entry's own text quotes
// in another zone: under "### July 11, 2025, 12:42 PM" (times in BST), the
// alert pasted below says "Violation started: July 11, 2025 at 4:42PM UTC".
// The same minute a whole number of hours away is the heading's moment
// told on another clock, already the text of the heading's entry, so the
// entry just added for it is dropped and the disagreement is reported: one
// of the two zones is wrong, and the reader decides which.
//
// Only a time written on another clock than the heading's is such a quote:
// "The fix was out at 23:45 UTC" under "### 22:45 UTC" is an hour later.
func (p *parser) headingMomentRetold(l textLine, st stamp) {
	n := len(p.entries) - 1
	if p.storyOpen < 0 || p.storyOpen >= n {
		return
	}
	head, quoted := p.entries[p.storyOpen].At, p.entries[n].At
	d := quoted.Sub(head)
	if d == 0 || d%time.Hour != 0 || d.Abs() > 14*time.Hour {
		return
	}
	_, headOffset := head.In(p.location(stamp{})).Zone()
	_, quotedOffset := quoted.In(p.location(st)).Zone()
	if headOffset == quotedOffset {
		return
	}
	p.entries = p.entries[:n]
	p.change(l.line, l.text, fmt.Sprintf("this line quotes the heading's moment as %s, the heading reads %s: kept in the heading's entry, not an entry of its own; one of the two zones is wrong",
		quoted.UTC().Format("15:04 UTC"), head.UTC().Format("15:04 UTC")))
}
