package ingest

import "strings"

// tableCols is what a Markdown table's header says: which columns hold the
// date and time (read together), the rest being the entry's text.
type tableCols struct {
	header []string
	when   []int        // date/time columns, in order; empty: try the first cell
	skip   map[int]bool // numbering columns ("#", "Step"), not part of the text
	body   bool         // the separator row has been seen
}

// whenHeaders start the name of a time column: "Time (UTC)", "Date and
// Time in CET", "Timestamp", "When" (but not "Due date").
var whenHeaders = []string{"time", "date", "when", "timestamp", "utc"}

// numberingHeaders name a column that numbers the rows.
var numberingHeaders = map[string]bool{"#": true, "no": true, "no.": true, "nr": true, "step": true, "id": true, "n": true, "n°": true}

// whenWords are whole first words of a time column's header: "At (UTC)",
// "Start", "Occurred".
var whenWords = map[string]bool{"at": true, "start": true, "started": true, "datetime": true, "occurred": true, "hour": true}

func (p *parser) tableRow(lead string, n int) {
	p.flushAwaiting()
	p.dropPending()
	p.open = -1
	cells := tableCells(lead)
	if p.table == nil {
		p.table = &tableCols{header: cells}
		if _, _, ok := p.rowStamp(cells, []int{0}, nil); !ok {
			for i, c := range cells {
				l := strings.ToLower(strings.Trim(c, "*_ "))
				if numberingHeaders[l] {
					if p.table.skip == nil {
						p.table.skip = map[int]bool{}
					}
					p.table.skip[i] = true
					continue
				}
				first := strings.ToLower(letters(l, 0))
				for _, h := range whenHeaders {
					if (strings.HasPrefix(l, h) || whenWords[first]) && len(p.table.when) < 2 {
						p.table.when = append(p.table.when, i)
						break
					}
				}
			}
			if z := statedZone(strings.Join(cells, " ")); z != "" {
				p.setZone(z)
			}
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
	if !ok {
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
		p.problem(n, lead, "no time of day")
		p.setDate(st)
	default:
		p.setDate(st)
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
	if !ok {
		return stamp{}, text, false
	}
	return st, text, true
}
