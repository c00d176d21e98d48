package tui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"scribe/incident"
	"scribe/store"
)

// harness drives the Model as the Bubble Tea runtime would, without a
// terminal: runUpdate feeds every message a command returns back into
// Update (glow's pattern), except timers, which are held until fired so
// that tests decide when a second passes or a poll happens.
type harness struct {
	t      *testing.T
	ctx    context.Context
	st     *store.Store
	path   string // the store's file
	m      *Model
	now    time.Time
	opts   Options
	timers []timerMsg
	quit   bool
}

// timerMsg is a delayed command held by the harness.
type timerMsg struct {
	d  time.Duration
	fn func(time.Time) tea.Msg
}

func openStore(t testing.TB, path string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// newHarness opens a real store in a temporary directory; with declare set
// it declares incident #1 and opens the TUI on it. with, if given, changes
// the options first.
func newHarness(t *testing.T, declare bool, with ...func(*Options)) *harness {
	t.Helper()
	h := &harness{t: t, ctx: context.Background(), now: time.Date(2026, 11, 21, 15, 30, 0, 0, time.UTC)}
	h.path = filepath.Join(t.TempDir(), "scribe.db")
	h.st = openStore(t, h.path)
	h.st.Now = h.clock
	opts := Options{Author: "tester", Now: h.clock, Zone: "UTC"}
	if declare {
		inc := incident.Incident{Title: "Checkout errors after the payments deploy", Severity: 2, Timezone: "UTC"}
		if err := h.st.CreateIncident(h.ctx, &inc, store.Origin{At: h.now.Add(-time.Hour)}); err != nil {
			t.Fatalf("create incident: %v", err)
		}
		opts.IncidentID = inc.ID
	}
	for _, fn := range with {
		fn(&opts)
	}
	h.opts = opts
	h.start()
	return h
}

// start runs a new Model over the harness's store with its options, as a
// new scribe process would.
func (h *harness) start() {
	h.t.Helper()
	h.quit = false
	h.timers = nil
	h.m = New(h.ctx, h.st, h.opts)
	h.m.c.timer = func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg { return timerMsg{d: d, fn: fn} }
	}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.run(h.m.Init())
}

func (h *harness) clock() time.Time { return h.now }

// send runs msg through Update and everything its commands lead to.
func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	queue := []tea.Msg{msg}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 1000 {
			h.t.Fatal("runUpdate: more than 1000 messages; a command loops")
		}
		msg, queue = queue[0], queue[1:]
		_, cmd := h.m.Update(msg)
		queue = append(queue, h.exec(cmd)...)
	}
}

func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	for _, msg := range h.exec(cmd) {
		h.send(msg)
	}
}

// exec runs a command and returns the messages to deliver.
func (h *harness) exec(cmd tea.Cmd) []tea.Msg {
	h.t.Helper()
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(10 * time.Second):
		h.t.Fatal("a command blocked for 10s (an unmocked timer?)")
	}
	switch msg := msg.(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, h.exec(c)...)
		}
		return out
	case timerMsg:
		h.timers = append(h.timers, msg)
		return nil
	case tea.QuitMsg:
		h.quit = true
		return nil
	}
	return []tea.Msg{msg}
}

// tick advances the clock by d and fires the timers pending until then.
func (h *harness) tick(d time.Duration) {
	h.t.Helper()
	h.now = h.now.Add(d)
	timers := h.timers
	h.timers = nil
	for _, tm := range timers {
		if tm.d <= d {
			h.send(tm.fn(h.now))
		} else {
			tm.d -= d
			h.timers = append(h.timers, tm)
		}
	}
}

func (h *harness) typeText(s string) {
	h.t.Helper()
	for _, r := range s {
		if r == ' ' {
			h.send(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
			continue
		}
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func (h *harness) press(code rune, mod ...tea.KeyMod) {
	h.t.Helper()
	k := tea.KeyPressMsg{Code: code}
	for _, m := range mod {
		k.Mod |= m
	}
	h.send(k)
}

// enter types line and presses Enter.
func (h *harness) enter(line string) {
	h.t.Helper()
	h.typeText(line)
	h.press(tea.KeyEnter)
}

// view is the screen as text, styles stripped.
func (h *harness) view() string { return ansi.Strip(h.m.View().Content) }

func (h *harness) mustSee(want string) {
	h.t.Helper()
	if v := h.view(); !strings.Contains(v, want) {
		h.t.Fatalf("screen does not show %q:\n%s", want, v)
	}
}

func (h *harness) events() []incident.Event {
	h.t.Helper()
	evs, err := h.st.Events(h.ctx, 1)
	if err != nil {
		h.t.Fatalf("events: %v", err)
	}
	return evs
}

// lastEvent is the most recently logged live event.
func (h *harness) lastEvent() incident.Event {
	h.t.Helper()
	evs := h.events()
	last := evs[0]
	for _, e := range evs {
		if e.ID > last.ID {
			last = e
		}
	}
	return last
}

func (h *harness) input() string { return h.m.inc.input.Value() }

// activePane is the title of the pane shown, without its counts.
func (h *harness) activePane() string { return paneName(h.m.inc.panes[h.m.inc.active]) }
