package store

import (
	"context"
	"testing"

	"scribe/incident"
)

// An import's batches take the row shape their events allow: all notes
// (two values a row), notes and status lines (four), or anything else
// (every value); each must write every column as given.
func TestImportRowShapes(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	n := 3*eventBatch + 7
	snap := bigSnapshot(n)
	for i := range snap.Events {
		e := &snap.Events[i]
		e.Kind, e.State, e.Source = incident.KindNote, "", ""
		switch {
		case i == eventBatch+3: // the second batch: plain rows
			e.Kind, e.State = incident.KindStatus, incident.Identified
		case i == 2*eventBatch+1: // the third batch: full rows
			e.Pinned = true
		case i == 2*eventBatch+5: // a severity change: full rows too
			e.Kind, e.Severity, e.PreviousSeverity = incident.KindSeverity, 1, 3
		case i == 3*eventBatch+2: // the last, partial batch: full rows
			e.Author = "someone else"
		}
	}
	id, err := s.ImportSnapshot(ctx, snap, 0)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Snapshot(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Events) != n {
		t.Fatalf("%d events, want %d", len(got.Events), n)
	}
	importedAt := got.Events[0].LoggedAt
	for i, e := range got.Events {
		want := snap.Events[i]
		if e.IncidentID != id || e.Text != want.Text || !e.OccurredAt.Equal(want.OccurredAt) || e.Kind != want.Kind ||
			e.State != want.State || e.Author != want.Author || e.Pinned != want.Pinned || e.Source != incident.SourceImport ||
			e.Role != "" || e.Person != "" || e.Milestone != "" || e.ActionItemID != 0 || e.Deleted() ||
			e.Severity != want.Severity || e.PreviousSeverity != want.PreviousSeverity ||
			!e.LoggedAt.Equal(importedAt) || importedAt.IsZero() {
			t.Fatalf("event %d = %+v\nwant %+v (logged at %v)", i, e, want, importedAt)
		}
		if i > 0 && e.ID != got.Events[i-1].ID+1 {
			t.Fatalf("event %d has id %d after %d", i, e.ID, got.Events[i-1].ID)
		}
	}
}
