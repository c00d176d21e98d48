package e2e

import (
	"path/filepath"
	"testing"
	"time"
)

// TestTUICtrlCKeepsAHalfTypedCorrection: a commander fixing a line's
// wording with e quits mid-correction; opening the incident again opens the
// same correction with what was typed, and Enter saves it. Then on the
// list, a declaration half typed survives ctrl+c the same way.
func TestTUICtrlCKeepsAHalfTypedCorrection(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	id := mustScribe(t, db, "new", "Replica lag on orders-db", "--sev", "3")
	mustScribe(t, db, "log", id, "paged the DB tem")
	state := []string{"XDG_STATE_HOME=" + filepath.Join(t.TempDir(), "state")}
	p := startTUI(t, 100, 30, state, "", "--db", db, "open", id)
	p.waitFor("paged the DB tem", 5*time.Second)
	p.tmux("send-keys", "-t", "tui", "Up")
	p.waitFor("selected:", 3*time.Second)
	p.tmux("send-keys", "-t", "tui", "e")
	p.waitFor("edit › ", 3*time.Second)
	p.tmux("send-keys", "-t", "tui", "BSpace", "BSpace")
	p.tmux("send-keys", "-t", "tui", "-l", "--", "eam about replica lag")
	p.waitFor("paged the DB team about replica lag", 3*time.Second)
	p.tmux("send-keys", "-t", "tui", "C-c")
	p.waitDead(3 * time.Second)
	p.killServer()

	p = startTUI(t, 100, 30, state, "", "--db", db, "open", id)
	p.waitFor("your unfinished correction of the event is back", 5*time.Second)
	p.waitFor("paged the DB team about replica lag", time.Second)
	p.tmux("send-keys", "-t", "tui", "Enter")
	waitForEvent(t, db, id, "paged the DB team about replica lag", 5*time.Second)
	p.tmux("send-keys", "-t", "tui", "C-c")
	p.waitDead(3 * time.Second)
	p.killServer()

	p = startTUI(t, 100, 30, state, "", "--db", db)
	p.waitFor("scribe — incidents", 5*time.Second)
	p.tmux("send-keys", "-t", "tui", "C-n")
	p.waitFor("Declare · title ›", 3*time.Second)
	p.tmux("send-keys", "-t", "tui", "-l", "--", "Checkout errors in the EU")
	p.waitFor("Checkout errors in the EU", 3*time.Second)
	p.tmux("send-keys", "-t", "tui", "C-c")
	p.waitDead(3 * time.Second)
	p.killServer()

	p = startTUI(t, 100, 30, state, "", "--db", db)
	p.waitFor("your unfinished declaration is back", 5*time.Second)
	p.waitFor("Declare · title › Checkout errors in the EU", time.Second)
	p.tmux("send-keys", "-t", "tui", "Enter")
	p.waitFor("severity 1-5", 3*time.Second)
	p.tmux("send-keys", "-t", "tui", "Enter")
	p.waitFor("#2 Checkout errors in the EU", 5*time.Second)
	p.tmux("send-keys", "-t", "tui", "C-c")
	p.waitDead(3 * time.Second)
}
