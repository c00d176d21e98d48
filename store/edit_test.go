package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"scribe/incident"
)

func TestEditEventKeepsRevisions(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	e := incident.Event{IncidentID: inc.ID, OccurredAt: t0.Add(time.Minute), Kind: incident.KindNote, Text: "rolled back deploy 4521", Author: "ken"}
	if err := s.LogEvent(ctx, &e); err != nil {
		t.Fatal(err)
	}
	edited, err := s.EditEvent(ctx, e.ID, func(ev *incident.Event) error {
		ev.Text = "Rolled back deploy 4512"
		ev.Kind = incident.KindAction
		ev.Pinned = true
		ev.OccurredAt = t0.Add(-2 * time.Minute)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !edited.LoggedAt.Equal(e.LoggedAt) || edited.Text != "Rolled back deploy 4512" || !edited.Pinned || edited.Kind != incident.KindAction {
		t.Fatalf("edited = %+v", edited)
	}
	if _, err := s.EditEvent(ctx, e.ID, func(ev *incident.Event) error { ev.Text = "Rolled back deploy 4512 (canary)"; return nil }); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Event(ctx, e.ID)
	if got.Text != "Rolled back deploy 4512 (canary)" || !got.LoggedAt.Equal(e.LoggedAt) || !got.OccurredAt.Equal(t0.Add(-2*time.Minute)) {
		t.Fatalf("stored = %+v", got)
	}
	revs, err := s.Revisions(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) != 2 {
		t.Fatalf("revisions = %+v, want 2", revs)
	}
	first, second := revs[0], revs[1]
	if first.Text != "rolled back deploy 4521" || first.Kind != incident.KindNote || first.Pinned || !first.OccurredAt.Equal(t0.Add(time.Minute)) {
		t.Fatalf("first revision = %+v, want the original", first)
	}
	if second.Text != "Rolled back deploy 4512" || second.RevisedAt.Before(first.RevisedAt) {
		t.Fatalf("second revision = %+v", second)
	}
	// An edit that changes nothing keeps no revision.
	if _, err := s.EditEvent(ctx, e.ID, func(*incident.Event) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if revs, _ := s.Revisions(ctx, e.ID); len(revs) != 2 {
		t.Fatalf("no-op edit added a revision: %d", len(revs))
	}
}

func TestEditEventRefuses(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	note := incident.Event{IncidentID: inc.ID, Kind: incident.KindNote, Text: "paged db team"}
	if err := s.LogEvent(ctx, &note); err != nil {
		t.Fatal(err)
	}
	role, err := s.AssignRole(ctx, inc.ID, "ic", "Rosa M.", Origin{})
	if err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	cases := map[string]struct {
		id   int64
		fn   func(*incident.Event) error
		code string
	}{
		"empty text":        {note.ID, func(e *incident.Event) error { e.Text = ""; return nil }, incident.EINVALID},
		"logged_at":         {note.ID, func(e *incident.Event) error { e.LoggedAt = t0; return nil }, incident.EINVALID},
		"to structured":     {note.ID, func(e *incident.Event) error { e.Kind = incident.KindStatus; e.State = incident.Resolved; return nil }, incident.EINVALID},
		"role person":       {role.ID, func(e *incident.Event) error { e.Person = "Ken"; return nil }, incident.EINVALID},
		"role kind":         {role.ID, func(e *incident.Event) error { e.Kind = incident.KindNote; return nil }, incident.EINVALID},
		"zero time":         {note.ID, func(e *incident.Event) error { e.OccurredAt = time.Time{}; return nil }, incident.EINVALID},
		"missing event":     {404, func(*incident.Event) error { return nil }, incident.ENOTFOUND},
		"fn error is kept":  {note.ID, func(e *incident.Event) error { e.Text = "x"; return boom }, incident.EINTERNAL},
		"incident switched": {note.ID, func(e *incident.Event) error { e.IncidentID++; return nil }, incident.EINVALID},
		"note gets a role":  {note.ID, func(e *incident.Event) error { e.Role = "ops"; return nil }, incident.EINVALID},
	}
	for name, c := range cases {
		_, err := s.EditEvent(ctx, c.id, c.fn)
		if incident.ErrorCode(err) != c.code {
			t.Errorf("%s: error = %v, want %s", name, err, c.code)
		}
	}
	if got, _ := s.Event(ctx, note.ID); got.Text != "paged db team" {
		t.Fatalf("refused edits changed the note: %+v", got)
	}
	if revs, _ := s.Revisions(ctx, note.ID); len(revs) != 0 {
		t.Fatalf("refused edits left revisions: %+v", revs)
	}
	// A structured event's text, time and pin can change.
	if _, err := s.EditEvent(ctx, role.ID, func(e *incident.Event) error { e.Pinned = true; e.Text = "Rosa M. took command"; return nil }); err != nil {
		t.Fatal(err)
	}
}

func TestEditMilestoneEventMovesMilestone(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	e, err := s.SetMilestone(ctx, inc.ID, incident.MilestoneDetected, Origin{At: t0.Add(-10 * time.Minute)})
	if err != nil {
		t.Fatal(err)
	}
	fixed := t0.Add(-12 * time.Minute)
	if _, err := s.EditEvent(ctx, e.ID, func(ev *incident.Event) error { ev.OccurredAt = fixed; return nil }); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Incident(ctx, inc.ID)
	if d := got.Milestones[incident.MilestoneDetected]; !d.Equal(fixed) {
		t.Fatalf("detected = %v, want it moved with its event to %v", d, fixed)
	}
}

func TestDeleteAndRestoreEvent(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	e := incident.Event{IncidentID: inc.ID, Kind: incident.KindNote, Text: "typo line"}
	if err := s.LogEvent(ctx, &e); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteEvent(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	evs, _ := s.Events(ctx, inc.ID)
	for _, ev := range evs {
		if ev.ID == e.ID {
			t.Fatal("deleted event still listed")
		}
	}
	got, err := s.Event(ctx, e.ID)
	if err != nil || !got.Deleted() || got.Text != "typo line" {
		t.Fatalf("deleted event = %+v, %v; want it kept, marked deleted", got, err)
	}
	wantCode(t, s.DeleteEvent(ctx, e.ID), incident.ECONFLICT)
	_, err = s.EditEvent(ctx, e.ID, func(ev *incident.Event) error { ev.Text = "x"; return nil })
	wantCode(t, err, incident.ECONFLICT)
	if err := s.RestoreEvent(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.RestoreEvent(ctx, e.ID), incident.ECONFLICT)
	evs, _ = s.Events(ctx, inc.ID)
	if len(evs) != 2 || evs[1].ID != e.ID || evs[1].Deleted() {
		t.Fatalf("after restore = %+v", evs)
	}
	wantCode(t, s.DeleteEvent(ctx, 404), incident.ENOTFOUND)
	wantCode(t, s.RestoreEvent(ctx, 404), incident.ENOTFOUND)
	_, err = s.Revisions(ctx, 404)
	wantCode(t, err, incident.ENOTFOUND)
}
