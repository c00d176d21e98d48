package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

// badTimes are stored values no reader may fail on: what an older scribe
// wrote for a time past 9999 or before year 1, a year-1 value that parses
// but lies outside the accepted range, and text that is no time at all.
var badTimes = []string{
	"10000-01-01T07:59:00.000000000Z",
	"-0001-12-31T10:00:00.000000000Z",
	"0000-01-01T00:00:00.000000000Z",
	"0001-01-01T00:00:00.000000000Z",
	"2026-02-31T00:00:00.000000000Z",
	"garbage",
	"",
}

func TestBadStoredEventTimeMarksTheEventOnly(t *testing.T) {
	ctx := context.Background()
	for _, raw := range badTimes {
		t.Run(raw, func(t *testing.T) {
			s := openTest(t)
			inc := newIncident(t, s)
			good := incident.Event{IncidentID: inc.ID, Kind: incident.KindNote, Text: "paged the DB team", OccurredAt: t0.Add(time.Minute)}
			bad := incident.Event{IncidentID: inc.ID, Kind: incident.KindNote, Text: "typed with a wild --at", OccurredAt: t0.Add(2 * time.Minute)}
			for _, e := range []*incident.Event{&good, &bad} {
				if err := s.LogEvent(ctx, e); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := s.pool().ExecContext(ctx, `UPDATE events SET occurred_at = ? WHERE id = ?`, raw, bad.ID); err != nil {
				t.Fatal(err)
			}
			snap, err := s.Snapshot(ctx, inc.ID)
			if err != nil {
				t.Fatalf("Snapshot fails on one bad row: %v", err)
			}
			var got, ok *incident.Event
			for i := range snap.Events {
				switch snap.Events[i].ID {
				case bad.ID:
					got = &snap.Events[i]
				case good.ID:
					ok = &snap.Events[i]
				}
			}
			if got == nil || ok == nil {
				t.Fatalf("events = %+v", snap.Events)
			}
			if !strings.Contains(got.Invalid.String(), "occurred_at") || !got.OccurredAt.IsZero() || got.Text != bad.Text {
				t.Fatalf("bad event = %+v: want it marked invalid with its text", got)
			}
			if raw != "" && !strings.Contains(got.Invalid.String(), raw[:4]) {
				t.Fatalf("Invalid %q does not show the raw value %q", got.Invalid, raw)
			}
			if len(ok.Invalid) > 0 || !ok.OccurredAt.Equal(good.OccurredAt) {
				t.Fatalf("good event = %+v", ok)
			}
			one, err := s.Event(ctx, bad.ID)
			if err != nil || len(one.Invalid) == 0 {
				t.Fatalf("Event = %+v, %v", one, err)
			}
			// The fix: give it a time. The raw value goes to its history.
			fixed, err := s.EditEvent(ctx, bad.ID, func(e *incident.Event) error { e.OccurredAt = t0.Add(3 * time.Minute); return nil })
			if err != nil {
				t.Fatal(err)
			}
			if len(fixed.Invalid) > 0 || !fixed.OccurredAt.Equal(t0.Add(3*time.Minute)) {
				t.Fatalf("fixed = %+v", fixed)
			}
			var kept string
			if err := s.pool().QueryRowContext(ctx, `SELECT occurred_at FROM event_revisions WHERE event_id = ?`, bad.ID).Scan(&kept); err != nil || kept != raw {
				t.Fatalf("revision kept %q (%v), want the raw %q", kept, err, raw)
			}
			// Editing only the text of such an event says what is missing.
			if _, err := s.pool().ExecContext(ctx, `UPDATE events SET occurred_at = ? WHERE id = ?`, raw, bad.ID); err != nil {
				t.Fatal(err)
			}
			_, err = s.EditEvent(ctx, bad.ID, func(e *incident.Event) error { e.Text = "x"; return nil })
			wantCode(t, err, incident.EINVALID)
		})
	}
}

func TestBadStoredIncidentIsListedWithAWarning(t *testing.T) {
	ctx := context.Background()
	for _, raw := range badTimes {
		t.Run(raw, func(t *testing.T) {
			s := openTest(t)
			bad := newIncident(t, s)
			good := newIncident(t, s)
			if _, err := s.pool().ExecContext(ctx, `UPDATE incidents SET declared_at = ?, created_at = ?, mitigated_at = ? WHERE id = ?`,
				raw, raw, raw, bad.ID); err != nil {
				t.Fatal(err)
			}
			list, err := s.Incidents(ctx)
			if err != nil {
				t.Fatalf("Incidents fails on one bad row: %v", err)
			}
			if len(list) != 2 || list[0].ID != good.ID || len(list[0].Invalid) > 0 {
				t.Fatalf("list = %+v", list)
			}
			got := list[1]
			if !strings.Contains(got.Invalid.String(), "declared_at") || !strings.Contains(got.Invalid.String(), "created_at") {
				t.Fatalf("bad incident's Invalid = %q", got.Invalid)
			}
			if _, ok := got.Milestones.Get(incident.MilestoneDeclared); ok || got.Title != bad.Title {
				t.Fatalf("bad incident = %+v", got)
			}
			if _, err := s.Snapshot(ctx, bad.ID); err != nil {
				t.Fatalf("Snapshot: %v", err)
			}
			// A change to another field leaves the unreadable values as
			// stored; setting the milestone replaces one.
			if _, err := s.SetSeverity(ctx, bad.ID, 1, "", Origin{At: t0}); err != nil {
				t.Fatal(err)
			}
			if _, err := s.SetMilestone(ctx, bad.ID, incident.MilestoneDeclared, Origin{At: t0}); err != nil {
				t.Fatal(err)
			}
			var declared, mitigated any
			if err := s.pool().QueryRowContext(ctx, `SELECT declared_at, mitigated_at FROM incidents WHERE id = ?`, bad.ID).Scan(&declared, &mitigated); err != nil {
				t.Fatal(err)
			}
			if declared != formatTime(t0) || mitigated != raw {
				t.Fatalf("declared_at = %v, mitigated_at = %v; want the new time and the raw %q", declared, mitigated, raw)
			}
		})
	}
}

func TestBadStoredRowsOfOtherKinds(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	if _, err := s.AssignRole(ctx, inc.ID, "ic", "Rosa M.", Origin{At: t0}); err != nil {
		t.Fatal(err)
	}
	item := incident.ActionItem{IncidentID: inc.ID, Title: "Canary deploys"}
	if err := s.AddActionItem(ctx, &item, Origin{}); err != nil {
		t.Fatal(err)
	}
	note := incident.RetroNote{IncidentID: inc.ID, Section: incident.RetroLesson, Text: "Canaries"}
	if err := s.AddRetroNote(ctx, &note); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`UPDATE role_assignments SET from_at = '10000-01-01T00:00:00.000000000Z'`,
		`UPDATE action_items SET github_synced_at = 'soon', created_at = 'x'`,
		`UPDATE retro_notes SET created_at = '0000-01-01T00:00:00.000000000Z'`,
		`UPDATE events SET logged_at = 'yesterday'`,
	} {
		if _, err := s.pool().ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	snap, err := s.Snapshot(ctx, inc.ID)
	if err != nil {
		t.Fatalf("Snapshot: %v", err)
	}
	if len(snap.Roles) != 1 || !strings.Contains(snap.Roles[0].Invalid.String(), "from_at") || snap.Roles[0].Person != "Rosa M." {
		t.Fatalf("roles = %+v", snap.Roles)
	}
	if len(snap.ActionItems) != 1 || !strings.Contains(snap.ActionItems[0].Invalid.String(), "github_synced_at") {
		t.Fatalf("items = %+v", snap.ActionItems)
	}
	if len(snap.Retro) != 1 || !strings.Contains(snap.Retro[0].Invalid.String(), "created_at") {
		t.Fatalf("retro = %+v", snap.Retro)
	}
	for _, e := range snap.Events {
		if !strings.Contains(e.Invalid.String(), "logged_at") || e.OccurredAt.IsZero() {
			t.Fatalf("event = %+v: want logged_at invalid, occurred_at kept", e)
		}
	}
}

func TestWritesRefuseInstantsOutOfRange(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	for _, at := range []time.Time{
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1969, 12, 31, 23, 59, 0, 0, time.UTC),
		time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC),
	} {
		e := incident.Event{IncidentID: inc.ID, Kind: incident.KindNote, Text: "x", OccurredAt: at}
		wantCode(t, s.LogEvent(ctx, &e), incident.EINVALID)
		_, err := s.SetMilestone(ctx, inc.ID, incident.MilestoneStarted, Origin{At: at})
		wantCode(t, err, incident.EINVALID)
		_, err = s.AssignRole(ctx, inc.ID, "ic", "Rosa", Origin{At: at})
		wantCode(t, err, incident.EINVALID)
		_, err = s.SetStatus(ctx, inc.ID, incident.Identified, "", Origin{At: at})
		wantCode(t, err, incident.EINVALID)
		_, err = s.UpdateIncident(ctx, inc.ID, func(i *incident.Incident) error {
			i.Milestones[incident.MilestoneResolved] = at
			return nil
		})
		wantCode(t, err, incident.EINVALID)
		snap := incident.Snapshot{Incident: incident.Incident{Title: "x"},
			Events: []incident.Event{{Kind: incident.KindNote, Text: "x", OccurredAt: at}}}
		_, err = s.ImportSnapshot(ctx, snap, 0)
		wantCode(t, err, incident.EINVALID)
	}
	list, _ := s.Incidents(ctx)
	if len(list) != 1 {
		t.Fatalf("a refused import left %d incidents", len(list))
	}
	got, _ := s.Snapshot(ctx, inc.ID)
	if len(got.Events) != 1 || len(got.Roles) != 0 || got.Incident.State != incident.Investigating {
		t.Fatalf("a refused write left something behind: %+v", got)
	}
}
