package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scribe/store"
)

// TestImportLatin1File: a file saved as Latin-1 imports with its accents
// (read as Windows-1252) and a note on stderr, not with U+FFFD silently;
// an hour 25 is reported as such.
func TestImportLatin1File(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "notes.md")
	text := "# Panne du caf\xe9\n\n- 2024-05-04 14:02 UTC caisse bloqu\xe9e\n- 2024-05-04 25:10 UTC trop tard\n- 2024-05-04 14:30 UTC r\xe9tabli\n"
	if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "s.db")
	code, _, stderr := runApp(t, "", "--db", db, "import", "--new", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"note: line 1 is not UTF-8", "Windows-1252", "2 lines more", "line 4: no such time of day: hour 25 does not exist"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
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
	if snap.Incident.Title != "Panne du café" || len(snap.Events) != 2 || snap.Events[0].Text != "caisse bloquée" || snap.Events[1].Text != "rétabli" {
		t.Errorf("title %q, events %+v", snap.Incident.Title, snap.Events)
	}
}
