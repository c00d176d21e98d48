// Package demo writes sample incidents into a store: one realistic,
// fictional incident for `scribe demo`, and large generated ones for speed
// benchmarks.
package demo

import (
	"context"
	"fmt"
	"time"

	"scribe/incident"
	"scribe/store"
)

// Seed writes the demo incident into st through the store's public API, as
// a team would have logged it, with impact beginning a little over four hours
// before now and everything wrapped up shortly before now. It returns the
// incident's id. Seeding twice makes two incidents.
func Seed(ctx context.Context, st *store.Store, now time.Time) (int64, error) {
	loc, err := incident.LoadZone(zone)
	if err != nil {
		return 0, fmt.Errorf("demo zone: %w", err)
	}
	// Whole minutes read like times a person typed.
	start := now.Add(-sinceStart).Truncate(time.Minute)
	declared, err := declaredEntry()
	if err != nil {
		return 0, err
	}

	inc := incident.Incident{Title: title, Severity: declaredAs, State: incident.Investigating, Timezone: zone}
	if err := st.DeclareIncident(ctx, &inc, checklist, origin(start, declared)); err != nil { // runbook.go
		return 0, fmt.Errorf("demo: create incident: %w", err)
	}
	id := inc.ID
	for i, e := range timeline {
		if e.Kind == incident.KindMilestone && e.Milestone == incident.MilestoneDeclared {
			continue // CreateIncident logged it
		}
		if err := logEntry(ctx, st, id, start, e); err != nil {
			return 0, fmt.Errorf("demo: timeline entry %d (%s at +%s): %w", i+1, e.Kind, e.At, err)
		}
	}
	if err := seedRunbook(ctx, st, id, start); err != nil {
		return 0, err
	}
	for i, a := range actionItems {
		if err := addItem(ctx, st, id, start, now.In(loc), a); err != nil {
			return 0, fmt.Errorf("demo: action item %d %q: %w", i+1, a.Title, err)
		}
	}
	for i, n := range retro {
		note := n
		note.IncidentID = id
		if err := st.AddRetroNote(ctx, &note); err != nil {
			return 0, fmt.Errorf("demo: retro note %d (%s): %w", i+1, n.Section, err)
		}
	}
	_, err = st.UpdateIncident(ctx, id, func(inc *incident.Incident) error {
		inc.Summary = summary
		inc.Impact = impact
		inc.RootCause = rootCause
		inc.Trigger = trigger
		inc.Resolution = resolution
		inc.Services = append([]string(nil), services...)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("demo: write narrative: %w", err)
	}
	return id, nil
}

// declaredEntry finds the moment the incident was declared, which is when
// it is created in the store.
func declaredEntry() (entry, error) {
	for _, e := range timeline {
		if e.Kind == incident.KindMilestone && e.Milestone == incident.MilestoneDeclared {
			return e, nil
		}
	}
	return entry{}, fmt.Errorf("demo: the timeline has no declared milestone")
}

func origin(start time.Time, e entry) store.Origin {
	return store.Origin{At: start.Add(e.At), Author: e.By, Source: incident.SourceTUI}
}

// logEntry writes one timeline entry with the store call its kind needs.
func logEntry(ctx context.Context, st *store.Store, id int64, start time.Time, e entry) error {
	o := origin(start, e)
	var err error
	switch e.Kind {
	case incident.KindStatus:
		_, err = st.SetStatus(ctx, id, e.State, e.Text, o)
	case incident.KindRole:
		_, err = st.AssignRole(ctx, id, e.Role, e.Person, o)
	case incident.KindMilestone:
		_, err = st.SetMilestone(ctx, id, e.Milestone, o)
	case incident.KindSeverity:
		_, err = st.SetSeverity(ctx, id, e.Severity, e.Text, o)
	default:
		err = st.LogEvent(ctx, &incident.Event{
			IncidentID: id, OccurredAt: o.At, Kind: e.Kind, Text: e.Text,
			Author: e.By, Pinned: e.Pin, Source: o.Source,
		})
	}
	return err
}

// addItem stores an action item, closing it when the story says it is done.
func addItem(ctx context.Context, st *store.Store, id int64, start, now time.Time, a item) error {
	ai := incident.ActionItem{
		IncidentID: id, Title: a.Title, Description: a.Desc, Owner: a.Owner,
		Priority: a.Priority, Due: now.AddDate(0, 0, a.DueDays).Format(incident.DateLayout),
		State: incident.ItemOpen,
	}
	if err := st.AddActionItem(ctx, &ai, store.Origin{At: start.Add(a.At), Author: a.By, Source: incident.SourceTUI}); err != nil {
		return err
	}
	if !a.Done {
		return nil
	}
	_, err := st.UpdateActionItem(ctx, ai.ID, func(it *incident.ActionItem) error {
		it.State = incident.ItemDone
		return nil
	})
	return err
}
