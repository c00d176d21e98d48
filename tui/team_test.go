package tui

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"scribe/incident"
	"scribe/store"
)

// offlineStore is a team database that has gone out of reach, as the
// outbox's Team shows it: lines are queued (ErrQueued) and come back from
// Snapshot with negative ids; corrections fail.
type offlineStore struct {
	*store.Store
	mu      sync.Mutex
	queued  []incident.Event
	offline bool
}

func (o *offlineStore) Location() string { return "db.internal:5432/incidents" }

func (o *offlineStore) TeamState(context.Context) (bool, int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return !o.offline, len(o.queued)
}

func (o *offlineStore) LogEvent(ctx context.Context, e *incident.Event) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if !o.offline {
		return o.Store.LogEvent(ctx, e)
	}
	c := *e
	c.ID = -int64(len(o.queued) + 1)
	if c.OccurredAt.IsZero() {
		c.OccurredAt = time.Date(2026, 11, 21, 15, 30, 0, 0, time.UTC)
	}
	o.queued = append(o.queued, c)
	return fmt.Errorf("queued: the team database db.internal:5432/incidents cannot be reached; %d waiting: %w", len(o.queued), incident.ErrQueued)
}

func (o *offlineStore) Snapshot(ctx context.Context, id int64) (incident.Snapshot, error) {
	snap, err := o.Store.Snapshot(ctx, id)
	o.mu.Lock()
	defer o.mu.Unlock()
	snap.Events = append(snap.Events, o.queued...)
	return snap, err
}

func (o *offlineStore) DeleteEvent(ctx context.Context, id int64) error {
	if id < 0 {
		return fmt.Errorf("deleted a pending line")
	}
	return o.Store.DeleteEvent(ctx, id)
}

// A line typed while the team database is out of reach is kept and shown
// as pending, never as a failure; the header says offline and how many
// wait, and which database; a pending line cannot be corrected yet.
func TestOfflineLinesShowAsPending(t *testing.T) {
	h := newHarness(t, true)
	off := &offlineStore{Store: h.st}
	h.m = New(h.ctx, off, h.opts)
	h.m.c.timer = func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg { return timerMsg{d: d, fn: fn} }
	}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 30})
	h.run(h.m.Init())
	h.tick(time.Second) // a poll: the header learns the team state
	h.mustSee("db.internal:5432/incidents")
	if strings.Contains(h.view(), "offline") {
		t.Fatalf("offline while reachable:\n%s", h.view())
	}

	off.mu.Lock()
	off.offline = true
	off.mu.Unlock()
	h.enter("paged the DB team from the train")
	v := h.view()
	marked := false
	for _, line := range strings.Split(v, "\n") {
		if strings.Contains(line, "paged the DB team from the train") {
			marked = strings.Contains(line, "⋯")
		}
	}
	if !marked {
		t.Fatalf("the queued line is not shown, marked pending:\n%s", v)
	}
	if !strings.Contains(v, "queued") || strings.Contains(v, "↑ brings the line back") || h.input() != "" {
		t.Fatalf("the queued line shows as failed, or stays in the input (%q):\n%s", h.input(), v)
	}
	h.tick(time.Second)
	h.mustSee("offline · 1 pending")

	// Select the pending line and try to delete it.
	h.press(tea.KeyUp)
	h.press('d')
	h.mustSee("not in the team database yet")
	if evs := h.events(); strings.Contains(fmt.Sprint(evs), "from the train") {
		t.Fatal("the queued line reached the local store")
	}
}

// countingStore counts whole reads.
type countingStore struct {
	*store.Store
	mu        sync.Mutex
	snapshots int
}

func (c *countingStore) Snapshot(ctx context.Context, id int64) (incident.Snapshot, error) {
	c.mu.Lock()
	c.snapshots++
	c.mu.Unlock()
	return c.Store.Snapshot(ctx, id)
}

// What another process writes reaches the screen by its changes alone:
// the incident is not read whole again (at 1,000,000 events that took
// gigabytes and seconds per outside write).
func TestOutsideWritesArriveAsChanges(t *testing.T) {
	h := newHarness(t, true)
	cs := &countingStore{Store: h.st}
	h.m = New(h.ctx, cs, h.opts)
	h.m.c.timer = func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg { return timerMsg{d: d, fn: fn} }
	}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 30})
	h.run(h.m.Init())
	first := cs.snapshots
	if first != 1 {
		t.Fatalf("%d whole reads to open the incident", first)
	}
	other := incident.Event{IncidentID: 1, Kind: incident.KindNote, Text: "from another terminal", Author: "ken"}
	if err := h.st.LogEvent(h.ctx, &other); err != nil {
		t.Fatal(err)
	}
	if _, err := h.st.SetStatus(h.ctx, 1, incident.Identified, "Bad config", incident.Origin{}); err != nil {
		t.Fatal(err)
	}
	h.tick(time.Second)
	h.mustSee("from another terminal — ken")
	h.mustSee("IDENTIFIED")
	if err := h.st.DeleteEvent(h.ctx, other.ID); err != nil {
		t.Fatal(err)
	}
	h.tick(time.Second)
	if strings.Contains(h.view(), "from another terminal") {
		t.Fatalf("a line deleted elsewhere is still shown:\n%s", h.view())
	}
	// The user's own line goes the same way.
	h.enter("typed here")
	h.mustSee("typed here")
	if cs.snapshots != first {
		t.Fatalf("%d whole reads after outside writes, want none", cs.snapshots-first)
	}
	if got := h.m.inc.snap.Incident.Seq; got == 0 || len(h.m.inc.snap.Events) != len(h.events()) {
		t.Fatalf("the screen's snapshot (seq %d, %d events) does not match the store's %d events", got, len(h.m.inc.snap.Events), len(h.events()))
	}
}

// unreadStore is a team database out of reach since before the incident
// was ever read: Snapshot gives what the outbox's Team gives then, the
// number and a stand-in for the rest, until the database answers.
type unreadStore struct {
	offlineStore
}

// DataVersion is 0 until the database answers, as the Team's is.
func (u *unreadStore) DataVersion(ctx context.Context) (int64, error) {
	u.mu.Lock()
	off := u.offline
	u.mu.Unlock()
	if off {
		return 0, nil
	}
	return u.offlineStore.DataVersion(ctx)
}

func (u *unreadStore) Snapshot(ctx context.Context, id int64) (incident.Snapshot, error) {
	u.mu.Lock()
	off := u.offline
	u.mu.Unlock()
	if !off {
		return u.offlineStore.Snapshot(ctx, id)
	}
	return incident.Snapshot{Incident: incident.Incident{ID: id, Severity: 3, State: incident.Investigating,
		Timezone: "UTC", Title: "(not loaded: the team database is out of reach)"}}, nil
}

// An incident opened while its team database is out of reach shows no
// severity, state, roles or cadence it does not know (they were SEV3,
// INVESTIGATING, "no roles yet" and "next update in 1h", made up), until
// the database answers.
func TestUnreadIncidentClaimsNothing(t *testing.T) {
	h := newHarness(t, true)
	u := &unreadStore{offlineStore: offlineStore{Store: h.st, offline: true}}
	h.m = New(h.ctx, u, h.opts)
	h.m.c.timer = func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg { return timerMsg{d: d, fn: fn} }
	}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 30})
	h.run(h.m.Init())
	h.tick(time.Second)
	top := strings.Join(strings.Split(h.view(), "\n")[:2], "\n")
	for _, made := range []string{"SEV3", "INVESTIGATING", "no roles yet", "next update"} {
		if strings.Contains(top, made) {
			t.Errorf("the header of an incident never read says %q:\n%s", made, top)
		}
	}
	if !strings.Contains(top, "SEV?") || !strings.Contains(top, "state unknown") || !strings.Contains(top, "offline") {
		t.Errorf("the header does not say what it does not know:\n%s", top)
	}

	u.mu.Lock()
	u.offline = false
	u.mu.Unlock()
	h.tick(time.Second)
	h.tick(time.Second)
	top = strings.Join(strings.Split(h.view(), "\n")[:2], "\n")
	if strings.Contains(top, "SEV?") || strings.Contains(top, "state unknown") {
		t.Errorf("still unknown once the database answered:\n%s", top)
	}
}

// refusingStore is a team database that refused, on delivery, a write
// kept while offline.
type refusingStore struct {
	offlineStore
	refused []string
}

func (r *refusingStore) TakeRefusals() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.refused
	r.refused = nil
	return out
}

// A line typed offline that the database refuses when it is sent (a
// severity it already has) vanishes from the timeline: the screen says
// which and why, instead of letting it disappear silently.
func TestRefusedOnDeliveryIsSaid(t *testing.T) {
	h := newHarness(t, true)
	r := &refusingStore{offlineStore: offlineStore{Store: h.st}}
	h.m = New(h.ctx, r, h.opts)
	h.m.c.timer = func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg { return timerMsg{d: d, fn: fn} }
	}
	h.send(tea.WindowSizeMsg{Width: 160, Height: 30})
	h.run(h.m.Init())
	h.tick(time.Second)
	r.mu.Lock()
	r.refused = []string{"set-severity on incident #1 typed Dec 6 05:00: incident #1 is already SEV2"}
	r.mu.Unlock()
	h.tick(time.Second)
	h.mustSee("refused a write kept while offline")
	h.mustSee("already SEV2")
}

// watchingStore is a team database whose watch reports one change: one
// made by another machine right after the screen read the incident.
type watchingStore struct {
	offlineStore
	watched int
}

func (w *watchingStore) WatchIncident(ctx context.Context, id int64) (<-chan struct{}, error) {
	w.watched++
	other := incident.Event{IncidentID: id, Kind: incident.KindNote, Text: "logged on another laptop", Author: "ken"}
	if err := w.Store.LogEvent(ctx, &other); err != nil {
		return nil, err
	}
	ch := make(chan struct{}, 1)
	ch <- struct{}{}
	close(ch)
	return ch, nil
}

// A store that can say when the incident changed wakes the screen at
// once: another machine's line shows without waiting for the next poll
// (no timer fires in this test).
func TestWakeShowsAnotherMachinesLineBeforeThePoll(t *testing.T) {
	h := newHarness(t, true)
	w := &watchingStore{offlineStore: offlineStore{Store: h.st}}
	h.m = New(h.ctx, w, h.opts)
	h.m.c.timer = func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg { return timerMsg{d: d, fn: fn} }
	}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 30})
	h.run(h.m.Init())
	if w.watched != 1 {
		t.Fatalf("watched %d times at open, want 1", w.watched)
	}
	h.mustSee("logged on another laptop")
	h.tick(time.Second) // polls go on, and start no second watch
	if w.watched != 1 {
		t.Fatalf("watched %d times after a poll, want 1", w.watched)
	}
}
