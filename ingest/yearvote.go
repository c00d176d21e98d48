package ingest

import (
	"fmt"
	"strings"
	"time"
)

// dateMention is a date written with its year in the document's text:
// evidence of the year its dates written without one are in.
type dateMention struct {
	year, month, day int
	line             int // 0-based
	// weight is how strongly the date speaks for the incident's year: a
	// date with a time after it (a timeline entry, a "Started:" field)
	// counts three times, as it says when something happened.
	weight int
}

// datedMentions lists the dates the text writes with their years, as
// noteDate reads them: not in links, not deadlines ("due 2026-12-01", an
// action section's items and rows), not later than the year after the
// reference (a port or a ticket number).
func (p *parser) datedMentions() []dateMention {
	var out []dateMention
	latest := time.Now().Year() + 1
	if !p.opts.Reference.IsZero() {
		latest = p.opts.Reference.Year() + 1
	}
	skipItems := false
	p.surveyLines(func(i int, lead string) {
		if len(out) >= 500 {
			return // a long log dates every line the same way
		}
		if level, text := headingOf(lead); level > 0 {
			skipItems = classify(text) == sectionActions || otherIncidents(text)
		} else if sec, _, ok := headingLine(cleanInline(lead), lead, false, false); ok {
			skipItems = sec == sectionActions
		}
		if _, listed := listItem(lead); skipItems && (listed || lead[0] == '|') {
			// The follow-ups' due dates say when work is expected, a
			// list of related incidents when those happened.
			return
		}
		s := lead
		for k := 0; k < len(s); k++ {
			if k > 0 && (isLetter(s[k-1]) || isDigit(s[k-1])) || !isLetter(s[k]) && !isDigit(s[k]) {
				continue
			}
			if skip := urlEnd(s, k); skip > k {
				k = skip
				continue
			}
			y, m, d, e, ok := p.r.date(s, k)
			if !ok || d == 0 || !validYear(y) || y > latest {
				continue
			}
			due := dueBefore().MatchString(s[max(0, k-24):k])
			weight := 1
			if _, _, timed := p.r.timeAfterDate(s, e); timed {
				weight = 3
			}
			if e > k {
				k = e - 1
			}
			if !due {
				out = append(out, dateMention{y, m, d, i, weight})
			}
		}
	})
	return out
}

// datedByField reports whether the document's date is written in a field
// ("Incident date: 4 March 2025", "**Date:** …") rather than in a
// sentence, which may name another incident's ("Much like the incident of
// 2 March 2023").
func (p *parser) datedByField(mentions []dateMention) bool {
	for _, m := range mentions {
		if m.year == p.docY && m.month == p.docM && m.day == p.docD {
			at := fieldLead().FindStringIndex(strings.TrimLeft(cleanInline(strings.TrimSpace(p.lines[m.line])), "-*_ |"))
			return at != nil && at[0] == 0
		}
	}
	return false
}

// otherIncidents reports a heading over a list of other incidents
// ("Related incidents", "Previous occurrences", "See also").
func otherIncidents(heading string) bool {
	l := strings.ToLower(heading)
	for _, w := range []string{"related", "previous", "prior", "similar", "earlier", "history of", "see also", "references"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// weighYears checks the document's year, taken from the first date the
// survey met, against every date the text writes with a year: one early
// mention of another incident ("much like the outage of 2 March 2023",
// "since the March 2023 migration") must not move every entry written
// without a year into that year. The year the dates speak for most wins
// (see yearVotes; the latest on a tie: a write-up looks back at older
// incidents, and its deadlines are already left out), except across a
// new year, where the first date's year stays when a date of the other
// year is within two months of it. It reports the line of the date that
// now dates the document, or -1 when nothing changed.
func (p *parser) weighYears(mentions []dateMention, titleDated bool) int {
	if p.docYSource == titleYearSource {
		return -1 // a dated title says when the incident was
	}
	if p.docY == 0 || len(mentions) == 0 {
		return -1
	}
	best := p.yearVotes(mentions)
	if best == p.docY || p.acrossNewYear(mentions, best) {
		return -1
	}
	at, n := -1, 0
	keep := titleDated && p.docD > 0
	first := dateMention{line: -1}
	for _, m := range mentions {
		if m.year != best {
			continue
		}
		n++
		keep = keep || m.month == p.docM && m.day == p.docD
		if first.line < 0 {
			first = m
		}
	}
	if !keep && first.line >= 0 {
		p.docM, p.docD, at = first.month, first.day, first.line
	}
	p.docY, p.docYWritten = best, false
	p.docYSource = fmt.Sprintf("the year of %d of the %d dates written with a year (the first on line %d)", n, len(mentions), first.line+1)
	return at
}

// yearVotes is the year the mentions speak for most: each by its weight,
// the document's own date written in a field ("Incident date: 4 March
// 2025") once more; the latest on a tie.
func (p *parser) yearVotes(mentions []dateMention) int {
	votes := map[int]int{}
	for _, m := range mentions {
		votes[m.year] += m.weight
	}
	if p.docYWritten && p.datedByField(mentions) {
		votes[p.docY]++
	}
	best := 0
	for y, n := range votes {
		if best == 0 || n > votes[best] || n == votes[best] && y > best {
			best = y
		}
	}
	return best
}

// acrossNewYear reports whether year best is the one next to the
// document's date's and a date of it is within two months of that date:
// Dec 31 to Jan 1, one incident across a new year.
func (p *parser) acrossNewYear(mentions []dateMention, best int) bool {
	if p.docD == 0 || best-p.docY != 1 && p.docY-best != 1 {
		return false
	}
	doc := time.Date(p.docY, time.Month(p.docM), p.docD, 0, 0, 0, 0, time.UTC)
	for _, m := range mentions {
		if m.year == best && time.Date(m.year, time.Month(m.month), m.day, 0, 0, 0, 0, time.UTC).Sub(doc).Abs() <= 62*24*time.Hour {
			return true
		}
	}
	return false
}
