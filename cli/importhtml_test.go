package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"scribe/store"
)

// TestImportHTMLPage: a saved web page imports as its tags say, through
// the command and into the database, with a note that it was read as
// HTML, where it used to give an "<!DOCTYPE html>" title and no events.
func TestImportHTMLPage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	page, err := filepath.Abs("../ingest/testdata/html/saved_page.html")
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runApp(t, "", "--db", db, "import", "--new", page)
	if code != 0 || strings.TrimSpace(stdout) != "1" || !strings.Contains(stderr, "read as an HTML page") || !strings.Contains(stderr, "3 events and 2 action items") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	snap, err := st.Snapshot(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if snap.Incident.Title != "Image CDN purge storm" || len(snap.Events) != 3 || snap.Events[2].Text != "Purge job stopped by hand" {
		t.Errorf("title %q, events %+v", snap.Incident.Title, snap.Events)
	}
}
