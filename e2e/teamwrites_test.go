package e2e

import (
	"slices"
	"strings"
	"testing"

	"scribe/incident"
	"scribe/store/pgtest"
)

// The team database goes away mid-incident, and the commander goes on from
// the command line: every write the outbox can carry (status, role,
// milestone set and cleared, severity with its reason, any other field,
// an action item, a retro note, a reminder) is kept, says so in one line on stderr and
// exits 75 with nothing on stdout, as scribe log does. The writes that
// cannot be kept (a new incident, whose number only the database gives; a
// correction of an item by its number) fail with the reason and queue
// nothing. When the database is back, the next command sends them all,
// once and in order, and the incident reads as if typed online.
func TestEveryWriteQueuesWhileTheTeamDatabaseIsDown(t *testing.T) {
	server := pgtest.Private(t)
	link, dsn := pgtest.NewLink(t, pgtest.NewDatabase(t, server))
	m := newMachine(t, dsn)
	id := m.must(t, "new", "Replica lag", "--tz", "UTC", "--sev", "3")
	m.must(t, "milestone", id, "detected")
	item := m.must(t, "action", "add", id, "Alert on replica lag")

	link.Cut()
	for _, args := range [][]string{
		{"status", id, "identified", "Replica behind after the vacuum"},
		{"role", id, "ic", "Rosa M."},
		{"milestone", id, "mitigated"},
		{"milestone", id, "detected", "--clear"},
		{"set", id, "severity", "2", "--reason", "orders delayed for every customer"},
		{"set", id, "summary", "Orders were delayed while the replica caught up."},
		{"set", id, "services", "orders-db, checkout"},
		{"action", "add", id, "Cap vacuum IO", "--owner", "ken", "--priority", "p1"},
		{"retro", id, "lesson", "Vacuum needs an IO budget"},
		{"remind", id, "15m", "check replica lag again"},
	} {
		r := m.run(t, args...)
		if r.code != 75 || r.stdout != "" || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 ||
			!strings.Contains(r.stderr, "queued") || strings.Contains(r.stderr, pgtest.Password) {
			t.Fatalf("%s during the cut: exit %d, stdout %q, stderr %q", strings.Join(args, " "), r.code, r.stdout, r.stderr)
		}
	}
	// --at is read in this machine's zone (UTC here), and says so.
	r := m.run(t, "status", id, "monitoring", "--at", "-1m")
	if r.code != 75 || !strings.Contains(r.stderr, "times are read in this machine's zone") {
		t.Fatalf("status --at during the cut: exit %d, stderr %q", r.code, r.stderr)
	}
	for _, args := range [][]string{{"new", "Another incident"}, {"action", "done", item}} {
		r := m.run(t, args...)
		if r.code == 0 || r.code == 75 || !strings.Contains(r.stderr, "connection refused") {
			t.Fatalf("%s during the cut: exit %d, stderr %q: it cannot be queued and must say why", args[0], r.code, r.stderr)
		}
	}

	link.Restore()
	r = m.run(t, "log", id, "after the cut")
	if r.code != 0 || !strings.Contains(r.stderr, "sent 11 writes") {
		t.Fatalf("log after the cut: exit %d, stderr %q", r.code, r.stderr)
	}
	d, err := incident.ParseDocument([]byte(m.must(t, "show", id, "--json")))
	if err != nil {
		t.Fatal(err)
	}
	snap, err := d.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	inc := snap.Incident
	if inc.State != incident.Monitoring || inc.Severity != 2 || inc.Summary != "Orders were delayed while the replica caught up." ||
		strings.Join(inc.Services, ",") != "orders-db,checkout" {
		t.Errorf("incident after delivery: %+v", inc)
	}
	if _, ok := inc.Milestones.Get(incident.MilestoneMitigated); !ok {
		t.Error("the mitigated milestone did not arrive")
	}
	if _, ok := inc.Milestones.Get(incident.MilestoneDetected); ok {
		t.Error("the detected milestone was not cleared")
	}
	if len(snap.ActionItems) != 2 || snap.ActionItems[1].Title != "Cap vacuum IO" || snap.ActionItems[1].Owner != "ken" || snap.ActionItems[1].Priority != incident.P1 {
		t.Errorf("action items: %+v", snap.ActionItems)
	}
	if len(snap.Retro) != 1 || snap.Retro[0].Text != "Vacuum needs an IO budget" {
		t.Errorf("retro: %+v", snap.Retro)
	}
	if len(snap.Roles) != 1 || snap.Roles[0].Person != "Rosa M." {
		t.Errorf("roles: %+v", snap.Roles)
	}
	// The queued writes' events, once each and in the order typed (the
	// time each was typed is kept through the outbox).
	events := slices.Clone(snap.Events)
	slices.SortStableFunc(events, func(a, b incident.Event) int { return a.LoggedAt.Compare(b.LoggedAt) })
	var kinds []string
	for _, e := range events {
		kinds = append(kinds, string(e.Kind))
	}
	want := "milestone milestone action-item status role milestone milestone severity action-item reminder status note"
	if got := strings.Join(kinds, " "); got != want {
		t.Errorf("events by kind, in the order typed:\n got %s\nwant %s", got, want)
	}
	for _, e := range snap.Events {
		if e.Kind == incident.KindSeverity && (e.Text != "orders delayed for every customer" || e.PreviousSeverity != 3) {
			t.Errorf("severity event %+v", e)
		}
	}
}
