package tui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// Correcting one field of an item in the Actions pane leaves the others
// exactly as stored, whatever the line's grammar can say of them: an owner
// of several words (written @"Rosa M."), an "@kim" owner (a GitHub login
// to assign), a title with "p1" or "@security" in it.
func TestActionItemEditKeepsWhatWasNotChanged(t *testing.T) {
	h := newHarness(t, true)
	items := []incident.ActionItem{
		{IncidentID: 1, Title: "Tune alert thresholds", Owner: "Rosa M.", State: incident.ItemOpen},
		{IncidentID: 1, Title: "Add canary", Owner: "@kim", State: incident.ItemOpen},
		{IncidentID: 1, Title: "Upgrade p1 cluster and tell @security", Priority: incident.P2, State: incident.ItemOpen},
	}
	for i := range items {
		if err := h.st.AddActionItem(h.ctx, &items[i], incident.Origin{}); err != nil {
			t.Fatal(err)
		}
	}
	h.tick(time.Second) // the poll brings them in
	h.toPane("Actions")
	edit := func(n int, typed string) {
		h.press(tea.KeyEscape)
		for range n {
			h.press(tea.KeyDown)
		}
		h.typeText("e")
		h.typeText(typed)
		h.press(tea.KeyEnter)
	}
	edit(1, " now")
	edit(2, " due:2026-12-01")
	edit(3, " due:2026-12-02")
	got := h.snapshot().ActionItems
	want := []incident.ActionItem{
		{Title: "Tune alert thresholds now", Owner: "Rosa M."},
		{Title: "Add canary", Owner: "@kim", Due: "2026-12-01"},
		{Title: "Upgrade p1 cluster and tell @security", Priority: incident.P2, Due: "2026-12-02"},
	}
	for i, w := range want {
		g := got[i]
		if g.Title != w.Title || g.Owner != w.Owner || g.Due != w.Due || g.Priority != w.Priority {
			t.Errorf("item %d after its correction: title %q owner %q due %q %s; want title %q owner %q due %q %s",
				g.ID, g.Title, g.Owner, g.Due, g.Priority, w.Title, w.Owner, w.Due, w.Priority)
		}
	}
}

// An owner of several words is typed in quotes; a quote left open says so.
// A title word that would read as a tag is written with a backslash.
func TestActionOwnerInQuotes(t *testing.T) {
	it, err := parseActionItem(`Page the DBA @"Rosa M." p1 -- before 09:00`, time.Date(2026, 11, 21, 15, 30, 0, 0, time.UTC), time.UTC)
	if err != nil || it.Owner != "Rosa M." || it.Title != "Page the DBA" || it.Priority != incident.P1 {
		t.Errorf("parsed %+v, %v", it, err)
	}
	it, err = parseActionItem(`Upgrade \p1 cluster, tell \@security \-- now @ken`, time.Date(2026, 11, 21, 15, 30, 0, 0, time.UTC), time.UTC)
	if err != nil || it.Title != "Upgrade p1 cluster, tell @security -- now" || it.Owner != "@ken" || it.Priority != "" {
		t.Errorf("escaped words: %+v, %v", it, err)
	}
	if it, err := parseActionItem(`Match \d+ in C:\logs`, time.Date(2026, 11, 21, 15, 30, 0, 0, time.UTC), time.UTC); err != nil || it.Title != `Match \d+ in C:\logs` {
		t.Errorf("a backslash that escapes no tag is kept: %+v, %v", it, err)
	}
	if _, err := parseActionItem(`Page the DBA @"Rosa M. p1`, time.Date(2026, 11, 21, 15, 30, 0, 0, time.UTC), time.UTC); err == nil {
		t.Error("an owner without its closing quote was taken")
	}
}

// One word after @ is a GitHub login, stored with its @ as the CLI's
// `--owner @ken` stores it (filing assigns the issue to it); a name in
// quotes is a name, never assigned. The Actions pane's e writes each back
// in the form that reads as it was stored.
func TestActionOwnerLoginOrName(t *testing.T) {
	now := time.Date(2026, 11, 21, 15, 30, 0, 0, time.UTC)
	for _, c := range []struct{ typed, owner string }{
		{"Add a canary @ken", "@ken"},
		{`Add a canary @"ken"`, "ken"},
		{`Add a canary @"Rosa M."`, "Rosa M."},
	} {
		it, err := parseActionItem(c.typed, now, time.UTC)
		if err != nil || it.Owner != c.owner {
			t.Errorf("%q: owner %q (%v), want %q", c.typed, it.Owner, err, c.owner)
			continue
		}
		back, err := parseActionItem(itemLine(it), now, time.UTC)
		if err != nil || back.Owner != c.owner {
			t.Errorf("%q written back as %q reads owner %q (%v), want %q", c.typed, itemLine(it), back.Owner, err, c.owner)
		}
	}
}
