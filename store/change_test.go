package store

import (
	"context"
	"testing"
	"time"

	"scribe/incident"
)

func TestChangesSinceSeq(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	other := newIncident(t, s)
	snap, err := s.Snapshot(ctx, inc.ID)
	if err != nil {
		t.Fatal(err)
	}
	seq := snap.Incident.Seq
	if seq == 0 {
		t.Fatal("a new incident has seq 0")
	}
	c, err := s.Changes(ctx, inc.ID, seq)
	if err != nil || !c.Empty() || c.Seq != seq {
		t.Fatalf("no change: %+v, %v", c, err)
	}

	e := incident.Event{IncidentID: inc.ID, Kind: incident.KindNote, Text: "paged the DB team"}
	if err := s.LogEvent(ctx, &e); err != nil {
		t.Fatal(err)
	}
	// Another incident's write is not this one's change.
	o := incident.Event{IncidentID: other.ID, Kind: incident.KindNote, Text: "elsewhere"}
	if err := s.LogEvent(ctx, &o); err != nil {
		t.Fatal(err)
	}
	c, err = s.Changes(ctx, inc.ID, seq)
	if err != nil {
		t.Fatal(err)
	}
	if c.Seq != seq+1 || len(c.Events) != 1 || c.Events[0].ID != e.ID || c.Events[0].UUID != e.UUID ||
		c.Incident != nil || c.RolesChanged || c.ItemsChanged || c.RetroChanged {
		t.Fatalf("after one note: %+v", c)
	}
	seq = c.Seq

	if _, err := s.AssignRole(ctx, inc.ID, "ic", "Rosa M.", Origin{At: t0.Add(time.Minute)}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetStatus(ctx, inc.ID, incident.Identified, "Bad config", Origin{At: t0.Add(2 * time.Minute)}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteEvent(ctx, e.ID); err != nil {
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
	c, err = s.Changes(ctx, inc.ID, seq)
	if err != nil {
		t.Fatal(err)
	}
	if c.Seq != seq+5 {
		t.Fatalf("seq = %d after five writes from %d", c.Seq, seq)
	}
	if c.Incident == nil || c.Incident.State != incident.Identified {
		t.Fatalf("the status change is not in the incident: %+v", c.Incident)
	}
	if !c.RolesChanged || len(c.Roles) != 1 || c.Roles[0].Person != "Rosa M." {
		t.Fatalf("roles: %v %+v", c.RolesChanged, c.Roles)
	}
	if !c.ItemsChanged || len(c.ActionItems) != 1 || !c.RetroChanged || len(c.Retro) != 1 {
		t.Fatalf("items %v %+v, retro %v %+v", c.ItemsChanged, c.ActionItems, c.RetroChanged, c.Retro)
	}
	kinds := map[incident.Kind]int{}
	var deleted bool
	for _, ev := range c.Events {
		kinds[ev.Kind]++
		if ev.ID == e.ID {
			deleted = ev.Deleted()
		}
	}
	if kinds[incident.KindRole] != 1 || kinds[incident.KindStatus] != 1 || kinds[incident.KindActionItem] != 1 || !deleted {
		t.Fatalf("events since: %+v", c.Events)
	}
	// Everything since the start is everything written.
	all, err := s.Changes(ctx, inc.ID, 0)
	if err != nil || all.Incident == nil || len(all.Events) != 5 {
		t.Fatalf("changes since 0: %d events, incident %v, %v", len(all.Events), all.Incident != nil, err)
	}
	_, err = s.Changes(ctx, 404, 0)
	wantCode(t, err, incident.ENOTFOUND)
}

// waitWake waits for a wake-up from a Watch; the minute is a bound for a
// stuck test, not a speed requirement.
func waitWake(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case _, ok := <-ch:
		if !ok {
			t.Fatalf("%s: the watch ended", what)
		}
	case <-time.After(time.Minute):
		t.Fatalf("%s: no wake-up", what)
	}
}

func TestWatchSeesAnotherStoresWrites(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dsn := testDB(t)
	tui, cli := openAt(t, dsn), openAt(t, dsn)
	inc := newIncident(t, cli)
	other := newIncident(t, cli)
	one, err := tui.Watch(ctx, inc.ID)
	if err != nil {
		t.Fatal(err)
	}
	list, err := tui.Watch(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	// A write to another incident wakes the list only.
	e := incident.Event{IncidentID: other.ID, Kind: incident.KindNote, Text: "elsewhere"}
	if err := cli.LogEvent(ctx, &e); err != nil {
		t.Fatal(err)
	}
	waitWake(t, list, "the list, after a write to another incident")
	select {
	case <-one:
		t.Fatal("the incident's watch woke for another incident's write")
	case <-time.After(3 * postgresPoll):
	}
	e = incident.Event{IncidentID: inc.ID, Kind: incident.KindNote, Text: "from the other terminal"}
	if err := cli.LogEvent(ctx, &e); err != nil {
		t.Fatal(err)
	}
	waitWake(t, one, "the incident, after a write to it")
	c, err := tui.Changes(ctx, inc.ID, inc.Seq)
	if err != nil || len(c.Events) != 1 || c.Events[0].Text != e.Text {
		t.Fatalf("changes after the wake-up: %+v, %v", c, err)
	}
	// Several writes before the reader looks are one wake-up, then quiet.
	for i := range 3 {
		if _, err := cli.SetSeverity(ctx, inc.ID, incident.Severity(i+1), "", Origin{}); err != nil {
			t.Fatal(err)
		}
	}
	waitWake(t, one, "the incident, after three writes")
	cancel()
	for range one {
	}
	if _, err := tui.Watch(context.Background(), 404); incident.ErrorCode(err) != incident.ENOTFOUND {
		t.Fatalf("watching a missing incident: %v", err)
	}
}

func TestApplyIsIdempotent(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	item := incident.ActionItem{IncidentID: inc.ID, Title: "Canary deploys"}
	if err := s.AddActionItem(ctx, &item, Origin{}); err != nil {
		t.Fatal(err)
	}
	note := incident.RetroNote{IncidentID: inc.ID, Section: incident.RetroLesson, Text: "Canaries"}
	if err := s.AddRetroNote(ctx, &note); err != nil {
		t.Fatal(err)
	}
	line := incident.Event{IncidentID: inc.ID, Kind: incident.KindNote, Text: "to be edited"}
	if err := s.LogEvent(ctx, &line); err != nil {
		t.Fatal(err)
	}
	ref := incident.Ref{ID: inc.ID}
	text, title, noteText := "edited once", "Canary deploys for checkout", "Canaries catch bad configs"
	sev := incident.Severity(1)
	summary := "Checkout failed for 4% of users"
	ops := []incident.Operation{
		{ID: newID(), Kind: incident.OpLogEvent, Incident: ref, Event: &incident.Event{Kind: incident.KindNote, Text: "once"}},
		{ID: newID(), Kind: incident.OpSetStatus, Incident: ref, State: incident.Identified},
		{ID: newID(), Kind: incident.OpAssignRole, Incident: ref, Role: "ic", Person: "Rosa M.", At: t0.Add(time.Minute)},
		{ID: newID(), Kind: incident.OpSetMilestone, Incident: ref, Milestone: incident.MilestoneDetected, At: t0},
		{ID: newID(), Kind: incident.OpClearMilestone, Incident: ref, Milestone: incident.MilestoneDetected},
		{ID: newID(), Kind: incident.OpSetSeverity, Incident: ref, Severity: sev},
		{ID: newID(), Kind: incident.OpEditIncident, Incident: ref, Fields: &incident.IncidentPatch{Summary: &summary}},
		{ID: newID(), Kind: incident.OpEditEvent, Incident: ref, Target: incident.Ref{UUID: line.UUID}, EventPatch: &incident.EventPatch{Text: &text}},
		{ID: newID(), Kind: incident.OpDeleteEvent, Incident: ref, Target: incident.Ref{ID: line.ID}},
		{ID: newID(), Kind: incident.OpRestoreEvent, Incident: ref, Target: incident.Ref{ID: line.ID}},
		{ID: newID(), Kind: incident.OpAddActionItem, Incident: ref, Item: &incident.ActionItem{UUID: newID(), Title: "Runbook"}},
		{ID: newID(), Kind: incident.OpEditActionItem, Incident: ref, Target: incident.Ref{UUID: item.UUID}, ItemPatch: &incident.ActionItemPatch{Title: &title}},
		{ID: newID(), Kind: incident.OpDeleteItem, Incident: ref, Target: incident.Ref{ID: item.ID}},
		{ID: newID(), Kind: incident.OpRestoreItem, Incident: ref, Target: incident.Ref{ID: item.ID}},
		{ID: newID(), Kind: incident.OpAddRetroNote, Incident: ref, Note: &incident.RetroNote{Section: incident.RetroWentWell, Text: "Fast rollback"}},
		{ID: newID(), Kind: incident.OpEditRetroNote, Incident: ref, Target: incident.Ref{UUID: note.UUID}, NotePatch: &incident.RetroNotePatch{Text: &noteText}},
		{ID: newID(), Kind: incident.OpDeleteNote, Incident: ref, Target: incident.Ref{ID: note.ID}},
		{ID: newID(), Kind: incident.OpRestoreNote, Incident: ref, Target: incident.Ref{ID: note.ID}},
	}
	for _, op := range ops {
		first, err := s.Apply(ctx, op)
		if err != nil {
			t.Fatalf("%s: %v", op.Kind, err)
		}
		before, err := s.Snapshot(ctx, inc.ID)
		if err != nil {
			t.Fatal(err)
		}
		again, err := s.Apply(ctx, op)
		if err != nil {
			t.Fatalf("%s again: %v", op.Kind, err)
		}
		after, err := s.Snapshot(ctx, inc.ID)
		if err != nil {
			t.Fatal(err)
		}
		if first.Replayed || !again.Replayed {
			t.Fatalf("%s: replayed first %v, again %v", op.Kind, first.Replayed, again.Replayed)
		}
		if after.Incident.Seq != before.Incident.Seq || len(after.Events) != len(before.Events) ||
			len(after.ActionItems) != len(before.ActionItems) || len(after.Retro) != len(before.Retro) ||
			after.Incident.State != before.Incident.State || after.Incident.Severity != before.Incident.Severity {
			t.Fatalf("%s applied twice changed the incident: seq %d → %d, %d → %d events", op.Kind,
				before.Incident.Seq, after.Incident.Seq, len(before.Events), len(after.Events))
		}
		if first.Event.ID != 0 && again.Event.ID != first.Event.ID {
			t.Fatalf("%s: replay reports event #%d, first #%d", op.Kind, again.Event.ID, first.Event.ID)
		}
	}
	got, _ := s.Snapshot(ctx, inc.ID)
	if got.Incident.Summary != summary || got.Incident.Severity != sev || got.Incident.State != incident.Identified {
		t.Fatalf("incident after the operations: %+v", got.Incident)
	}
}

// Operations queued offline name what earlier ones create by UUID, and
// survive the trip through JSON.
func TestApplyChainByUUID(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	incUUID, eventUUID, itemUUID := newID(), newID(), newID()
	text := "paged the DB team (corrected)"
	pinned := true
	ops := []incident.Operation{
		{ID: newID(), Kind: incident.OpCreateIncident, Incident: incident.Ref{UUID: incUUID}, At: t0,
			Author: "ida", Source: incident.SourceTUI, New: &incident.Incident{Title: "Replica lag", Severity: 2, Timezone: "UTC"}},
		{ID: eventUUID, Kind: incident.OpLogEvent, Incident: incident.Ref{UUID: incUUID}, At: t0.Add(time.Minute),
			Logged: t0.Add(2 * time.Minute), Author: "ida", Source: incident.SourceTUI,
			Event: &incident.Event{Kind: incident.KindAction, Text: "paged the DB team"}},
		{ID: newID(), Kind: incident.OpEditEvent, Incident: incident.Ref{UUID: incUUID}, Target: incident.Ref{UUID: eventUUID},
			EventPatch: &incident.EventPatch{Text: &text, Pinned: &pinned}},
		{ID: newID(), Kind: incident.OpAddActionItem, Incident: incident.Ref{UUID: incUUID},
			Item: &incident.ActionItem{UUID: itemUUID, Title: "Alert on replica lag", Owner: "ken"}},
	}
	for _, op := range ops {
		b, err := incident.MarshalOperation(op)
		if err != nil {
			t.Fatal(err)
		}
		back, err := incident.UnmarshalOperation(b)
		if err != nil {
			t.Fatalf("%s: %v (%s)", op.Kind, err, b)
		}
		if _, err := s.Apply(ctx, back); err != nil {
			t.Fatalf("%s: %v", op.Kind, err)
		}
	}
	list, _ := s.Incidents(ctx)
	if len(list) != 1 || list[0].UUID != incUUID {
		t.Fatalf("incidents = %+v", list)
	}
	snap, err := s.Snapshot(ctx, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	var e incident.Event
	for _, ev := range snap.Events {
		if ev.UUID == eventUUID {
			e = ev
		}
	}
	if e.Text != text || !e.Pinned || !e.OccurredAt.Equal(t0.Add(time.Minute)) || !e.LoggedAt.Equal(t0.Add(2*time.Minute)) || e.Author != "ida" {
		t.Fatalf("event = %+v", e)
	}
	if len(snap.ActionItems) != 1 || snap.ActionItems[0].UUID != itemUUID {
		t.Fatalf("items = %+v", snap.ActionItems)
	}
	// Creating an incident whose UUID exists, by another operation, is a
	// conflict, not a second incident.
	_, err = s.Apply(ctx, incident.Operation{ID: newID(), Kind: incident.OpCreateIncident, Incident: incident.Ref{UUID: incUUID},
		New: &incident.Incident{Title: "Again"}})
	wantCode(t, err, incident.ECONFLICT)
	// A target in another incident is refused.
	second := newIncident(t, s)
	_, err = s.Apply(ctx, incident.Operation{ID: newID(), Kind: incident.OpDeleteEvent, Incident: incident.Ref{ID: second.ID}, Target: incident.Ref{UUID: eventUUID}})
	wantCode(t, err, incident.EINVALID)
	_, err = s.Apply(ctx, incident.Operation{ID: newID(), Kind: incident.OpLogEvent, Incident: incident.Ref{UUID: newID()}, Event: &incident.Event{Kind: incident.KindNote, Text: "x"}})
	wantCode(t, err, incident.ENOTFOUND)
	_, err = s.Apply(ctx, incident.Operation{ID: newID(), Kind: incident.OpLogEvent, Incident: incident.Ref{ID: second.ID}})
	wantCode(t, err, incident.EINVALID)
}
