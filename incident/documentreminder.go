package incident

import (
	"fmt"
	"time"
)

// DocReminder is one reminder in the document. A reader finds the due ones
// by comparing due_at with the time it reads them: state open and due_at
// past.
type DocReminder struct {
	UUID      string     `json:"uuid"`
	Text      string     `json:"text"`
	Who       string     `json:"who,omitempty"`
	DueAt     time.Time  `json:"due_at,omitzero"` // absent when the database could not read it (Invalid)
	State     string     `json:"state"`
	By        string     `json:"by,omitempty"`
	CreatedAt *time.Time `json:"created_at,omitempty"`
	ClosedAt  *time.Time `json:"closed_at"`
	Invalid   Unreadable `json:"invalid,omitempty"`
}

func newDocReminders(rs []Reminder) []DocReminder {
	out := make([]DocReminder, 0, len(rs))
	for _, r := range rs {
		out = append(out, DocReminder{
			UUID: r.UUID, Text: r.Text, Who: r.Who, DueAt: r.DueAt.UTC(), State: string(r.State), By: r.By,
			CreatedAt: utcPtr(r.CreatedAt), ClosedAt: utcPtr(r.ClosedAt), Invalid: r.Invalid,
		})
	}
	return out
}

func (d Document) remindersSnapshot(s *Snapshot) error {
	for i, r := range d.Reminders {
		rem := Reminder{
			IncidentID: s.Incident.ID, UUID: r.UUID, Text: r.Text, Who: r.Who, DueAt: r.DueAt.UTC(),
			State: ReminderState(r.State), By: r.By, CreatedAt: fromPtr(r.CreatedAt), ClosedAt: fromPtr(r.ClosedAt),
		}
		if rem.State == "" {
			rem.State = ReminderOpen
		}
		if err := rem.Validate(); err != nil {
			if len(r.Invalid) > 0 {
				continue // left out: Unreadable says so
			}
			return fmt.Errorf("reminder %d: %w", i+1, err)
		}
		s.Reminders = append(s.Reminders, rem)
	}
	return nil
}

func (r *documentReader) reminder(rem *DocReminder) {
	r.object(func(key []byte) {
		switch string(key) {
		case "uuid":
			rem.UUID = r.str()
		case "text":
			rem.Text = r.str()
		case "who":
			rem.Who = r.str()
		case "due_at":
			rem.DueAt = r.time()
		case "state":
			rem.State = r.str()
		case "by":
			rem.By = r.str()
		case "created_at":
			rem.CreatedAt = r.timePtr()
		case "closed_at":
			rem.ClosedAt = r.timePtr()
		case "invalid":
			rem.Invalid = r.unreadable()
		default:
			r.ok = false
		}
	})
}
