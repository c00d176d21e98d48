package e2e

import (
	"path/filepath"
	"strings"
	"testing"

	"scribe/incident"
)

// TestImportOwnMarkdownExport: scribe's Markdown postmortem imported with
// --new reads back as the incident it tells: the events without their kind
// column, each action item once with its owner, due date and state, linked
// to the "Action item: …" event it was captured with (kept together, as
// scribe records them), and none of the template's "nothing yet"
// placeholders as narrative or retro notes.
func TestImportOwnMarkdownExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "scribe.db")
	id := mustScribe(t, db, "new", "Checkout errors after the deploy", "--at", "2026-11-20 10:00", "--tz", "UTC")
	mustScribe(t, db, "log", id, "deploy of checkout 4.2 started", "--at", "2026-11-20 10:05")
	mustScribe(t, db, "action", "add", id, "Add a canary for checkout deploys", "--owner", "ana", "--due", "2026-12-01")
	file := filepath.Join(dir, "postmortem.md")
	mustScribe(t, db, "export", id, "-o", file)

	other := filepath.Join(dir, "other.db")
	newID := mustScribe(t, other, "import", "--new", file)
	snap := snapshotOf(t, other, newID)
	if len(snap.ActionItems) != 1 {
		t.Fatalf("action items %+v, want the one exported", snap.ActionItems)
	}
	a := snap.ActionItems[0]
	if a.Title != "Add a canary for checkout deploys" || a.Owner != "ana" || a.Due != "2026-12-01" || a.State != incident.ItemOpen {
		t.Errorf("action item %+v", a)
	}
	var linked, deploy bool
	for _, e := range snap.Events {
		switch {
		case e.Text == "Action item: Add a canary for checkout deploys":
			linked = e.Kind == incident.KindActionItem && e.ActionItemID == a.ID
		case e.Text == "deploy of checkout 4.2 started":
			deploy = true
		case strings.Contains(e.Text, "note —"):
			t.Errorf("event %q keeps the export's kind column", e.Text)
		}
	}
	if !linked || !deploy {
		t.Errorf("events %+v: the item's event linked %v, the note read %v", snap.Events, linked, deploy)
	}
	if len(snap.Retro) != 0 || strings.Contains(snap.Incident.Summary+snap.Incident.RootCause+snap.Incident.Impact, "scribe set") {
		t.Errorf("placeholders imported: retro %+v, incident %+v", snap.Retro, snap.Incident)
	}
}
