package export

import (
	"time"

	"scribe/incident"
)

// ChecklistRow is one step of the incident's checklist in the postmortem.
type ChecklistRow struct {
	Text     string // cell safe
	Severity string // the severity whose checklist brought it, "SEV1"
	State    string // "done", "skipped", "not done"
	Done     bool
	Skipped  bool
	// At and By say when and by whom it was ticked or skipped; By is the
	// role they held then unless Names is set; both "" when not done.
	At string
	By string
}

// checklist lists the steps in order. An open step at export time reads
// "not done": after the incident that is what it was.
func checklist(items []incident.ChecklistItem, names *people, loc *time.Location, keepNames bool) []ChecklistRow {
	out := make([]ChecklistRow, 0, len(items))
	for _, it := range items {
		row := ChecklistRow{Text: cell(it.Text), Severity: it.Severity.String(), State: "not done"}
		switch it.State {
		case incident.ChecklistDone:
			row.State, row.Done = "done", true
		case incident.ChecklistSkipped:
			row.State, row.Skipped = "skipped", true
		}
		if (row.Done || row.Skipped) && !it.At.IsZero() {
			row.At = it.At.In(loc).Format(stampLayout)
			by := sanitize(it.By)
			if !keepNames && by != "" {
				by = names.rewrite(by, it.At)
			}
			row.By = cellSanitized(by)
		}
		out = append(out, row)
	}
	return out
}
