package ingest

import (
	"strconv"
	"time"

	"scribe/lazyregexp"
)

// A timeline over several days may number them instead of dating them:
// "Day 1" above the first day's times, "Day 2" above the next. Such a line
// is no entry's text (it was glued onto the entry above it), and it moves
// the date in force: day N is N-1 days after the day "Day 1" was read on.

// dayNumber is a line that only numbers the incident's day: "Day 2",
// "**Day 2:**", "Day 2 (Tuesday)", "Day 2 — Tuesday".
var dayNumber = lazyregexp.New(`^(?i:day)\s+(\d{1,2})\s*[:.]?\s*(?:(?:[—–-]\s*)?\(?[A-Za-z]{3,9}\)?)?\s*:?$`)

// dayLine reads a "Day N" line.
func (p *parser) dayLine(l *line) bool {
	if l.isList || l.stamped || len(l.clean) > 32 || len(l.clean) < 5 || l.clean[0]|0x20 != 'd' && l.clean[0] != '*' && l.clean[0] != '_' {
		return false
	}
	m := dayNumber().FindStringSubmatch(trimEmphasis(l.clean))
	if m == nil {
		return false
	}
	n, err := strconv.Atoi(m[1])
	if err != nil || n < 1 {
		return false
	}
	p.endParagraph()
	p.flushAwaiting()
	p.open = -1
	if !p.hasCur {
		return true
	}
	if !p.dayOneSet {
		// The first numbered day is the date in force.
		cur := time.Date(p.curY, time.Month(p.curM), p.curD, 0, 0, 0, 0, time.UTC)
		p.dayOne, p.dayOneSet = cur.AddDate(0, 0, 1-n), true
		return true
	}
	d := p.dayOne.AddDate(0, 0, n-1)
	p.setDate(stamp{year: d.Year(), month: int(d.Month()), day: d.Day()})
	return true
}
