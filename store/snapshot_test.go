package store

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"

	"scribe/incident"
)

// recordIncident records a small but complete incident through the API.
func recordIncident(t *testing.T, s *Store) int64 {
	t.Helper()
	ctx := context.Background()
	// Every event gets a source, so that an import keeps it rather than saying "import".
	cli := func(at time.Time) Origin { return Origin{At: at, Author: "rosa", Source: incident.SourceCLI} }
	inc := incident.Incident{Title: "Payments timing out", Severity: 1, Timezone: "America/New_York", Services: []string{"payments"}}
	if err := s.CreateIncident(ctx, &inc, cli(t0)); err != nil {
		t.Fatal(err)
	}
	must := func(_ incident.Event, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.SetMilestone(ctx, inc.ID, incident.MilestoneStarted, cli(t0.Add(-15*time.Minute))))
	must(s.AssignRole(ctx, inc.ID, "ic", "Rosa M.", cli(t0)))
	must(s.AssignRole(ctx, inc.ID, "ic", "Ken A.", cli(t0.Add(20*time.Minute))))
	must(s.SetStatus(ctx, inc.ID, incident.Identified, "Bad config push", cli(t0.Add(10*time.Minute))))
	pinned := incident.Event{IncidentID: inc.ID, OccurredAt: t0.Add(12 * time.Minute), Kind: incident.KindAction, Text: "Reverted config", Pinned: true, Author: "ken", Source: incident.SourceTUI}
	if err := s.LogEvent(ctx, &pinned); err != nil {
		t.Fatal(err)
	}
	gone := incident.Event{IncidentID: inc.ID, Kind: incident.KindNote, Text: "deleted line", Source: incident.SourceCLI}
	if err := s.LogEvent(ctx, &gone); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteEvent(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	item := incident.ActionItem{IncidentID: inc.ID, Title: "Validate config before push", Owner: "Sam", Priority: incident.P0, Due: "2026-12-05", EventID: pinned.ID}
	if err := s.AddActionItem(ctx, &item, cli(t0.Add(13*time.Minute))); err != nil {
		t.Fatal(err)
	}
	must(s.SetStatus(ctx, inc.ID, incident.Resolved, "", cli(t0.Add(45*time.Minute))))
	for _, n := range []incident.RetroNote{{Section: "well", Text: "Fast revert"}, {Section: "lesson", Text: "Config needs a canary"}} {
		n.IncidentID = inc.ID
		if err := s.AddRetroNote(ctx, &n); err != nil {
			t.Fatal(err)
		}
	}
	return inc.ID
}

func TestSnapshotReadsEverything(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	id := recordIncident(t, s)
	snap, err := s.Snapshot(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if snap.Incident.ID != id || snap.Incident.State != incident.Resolved {
		t.Fatalf("incident = %+v", snap.Incident)
	}
	// declared, started, 2 roles, status, pinned, action item, resolved status; the deleted line is not there.
	if len(snap.Events) != 8 {
		t.Fatalf("%d events, want 8: %+v", len(snap.Events), snap.Events)
	}
	for i := 1; i < len(snap.Events); i++ {
		if snap.Events[i].OccurredAt.Before(snap.Events[i-1].OccurredAt) {
			t.Fatal("events out of order")
		}
	}
	if len(snap.Roles) != 2 || len(snap.ActionItems) != 1 || len(snap.Retro) != 2 {
		t.Fatalf("roles %d, items %d, retro %d", len(snap.Roles), len(snap.ActionItems), len(snap.Retro))
	}
	_, err = s.Snapshot(ctx, 404)
	wantCode(t, err, incident.ENOTFOUND)
}

// Exporting the document, importing it into a fresh database and exporting
// again gives the same document, apart from the ids the store assigns.
func TestImportSnapshotRoundTrip(t *testing.T) {
	ctx := context.Background()
	src := openTest(t)
	id := recordIncident(t, src)
	snap, err := src.Snapshot(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(incident.NewDocument(snap))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := incident.ParseDocument(data)
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := doc.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	dst := openTest(t)
	newInc(t, dst) // so that ids differ between the two databases
	newID, err := dst.ImportSnapshot(ctx, parsed, 0)
	if err != nil {
		t.Fatal(err)
	}
	if newID == id {
		t.Fatalf("imported incident reused id %d", id)
	}
	back, err := dst.Snapshot(ctx, newID)
	if err != nil {
		t.Fatal(err)
	}
	a, b := normalised(incident.NewDocument(snap)), normalised(incident.NewDocument(back))
	if !reflect.DeepEqual(a, b) {
		ja, _ := json.MarshalIndent(a, "", " ")
		jb, _ := json.MarshalIndent(b, "", " ")
		t.Fatalf("round trip differs:\n%s\n---\n%s", ja, jb)
	}
	// Links survive with new ids.
	item := back.ActionItems[0]
	var linked bool
	for _, e := range back.Events {
		if e.Kind == incident.KindActionItem && e.ActionItemID == item.ID {
			linked = true
		}
	}
	if !linked {
		t.Fatal("the action-item event lost its item")
	}
	for _, r := range back.Roles {
		e, err := dst.Event(ctx, r.EventID)
		if err != nil || e.Kind != incident.KindRole || e.Person != r.Person || !e.OccurredAt.Equal(r.From) {
			t.Fatalf("role %+v is linked to event %+v (%v), want its role event", r, e, err)
		}
	}
	if item.UUID != snap.ActionItems[0].UUID {
		t.Fatalf("UUID %s not kept (was %s)", item.UUID, snap.ActionItems[0].UUID)
	}
}

func newInc(t *testing.T, s *Store) { newIncident(t, s) }

// normalised blanks what a store assigns (ids) from a document.
func normalised(d incident.Document) incident.Document {
	d.Incident.ID = 0
	for i := range d.Events {
		d.Events[i].ID = 0
	}
	for i := range d.ActionItems {
		d.ActionItems[i].ID = 0
	}
	return d
}

func TestImportSnapshotIntoExistingIncident(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	target := newIncident(t, s)
	retro := incident.RetroNote{IncidentID: target.ID, Section: incident.RetroLesson, Text: "Already here"}
	if err := s.AddRetroNote(ctx, &retro); err != nil {
		t.Fatal(err)
	}
	logged := t0.Add(-time.Hour)
	snap := incident.Snapshot{
		Incident: incident.Incident{Title: "ignored when appending", Timezone: "UTC"},
		Events: []incident.Event{
			{ID: 7, OccurredAt: t0.Add(-30 * time.Minute), Kind: incident.KindObservation, Text: "Error rate 12%", Author: "pager", LoggedAt: logged, Pinned: true},
			{ID: 8, OccurredAt: t0.Add(-20 * time.Minute), Kind: incident.KindActionItem, Text: "Action item: Add alert", ActionItemID: 3},
			{ID: 9, OccurredAt: t0.Add(-25 * time.Minute), Kind: incident.KindNote, Text: "From the CLI", Source: incident.SourceCLI},
		},
		ActionItems: []incident.ActionItem{{ID: 3, Title: "Add alert", UUID: "5e1c3a7e-8f55-4c1d-9d6a-2f8d1c7e4b10", EventID: 7}},
		Roles:       []incident.RoleAssignment{{Role: "tl", Person: "Sam P.", From: t0.Add(-30 * time.Minute), EventID: 7}},
		Retro:       []incident.RetroNote{{Section: incident.RetroLesson, Text: "Imported lesson"}},
	}
	id, err := s.ImportSnapshot(ctx, snap, target.ID)
	if err != nil {
		t.Fatal(err)
	}
	if id != target.ID {
		t.Fatalf("returned %d, want %d", id, target.ID)
	}
	got, err := s.Snapshot(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Incident.Title != target.Title {
		t.Fatalf("appending changed the title to %q", got.Incident.Title)
	}
	if len(got.Events) != 4 {
		t.Fatalf("events = %+v", got.Events)
	}
	obs, cli, itemEv := got.Events[0], got.Events[1], got.Events[2]
	if obs.Text != "Error rate 12%" || !obs.LoggedAt.Equal(logged) || obs.Source != incident.SourceImport || !obs.Pinned || obs.Author != "pager" {
		t.Fatalf("imported observation = %+v", obs)
	}
	if cli.Source != incident.SourceCLI || cli.LoggedAt.IsZero() {
		t.Fatalf("imported CLI note = %+v", cli)
	}
	item := got.ActionItems[0]
	if itemEv.ActionItemID != item.ID || item.EventID != obs.ID || item.State != incident.ItemOpen {
		t.Fatalf("links: event→item %d (item %d), item→event %d (obs %d)", itemEv.ActionItemID, item.ID, item.EventID, obs.ID)
	}
	if len(got.Roles) != 1 || got.Roles[0].Role != incident.RoleOps || got.Roles[0].EventID != obs.ID {
		t.Fatalf("roles = %+v", got.Roles)
	}
	if len(got.Retro) != 2 || got.Retro[1].Text != "Imported lesson" || got.Retro[1].Order != 2 {
		t.Fatalf("retro = %+v", got.Retro)
	}
	// Importing the same item again gets a fresh UUID rather than a clash.
	if _, err := s.ImportSnapshot(ctx, snap, target.ID); err != nil {
		t.Fatal(err)
	}
	items, _ := s.ActionItems(ctx, target.ID)
	if len(items) != 2 || items[0].UUID == items[1].UUID {
		t.Fatalf("items after second import = %+v", items)
	}
}

// A snapshot with one bad part writes nothing at all.
func TestImportSnapshotIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	snap := bigSnapshot(50)
	snap.Events[40].Text = ""
	if _, err := s.ImportSnapshot(ctx, snap, 0); incident.ErrorCode(err) != incident.EINVALID {
		t.Fatalf("error = %v, want EINVALID", err)
	}
	list, err := s.Incidents(ctx)
	if err != nil || len(list) != 0 {
		t.Fatalf("incidents after failed import = %v, %v", list, err)
	}
	var events int
	if err := s.pool().QueryRowContext(ctx, `SELECT count(*) FROM events`).Scan(&events); err != nil || events != 0 {
		t.Fatalf("%d events left behind (%v)", events, err)
	}
	_, err = s.ImportSnapshot(ctx, bigSnapshot(1), 404)
	wantCode(t, err, incident.ENOTFOUND)
}

// An import longer than one batch of the event writer keeps every event's
// fields, their order, and the links into later batches and the last,
// partial one; its ids follow the ones already in the database.
func TestImportSnapshotAcrossBatches(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	existing := newIncident(t, s)
	note := incident.Event{IncidentID: existing.ID, Kind: incident.KindNote, Text: "before the import"}
	if err := s.LogEvent(ctx, &note); err != nil {
		t.Fatal(err)
	}
	n := 2*eventBatch + 5
	snap := bigSnapshot(n)
	for i := range snap.Events {
		snap.Events[i].Pinned = i%7 == 0
		snap.Events[i].Author = fmt.Sprintf("person %d", i%3)
		if i%5 == 0 {
			snap.Events[i].LoggedAt = t0.Add(time.Duration(i) * time.Millisecond)
		}
	}
	roleAt := snap.Events[eventBatch].OccurredAt
	snap.Events[eventBatch] = incident.Event{ID: int64(eventBatch + 1), OccurredAt: roleAt, Kind: incident.KindRole,
		Role: "ic", Person: "Sam P.", Text: "Sam P. is incident commander"}
	last := &snap.Events[n-1]
	last.Kind, last.ActionItemID, last.Text = incident.KindActionItem, 1, "Action item: Add alert"
	snap.ActionItems = []incident.ActionItem{{ID: 1, Title: "Add alert", EventID: last.ID}}
	snap.Roles = []incident.RoleAssignment{{Role: "ic", Person: "Sam P.", From: roleAt}}

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
	for i, e := range got.Events {
		want := snap.Events[i]
		if e.ID != note.ID+int64(i)+1 || e.IncidentID != id || e.Text != want.Text || !e.OccurredAt.Equal(want.OccurredAt) ||
			e.Kind != want.Kind || e.Author != want.Author || e.Pinned != want.Pinned || e.Source != incident.SourceImport ||
			e.Role != want.Role || e.Person != want.Person || e.State != want.State || e.Deleted() {
			t.Fatalf("event %d = %+v\nwant %+v", i, e, want)
		}
		// Events without a LoggedAt get the import's time, all the same one.
		importedAt := got.Events[1].LoggedAt
		if !want.LoggedAt.IsZero() && !e.LoggedAt.Equal(want.LoggedAt) ||
			want.LoggedAt.IsZero() && (!e.LoggedAt.Equal(importedAt) || importedAt.IsZero()) {
			t.Fatalf("event %d logged at %v, want %v (or the import's time, %v)", i, e.LoggedAt, want.LoggedAt, importedAt)
		}
	}
	item := got.ActionItems[0]
	if got.Events[n-1].ActionItemID != item.ID || item.EventID != got.Events[n-1].ID {
		t.Fatalf("links: event→item %d (item %d), item→event %d (event %d)", got.Events[n-1].ActionItemID, item.ID, item.EventID, got.Events[n-1].ID)
	}
	if len(got.Roles) != 1 || got.Roles[0].EventID != got.Events[eventBatch].ID {
		t.Fatalf("roles = %+v, want one linked to event %d", got.Roles, got.Events[eventBatch].ID)
	}
}
