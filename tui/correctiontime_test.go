package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// A correction's prefilled time reads back as the event's own time: an
// event of this morning, more than twelve hours ago, is prefilled with
// its date, since "02:00" alone at 15:30 is tomorrow's 02:00 (the nearest)
// and would be refused as ahead of the clock when only the text changes.
func TestCorrectionPrefillReadsBackAsTheEventsTime(t *testing.T) {
	h := newHarness(t, true) // 15:30 UTC, declared 14:30
	h.enter("2026-11-21 02:00 first alert, nobody paged")
	h.press(tea.KeyUp) // the declaration, the newest
	h.press(tea.KeyUp)
	h.typeText("e")
	if got := h.input(); !strings.HasPrefix(got, "2026-11-21 02:00 first alert") {
		t.Fatalf("prefilled %q, want the event's date and time", got)
	}
	h.typeText(" (pager misrouted)")
	h.press(tea.KeyEnter)
	var found bool
	for _, e := range h.events() {
		if e.Text == "first alert, nobody paged (pager misrouted)" {
			found = true
			if want := time.Date(2026, 11, 21, 2, 0, 0, 0, time.UTC); !e.OccurredAt.Equal(want) {
				t.Errorf("corrected event at %v, want %v", e.OccurredAt, want)
			}
		}
	}
	if !found {
		t.Fatalf("the correction was not saved:\n%s", h.view())
	}
	// An event of an hour ago keeps the short form.
	h.enter("14:40 rollback started")
	h.press(tea.KeyEscape)
	h.press(tea.KeyUp)
	h.typeText("e")
	if got := h.input(); got != "14:40 rollback started" {
		t.Errorf("prefilled %q, want the clock alone", got)
	}
}
