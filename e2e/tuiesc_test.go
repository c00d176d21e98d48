package e2e

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestTUIEscAndSentenceInOneBurst: tmux hands Esc and the keys typed right
// after it to the program in one read, as alt+key. A row selected, then
// Esc and a sentence starting with d (alt+d is a word key) logs the whole
// sentence and deletes nothing; on the list and in the declaration form
// the same burst cancels and types, never declaring.
func TestTUIEscAndSentenceInOneBurst(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	id := mustScribe(t, db, "new", "Replica lag on orders-db", "--sev", "2")
	mustScribe(t, db, "log", id, "failover started")
	p := startTUI(t, 100, 30, nil, "", "--db", db, "open", id)
	p.waitFor("failover started", 5*time.Second)
	p.tmux("send-keys", "-t", "tui", "Up")
	p.waitFor("selected:", 5*time.Second)
	sentence := "done with the failover, dns answers again"
	p.tmux("send-keys", "-t", "tui", "Escape", sentence)
	p.tmux("send-keys", "-t", "tui", "Enter")
	kept := false
	for _, e := range waitForEvent(t, db, id, sentence, 5*time.Second).Events {
		kept = kept || e.Text == "failover started"
	}
	if !kept {
		t.Fatal("the burst deleted the selected row")
	}
	p.typeLine("/list")
	p.waitFor("find ›", 5*time.Second)
	p.tmux("send-keys", "-t", "tui", "C-n")
	p.waitFor("Declare · title", 5*time.Second)
	p.tmux("send-keys", "-t", "tui", "-l", "--", "Half a title")
	p.tmux("send-keys", "-t", "tui", "Escape", "quit now")
	p.waitFor("find › quit now", 5*time.Second)
	p.tmux("send-keys", "-t", "tui", "Enter")
	p.tmux("send-keys", "-t", "tui", "Enter")
	p.waitFor("nothing was logged or declared", 3*time.Second)
	if !p.alive() || incidentCount(t, db) != 1 || strings.Contains(p.screen(), "Declare ·") {
		t.Fatalf("after Esc+sentence in the declaration form:\n%s", p.screen())
	}
	p.tmux("send-keys", "-t", "tui", "C-c")
	p.waitDead(3 * time.Second)
}
