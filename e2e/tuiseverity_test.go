package e2e

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

// TestTUISeverityStatusAndPreview, as a commander in tmux: /sev with a
// reason is one severity event that reads as one and keeps the reason;
// /status without a message reads IDENTIFIED alone and stores no text;
// the Preview pane shows the phase strip and the lint's warnings apart
// from its notes.
func TestTUISeverityStatusAndPreview(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	id := mustScribe(t, db, "new", "Checkout errors", "--sev", "3", "--tz", "UTC", "--at", "-30m")
	mustScribe(t, db, "milestone", id, "started", "--at", "-40m")
	mustScribe(t, db, "log", id, "the deploy went out", "--at", "-45m")
	p := startTUI(t, 120, 40, nil, "", "--db", db, "open", id)
	p.waitFor("Checkout errors", 5*time.Second)

	p.typeLine("/sev 1 checkout down in every region")
	p.waitFor("◈ severity  SEV3 → SEV1 — checkout down in every region", 5*time.Second)
	p.waitFor("SEV1", time.Second)
	p.typeLine("/status identified")
	s := p.waitFor("● status    IDENTIFIED", 5*time.Second)
	if strings.Contains(s, "Status: identified") {
		t.Errorf("the status reads its generated text:\n%s", s)
	}
	snap := snapshotOf(t, db, id)
	var sev, status *incident.Event
	for i := range snap.Events {
		switch snap.Events[i].Kind {
		case incident.KindSeverity:
			sev = &snap.Events[i]
		case incident.KindStatus:
			status = &snap.Events[i]
		}
	}
	if sev == nil || sev.Severity != 1 || sev.PreviousSeverity != 3 || sev.Text != "checkout down in every region" || snap.Incident.Severity != 1 {
		t.Errorf("severity event %+v, incident SEV%d", sev, snap.Incident.Severity)
	}
	if status == nil || status.Text != "" || status.State != incident.Identified {
		t.Errorf("status event %+v", status)
	}

	for range 4 {
		p.tmux("send-keys", "-t", "tui", "Tab")
	}
	p.waitFor("Phases ", 5*time.Second)
	s = p.waitFor("· note: Timeline", 5*time.Second)
	if !strings.Contains(s, "█ impact") || !strings.Contains(s, "⚠ ") {
		t.Errorf("the preview lacks the strip's legend or a warning:\n%s", s)
	}
	p.tmux("send-keys", "-t", "tui", "C-c")
	p.waitDead(3 * time.Second)
}
