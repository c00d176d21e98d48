package ingest

import (
	"encoding/csv"
	"strings"
)

// csvRow reads a quoted CSV row, as Jira, PagerDuty and spreadsheets
// export timelines ("2024-03-14 09:12","Alert fired","ops"), into the
// "time — text — more" form the line readers take; other lines, and rows
// whose first field is not a timestamp, are returned as they are.
func (p *parser) csvRow(line string) string {
	r := csv.NewReader(strings.NewReader(line))
	r.LazyQuotes = true
	fields, err := r.Read()
	if err != nil || len(fields) < 2 {
		return line
	}
	if _, end, ok := p.r.stampAt(fields[0], 0); !ok || strings.TrimSpace(fields[0][end:]) != "" {
		return line
	}
	var parts []string
	for _, f := range fields {
		if f = strings.TrimSpace(f); f != "" {
			parts = append(parts, f)
		}
	}
	return strings.Join(parts, " — ")
}
