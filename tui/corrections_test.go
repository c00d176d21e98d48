package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// Issue #10's corrections: everything typed can be edited, deleted and
// undone from the TUI.

func (h *harness) snapshot() incident.Snapshot {
	h.t.Helper()
	snap, err := h.st.Snapshot(h.ctx, 1)
	if err != nil {
		h.t.Fatal(err)
	}
	return snap
}

// toPane presses tab until the pane named name is shown.
func (h *harness) toPane(name string) {
	h.t.Helper()
	for range h.m.inc.panes {
		if h.activePane() == name {
			return
		}
		h.press(tea.KeyTab)
	}
	h.t.Fatalf("no pane %q", name)
}

// clearInput empties the input line as a user would.
func (h *harness) clearInput() {
	h.t.Helper()
	h.press('u', tea.ModCtrl)
}

func TestActionItemEditedDeletedAndUndone(t *testing.T) {
	h := newHarness(t, true)
	h.enter("/action Add a canary stage @ken due:2026-12-01 p1")
	h.toPane("Actions")
	h.press(tea.KeyDown)
	h.typeText("e")
	if got := h.input(); got != "Add a canary stage @ken due:2026-12-01 p1" {
		t.Fatalf("e prefilled %q", got)
	}
	h.clearInput()
	h.enter("Add a canary stage to payments @rosa due:2026-12-04 p0 -- the 09:00 deploy reached every pod at once")
	it := h.snapshot().ActionItems[0]
	if it.Title != "Add a canary stage to payments" || it.Owner != "@rosa" || it.Due != "2026-12-04" || it.Priority != incident.P0 ||
		it.Description != "the 09:00 deploy reached every pod at once" {
		t.Fatalf("after e: %+v", it)
	}
	h.mustSee("action item #1 saved")

	h.press('z', tea.ModCtrl)
	it = h.snapshot().ActionItems[0]
	if it.Title != "Add a canary stage" || it.Owner != "@ken" || it.Due != "2026-12-01" || it.Priority != incident.P1 || it.Description != "" {
		t.Fatalf("undo of the edit left %+v", it)
	}

	h.press(tea.KeyDown)
	h.typeText("d")
	if n := len(h.snapshot().ActionItems); n != 0 {
		t.Fatalf("%d items after d", n)
	}
	for _, e := range h.snapshot().Events {
		if e.Kind == incident.KindActionItem {
			t.Errorf("the item's timeline line stayed: %q", e.Text)
		}
	}
	h.mustSee("deleted action item #1")
	h.enter("/undo")
	if n := len(h.snapshot().ActionItems); n != 1 {
		t.Fatalf("undo of the delete: %d items", n)
	}
}

func TestActionItemEditTakingATagOutClearsIt(t *testing.T) {
	h := newHarness(t, true)
	h.enter("/action Alert on pool wait @rosa due:2026-12-01 p2")
	h.toPane("Actions")
	h.press(tea.KeyDown)
	h.typeText("e")
	h.clearInput()
	h.enter("Alert on pool wait")
	it := h.snapshot().ActionItems[0]
	if it.Owner != "" || it.Due != "" || it.Priority != "" {
		t.Errorf("the line without tags should clear them: %+v", it)
	}
}

func TestActionItemDueInWords(t *testing.T) {
	h := newHarness(t, true) // Saturday 21 November 2026
	h.enter("/action Add a canary stage due:next friday")
	h.enter("/action Alert on pool wait due:+3d")
	items := h.snapshot().ActionItems
	if len(items) != 2 {
		t.Fatalf("%d items: %v", len(items), h.view())
	}
	if items[0].Due != "2026-11-27" || items[0].Title != "Add a canary stage" {
		t.Errorf("due:next friday gave %+v", items[0])
	}
	if items[1].Due != "2026-11-24" {
		t.Errorf("due:+3d gave %q", items[1].Due)
	}
}

func TestTwoPrioritiesAreRefused(t *testing.T) {
	h := newHarness(t, true)
	h.enter("/action Fix the pool p0 p1")
	if n := len(h.snapshot().ActionItems); n != 0 {
		t.Fatalf("%d items: one of two priorities was taken silently", n)
	}
	h.mustSee("two priorities (P0 and P1)")
}

func TestUndoOfAnActionItemRemovesItAndItsLine(t *testing.T) {
	h := newHarness(t, true)
	h.enter("/action Add a canary stage")
	h.enter("/undo")
	snap := h.snapshot()
	if len(snap.ActionItems) != 0 {
		t.Errorf("undo left the item: %+v", snap.ActionItems)
	}
	for _, e := range snap.Events {
		if e.Kind == incident.KindActionItem {
			t.Errorf("undo left its line: %q", e.Text)
		}
	}
}

func TestRetroNoteEditedDeletedAndUndone(t *testing.T) {
	h := newHarness(t, true)
	h.enter("/retro wrong the alert fired late")
	h.toPane("Retro")
	for range 20 { // down through the fields to the note
		if _, n, ok := h.m.inc.panes[h.m.inc.active].(*retroPane).selected(); ok && n != nil {
			break
		}
		h.press(tea.KeyDown)
	}
	h.typeText("e")
	if h.input() != "the alert fired late" {
		t.Fatalf("e prefilled %q", h.input())
	}
	h.clearInput()
	h.enter("the alert fired 20 minutes late")
	if got := h.snapshot().Retro[0].Text; got != "the alert fired 20 minutes late" {
		t.Fatalf("note after e: %q", got)
	}
	h.mustSee("the alert fired 20 minutes late")
	h.press('z', tea.ModCtrl)
	if got := h.snapshot().Retro[0].Text; got != "the alert fired late" {
		t.Fatalf("undo of the note edit: %q", got)
	}
	h.press(tea.KeyUp)
	for range 20 {
		if _, n, ok := h.m.inc.panes[h.m.inc.active].(*retroPane).selected(); ok && n != nil {
			break
		}
		h.press(tea.KeyDown)
	}
	h.typeText("d")
	if n := len(h.snapshot().Retro); n != 0 {
		t.Fatalf("%d notes after d", n)
	}
	h.press('z', tea.ModCtrl)
	if n := len(h.snapshot().Retro); n != 1 {
		t.Fatalf("%d notes after undo of the delete", n)
	}
}

func TestRetroFieldEditedInPlace(t *testing.T) {
	h := newHarness(t, true)
	h.enter("/set summary Checkout failed for 40 minutes")
	h.toPane("Retro")
	h.press(tea.KeyDown) // the first field: Summary
	h.typeText("e")
	if h.input() != "Checkout failed for 40 minutes" {
		t.Fatalf("e prefilled %q", h.input())
	}
	h.typeText(" in the EU")
	h.press(tea.KeyEnter)
	if got := h.snapshot().Incident.Summary; got != "Checkout failed for 40 minutes in the EU" {
		t.Errorf("summary %q", got)
	}
}

func TestMilestoneClearedAndUndone(t *testing.T) {
	h := newHarness(t, true)
	h.enter("/milestone mitigated -5m")
	h.enter("/milestone mitigated clear")
	if _, ok := h.snapshot().Incident.Milestones.Get(incident.MilestoneMitigated); ok {
		t.Fatal("/milestone mitigated clear left it set")
	}
	h.mustSee("milestone mitigated cleared")
	h.enter("/undo")
	at, ok := h.snapshot().Incident.Milestones.Get(incident.MilestoneMitigated)
	if !ok || !at.Equal(h.now.Add(-5*60e9)) {
		t.Fatalf("undo of the clear: mitigated %v %v, want the earlier time back", at, ok)
	}
	h.enter("/undo") // the setting itself: the milestone goes
	if _, ok := h.snapshot().Incident.Milestones.Get(incident.MilestoneMitigated); ok {
		t.Error("undo of /milestone left the milestone set")
	}
}

func TestUndoCoversNotesSetAndDone(t *testing.T) {
	h := newHarness(t, true)
	h.enter("/action Fix it")
	h.enter("/set impact EU checkout down")
	h.enter("/set impact EU and US checkout down")
	h.enter("/done 1")
	h.enter("/retro lucky it was a Tuesday")
	for range 3 {
		h.press('z', tea.ModCtrl)
	}
	snap := h.snapshot()
	if len(snap.Retro) != 0 {
		t.Errorf("undo of /retro left %+v", snap.Retro)
	}
	if snap.ActionItems[0].State != incident.ItemOpen {
		t.Errorf("undo of /done left %s", snap.ActionItems[0].State)
	}
	if snap.Incident.Impact != "EU checkout down" {
		t.Errorf("undo of /set left %q", snap.Incident.Impact)
	}
	if !strings.Contains(h.view(), "undone") {
		t.Errorf("no undo message:\n%s", h.view())
	}
}
