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
	deadline := time.Now().Add(5 * time.Second)
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
