package export

import (
	"fmt"
	"time"

	"scribe/incident"
)

// The JSON writer's part for running the incident: the cadence in the
// incident object, the checklist and the reminders at the end. The layout
// follows json.go's: indentation spelled out, keys in struct order.

func (j *jsonWriter) comms(c *incident.DocComms) {
	j.raw(",\n    \"comms\": {\n      \"update_every\": ")
	if c.UpdateEvery == nil {
		j.raw("null")
	} else {
		j.str(*c.UpdateEvery)
	}
	j.raw(",\n      \"last_update\": ")
	j.timeOrNull(c.LastUpdate)
	j.raw(",\n      \"next_update_due\": ")
	j.timeOrNull(c.NextUpdateDue)
	j.raw("\n    }")
}

func (j *jsonWriter) runbook(d *incident.Document) {
	j.raw(",\n  \"checklist\": ")
	j.list(d.Checklist == nil, len(d.Checklist), "  ", func(i int) { j.checklistItem(&d.Checklist[i]) })
	j.raw(",\n  \"reminders\": ")
	j.list(d.Reminders == nil, len(d.Reminders), "  ", func(i int) { j.reminder(&d.Reminders[i]) })
}

func (j *jsonWriter) checklistItem(c *incident.DocChecklistItem) {
	j.raw("\n    {\n      \"uuid\": ")
	j.str(c.UUID)
	j.raw(",\n      \"text\": ")
	j.str(c.Text)
	j.raw(",\n      \"severity\": ")
	j.int(int64(c.Severity))
	j.raw(",\n      \"state\": ")
	j.str(c.State)
	j.raw(",\n      \"at\": ")
	j.timeOrNull(c.At)
	j.optional(",\n      \"by\": ", c.By)
	j.unreadable(c.Invalid, "      ")
	j.raw("\n    }")
}

func (j *jsonWriter) reminder(r *incident.DocReminder) {
	j.raw("\n    {\n      \"uuid\": ")
	j.str(r.UUID)
	j.raw(",\n      \"text\": ")
	j.str(r.Text)
	j.optional(",\n      \"who\": ", r.Who)
	if !r.DueAt.IsZero() {
		j.raw(",\n      \"due_at\": ")
		j.time(r.DueAt)
	}
	j.raw(",\n      \"state\": ")
	j.str(r.State)
	j.optional(",\n      \"by\": ", r.By)
	if r.CreatedAt != nil {
		j.raw(",\n      \"created_at\": ")
		j.time(*r.CreatedAt)
	}
	j.raw(",\n      \"closed_at\": ")
	j.timeOrNull(r.ClosedAt)
	j.unreadable(r.Invalid, "      ")
	j.raw("\n    }")
}

// checkRunbookTimes is checkDocumentTimes for the cadence, the checklist
// and the reminders.
func checkRunbookTimes(d incident.Document, bad func(*time.Time) bool, refuse func(string, *time.Time) error) error {
	c := d.Incident.Comms
	if bad(c.LastUpdate) {
		return refuse("comms last_update", c.LastUpdate)
	}
	if bad(c.NextUpdateDue) {
		return refuse("comms next_update_due", c.NextUpdateDue)
	}
	for i := range d.Checklist {
		if at := d.Checklist[i].At; bad(at) {
			return refuse(fmt.Sprintf("checklist item %d at", i+1), at)
		}
	}
	for i := range d.Reminders {
		r := &d.Reminders[i]
		for _, t := range []struct {
			what string
			at   *time.Time
		}{{"due_at", &r.DueAt}, {"created_at", r.CreatedAt}, {"closed_at", r.ClosedAt}} {
			if bad(t.at) {
				return refuse(fmt.Sprintf("reminder %d %s", i+1, t.what), t.at)
			}
		}
	}
	return nil
}
