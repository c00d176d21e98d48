package store

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

// A document imported into an existing incident fills the narrative fields
// and services the incident has empty, in the import's transaction, and
// never overwrites one it has; the outcome says which were filled and
// which kept. A document whose narrative the incident refuses (too long)
// writes nothing at all.
func TestImportFillsOnlyEmptyNarrative(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	target := newIncident(t, s)
	if _, err := s.UpdateIncident(ctx, target.ID, func(inc *incident.Incident) error {
		inc.Summary, inc.Trigger = "Our own summary.", "Migration 112 ran."
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	doc := incident.Snapshot{
		Incident: incident.Incident{Title: "Theirs", Timezone: "UTC", Summary: "Their summary.", Impact: "Half of searches failed.",
			RootCause: "  A migration dropped an index.  ", Trigger: "Migration 112 ran.", Services: []string{"search", "api"}},
		Events: []incident.Event{{OccurredAt: t0.Add(-time.Hour), Kind: incident.KindNote, Text: "imported line"}},
	}
	out, err := s.Import(ctx, doc, target.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := incident.Imported{IncidentID: target.ID,
		Filled: []incident.Field{incident.FieldImpact, incident.FieldRootCause, incident.FieldServices},
		Kept:   []incident.Field{incident.FieldSummary}, Events: out.Events}
	if !reflect.DeepEqual(out, want) || len(out.Events) != 1 {
		t.Fatalf("Import = %+v, want %+v", out, want)
	}
	got, err := s.Incident(ctx, target.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Summary != "Our own summary." || got.Impact != "Half of searches failed." || got.RootCause != "A migration dropped an index." ||
		got.Trigger != "Migration 112 ran." || got.Resolution != "" || !reflect.DeepEqual(got.Services, []string{"search", "api"}) ||
		got.Title != target.Title {
		t.Fatalf("incident after the import = %+v", got)
	}
	// A second import of the same document has nothing left to fill.
	out, err = s.Import(ctx, doc, target.ID)
	if err != nil || len(out.Filled) != 0 || !reflect.DeepEqual(out.Kept, []incident.Field{incident.FieldSummary}) {
		t.Fatalf("second import = %+v, %v", out, err)
	}
	// All or nothing: a resolution the incident cannot hold refuses the
	// whole import, events included.
	before, _ := s.Snapshot(ctx, target.ID)
	bad := doc
	bad.Incident.Resolution = strings.Repeat("x", incident.MaxTextLen+1)
	_, err = s.Import(ctx, bad, target.ID)
	wantCode(t, err, incident.EINVALID)
	after, _ := s.Snapshot(ctx, target.ID)
	if len(after.Events) != len(before.Events) || after.Incident.Resolution != "" {
		t.Fatalf("a refused import wrote: %d events (had %d), resolution %d characters", len(after.Events), len(before.Events), len(after.Incident.Resolution))
	}
	// A new incident takes the document's narrative whole, as before.
	out, err = s.Import(ctx, doc, 0)
	if err != nil || out.IncidentID == target.ID || out.Filled != nil || out.Kept != nil {
		t.Fatalf("import as a new incident = %+v, %v", out, err)
	}
	if inc, _ := s.Incident(ctx, out.IncidentID); inc.Summary != "Their summary." || inc.Title != "Theirs" {
		t.Fatalf("new incident = %+v", inc)
	}
}

// Import names every row it added, so that undoing it removes exactly
// those: the events, action items and retro notes, in the snapshot's order.
func TestImportNamesTheRowsItAdded(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	target := newIncident(t, s)
	doc := incident.Snapshot{
		Incident: incident.Incident{Title: "Theirs", Timezone: "UTC"},
		Events: []incident.Event{
			{OccurredAt: t0.Add(-time.Hour), Kind: incident.KindNote, Text: "first"},
			{OccurredAt: t0.Add(-50 * time.Minute), Kind: incident.KindObservation, Text: "second"},
		},
		ActionItems: []incident.ActionItem{{Title: "Add a canary"}, {Title: "Page on lag", Owner: "ken"}},
		Retro:       []incident.RetroNote{{Section: incident.RetroLesson, Text: "Budget vacuum IO"}},
	}
	out, err := s.Import(ctx, doc, target.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Events) != 2 || len(out.ActionItems) != 2 || len(out.RetroNotes) != 1 {
		t.Fatalf("Import = %+v", out)
	}
	for i, id := range out.Events {
		e, err := s.Event(ctx, id)
		if err != nil || e.Text != doc.Events[i].Text || e.IncidentID != target.ID {
			t.Errorf("event %d: #%d is %+v, %v", i, id, e, err)
		}
	}
	items, _ := s.ActionItems(ctx, target.ID)
	if len(items) != 2 || items[0].ID != out.ActionItems[0] || items[1].ID != out.ActionItems[1] || items[1].Owner != "ken" {
		t.Errorf("items %+v, ids %v", items, out.ActionItems)
	}
	snap, _ := s.Snapshot(ctx, target.ID)
	if len(snap.Retro) != 1 || snap.Retro[0].ID != out.RetroNotes[0] {
		t.Errorf("retro %+v, ids %v", snap.Retro, out.RetroNotes)
	}
}
