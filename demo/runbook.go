package demo

// The demo incident's checklist and reminders, so that `scribe demo` shows
// them as a team would have used them.

import (
	"context"
	"fmt"
	"time"

	"scribe/incident"
	"scribe/store"
)

// checklist is the demo team's checklist, attached when the incident is
// declared (as a SEV3; the escalation to SEV2 has no steps to add).
var checklist = []string{
	"Name an incident commander",
	"Page the owning team",
	"Open the status page incident",
	"Post the first external update",
	"Decide on customer comms (support, account managers)",
	"Freeze unrelated deploys to the affected services",
}

// tick is a checklist step done (or skipped) at an offset from the start.
type tick struct {
	At    time.Duration
	By    string
	Step  int // index into checklist
	State incident.ChecklistState
}

var ticks = []tick{
	{At: 13 * time.Minute, By: tomasz, Step: 0, State: incident.ChecklistDone},
	{At: 17 * time.Minute, By: tomasz, Step: 1, State: incident.ChecklistDone},
	{At: 18 * time.Minute, By: ellie, Step: 2, State: incident.ChecklistDone},
	{At: 48 * time.Minute, By: ellie, Step: 3, State: incident.ChecklistDone},
	{At: 50 * time.Minute, By: tomasz, Step: 4, State: incident.ChecklistSkipped},
}

// reminders are asks set during the incident; Done at an offset, or open.
var reminders = []struct {
	At, In, Done time.Duration
	By, Text     string
}{
	{At: 36 * time.Minute, In: 15 * time.Minute, Done: 52 * time.Minute, By: tomasz, Text: "check database connections after the pod cap @" + priya},
}

// seedRunbook ticks the demo checklist and sets its reminders.
func seedRunbook(ctx context.Context, st *store.Store, id int64, start time.Time) error {
	items, err := st.Checklist(ctx, id)
	if err != nil {
		return err
	}
	for _, t := range ticks {
		if t.Step >= len(items) {
			return fmt.Errorf("demo: checklist step %d is missing", t.Step+1)
		}
		o := store.Origin{At: start.Add(t.At), Author: t.By, Source: incident.SourceTUI}
		if _, _, err := st.SetChecklistItem(ctx, items[t.Step].ID, t.State, o); err != nil {
			return fmt.Errorf("demo: checklist step %d: %w", t.Step+1, err)
		}
	}
	for _, r := range reminders {
		set := start.Add(r.At)
		rem, err := incident.NewReminder(r.In, r.Text, set)
		if err != nil {
			return err
		}
		rem.IncidentID = id
		if err := st.AddReminder(ctx, &rem, store.Origin{At: set, Author: r.By, Source: incident.SourceTUI}); err != nil {
			return fmt.Errorf("demo: reminder %q: %w", r.Text, err)
		}
		if _, err := st.CloseReminder(ctx, rem.ID, incident.ReminderDone, store.Origin{At: start.Add(r.Done), Author: r.By, Source: incident.SourceTUI}); err != nil {
			return fmt.Errorf("demo: reminder %q: %w", r.Text, err)
		}
	}
	return nil
}
