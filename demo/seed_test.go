package demo

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"scribe/incident"
	"scribe/store"
)

// testNow is a fixed clock so failures are reproducible; it is a summer date
// so London is an hour off UTC and zone mistakes show.
var testNow = time.Date(2026, 7, 18, 15, 37, 12, 0, time.UTC)

func openStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "scribe.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func seed(t *testing.T, st *store.Store) incident.Snapshot {
	t.Helper()
	ctx := context.Background()
	id, err := Seed(ctx, st, testNow)
	if err != nil {
		t.Fatalf("Seed: %v", err)
	}
	snap, err := st.Snapshot(ctx, id)
	if err != nil {
		t.Fatalf("Snapshot(%d): %v", id, err)
	}
	return snap
}

func TestSeedIncident(t *testing.T) {
	snap := seed(t, openStore(t))
	inc := snap.Incident
	if inc.Title != title || inc.Severity != 2 || inc.Timezone != zone {
		t.Errorf("incident = %q %s %q, want %q SEV2 %q", inc.Title, inc.Severity, inc.Timezone, title, zone)
	}
	if inc.State != incident.Resolved {
		t.Errorf("state = %s, want resolved", inc.State)
	}
	for name, v := range map[string]string{
		"summary": inc.Summary, "impact": inc.Impact, "root cause": inc.RootCause,
		"trigger": inc.Trigger, "resolution": inc.Resolution,
	} {
		if v == "" {
			t.Errorf("%s is empty", name)
		}
	}
	if len(inc.Services) < 2 {
		t.Errorf("services = %q, want the affected services", inc.Services)
	}
}

func TestSeedTimeline(t *testing.T) {
	snap := seed(t, openStore(t))
	// 25 to 40 lines of the story, and up to 10 checklist and reminder
	// events (runbook.go).
	if n := len(snap.Events); n < 25 || n > 50 {
		t.Errorf("%d events, want 25 to 50", n)
	}
	kinds := map[incident.Kind]int{}
	pinned := 0
	var last time.Time
	for _, e := range snap.Events {
		kinds[e.Kind]++
		if e.Pinned {
			pinned++
		}
		if !e.OccurredAt.Before(testNow) {
			t.Errorf("event %d %q at %s is not before now (%s)", e.ID, e.Text, e.OccurredAt, testNow)
		}
		if e.Author == "" {
			t.Errorf("event %d (%s %q) has no author", e.ID, e.Kind, e.Text)
		}
		last = e.OccurredAt
	}
	for _, k := range incident.Kinds {
		if kinds[k] == 0 {
			t.Errorf("no %s event; kinds seen: %v", k, kinds)
		}
	}
	if kinds[incident.KindComms] < 3 {
		t.Errorf("%d comms events, want several", kinds[incident.KindComms])
	}
	if pinned < 2 {
		t.Errorf("%d pinned events, want a few key moments", pinned)
	}
	if gap := testNow.Sub(last); gap > time.Hour {
		t.Errorf("last event is %s before now, want the incident to end shortly before now", gap)
	}
}

func TestSeedStatusProgression(t *testing.T) {
	snap := seed(t, openStore(t))
	var states []incident.State
	for _, e := range snap.Events {
		if e.Kind != incident.KindStatus {
			continue
		}
		if e.Text == "" {
			t.Errorf("status %s has no message", e.State)
		}
		if len(states) == 0 || states[len(states)-1] != e.State {
			states = append(states, e.State)
		}
	}
	if !slices.Equal(states, incident.States) {
		t.Errorf("status changes %v, want %v", states, incident.States)
	}
}

func TestSeedMilestones(t *testing.T) {
	snap := seed(t, openStore(t))
	ms := snap.Incident.Milestones
	for _, m := range incident.MilestoneOrder {
		at, ok := ms.Get(m)
		if !ok {
			t.Errorf("milestone %s is unset", m)
			continue
		}
		if !at.Before(testNow) {
			t.Errorf("milestone %s at %s is not before now", m, at)
		}
	}
	if bad := ms.OutOfOrder(); len(bad) > 0 {
		t.Errorf("milestones out of order: %v", bad)
	}
	mt := ms.Metrics()
	if mt.TimeToDetect == nil || mt.TimeToMitigate == nil || mt.TimeToResolve == nil {
		t.Fatalf("metrics incomplete: %+v", mt)
	}
	if *mt.TimeToMitigate != time.Hour+50*time.Minute {
		t.Errorf("time to mitigate = %s, want the 1h50m the summary states", *mt.TimeToMitigate)
	}
}

func TestSeedRoles(t *testing.T) {
	snap := seed(t, openStore(t))
	var commanders []incident.RoleAssignment
	held := map[string]bool{}
	for _, r := range snap.Roles {
		held[r.Role] = true
		if r.Role == incident.RoleCommander {
			commanders = append(commanders, r)
		}
	}
	for _, role := range []string{incident.RoleCommander, incident.RoleOps, incident.RoleComms, incident.RoleScribe} {
		if !held[role] {
			t.Errorf("nobody held %s; roles: %+v", role, snap.Roles)
		}
	}
	if len(commanders) != 2 {
		t.Fatalf("%d commander assignments, want a hand-off between two: %+v", len(commanders), commanders)
	}
	first, second := commanders[0], commanders[1]
	if first.Active() || !first.Until.Equal(second.From) || !second.Active() || first.Person == second.Person {
		t.Errorf("commander hand-off not recorded: %+v then %+v", first, second)
	}
	if d := second.From.Sub(first.From); d < 90*time.Minute {
		t.Errorf("hand-off after %s, want it mid-incident", d)
	}
}

func TestSeedActionItemsAndRetro(t *testing.T) {
	snap := seed(t, openStore(t))
	if len(snap.ActionItems) < 4 || len(snap.ActionItems) > 6 {
		t.Errorf("%d action items, want 4 to 6", len(snap.ActionItems))
	}
	done, unowned := 0, 0
	priorities := map[incident.Priority]bool{}
	for _, a := range snap.ActionItems {
		priorities[a.Priority] = true
		if a.State == incident.ItemDone {
			done++
		}
		if a.Owner == "" {
			unowned++
		}
		if _, err := time.Parse(incident.DateLayout, a.Due); err != nil {
			t.Errorf("item %q due %q: %v", a.Title, a.Due, err)
		}
	}
	if done != 1 || unowned != 1 {
		t.Errorf("%d done and %d without owner, want one of each", done, unowned)
	}
	for _, p := range incident.Priorities {
		if !priorities[p] {
			t.Errorf("no %s item", p)
		}
	}
	sections := map[incident.RetroSection]int{}
	for _, n := range snap.Retro {
		sections[n.Section]++
	}
	for _, s := range incident.RetroSections {
		if sections[s] == 0 {
			t.Errorf("no retro note in %s", s)
		}
	}
}

func TestSeedTwiceMakesTwoIncidents(t *testing.T) {
	st := openStore(t)
	a, b := seed(t, st), seed(t, st)
	if a.Incident.ID == b.Incident.ID {
		t.Fatalf("both seeds returned incident %d", a.Incident.ID)
	}
	if len(a.Events) != len(b.Events) || len(a.ActionItems) != len(b.ActionItems) || len(a.Roles) != len(b.Roles) || len(a.Retro) != len(b.Retro) {
		t.Errorf("second seed differs: %d/%d/%d/%d events/items/roles/notes, first %d/%d/%d/%d",
			len(b.Events), len(b.ActionItems), len(b.Roles), len(b.Retro),
			len(a.Events), len(a.ActionItems), len(a.Roles), len(a.Retro))
	}
	list, err := st.Incidents(context.Background())
	if err != nil {
		t.Fatalf("Incidents: %v", err)
	}
	if len(list) != 2 {
		t.Errorf("%d incidents in the store, want 2", len(list))
	}
}

// The table is edited by hand; these checks catch a slip before the store
// would, with a message that names the entry.
func TestStoryTable(t *testing.T) {
	declared := 0
	for i, e := range timeline {
		if i > 0 && e.At < timeline[i-1].At {
			t.Errorf("entry %d at +%s comes before entry %d at +%s", i+1, e.At, i, timeline[i-1].At)
		}
		if e.At >= sinceStart {
			t.Errorf("entry %d at +%s is not before now (+%s)", i+1, e.At, sinceStart)
		}
		if e.By == "" {
			t.Errorf("entry %d has no author", i+1)
		}
		switch {
		case e.Kind == incident.KindMilestone && e.Milestone == incident.MilestoneDeclared:
			declared++
		case e.Kind == incident.KindActionItem:
			t.Errorf("entry %d: action items belong in actionItems", i+1)
		case !e.Kind.Structured() && e.Text == "":
			t.Errorf("entry %d (%s) has no text", i+1, e.Kind)
		}
	}
	if declared != 1 {
		t.Errorf("%d declared milestones in the timeline, want exactly 1", declared)
	}
	for i, a := range actionItems {
		if a.At >= sinceStart || a.By == "" || a.DueDays <= 0 {
			t.Errorf("action item %d %q: at +%s by %q due in %d days", i+1, a.Title, a.At, a.By, a.DueDays)
		}
	}
}

func BenchmarkSeed(b *testing.B) {
	st := openStore(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := Seed(ctx, st, testNow); err != nil {
			b.Fatal(err)
		}
	}
}
