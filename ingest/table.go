package ingest

import (
	"fmt"
	"strings"
	"sync"
)

// tableCols is what a Markdown table's header says: which columns hold the
// date and time (read together), the rest being the entry's text.
type tableCols struct {
	header []string
	when   []int        // date/time columns, in order; empty: try the first cell
	skip   map[int]bool // numbering columns ("#", "Step"), not part of the text
	body   bool         // the separator row has been seen
	// utc and local are the columns of a table that gives each time twice,
	// in UTC and on the local clock ("| 4:12 PM | 23:12 |"); -1 when not.
	utc, local int
}

// whenHeaders start the name of a time column: "Time (UTC)", "Date and
// Time in CET", "Timestamp", "When" (but not "Due date").
var whenHeaders = []string{"time", "date", "when", "timestamp", "utc"}

// numberingHeaders() name a column that numbers the rows.
var numberingHeaders = sync.OnceValue(func() map[string]bool {
	return map[string]bool{"#": true, "no": true, "no.": true, "nr": true, "step": true, "id": true, "n": true, "n°": true}
})

// whenWords() are whole first words of a time column's header: "At (UTC)",
// "Start", "Occurred", "Day" ("Mon 3/10").
var whenWords = sync.OnceValue(func() map[string]bool {
	return map[string]bool{"at": true, "start": true, "started": true, "datetime": true, "occurred": true, "hour": true, "day": true}
})

func (p *parser) tableRow(lead string, n int) {
	p.flushAwaiting()
	p.dropPending()
	p.open = -1
	cells := tableCells(lead)
	if p.doc.serviceRow(cells) {
		return
	}
	if p.table == nil {
		p.table = &tableCols{header: cells, utc: -1, local: -1}
		if _, _, ok := p.rowStamp(cells, []int{0}, nil); !ok {
			p.tableHeader(cells)
			return
		}
		// A table without a header: its first row is already an entry.
		p.table.body = true
	}
	if !p.table.body && separatorRow(cells) {
		p.table.body = true
		return
	}
	when := p.table.when
	if len(when) == 0 {
		when = []int{0}
	}
	st, text, ok := p.rowStamp(cells, when, p.table.skip)
	if pst, ptext, pok := p.pairStamp(cells); pok {
		st, text, ok = pst, ptext, true
	}
	if !ok && len(p.table.when) == 0 && len(cells) == 2 && p.labelStamp(cells[0]+" "+cells[1], n, lead, false) {
		// "| Impact started | 6 Nov 2025, 13:48 CET |": a key event in a
		// table of fields.
		return
	}
	if !ok && p.datedProseRow(cells, n) {
		return
	}
	if !ok {
		if p.unanchored(cellAt(cells, when[0])) && text != "" {
			p.problem(n, lead, noStartReason)
			return
		}
		// Only a column the header calls a time is expected to hold one.
		if c := cellAt(cells, when[0]); len(p.table.when) > 0 && strings.ContainsAny(c, "0123456789") && text != "" {
			p.problem(n, lead, "unreadable time")
		}
		return
	}
	switch {
	case st.hasTime || st.unknown:
		if text == "" {
			p.problem(n, lead, "no text after the time")
			return
		}
		p.addEntry(st, text, n, lead, false)
	case text != "":
		if p.datedProseRow(cells, n) {
			return
		}
		p.problem(n, lead, "no time of day")
		p.setDate(st)
	default:
		p.setDate(st)
	}
}

// datedProseRow reads a timeline table's row that gives a day in its
// first cell and tells its moments in sentences in the others ("| 3
// August — general outage | Severe errors began around 20:50. … |"): the
// sentences' times are entries on that day. It reports whether any was.
func (p *parser) datedProseRow(cells []string, n int) bool {
	if p.doc.section != sectionTimeline || len(cells) < 2 {
		return false
	}
	y, m, d, ok := p.r.dateAnywhere(linkText(cleanInline(cells[0])))
	if !ok || d == 0 {
		return false
	}
	p.setDate(stamp{year: y, month: m, day: d})
	before := len(p.entries)
	var rest []string
	for _, c := range cells[1:] {
		if c = strings.TrimSpace(cleanInline(c)); c != "" {
			rest = append(rest, c)
		}
	}
	p.prose([]textLine{{text: strings.Join(rest, " "), line: n}})
	return len(p.entries) > before
}

// tableHeader reads a table's header row: its time columns, numbering
// columns, a UTC and local clock pair, and the zone it states.
func (p *parser) tableHeader(cells []string) {
	for i, c := range cells {
		l := strings.ToLower(strings.Trim(c, "*_ "))
		if numberingHeaders()[l] || l == "kind" {
			// "Kind" is scribe's own export's column of event kinds
			// (note, milestone, action item), which the text says.
			if p.table.skip == nil {
				p.table.skip = map[int]bool{}
			}
			p.table.skip[i] = true
			continue
		}
		first := strings.ToLower(letters(l, 0))
		for _, h := range whenHeaders {
			if (strings.HasPrefix(l, h) || whenWords()[first]) && len(p.table.when) < 2 {
				p.table.when = append(p.table.when, i)
				break
			}
		}
	}
	p.table.utc, p.table.local = clockPair(cells)
	if z := statedZone(strings.Join(cells, " ")); z != "" {
		p.setZone(z)
	} else if z := p.headerZone(cells); z != "" {
		p.setZone(z)
	}
}

func cellAt(cells []string, i int) string {
	if i < 0 || i >= len(cells) {
		return ""
	}
	return cells[i]
}

// rowStamp reads the date/time columns of a row together and joins the
// other non-empty cells as the entry's text.
func (p *parser) rowStamp(cells []string, when []int, skip map[int]bool) (stamp, string, bool) {
	var parts, texts []string
	isWhen := map[int]bool{}
	for _, i := range when {
		if c := cellAt(cells, i); c != "" {
			parts = append(parts, cleanInline(c))
		}
		isWhen[i] = true
	}
	for i, c := range cells {
		if !isWhen[i] && !skip[i] && c != "" {
			texts = append(texts, c)
		}
	}
	text := entryText(cleanInline(strings.Join(texts, " — ")))
	if len(parts) == 0 {
		return stamp{}, text, false
	}
	st, _, ok := p.leadStamp(strings.Join(parts, " "))
	if !ok && len(when) == 2 && len(parts) == 2 {
		// "| Day 1 | 23:20 |": the first column is no date; it is text.
		if st, _, ok = p.leadStamp(parts[1]); ok {
			text = entryText(cleanInline(strings.Join(append([]string{cellAt(cells, when[0])}, texts...), " — ")))
		}
	}
	if !ok {
		return stamp{}, text, false
	}
	return st, text, true
}

// clockPair finds, in a table's header, a UTC time column and a local one
// ("| Time (PDT) | Time (UTC) |", "| Local time | UTC |").
func clockPair(header []string) (utc, local int) {
	utc, local = -1, -1
	for i, c := range header {
		l := strings.ToLower(strings.Trim(c, "*_ "))
		switch {
		case utc < 0 && (strings.Contains(l, "utc") || strings.Contains(l, "gmt") || strings.Contains(l, "zulu")):
			utc = i
		case local < 0 && (strings.Contains(l, "local") || strings.HasPrefix(l, "time") && statedZone(c) != "" ||
			regionWords()[strings.ToLower(letters(l, 0))] != "" || zoneWord(strings.Trim(c, "*_ ()"))):
			local = i
		}
	}
	if utc < 0 || local < 0 {
		return -1, -1
	}
	return utc, local
}

// pairStamp reads a row that gives its time on the local clock and in
// UTC: the date in force is the local clock's (the writer's day), the UTC
// column says how far that clock is from UTC, so the local column needs
// no zone of its own.
func (p *parser) pairStamp(cells []string) (stamp, string, bool) {
	t := p.table
	if t.utc < 0 {
		return stamp{}, "", false
	}
	u, _, uok := p.r.stampAt(cleanInline(cellAt(cells, t.utc)), 0)
	l, _, lok := p.r.stampAt(cleanInline(cellAt(cells, t.local)), 0)
	if !uok || !lok || !u.hasTime || !l.hasTime || u.hasDate() || l.hasDate() {
		return stamp{}, "", false
	}
	hour := l.hour
	switch {
	case l.meridiem == 'a' && hour == 12:
		hour = 0
	case l.meridiem == 'p' && hour < 12:
		hour += 12
	}
	off := (hour*60 + l.minute - u.hour*60 - u.minute + 2*24*60) % (24 * 60)
	if off > 14*60 {
		off -= 24 * 60
	}
	if off%15 != 0 {
		return stamp{}, "", false
	}
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	l.zone = fmt.Sprintf("%c%02d:%02d", sign, off/60, off%60)
	var texts []string
	for i, c := range cells {
		if i != t.utc && i != t.local && !t.skip[i] && c != "" && !isWhenCol(t.when, i) {
			texts = append(texts, c)
		}
	}
	return l, entryText(cleanInline(strings.Join(texts, " — "))), true
}

func isWhenCol(when []int, i int) bool {
	for _, w := range when {
		if w == i {
			return true
		}
	}
	return false
}

// headerZone is a zone a time column's header gives in brackets without
// saying "time" ("When (CET)", "Datetime (UTC+2)", "Start [PT]").
func (p *parser) headerZone(cells []string) string {
	for _, i := range p.table.when {
		c := cellAt(cells, i)
		open := strings.IndexAny(c, "([")
		end := strings.LastIndexAny(c, ")]")
		if open < 0 || end <= open {
			continue
		}
		z := strings.TrimSpace(c[open+1 : end])
		if z != "" && !strings.ContainsAny(z, " ,") && p.zones.stampZone(z) != nil {
			return z
		}
	}
	return ""
}
