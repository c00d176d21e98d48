package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

// TestChecklistAttachedAndExtended: a SEV3 declared with its checklist
// gets it; escalating to SEV1 adds the SEV1 steps it lacks after its own,
// keeping what was ticked; going back to SEV2 adds nothing.
func TestChecklistAttachedAndExtended(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := incident.Incident{Title: "Replica lag", Severity: 3, Timezone: "UTC"}
	if err := s.DeclareIncident(ctx, &inc, []string{"Name an incident commander"}, Origin{At: t0, Author: "rosa"}); err != nil {
		t.Fatal(err)
	}
	items, err := s.Checklist(ctx, inc.ID)
	if err != nil || len(items) != 1 || items[0].Text != "Name an incident commander" || items[0].Severity != 3 || items[0].State != incident.ChecklistOpen || items[0].UUID == "" {
		t.Fatalf("SEV3 checklist = %+v, %v", items, err)
	}
	item, ev, err := s.SetChecklistItem(ctx, items[0].ID, incident.ChecklistDone, Origin{At: t0.Add(2 * time.Minute), Author: "ana"})
	if err != nil {
		t.Fatal(err)
	}
	if item.State != incident.ChecklistDone || item.By != "ana" || !item.At.Equal(t0.Add(2*time.Minute)) {
		t.Errorf("ticked item = %+v", item)
	}
	if ev.Kind != incident.KindChecklist || ev.Text != "Done: Name an incident commander" || ev.Author != "ana" || !ev.OccurredAt.Equal(t0.Add(2*time.Minute)) {
		t.Errorf("tick event = %+v", ev)
	}
	sev1 := []string{"Page the DBA on-call", "name an incident  commander", "Tell the CEO"}
	if _, err := s.Escalate(ctx, inc.ID, 1, "", sev1, Origin{At: t0.Add(5 * time.Minute), Author: "ana"}); err != nil {
		t.Fatal(err)
	}
	items, _ = s.Checklist(ctx, inc.ID)
	var got []string
	for _, c := range items {
		got = append(got, c.Severity.String()+" "+string(c.State)+" "+c.Text)
	}
	want := "SEV3 done Name an incident commander|SEV1 open Page the DBA on-call|SEV1 open Tell the CEO"
	if strings.Join(got, "|") != want {
		t.Errorf("after escalation:\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
	if _, err := s.Escalate(ctx, inc.ID, 2, "", []string{"A SEV2 step"}, Origin{}); err != nil {
		t.Fatal(err)
	}
	if items, _ := s.Checklist(ctx, inc.ID); len(items) != 3 {
		t.Errorf("moving to a milder severity attached steps: %+v", items)
	}
	if inc, _ := s.Incident(ctx, inc.ID); inc.Severity != 2 {
		t.Errorf("severity = %s", inc.Severity)
	}
}

func TestSetChecklistItem(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := incident.Incident{Title: "Checkout errors", Severity: 1, Timezone: "UTC"}
	if err := s.DeclareIncident(ctx, &inc, []string{"Open the status page incident", "Decide on customer comms"}, Origin{At: t0}); err != nil {
		t.Fatal(err)
	}
	items, _ := s.Checklist(ctx, inc.ID)
	_, ev, err := s.SetChecklistItem(ctx, items[1].ID, incident.ChecklistSkipped, Origin{At: t0.Add(time.Minute), Author: "ken"})
	if err != nil || ev.Text != "Skipped: Decide on customer comms" {
		t.Fatalf("skip: %+v, %v", ev, err)
	}
	_, _, err = s.SetChecklistItem(ctx, items[1].ID, incident.ChecklistSkipped, Origin{})
	wantCode(t, err, incident.ECONFLICT)
	item, ev, err := s.SetChecklistItem(ctx, items[1].ID, incident.ChecklistOpen, Origin{At: t0.Add(2 * time.Minute), Author: "ken"})
	if err != nil || item.State != incident.ChecklistOpen || ev.Text != "Reopened: Decide on customer comms" {
		t.Fatalf("reopen: %+v %+v, %v", item, ev, err)
	}
	_, _, err = s.SetChecklistItem(ctx, items[0].ID, "half", Origin{})
	wantCode(t, err, incident.EINVALID)
	_, _, err = s.SetChecklistItem(ctx, 999, incident.ChecklistDone, Origin{})
	wantCode(t, err, incident.ENOTFOUND)
	events, _ := s.Events(ctx, inc.ID)
	n := 0
	for _, e := range events {
		if e.Kind == incident.KindChecklist {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d checklist events, want 2 (the refused changes log nothing)", n)
	}
}

func TestReminders(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s) // Europe/Berlin
	r, err := incident.ParseReminder("15m check replica lag @ana", t0)
	if err != nil {
		t.Fatal(err)
	}
	r.IncidentID = inc.ID
	if err := s.AddReminder(ctx, &r, Origin{At: t0, Author: "rosa"}); err != nil {
		t.Fatal(err)
	}
	if r.ID == 0 || r.UUID == "" || r.By != "rosa" || r.Who != "ana" || !r.DueAt.Equal(t0.Add(15*time.Minute)) {
		t.Errorf("added reminder = %+v", r)
	}
	other, _ := incident.ParseReminder("5m rotate the on-call", t0)
	other.IncidentID = inc.ID
	if err := s.AddReminder(ctx, &other, Origin{At: t0}); err != nil {
		t.Fatal(err)
	}
	list, _ := s.Reminders(ctx, inc.ID)
	if len(list) != 2 || list[0].ID != other.ID || list[1].ID != r.ID {
		t.Fatalf("reminders not by due time: %+v", list)
	}
	snoozed, err := s.SnoozeReminder(ctx, r.ID, t0.Add(25*time.Minute), Origin{At: t0.Add(16 * time.Minute), Author: "ana"})
	if err != nil || !snoozed.DueAt.Equal(t0.Add(25*time.Minute)) || snoozed.State != incident.ReminderOpen {
		t.Fatalf("snooze: %+v, %v", snoozed, err)
	}
	done, err := s.CloseReminder(ctx, r.ID, incident.ReminderDone, Origin{At: t0.Add(26 * time.Minute), Author: "ana"})
	if err != nil || done.State != incident.ReminderDone || !done.ClosedAt.Equal(t0.Add(26*time.Minute)) {
		t.Fatalf("done: %+v, %v", done, err)
	}
	_, err = s.CloseReminder(ctx, r.ID, incident.ReminderDismissed, Origin{})
	wantCode(t, err, incident.ECONFLICT)
	_, err = s.CloseReminder(ctx, other.ID, incident.ReminderOpen, Origin{})
	wantCode(t, err, incident.ECONFLICT)
	if _, err := s.CloseReminder(ctx, other.ID, incident.ReminderDismissed, Origin{At: t0.Add(6 * time.Minute)}); err != nil {
		t.Fatal(err)
	}
	bad := incident.Reminder{IncidentID: inc.ID, Text: "", DueAt: t0, State: incident.ReminderOpen}
	wantCode(t, s.AddReminder(ctx, &bad, Origin{}), incident.EINVALID)
	events, _ := s.Events(ctx, inc.ID)
	var texts []string
	for _, e := range events {
		if e.Kind == incident.KindReminder {
			texts = append(texts, e.Text)
		}
	}
	// Times in the incident's zone (Berlin, CET in winter).
	want := []string{
		"Reminder set for " + t0.Add(15*time.Minute).In(inc.Location()).Format("15:04 MST") + ": check replica lag @ana",
		"Reminder set for " + t0.Add(5*time.Minute).In(inc.Location()).Format("15:04 MST") + ": rotate the on-call",
		"Reminder dismissed: rotate the on-call",
		"Reminder snoozed to " + t0.Add(25*time.Minute).In(inc.Location()).Format("15:04 MST") + ": check replica lag @ana",
		"Reminder done: check replica lag @ana",
	}
	if strings.Join(texts, "\n") != strings.Join(want, "\n") {
		t.Errorf("reminder events:\n%s\nwant:\n%s", strings.Join(texts, "\n"), strings.Join(want, "\n"))
	}
}

// TestRunbookInSnapshotChangesAndImport: the checklist and the reminders
// are in the snapshot, in Changes when they change, and an import of the
// snapshot brings them back as they were.
func TestRunbookInSnapshotChangesAndImport(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := incident.Incident{Title: "Checkout errors", Severity: 1, Timezone: "UTC"}
	if err := s.DeclareIncident(ctx, &inc, []string{"Open the status page incident", "Page the owning team"}, Origin{At: t0}); err != nil {
		t.Fatal(err)
	}
	before, _ := s.Incident(ctx, inc.ID)
	items, _ := s.Checklist(ctx, inc.ID)
	if _, _, err := s.SetChecklistItem(ctx, items[0].ID, incident.ChecklistDone, Origin{At: t0.Add(time.Minute), Author: "ana"}); err != nil {
		t.Fatal(err)
	}
	c, err := s.Changes(ctx, inc.ID, before.Seq)
	if err != nil || !c.ChecklistChanged || len(c.Checklist) != 2 || c.RemindersChanged || len(c.Events) != 1 {
		t.Fatalf("changes after a tick: %+v, %v", c, err)
	}
	r, _ := incident.ParseReminder("10m check lag", t0)
	r.IncidentID = inc.ID
	if err := s.AddReminder(ctx, &r, Origin{At: t0, Author: "ana"}); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Changes(ctx, inc.ID, c.Seq); !c.RemindersChanged || len(c.Reminders) != 1 || c.ChecklistChanged {
		t.Errorf("changes after a reminder: %+v", c)
	}
	snap, err := s.Snapshot(ctx, inc.ID)
	if err != nil || len(snap.Checklist) != 2 || len(snap.Reminders) != 1 {
		t.Fatalf("snapshot: %d items, %d reminders, %v", len(snap.Checklist), len(snap.Reminders), err)
	}
	id, err := s.ImportSnapshot(ctx, snap, 0)
	if err != nil {
		t.Fatal(err)
	}
	back, _ := s.Snapshot(ctx, id)
	if len(back.Checklist) != 2 || len(back.Reminders) != 1 {
		t.Fatalf("imported: %+v %+v", back.Checklist, back.Reminders)
	}
	a, b := back.Checklist[0], snap.Checklist[0]
	if a.Text != b.Text || a.State != incident.ChecklistDone || a.By != "ana" || !a.At.Equal(b.At) || a.UUID == b.UUID || a.ID == b.ID {
		t.Errorf("imported item %+v, from %+v (same text, state, time and author; a new UUID in the same database)", a, b)
	}
	ra, rb := back.Reminders[0], snap.Reminders[0]
	if ra.Text != rb.Text || !ra.DueAt.Equal(rb.DueAt) || ra.State != rb.State || ra.By != "ana" || ra.UUID == rb.UUID {
		t.Errorf("imported reminder %+v, from %+v", ra, rb)
	}
	// Importing into the same incident again adds no step twice.
	if _, err := s.ImportSnapshot(ctx, snap, id); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.Checklist(ctx, id); len(again) != 2 {
		t.Errorf("a second import doubled the checklist: %d items", len(again))
	}
}

// TestRunbookOperationsAreIdempotent: each runbook operation applied twice
// changes nothing the second time and answers with what it wrote.
func TestRunbookOperationsAreIdempotent(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := incident.Incident{Title: "Checkout errors", Severity: 1, Timezone: "UTC"}
	if err := s.DeclareIncident(ctx, &inc, []string{"Page the owning team"}, Origin{At: t0}); err != nil {
		t.Fatal(err)
	}
	items, _ := s.Checklist(ctx, inc.ID)
	ref := incident.Ref{ID: inc.ID}
	rem := incident.Reminder{Text: "check lag", DueAt: t0.Add(time.Hour), State: incident.ReminderOpen}
	remID := newID()
	for _, op := range []incident.Operation{
		{ID: newID(), Kind: incident.OpSetChecklistItem, Incident: ref, Target: incident.Ref{UUID: items[0].UUID}, ChecklistState: incident.ChecklistDone, Author: "ana"},
		{ID: remID, Kind: incident.OpAddReminder, Incident: ref, Reminder: &rem},
		{ID: newID(), Kind: incident.OpSetReminder, Incident: ref, Target: incident.Ref{UUID: remID}, ReminderState: incident.ReminderDone},
	} {
		first, err := s.Apply(ctx, op)
		if err != nil {
			t.Fatalf("%s: %v", op.Kind, err)
		}
		second, err := s.Apply(ctx, op)
		if err != nil || !second.Replayed || second.Event.ID != first.Event.ID || second.Seq != first.Seq ||
			second.ChecklistItem.ID != first.ChecklistItem.ID || second.Reminder.ID != first.Reminder.ID {
			t.Errorf("%s applied twice: first %+v\nsecond %+v, %v", op.Kind, first, second, err)
		}
	}
	snap, _ := s.Snapshot(ctx, inc.ID)
	if len(snap.Reminders) != 1 || snap.Reminders[0].State != incident.ReminderDone || snap.Checklist[0].State != incident.ChecklistDone {
		t.Errorf("after replays: %+v %+v", snap.Checklist, snap.Reminders)
	}
}

// TestPushCarriesTheRunbook: a local incident's checklist and reminders
// arrive in the team database; a tick made offline reaches an item the
// team had open; a second push adds nothing.
func TestPushCarriesTheRunbook(t *testing.T) {
	ctx := context.Background()
	local := openAt(t, filepath.Join(t.TempDir(), "local.db"))
	team := openTest(t)
	inc := incident.Incident{Title: "Checkout errors", Severity: 1, Timezone: "UTC"}
	if err := local.DeclareIncident(ctx, &inc, []string{"Page the owning team", "Open the status page incident"}, Origin{At: t0}); err != nil {
		t.Fatal(err)
	}
	r, _ := incident.ParseReminder("15m check lag @ana", t0)
	r.IncidentID = inc.ID
	if err := local.AddReminder(ctx, &r, Origin{At: t0, Author: "rosa"}); err != nil {
		t.Fatal(err)
	}
	res, err := Push(ctx, local, inc.ID, team)
	if err != nil {
		t.Fatal(err)
	}
	if res.Checklist != 2 || res.Reminders != 1 {
		t.Errorf("first push: %+v", res)
	}
	// Offline: a tick and a reminder done locally.
	items, _ := local.Checklist(ctx, inc.ID)
	if _, _, err := local.SetChecklistItem(ctx, items[1].ID, incident.ChecklistDone, Origin{At: t0.Add(3 * time.Minute), Author: "ida"}); err != nil {
		t.Fatal(err)
	}
	if _, err := local.CloseReminder(ctx, r.ID, incident.ReminderDone, Origin{At: t0.Add(16 * time.Minute)}); err != nil {
		t.Fatal(err)
	}
	if res, err = Push(ctx, local, inc.ID, team); err != nil || res.Checklist != 1 || res.Reminders != 1 {
		t.Fatalf("second push: %+v, %v", res, err)
	}
	if res, err = Push(ctx, local, inc.ID, team); err != nil || res.Checklist != 0 || res.Reminders != 0 || res.Events != 0 {
		t.Errorf("third push changed something: %+v, %v", res, err)
	}
	if a, b := document(t, local, inc.ID), document(t, team, res.IncidentID); a != b {
		t.Errorf("the team copy differs from the local one:\n%s\n---\n%s", a, b)
	}
}
