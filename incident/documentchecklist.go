package incident

import (
	"fmt"
	"time"
)

// DocChecklistItem is one checklist item in the document: at and by say
// when and by whom it was last ticked or skipped (null and absent while
// open and untouched).
type DocChecklistItem struct {
	UUID     string     `json:"uuid"`
	Text     string     `json:"text"`
	Severity int        `json:"severity"`
	State    string     `json:"state"`
	At       *time.Time `json:"at"`
	By       string     `json:"by,omitempty"`
	Invalid  Unreadable `json:"invalid,omitempty"`
}

func newDocChecklist(items []ChecklistItem) []DocChecklistItem {
	out := make([]DocChecklistItem, 0, len(items))
	for _, c := range items {
		out = append(out, DocChecklistItem{
			UUID: c.UUID, Text: c.Text, Severity: int(c.Severity), State: string(c.State), At: utcPtr(c.At), By: c.By,
			Invalid: c.Invalid,
		})
	}
	return out
}

// checklistSnapshot reads the checklist back, numbering the items in the
// document's order.
func (d Document) checklistSnapshot(s *Snapshot) error {
	for i, c := range d.Checklist {
		item := ChecklistItem{
			IncidentID: s.Incident.ID, UUID: c.UUID, Text: c.Text, Severity: Severity(c.Severity),
			Order: i + 1, State: ChecklistState(c.State), At: fromPtr(c.At), By: c.By,
		}
		if item.State == "" {
			item.State = ChecklistOpen
		}
		if item.Severity == 0 {
			item.Severity = s.Incident.Severity
		}
		if err := item.Validate(); err != nil {
			if len(c.Invalid) > 0 {
				continue // left out: Unreadable says so
			}
			return fmt.Errorf("checklist item %d: %w", i+1, err)
		}
		s.Checklist = append(s.Checklist, item)
	}
	return nil
}

func (r *documentReader) checklistItem(c *DocChecklistItem) {
	r.object(func(key []byte) {
		switch string(key) {
		case "uuid":
			c.UUID = r.str()
		case "text":
			c.Text = r.str()
		case "severity":
			c.Severity = r.intSized()
		case "state":
			c.State = r.str()
		case "at":
			c.At = r.timePtr()
		case "by":
			c.By = r.str()
		case "invalid":
			c.Invalid = r.unreadable()
		default:
			r.ok = false
		}
	})
}
