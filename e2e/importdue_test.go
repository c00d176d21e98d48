package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportDocumentWithBadDue: a JSON document whose action item holds a
// due date no calendar has (a database edited by hand, an older scribe)
// imports: the item comes in without the due date, stderr names it and
// says so, and the summary does not call it unread.
func TestImportDocumentWithBadDue(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "scribe.db")
	id := mustScribe(t, db, "new", "Stale certificate", "--at", "2026-11-20 10:00", "--tz", "UTC")
	mustScribe(t, db, "action", "add", id, "Rotate the certificate", "--owner", "Ana", "--due", "2030-01-02")
	mustScribe(t, db, "action", "add", id, "Alert on expiry", "--due", "2030-02-03")
	doc := mustScribe(t, db, "export", id, "--format", "json")
	if strings.Count(doc, `"due": "2030-01-02"`) != 1 {
		t.Fatalf("the export has no due date to garble:\n%s", doc)
	}
	file := filepath.Join(dir, "incident.json")
	if err := os.WriteFile(file, []byte(strings.Replace(doc, `"due": "2030-01-02"`, `"due": "2030-13-45"`, 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.db")
	r := scribe(t, other, "", nil, "import", "--new", file)
	if r.code != 0 {
		t.Fatalf("import: exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{`action item 1 ("Rotate the certificate"): imported without its due date (invalid due date "2030-13-45"`,
		"1 entry imported without a value that could not be read (listed above)"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr does not say %q:\n%s", want, r.stderr)
		}
	}
	if strings.Contains(r.stderr, "could not be read (listed") && strings.Contains(r.stderr, "1 entry could not be read") {
		t.Errorf("stderr calls the item unread:\n%s", r.stderr)
	}
	snap := snapshotOf(t, other, strings.TrimSpace(r.stdout))
	if len(snap.ActionItems) != 2 || snap.ActionItems[0].Due != "" || snap.ActionItems[0].Owner != "Ana" || snap.ActionItems[1].Due != "2030-02-03" {
		t.Fatalf("items %+v, want both, the first without its due date", snap.ActionItems)
	}
	actionEvents := 0
	for _, e := range snap.Events {
		if strings.HasPrefix(e.Text, "Action item: ") {
			actionEvents++
		}
	}
	if actionEvents != 2 {
		t.Errorf("%d 'Action item:' events, want one for each item kept", actionEvents)
	}
}
