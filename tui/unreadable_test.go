package tui

import (
	"database/sql"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	_ "github.com/mattn/go-sqlite3"
)

// TestUnreadableTimesAreMarked: stored times scribe cannot read (a
// year-10000 value, text typed into the file with sqlite3) read as zero;
// the list, the header, the timeline and the Roles pane say "unreadable"
// and show the raw value on selection, never a date in year 0 in local
// mean time or an elapsed clock counted from year 1.
func TestUnreadableTimesAreMarked(t *testing.T) {
	h := newHarness(t, true)
	h.enter("/ic Rosa")
	h.enter("first good line")
	h.enter("bad event")
	db, err := sql.Open("sqlite3", h.path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		`UPDATE events SET occurred_at = '10000-01-01T07:59:00Z' WHERE text = 'bad event'`,
		`UPDATE role_assignments SET from_at = 'garbage'`,
		`UPDATE incidents SET created_at = '0000-01-01T00:00:00Z', declared_at = '10000-01-01T07:59:00Z'`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	h.start()
	v := h.view()
	for _, bad := range []string{"Dec 0000", "Jan 0001", "0000-12-31", "0001-01-01", "LMT", "106751d", "offline"} {
		if strings.Contains(v, bad) {
			t.Errorf("the incident screen shows %q:\n%s", bad, v)
		}
	}
	for _, want := range []string{"Time unreadable", "--:--  ⚠", "bad event", "first good line", "⏱ --:--:--"} {
		if !strings.Contains(v, want) {
			t.Errorf("the incident screen does not show %q:\n%s", want, v)
		}
	}
	for range 6 {
		if strings.Contains(h.view(), `"10000-01-01T07:59:00Z"`) {
			break
		}
		h.press(tea.KeyUp)
	}
	h.mustSee(`unreadable: occurred_at "10000-01-01T07:59:00Z"`)

	h.press(tea.KeyEscape)
	for range 2 {
		h.press(tea.KeyTab)
	}
	if h.activePane() != "Roles" {
		t.Fatalf("tab twice shows %s, want Roles", h.activePane())
	}
	h.mustSee(`since unreadable`)
	h.mustSee(`from_at "garbage"`)

	h.opts.IncidentID = 0
	h.start()
	v = h.view()
	if strings.Contains(v, "0000") || !strings.Contains(v, "unreadable") {
		t.Errorf("the incident list does not mark the unreadable time:\n%s", v)
	}
}
