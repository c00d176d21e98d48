package ingest

import (
	"fmt"
	"time"
)

// mendYearSlips reads an entry whose written year is one off the year of
// the entries on both sides of it, in a timeline that is in order, as
// theirs: "2022-01-11 14:40" between "2023-01-11 14:34" and "2023-01-11
// 14:51" is a slip of the keys, and with its neighbours' year it falls
// where the document lists it. es are in document order; only entries
// with dates of their own are mended, and each one is reported.
func (p *parser) mendYearSlips(es []Entry) {
	for i := 1; i+1 < len(es); i++ {
		prev, e, next := es[i-1], es[i], es[i+1]
		if e.group >= 0 || prev.group >= 0 || next.group >= 0 {
			continue // a time-only entry took its date from the lines above
		}
		y := prev.At.Year()
		if next.At.Year() != y || e.At.Year() != y-1 && e.At.Year() != y+1 || next.At.Before(prev.At) {
			continue
		}
		if e.At.Year() == p.docY {
			// "Repaired 2023-02-01" between two lines typed 2022 in a
			// report headed 2023-01-05: the neighbours slipped, not it.
			continue
		}
		at := e.At
		mended := time.Date(y, at.Month(), at.Day(), at.Hour(), at.Minute(), at.Second(), at.Nanosecond(), at.Location())
		if mended.Day() != at.Day() || mended.Before(prev.At) || mended.After(next.At) {
			continue
		}
		es[i].At = mended
		p.change(e.Line, e.Text, fmt.Sprintf("the year %d between entries of %d: read as %d, where the timeline lists it; check it", at.Year(), y, y))
	}
}
