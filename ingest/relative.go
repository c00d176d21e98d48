package ingest

import (
	"strings"
	"time"

	"scribe/lazyregexp"
)

// Relative times: a timeline written from the start of the incident
// ("T+0m", "T+15m", "T+1h05m", "T-5m"), as reviews that count from the
// moment of impact do. The start is what the document says T+0 is ("T+0 =
// 13:20 UTC", "T0 is 2024-05-09 13:20 UTC"), else its start field
// ("Incident start | 2024-05-09 13:20 UTC", "Start time: …").

// relativeOffset reads "T+15m" at the start of s: the offset and where it
// ends. A number without a unit is minutes; "T+1:05" is an hour and five
// minutes.
func relativeOffset(s string) (time.Duration, int, bool) {
	if len(s) < 3 || s[0] != 'T' && s[0] != 't' {
		return 0, 0, false
	}
	i := skipSpaces(s, 1)
	sign := time.Duration(1)
	switch {
	case byteAt(s, i) == '+':
	case byteAt(s, i) == '-' || strings.HasPrefix(s[i:], "−"):
		sign = -1
	default:
		return 0, 0, false
	}
	if s[i] == '-' || s[i] == '+' {
		i++
	} else {
		i += len("−")
	}
	i = skipSpaces(s, i)
	var total time.Duration
	parts, end := 0, 0
	for {
		v, n := number(s, i, 4)
		if n == 0 {
			break
		}
		j := i + n
		if byteAt(s, j) == ':' {
			// "T+1:05"
			m, n2 := number(s, j+1, 2)
			if n2 != 2 || parts > 0 {
				return 0, 0, false
			}
			total, parts, end = time.Duration(v)*time.Hour+time.Duration(m)*time.Minute, 1, j+1+n2
			break
		}
		unit := letters(s, j)
		var d time.Duration
		switch strings.ToLower(unit) {
		case "d", "day", "days":
			d = 24 * time.Hour
		case "h", "hr", "hrs", "hour", "hours":
			d = time.Hour
		case "m", "min", "mins", "minute", "minutes", "":
			d = time.Minute
		case "s", "sec", "secs":
			d = time.Second
		default:
			return 0, 0, false
		}
		total += time.Duration(v) * d
		i, parts = j+len(unit), parts+1
		end = i
		if unit == "" {
			break
		}
		i = skipSpaces(s, i)
	}
	if parts == 0 || !wordEnd(s, end) && byteAt(s, end) != ':' {
		return 0, 0, false
	}
	return sign * total, end, true
}

// tZeroStatement is "T+0 = 13:20 UTC", "T0 is …", "T=0: …".
var tZeroStatement = lazyregexp.New(`(?i)\bT\s*(?:[+=]\s*)?0\s*(?:=|is\b|was\b|:)\s*`)

// startLabels name a document's field that gives the incident's start.
var startLabels = []string{"incident start", "start time", "started", "start", "impact start", "began", "t0", "t+0"}

// relativeStart finds, once, the instant a document's relative times count
// from (see above); ok is false when it gives none.
func (p *parser) relativeStart() (stamp, bool) {
	if p.tZeroRead {
		return p.tZero, p.tZeroOK
	}
	p.tZeroRead = true
	for pass := 0; pass < 2 && !p.tZeroOK; pass++ {
		for _, raw := range p.lines {
			c := cleanInline(strings.TrimSpace(raw))
			if st, ok := p.startIn(c, pass); ok {
				p.tZero, p.tZeroOK = st, true
				break
			}
		}
	}
	if p.tZeroOK && !p.tZero.hasDate() && p.docM > 0 && p.docD > 0 {
		p.tZero.year, p.tZero.month, p.tZero.day = p.docY, p.docM, p.docD
	}
	return p.tZero, p.tZeroOK
}

// startIn reads a start from line c: on pass 0 a T+0 statement, on pass 1
// a start field ("Incident start: …", "| Incident start | … |").
func (p *parser) startIn(c string, pass int) (stamp, bool) {
	if pass == 0 {
		loc := tZeroStatement().FindStringIndex(c)
		if loc == nil {
			return stamp{}, false
		}
		st, _, ok := p.r.stampAt(c, loc[1])
		return st, ok && st.hasTime
	}
	var label, value string
	if strings.HasPrefix(c, "|") {
		cells := tableCells(c)
		if len(cells) < 2 {
			return stamp{}, false
		}
		label, value = cells[0], cells[1]
	} else {
		var ok bool
		if label, value, ok = strings.Cut(c, ":"); !ok {
			return stamp{}, false
		}
	}
	label = strings.ToLower(strings.Trim(cleanInline(label), "*_ -"))
	for _, l := range startLabels {
		if label == l {
			st, _, ok := p.r.stampAt(strings.TrimSpace(cleanInline(value)), 0)
			return st, ok && st.hasTime
		}
	}
	return stamp{}, false
}

// relativeStamp reads "T+15m" at the start of s as the stamp it stands
// for, and the text after it.
func (p *parser) relativeStamp(s string) (stamp, int, bool) {
	off, end, ok := relativeOffset(s)
	if !ok {
		return stamp{}, 0, false
	}
	start, ok := p.relativeStart()
	if !ok {
		return stamp{}, 0, false
	}
	hour := start.hour
	switch {
	case start.meridiem == 'a' && hour == 12:
		hour = 0
	case start.meridiem == 'p' && hour < 12:
		hour += 12
	}
	y := start.year
	if y == 0 {
		y = 2000 // a leap year, for the calendar arithmetic only
	}
	m, d := time.Month(start.month), start.day
	if !start.hasDate() {
		m, d = 1, 1
	}
	t := time.Date(y, m, d, hour, start.minute, start.second, 0, time.UTC).Add(off)
	st := stamp{hour: t.Hour(), minute: t.Minute(), second: t.Second(), hasTime: true, zone: start.zone}
	if start.hasDate() {
		st.month, st.day = int(t.Month()), t.Day()
		if start.year != 0 {
			st.year = t.Year()
		}
	} else if t.Day() != 1 || t.Month() != 1 {
		// Past midnight from a start without a date: the day is not known.
		return stamp{}, 0, false
	}
	return st, end, true
}

const noStartReason = "a time relative to the start (T+15m), but the document gives no start (write \"T+0 = 2024-05-09 13:20 UTC\")"

// unanchored reports a line or cell that opens with a relative time the
// document gives no start for.
func (p *parser) unanchored(s string) bool {
	if _, _, ok := relativeOffset(strings.TrimLeft(s, "[(*_`")); !ok {
		return false
	}
	_, ok := p.relativeStart()
	return !ok
}
