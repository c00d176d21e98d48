package store

import (
	"context"
	"reflect"
	"slices"
	"testing"
	"time"

	"scribe/incident"
)

// The column table names exactly the columns the migrations give events.
func TestEventTableMatchesTheSchema(t *testing.T) {
	s := openTest(t)
	query := `SELECT name FROM pragma_table_info('events') ORDER BY cid`
	if s.Team() {
		query = `SELECT column_name FROM information_schema.columns WHERE table_schema = 'scribe' AND table_name = 'events'`
	}
	rows, err := s.db.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var schema []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		schema = append(schema, name)
	}
	var table []string
	for _, c := range eventTable {
		table = append(table, c.name)
	}
	slices.Sort(schema)
	slices.Sort(table)
	if !slices.Equal(schema, table) {
		t.Fatalf("events columns:\n schema %v\n table  %v", schema, table)
	}
	for _, c := range eventTable {
		if c.value == nil {
			t.Errorf("column %s has no value", c.name)
		}
		if c.asked && c.read == nil {
			t.Errorf("column %s is asked for by the timeline but never read", c.name)
		}
	}
}

// fullEvent sets every field an event stores to something other than its
// zero value, so that a column dropped or swapped anywhere shows.
func fullEvent(incidentID, itemID int64) incident.Event {
	return incident.Event{
		UUID:       "01900000-0000-7000-8000-000000000001",
		IncidentID: incidentID, OccurredAt: t0.Add(-time.Hour).Add(123456789), LoggedAt: t0.Add(987654321),
		Kind: incident.KindRole, Text: "Rosa M. is incident commander", Author: "ida", Pinned: true,
		Source: incident.SourceTUI, Role: "commander", Person: "Rosa M.", State: incident.Identified,
		Milestone: incident.MilestoneDetected, ActionItemID: itemID, Severity: 2, PreviousSeverity: 4,
	}
}

// sameEvent compares everything an event stores but its ID and UpdatedAt.
func sameEvent(t *testing.T, where string, got, want incident.Event) {
	t.Helper()
	got.ID, want.ID = 0, 0
	got.UpdatedAt, want.UpdatedAt = time.Time{}, time.Time{}
	want.OccurredAt, want.LoggedAt, want.DeletedAt = want.OccurredAt.UTC(), want.LoggedAt.UTC(), want.DeletedAt.UTC()
	if want.DeletedAt.IsZero() {
		want.DeletedAt = time.Time{}
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s:\n got %+v\nwant %+v", where, got, want)
	}
}

// Every way an event is written (one insert, an import's batches of each
// row shape) and read (one event, the timeline) agrees on every column.
func TestEventColumnsRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	item := incident.ActionItem{IncidentID: inc.ID, Title: "Canary deploys"}
	if err := s.AddActionItem(ctx, &item, Origin{}); err != nil {
		t.Fatal(err)
	}
	want := fullEvent(inc.ID, item.ID)
	err := s.write(ctx, func(tx *txn) error {
		c := want
		return s.insertEvent(ctx, tx, &c)
	})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := s.Snapshot(ctx, inc.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got incident.Event
	for _, e := range snap.Events {
		if e.Text == want.Text {
			got = e
		}
	}
	sameEvent(t, "timeline after insert", got, want)
	one, err := s.Event(ctx, got.ID)
	if err != nil {
		t.Fatal(err)
	}
	sameEvent(t, "one event after insert", one, want)

	// An import of the same event: a full row. Its ActionItemID is the
	// snapshot's own item, mapped to the new one.
	imp := incident.Snapshot{Incident: incident.Incident{Title: "Imported"},
		ActionItems: []incident.ActionItem{{ID: 77, Title: "Canary deploys"}}}
	e := want
	e.ID, e.ActionItemID, e.UUID = 1, 77, ""
	imp.Events = []incident.Event{e}
	id, err := s.ImportSnapshot(ctx, imp, 0)
	if err != nil {
		t.Fatal(err)
	}
	isnap, err := s.Snapshot(ctx, id)
	if err != nil || len(isnap.Events) != 1 || len(isnap.ActionItems) != 1 {
		t.Fatalf("import: %+v, %v", isnap, err)
	}
	w := want
	w.IncidentID, w.ActionItemID = id, isnap.ActionItems[0].ID
	if len(isnap.Events[0].UUID) != 36 {
		t.Fatalf("imported event has UUID %q", isnap.Events[0].UUID)
	}
	w.UUID = isnap.Events[0].UUID
	sameEvent(t, "timeline after import", isnap.Events[0], w)

	// A deleted event keeps its deletion time through an import.
	e.DeletedAt, e.ActionItemID = t0.Add(time.Minute), 0
	imp.Events, imp.ActionItems = []incident.Event{e}, nil
	if id, err = s.ImportSnapshot(ctx, imp, 0); err != nil {
		t.Fatal(err)
	}
	var deletedID int64
	if err := s.pool().QueryRowContext(ctx, `SELECT id FROM events WHERE incident_id = ?`, id).Scan(&deletedID); err != nil {
		t.Fatal(err)
	}
	del, err := s.Event(ctx, deletedID)
	if err != nil {
		t.Fatal(err)
	}
	w = want
	w.IncidentID, w.ActionItemID, w.DeletedAt, w.UUID = id, 0, e.DeletedAt, del.UUID
	sameEvent(t, "deleted event after import", del, w)
}

func TestEventBatchFitsParameterLimit(t *testing.T) {
	// SQLite's default SQLITE_MAX_VARIABLE_NUMBER since 3.32.
	const sqliteMaxParams = 32766
	if n := len(batchParams) + eventBatch*fullRows.width(); n > sqliteMaxParams {
		t.Fatalf("a full batch binds %d values, more than SQLite's %d", n, sqliteMaxParams)
	}
	if leanRows.width() >= fullRows.width() || noteRows.width() >= leanRows.width() {
		t.Fatalf("row widths full %d, lean %d, note %d: each shape should bind fewer", fullRows.width(), leanRows.width(), noteRows.width())
	}
}
