package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"scribe/incident"
	"scribe/store"
)

// newChecklistHarness declares incident #2 with a three-step checklist
// (through the store, as `scribe new` does) and opens it.
func newChecklistHarness(t *testing.T) *harness {
	t.Helper()
	h := newHarness(t, false)
	inc := incident.Incident{Title: "Replica lag on orders-db", Severity: 1, Timezone: "UTC"}
	steps := []string{"Name an incident commander", "Open the status page incident", "Decide on customer comms"}
	if err := h.st.DeclareIncident(h.ctx, &inc, steps, store.Origin{At: h.now.Add(-10 * time.Minute)}); err != nil {
		t.Fatal(err)
	}
	h.opts.IncidentID = inc.ID
	h.start()
	return h
}

func TestChecklistPaneTicksAndSkips(t *testing.T) {
	h := newChecklistHarness(t)
	h.press(tea.KeyTab, tea.ModShift)
	if h.activePane() != "Checklist" {
		t.Fatalf("shift+tab from the timeline is %q, want the checklist", h.activePane())
	}
	h.mustSee("0 of 3 done")
	h.mustSee("☐ Open the status page incident")
	h.press(tea.KeyDown) // the first step
	h.press(tea.KeyDown)
	h.typeText("x")
	items, _ := h.st.Checklist(h.ctx, h.opts.IncidentID)
	if items[1].State != incident.ChecklistDone || items[1].By != "tester" || !items[1].At.Equal(h.now) {
		t.Fatalf("x on the second step: %+v", items[1])
	}
	ev := h.lastEventOf(h.opts.IncidentID)
	if ev.Kind != incident.KindChecklist || ev.Text != "Done: Open the status page incident" || ev.Author != "tester" {
		t.Errorf("tick event = %s %q by %q", ev.Kind, ev.Text, ev.Author)
	}
	h.mustSee("☑ Open the status page incident  done 15:30 by tester")
	h.mustSee("[Checklist 1/3]")
	h.press(tea.KeyDown)
	h.typeText("s")
	h.mustSee("⊘ Decide on customer comms  skipped 15:30 by tester")
	// x again reopens; ctrl+z undoes the last change.
	h.press(tea.KeyUp)
	h.typeText("x")
	if items, _ := h.st.Checklist(h.ctx, h.opts.IncidentID); items[1].State != incident.ChecklistOpen {
		t.Errorf("x on a done step did not reopen it: %s", items[1].State)
	}
	h.press('z', tea.ModCtrl)
	if items, _ := h.st.Checklist(h.ctx, h.opts.IncidentID); items[1].State != incident.ChecklistDone {
		t.Errorf("undo did not bring the tick back: %s", items[1].State)
	}
	// With no step selected (esc), x is a letter like any other.
	h.press(tea.KeyEscape)
	h.typeText("x marks the spot")
	if h.input() != "x marks the spot" {
		t.Errorf("input = %q", h.input())
	}
}

func TestChecklistPaneWithoutChecklist(t *testing.T) {
	h := newHarness(t, true)
	h.press(tea.KeyTab, tea.ModShift)
	h.mustSee("No checklist")
}

// lastEventOf is the latest live event of incident id.
func (h *harness) lastEventOf(id int64) incident.Event {
	h.t.Helper()
	evs, err := h.st.Events(h.ctx, id)
	if err != nil || len(evs) == 0 {
		h.t.Fatalf("events of #%d: %v", id, err)
	}
	last := evs[0]
	for _, e := range evs {
		if e.ID > last.ID {
			last = e
		}
	}
	return last
}

func TestReminderComesDueAndIsDone(t *testing.T) {
	h := newHarness(t, true)
	h.enter("/remind 1m check replica lag @ana")
	h.mustSee("reminder #1 set for 15:31")
	if v := h.view(); strings.Contains(v, "REMINDER") {
		t.Fatalf("a reminder shows before it is due:\n%s", v)
	}
	h.tick(59 * time.Second)
	if v := h.view(); strings.Contains(v, "REMINDER") {
		t.Fatalf("a reminder shows a second early:\n%s", v)
	}
	h.tick(time.Second)
	h.mustSee("⏰ REMINDER #1 due just now: check replica lag @ana (set by tester)")
	h.tick(2 * time.Minute)
	h.mustSee("⏰ REMINDER #1 due 2m ago")
	// Snoozed, it goes; due again, it comes back.
	h.enter("/remind snooze 5m")
	if v := h.view(); strings.Contains(v, "REMINDER") {
		t.Fatalf("a snoozed reminder still shows:\n%s", v)
	}
	h.tick(5 * time.Minute)
	h.mustSee("⏰ REMINDER #1")
	h.enter("/remind done")
	h.mustSee("reminder #1 done")
	if v := h.view(); strings.Contains(v, "⏰ REMINDER") {
		t.Fatalf("a done reminder still shows:\n%s", v)
	}
	rs, _ := h.st.Reminders(h.ctx, 1)
	if len(rs) != 1 || rs[0].State != incident.ReminderDone || rs[0].Who != "ana" {
		t.Errorf("reminders = %+v", rs)
	}
	var kinds []string
	for _, e := range h.events() {
		if e.Kind == incident.KindReminder {
			kinds = append(kinds, e.Text)
		}
	}
	if len(kinds) != 3 {
		t.Errorf("reminder events: %q, want set, snoozed and done", kinds)
	}
}

func TestRemindCommandErrors(t *testing.T) {
	h := newHarness(t, true)
	for line, want := range map[string]string{
		"/remind":                 "usage: /remind SPAN text [@who]",
		"/remind soon check lag":  `invalid reminder time "soon"`,
		"/remind 15m":             "reminder is empty",
		"/remind done":            "no open reminder: set one with /remind 15m TEXT",
		"/remind done 7":          "no reminder #7 on this incident",
		"/remind snooze 1 eons":   `invalid snooze "eons"`,
		"/remind dismiss 1 extra": "usage: /remind dismiss [N]",
	} {
		h.enter(line)
		h.mustSee(want)
		h.press(tea.KeyEscape)
		for h.input() != "" {
			h.press(tea.KeyBackspace)
		}
	}
}

// policyOpts gives SEV1 a 10-minute cadence and a two-step checklist,
// SEV2 30 minutes and none.
func policyOpts(o *Options) {
	o.UpdateEvery = func(sev incident.Severity) time.Duration {
		if sev == 1 {
			return 10 * time.Minute
		}
		return 30 * time.Minute
	}
	o.Checklist = func(sev incident.Severity) []string {
		if sev == 1 {
			return []string{"Page the DBA on-call", "Tell the CEO"}
		}
		return nil
	}
}

// TestEscalationBringsChecklistAndCadence: /sev 1 on a SEV2 attaches the
// SEV1 steps and switches the countdown to SEV1's cadence.
func TestEscalationBringsChecklistAndCadence(t *testing.T) {
	h := newHarness(t, true, policyOpts)
	h.enter("/c posted to the status page")
	h.mustSee("⏲ next update in 30m")
	h.enter("/sev 1 the replica is down too")
	h.mustSee("⏲ next update in 10m")
	h.mustSee("Checklist 0/2")
	items, _ := h.st.Checklist(h.ctx, 1)
	if len(items) != 2 || items[0].Text != "Page the DBA on-call" || items[0].Severity != 1 {
		t.Fatalf("checklist after /sev 1: %+v", items)
	}
	// Undoing the escalation puts the severity back; the steps stay, as
	// escalation never takes steps away.
	h.press('z', tea.ModCtrl)
	h.mustSee("⏲ next update in 30m")
}

// TestDeclaredFromTheListWithChecklist: ctrl+n on the incident list declares
// with the severity's checklist.
func TestDeclaredFromTheListWithChecklist(t *testing.T) {
	h := newHarness(t, false, policyOpts)
	h.press('n', tea.ModCtrl)
	h.enter("Replica lag on orders-db")
	h.enter("1")
	h.mustSee("Replica lag on orders-db")
	h.mustSee("Checklist 0/2")
}

// TestChecklistTickedElsewhereShows: a step ticked by another process (a
// CLI, another machine) shows within a poll, through the store's changes.
func TestChecklistTickedElsewhereShows(t *testing.T) {
	h := newChecklistHarness(t)
	items, _ := h.st.Checklist(h.ctx, h.opts.IncidentID)
	if _, _, err := h.st.SetChecklistItem(h.ctx, items[0].ID, incident.ChecklistDone, incident.Origin{At: h.now, Author: "ken"}); err != nil {
		t.Fatal(err)
	}
	r, _ := incident.ParseReminder("1m check lag", h.now)
	r.IncidentID = h.opts.IncidentID
	if err := h.st.AddReminder(h.ctx, &r, incident.Origin{At: h.now, Author: "ken"}); err != nil {
		t.Fatal(err)
	}
	h.tick(time.Second)
	h.mustSee("Checklist 1/3")
	h.mustSee("Done: Name an incident commander — ken")
	h.tick(time.Minute)
	h.mustSee("⏰ REMINDER")
}
