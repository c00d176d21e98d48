package export

import (
	"strings"
	"time"

	"scribe/incident"
)

// htmlRunbook is the HTML page's Communications subsection and checklist:
// the Markdown's (communications, checklist) with the text as runs.
type htmlRunbook struct {
	Cadence, FirstAfter, LongestGap string
	Updates                         []htmlEventRow
	Steps                           []htmlStep
}

type htmlStep struct {
	Text          []htmlInline
	State, At, By string
	Done, Skipped bool
	Severity      string
}

// htmlRunbookOf builds the page's part from the Markdown's, re-wording the
// texts as runs rather than table cells.
func htmlRunbookOf(snap incident.Snapshot, names *people, loc *time.Location, keepNames bool) htmlRunbook {
	c := communications(snap, names, loc, keepNames)
	r := htmlRunbook{Cadence: c.Cadence, FirstAfter: c.FirstAfter, LongestGap: c.LongestGap}
	for _, row := range htmlEvents(snap, names, loc, keepNames) {
		if row.Kind == string(incident.KindComms) || row.Kind == string(incident.KindStatus) {
			r.Updates = append(r.Updates, row)
		}
	}
	// Dates as on the Markdown's rows: on the first update of each day.
	lastDay := ""
	for i := range r.Updates {
		r.Updates[i].Date = ""
		if day := c.Updates[i].Date; day != "" && day != lastDay {
			r.Updates[i].Date, lastDay = day, day
		}
	}
	rows := checklist(snap.Checklist, names, loc, keepNames)
	for i, it := range snap.Checklist {
		by := ""
		if rows[i].By != "" {
			by = sanitize(it.By)
			if !keepNames {
				by = names.rewrite(by, it.At)
			}
		}
		r.Steps = append(r.Steps, htmlStep{
			Text: htmlInlines(oneLineText(incident.PlainText(it.Text))), State: rows[i].State, At: rows[i].At,
			By: strings.TrimSpace(incident.PlainText(by)), Done: rows[i].Done, Skipped: rows[i].Skipped, Severity: rows[i].Severity,
		})
	}
	return r
}
