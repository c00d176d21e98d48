package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestTUIUpdateCadence: a SEV1 whose last comms update was 31 minutes ago
// has its header say the update is overdue; /update drafts one in
// $EDITOR, and saving it logs a comms event and restarts the clock.
func TestTUIUpdateCadence(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	id := mustScribe(t, db, "new", "Checkout errors after the payments deploy", "--sev", "1", "--at", "-40m")
	mustScribe(t, db, "set", id, "impact", "About 4% of checkouts fail.")
	mustScribe(t, db, "log", id, "--kind", "comms", "--at", "-31m", "Posted to the status page")
	editor := filepath.Join(t.TempDir(), "editor.sh")
	if err := os.WriteFile(editor, []byte("#!/bin/sh\nprintf 'Rolled back the payments service.\\n' >> \"$1\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	p := startTUI(t, 120, 40, []string{"EDITOR=" + editor}, "", "--db", db, "open", id)
	screen := p.waitFor("update overdue 11m", 5*time.Second)
	if !strings.Contains(screen, "⚠ update overdue 11m") {
		t.Errorf("the overdue update has no marker:\n%s", screen)
	}
	p.typeLine("/update")
	deadline := time.Now().Add(patience)
	var update string
	for update == "" {
		for _, e := range showJSON(t, db, id).Events {
			if e.Kind == "comms" && strings.Contains(e.Text, "Rolled back the payments service.") {
				update = e.Text
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no comms event from /update:\n%s", p.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
	for _, want := range []string{"SEV1 #" + id + " · Checkout errors after the payments deploy", "Impact: About 4% of checkouts fail.", "Next update by "} {
		if !strings.Contains(update, want) {
			t.Errorf("the logged update lacks %q:\n%s", want, update)
		}
	}
	if strings.Contains(update, "# scribe:") {
		t.Errorf("the draft's instructions were logged:\n%s", update)
	}
	p.waitFor("next update in 20m", 5*time.Second)
}

// TestTUIReminderAndChecklist: a reminder set in the TUI shows in a banner
// when it comes due and goes when it is done; the Checklist pane (shift+tab)
// ticks the SEV1 checklist's steps with x, each a checklist event.
func TestTUIReminderAndChecklist(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	id := mustScribe(t, db, "new", "Replica lag on orders-db", "--sev", "1")
	p := startTUI(t, 120, 40, nil, "", "--db", db, "open", id)
	p.waitFor("Replica lag on orders-db", 5*time.Second)
	p.typeLine("/remind 2s check replica lag @ana")
	// "reminder #1 set for …" clears itself: the banner stays until done.
	screen := p.waitFor("⏰ REMINDER #1 due", 6*time.Second)
	if !strings.Contains(screen, "check replica lag @ana") {
		t.Errorf("the banner does not say what is due:\n%s", screen)
	}
	p.typeLine("/remind done")
	deadline := time.Now().Add(patience)
	for strings.Contains(p.screen(), "⏰ REMINDER") {
		if time.Now().After(deadline) {
			t.Fatalf("the banner stays after /remind done:\n%s", p.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.tmux("send-keys", "-t", "tui", "BTab")
	p.waitFor("0 of 10 done", 5*time.Second)
	p.tmux("send-keys", "-t", "tui", "Down")
	p.tmux("send-keys", "-t", "tui", "x")
	p.waitFor("☑ Name an incident commander", 5*time.Second)
	waitForEvent(t, db, id, "Done: Name an incident commander", 5*time.Second)
	if items := checklistOf(t, db, nil, id); items[0].State != "done" || items[0].At == nil {
		t.Errorf("the first step after x: %+v", items[0])
	}
}
