package e2e

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

// TestTUIPastedPostmortemImportsWhole pastes a whole postmortem, as a
// terminal delivers a copied document (bracketed paste), into an incident
// that has a summary of its own: the preview says what will be added, and
// y adds the events, the action items, the retro note and the root cause,
// keeping the incident's summary, as scribe import N would.
func TestTUIPastedPostmortemImportsWhole(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	id := mustScribe(t, db, "new", "Checkout outage", "--tz", "UTC", "--at", "2024-03-14 08:00 UTC")
	mustScribe(t, db, "set", id, "summary", "Our own words.")
	p := startTUI(t, 110, 34, nil, "", "--db", db, "open", id)
	p.waitFor("Checkout outage", 5*time.Second)

	doc := "# Checkout outage\n\n## Root cause\nA config flag disabled the payments retry budget.\n\n## Summary\nCheckout failed for twenty minutes.\n\n" +
		"## Timeline\n- 09:12 pager fired for checkout 5xx\n- 09:40 rolled back the payments deploy\n\n" +
		"## Action items\n- [ ] Add a canary for payments config (owner: @ken) P1\n- [x] Fix the alert threshold\n\n" +
		"## What went well\n- The rollback took two minutes\n"
	p.tmux("set-buffer", "-b", "doc", "--", doc)
	p.tmux("paste-buffer", "-p", "-d", "-b", "doc", "-t", "tui")
	p.waitFor("Import 2 events, 2 action items, 1 retro note and the root cause from the pasted text?", 5*time.Second)
	p.waitFor("☐ Add a canary for payments config @ken p1", time.Second)
	p.waitFor("Keeps this incident's own summary", time.Second)
	if d := snapshotOf(t, db, id); len(d.ActionItems) != 0 || d.Incident.RootCause != "" {
		t.Fatalf("written before confirming: %+v", d.Incident)
	}

	p.tmux("send-keys", "-t", "tui", "y")
	p.waitFor("imported 2 events, 2 action items, 1 retro note and the root cause", 5*time.Second)
	d := snapshotOf(t, db, id)
	if d.Incident.Summary != "Our own words." || d.Incident.RootCause != "A config flag disabled the payments retry budget." {
		t.Errorf("narrative: summary %q, root cause %q", d.Incident.Summary, d.Incident.RootCause)
	}
	if len(d.ActionItems) != 2 || d.ActionItems[0].Owner != "@ken" || d.ActionItems[1].State != incident.ItemDone {
		t.Errorf("action items: %+v", d.ActionItems)
	}
	if len(d.Retro) != 1 || !strings.Contains(d.Retro[0].Text, "rollback took two minutes") {
		t.Errorf("retro: %+v", d.Retro)
	}
	n := 0
	for _, e := range d.Events {
		if strings.Contains(e.Text, "canary") {
			t.Errorf("an action item became an event: %+v", e)
		}
		if e.Text == "pager fired for checkout 5xx" && e.OccurredAt.Equal(time.Date(2024, 3, 14, 9, 12, 0, 0, time.UTC)) {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the timeline entry at 09:12 is not there once: %+v", d.Events)
	}
	p.tmux("send-keys", "-t", "tui", "C-c")
	p.waitDead(3 * time.Second)
}
