package store

import (
	"context"
	"testing"
	"time"

	"scribe/incident"
)

func TestUpdateActionItemKeepsRevisions(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	item := incident.ActionItem{IncidentID: inc.ID, Title: "Alert on checkout errors", Owner: "Ken A.", Priority: incident.P2}
	if err := s.AddActionItem(ctx, &item, Origin{}); err != nil {
		t.Fatal(err)
	}
	got, err := s.UpdateActionItem(ctx, item.ID, func(a *incident.ActionItem) error {
		a.Title, a.Owner, a.Due = "Alert on checkout error rate", "Ida F.", "2026-12-04"
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Alert on checkout error rate" || got.Owner != "Ida F." || got.Due != "2026-12-04" {
		t.Fatalf("updated = %+v", got)
	}
	if _, err := s.UpdateActionItem(ctx, item.ID, func(a *incident.ActionItem) error {
		a.Priority, a.State = incident.P0, incident.ItemDone
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	// A GitHub-only change is the sync's record: no revision.
	if _, err := s.UpdateActionItem(ctx, item.ID, func(a *incident.ActionItem) error {
		a.GitHub.Repo, a.GitHub.Number, a.GitHub.State = "acme/shop", 12, "open"
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	revs, err := s.ActionItemRevisions(ctx, item.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) != 2 {
		t.Fatalf("revisions = %+v, want 2", revs)
	}
	if r := revs[0]; r.Title != "Alert on checkout errors" || r.Owner != "Ken A." || r.Due != "" || r.Priority != incident.P2 || r.RevisedAt.IsZero() {
		t.Fatalf("first revision = %+v", r)
	}
	if r := revs[1]; r.Title != "Alert on checkout error rate" || r.Priority != incident.P2 || r.State != incident.ItemOpen {
		t.Fatalf("second revision = %+v", r)
	}
	_, err = s.ActionItemRevisions(ctx, 404)
	wantCode(t, err, incident.ENOTFOUND)
}

func TestDeleteActionItem(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	keep := incident.ActionItem{IncidentID: inc.ID, Title: "Canary deploys"}
	gone := incident.ActionItem{IncidentID: inc.ID, Title: "Typo'd item"}
	for _, a := range []*incident.ActionItem{&keep, &gone} {
		if err := s.AddActionItem(ctx, a, Origin{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DeleteActionItem(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.DeleteActionItem(ctx, gone.ID), incident.ECONFLICT)
	wantCode(t, s.DeleteActionItem(ctx, 404), incident.ENOTFOUND)

	snap, err := s.Snapshot(ctx, inc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.ActionItems) != 1 || snap.ActionItems[0].ID != keep.ID {
		t.Fatalf("snapshot items = %+v", snap.ActionItems)
	}
	for _, e := range snap.Events {
		if e.ActionItemID == gone.ID {
			t.Fatalf("the deleted item's timeline line is still live: %+v", e)
		}
	}
	items, err := s.ActionItems(ctx, inc.ID)
	if err != nil || len(items) != 1 {
		t.Fatalf("ActionItems = %+v, %v", items, err)
	}
	one, err := s.ActionItem(ctx, gone.ID)
	if err != nil || !one.Deleted() {
		t.Fatalf("ActionItem(deleted) = %+v, %v; want it, marked deleted", one, err)
	}
	// Filing skips it even when asked directly, and its own fields
	// cannot be edited; the sync may still record an issue.
	_, err = s.ClaimFiling(ctx, gone.ID, "run-1", time.Minute)
	wantCode(t, err, incident.ECONFLICT)
	_, err = s.UpdateActionItem(ctx, gone.ID, func(a *incident.ActionItem) error { a.Title = "x"; return nil })
	wantCode(t, err, incident.ECONFLICT)
	if _, err := s.UpdateActionItem(ctx, gone.ID, func(a *incident.ActionItem) error { a.GitHub.Number = 9; return nil }); err != nil {
		t.Fatalf("recording an issue on a deleted item: %v", err)
	}

	if err := s.RestoreActionItem(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.RestoreActionItem(ctx, gone.ID), incident.ECONFLICT)
	snap, _ = s.Snapshot(ctx, inc.ID)
	lines := 0
	for _, e := range snap.Events {
		if e.ActionItemID == gone.ID {
			lines++
		}
	}
	if len(snap.ActionItems) != 2 || lines != 1 {
		t.Fatalf("after restore: %d items, %d timeline lines of the item; want 2 and 1", len(snap.ActionItems), lines)
	}
}

func TestUndoingActionItemEventDeletesTheItem(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	item := incident.ActionItem{IncidentID: inc.ID, Title: "Runbook for replica lag"}
	if err := s.AddActionItem(ctx, &item, Origin{}); err != nil {
		t.Fatal(err)
	}
	snap, _ := s.Snapshot(ctx, inc.ID)
	var line incident.Event
	for _, e := range snap.Events {
		if e.ActionItemID == item.ID {
			line = e
		}
	}
	if line.ID == 0 {
		t.Fatal("no action-item event")
	}
	if err := s.DeleteEvent(ctx, line.ID); err != nil {
		t.Fatal(err)
	}
	if items, _ := s.ActionItems(ctx, inc.ID); len(items) != 0 {
		t.Fatalf("after undoing its line: items = %+v", items)
	}
	if err := s.RestoreEvent(ctx, line.ID); err != nil {
		t.Fatal(err)
	}
	if items, _ := s.ActionItems(ctx, inc.ID); len(items) != 1 {
		t.Fatalf("after restoring its line: items = %+v", items)
	}
}

func TestUpdateRetroNote(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	add := func(section, text string) incident.RetroNote {
		t.Helper()
		n := incident.RetroNote{IncidentID: inc.ID, Section: incident.RetroSection(section), Text: text}
		if err := s.AddRetroNote(ctx, &n); err != nil {
			t.Fatal(err)
		}
		if n.ID == 0 {
			t.Fatal("AddRetroNote left ID zero")
		}
		return n
	}
	w1 := add("well", "Rollback took two minutes")
	add("lucky", "It happened on a quiet day")
	got, err := s.UpdateRetroNote(ctx, w1.ID, func(n *incident.RetroNote) error {
		n.Text = "  Rollback took under two minutes "
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != "Rollback took under two minutes" || got.Section != incident.RetroWentWell || got.Order != 1 {
		t.Fatalf("edited = %+v", got)
	}
	// Moving it goes to the end of the other section.
	got, err = s.UpdateRetroNote(ctx, w1.ID, func(n *incident.RetroNote) error { n.Section = "luck"; return nil })
	if err != nil {
		t.Fatal(err)
	}
	if got.Section != incident.RetroLucky || got.Order != 2 {
		t.Fatalf("moved = %+v, want lucky #2", got)
	}
	revs, err := s.RetroNoteRevisions(ctx, w1.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) != 2 || revs[0].Text != "Rollback took two minutes" || revs[1].Section != incident.RetroWentWell {
		t.Fatalf("revisions = %+v", revs)
	}
	// Nothing changed: no revision.
	if _, err := s.UpdateRetroNote(ctx, w1.ID, func(*incident.RetroNote) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if revs, _ := s.RetroNoteRevisions(ctx, w1.ID); len(revs) != 2 {
		t.Fatalf("a no-op edit kept a revision: %+v", revs)
	}
	_, err = s.UpdateRetroNote(ctx, w1.ID, func(n *incident.RetroNote) error { n.Text = " "; return nil })
	wantCode(t, err, incident.EINVALID)
	_, err = s.UpdateRetroNote(ctx, w1.ID, func(n *incident.RetroNote) error { n.Section = "gossip"; return nil })
	wantCode(t, err, incident.EINVALID)
	_, err = s.UpdateRetroNote(ctx, 404, func(*incident.RetroNote) error { return nil })
	wantCode(t, err, incident.ENOTFOUND)

	if err := s.DeleteRetroNote(ctx, w1.ID); err != nil {
		t.Fatal(err)
	}
	_, err = s.UpdateRetroNote(ctx, w1.ID, func(n *incident.RetroNote) error { n.Text = "x"; return nil })
	wantCode(t, err, incident.ECONFLICT)
	if notes, _ := s.RetroNotes(ctx, inc.ID); len(notes) != 1 {
		t.Fatalf("after delete: %+v", notes)
	}
	if err := s.RestoreRetroNote(ctx, w1.ID); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.RestoreRetroNote(ctx, w1.ID), incident.ECONFLICT)
	notes, _ := s.RetroNotes(ctx, inc.ID)
	if len(notes) != 2 || notes[1].ID != w1.ID || notes[1].Text != "Rollback took under two minutes" {
		t.Fatalf("after restore: %+v", notes)
	}
}

func TestClearMilestone(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	at := t0.Add(10 * time.Minute)
	if _, err := s.SetMilestone(ctx, inc.ID, incident.MilestoneMitigated, Origin{At: at}); err != nil {
		t.Fatal(err)
	}
	e, err := s.ClearMilestone(ctx, inc.ID, "mitigate", Origin{At: at.Add(time.Minute), Author: "rosa"})
	if err != nil {
		t.Fatal(err)
	}
	if !e.ClearsMilestone() || e.Milestone != incident.MilestoneMitigated || e.Author != "rosa" || e.ID == 0 {
		t.Fatalf("clear event = %+v", e)
	}
	got, _ := s.Incident(ctx, inc.ID)
	if _, ok := got.Milestones.Get(incident.MilestoneMitigated); ok {
		t.Fatalf("mitigated still set: %v", got.Milestones)
	}
	_, err = s.ClearMilestone(ctx, inc.ID, incident.MilestoneMitigated, Origin{})
	wantCode(t, err, incident.ECONFLICT)
	_, err = s.ClearMilestone(ctx, inc.ID, "halfway", Origin{})
	wantCode(t, err, incident.EINVALID)
	_, err = s.ClearMilestone(ctx, 404, incident.MilestoneMitigated, Origin{})
	wantCode(t, err, incident.ENOTFOUND)

	// Undoing the clear brings the value back.
	if err := s.DeleteEvent(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Incident(ctx, inc.ID)
	if m, ok := got.Milestones.Get(incident.MilestoneMitigated); !ok || !m.Equal(at) {
		t.Fatalf("after undoing the clear: mitigated = %v, want %v", m, at.UTC())
	}
}

func TestMilestoneFollowsItsLiveEvents(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	first, second := t0.Add(5*time.Minute), t0.Add(-3*time.Minute)
	e1, err := s.SetMilestone(ctx, inc.ID, incident.MilestoneDetected, Origin{At: first})
	if err != nil {
		t.Fatal(err)
	}
	// A later correction to an earlier time wins, as typed.
	e2, err := s.SetMilestone(ctx, inc.ID, incident.MilestoneDetected, Origin{At: second})
	if err != nil {
		t.Fatal(err)
	}
	detected := func() (time.Time, bool) {
		t.Helper()
		got, err := s.Incident(ctx, inc.ID)
		if err != nil {
			t.Fatal(err)
		}
		return got.Milestones.Get(incident.MilestoneDetected)
	}
	if m, _ := detected(); !m.Equal(second) {
		t.Fatalf("detected = %v, want %v", m, second)
	}
	if err := s.DeleteEvent(ctx, e2.ID); err != nil {
		t.Fatal(err)
	}
	if m, _ := detected(); !m.Equal(first) {
		t.Fatalf("after undoing the correction: detected = %v, want %v", m, first)
	}
	if err := s.DeleteEvent(ctx, e1.ID); err != nil {
		t.Fatal(err)
	}
	if m, ok := detected(); ok {
		t.Fatalf("after undoing both: detected = %v, want unset", m)
	}
	if err := s.RestoreEvent(ctx, e2.ID); err != nil {
		t.Fatal(err)
	}
	if m, _ := detected(); !m.Equal(second) {
		t.Fatalf("after restoring the correction: detected = %v, want %v", m, second)
	}
	// Other milestones are left alone.
	got, _ := s.Incident(ctx, inc.ID)
	if m, ok := got.Milestones.Get(incident.MilestoneDeclared); !ok || !m.Equal(t0) {
		t.Fatalf("declared = %v, want %v", m, t0)
	}
}
