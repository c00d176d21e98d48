package store

import (
	"context"
	"testing"

	"scribe/incident"
)

// TestEditKeepsAnUnreadableDueDate: a due date scribe cannot read (text
// written into the file by hand or by an older tool) comes back unset and
// marked unreadable; changing another field of the item must keep the
// stored value as it is, and only a new due date replaces it.
func TestEditKeepsAnUnreadableDueDate(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	item := incident.ActionItem{IncidentID: inc.ID, Title: "Alert on queue age", Due: "2027-01-10"}
	if err := s.AddActionItem(ctx, &item, Origin{}); err != nil {
		t.Fatal(err)
	}
	const raw = "end of Q1 (ask Dana)"
	if _, err := s.pool().ExecContext(ctx, `UPDATE action_items SET due = ? WHERE id = ?`, raw, item.ID); err != nil {
		t.Fatal(err)
	}
	stored := func() string {
		t.Helper()
		var due string
		if err := s.pool().QueryRowContext(ctx, `SELECT due FROM action_items WHERE id = ?`, item.ID).Scan(&due); err != nil {
			t.Fatal(err)
		}
		return due
	}
	got, err := s.UpdateActionItem(ctx, item.ID, func(a *incident.ActionItem) error { a.Owner = "ken"; return nil })
	if err != nil {
		t.Fatal(err)
	}
	if due := stored(); due != raw || got.Owner != "ken" || !got.Invalid.Has("due") {
		t.Errorf("after editing the owner: stored due %q, item %+v; want the due kept as %q and still marked unreadable", due, got, raw)
	}
	if _, err := s.UpdateActionItem(ctx, item.ID, func(a *incident.ActionItem) error { a.Due = "2027-02-01"; return nil }); err != nil {
		t.Fatal(err)
	}
	if due := stored(); due != "2027-02-01" {
		t.Errorf("after setting a due date: stored %q, want 2027-02-01", due)
	}
}
