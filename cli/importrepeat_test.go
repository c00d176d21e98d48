package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scribe/store"
)

// TestImportSlackTwiceNoDoubles: importing the same Slack export into the
// same incident again adds nothing and says so; an export that grew adds
// only its new messages.
func TestImportSlackTwiceNoDoubles(t *testing.T) {
	dir := t.TempDir()
	export := filepath.Join(dir, "export")
	writeTree(t, export, slackExportFiles)
	db := filepath.Join(dir, "s.db")
	if code, _, stderr := runApp(t, "", "--db", db, "new", "search outage"); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, stderr := runApp(t, "", "--db", db, "import", "1", export); code != 0 || !strings.Contains(stderr, "imported 2 events") {
		t.Fatalf("first import: exit %d, %s", code, stderr)
	}
	code, stdout, stderr := runApp(t, "", "--db", db, "import", "1", export)
	if code != 0 || strings.TrimSpace(stdout) != "1" || !strings.Contains(stderr, "nothing new: incident #1 already has all 2 messages") {
		t.Errorf("second import: exit %d, %q, %q", code, stdout, stderr)
	}
	day := filepath.Join(export, "inc-search", "2024-07-02.json")
	grown := strings.Replace(slackExportFiles["inc-search/2024-07-02.json"], "\n]",
		",\n {\"type\": \"message\", \"user\": \"U1NOOR\", \"text\": \"Results back for all tenants\", \"ts\": \"1719916200.000300\"}\n]", 1)
	if err := os.WriteFile(day, []byte(grown), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runApp(t, "", "--db", db, "import", "1", export, "--dry-run")
	if code != 0 || !strings.Contains(stderr, "skipped 2 messages incident #1 already has") {
		t.Errorf("dry run of the grown export: exit %d, %q", code, stderr)
	}
	code, _, stderr = runApp(t, "", "--db", db, "import", "1", day)
	if code != 0 || !strings.Contains(stderr, "skipped 2 messages") || !strings.Contains(stderr, "imported 1 event") {
		t.Errorf("the grown day's file: exit %d, %q", code, stderr)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	events, err := st.Events(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	var imported int
	for _, e := range events {
		if e.Source == "import" {
			imported++
		}
	}
	if imported != 3 {
		t.Errorf("%d imported events, want 3: %+v", imported, events)
	}
}

// TestImportSlackDayThenExportNoDoubles: a day's file read alone names the
// author and a mention by Slack id; the whole export read afterwards names
// them, and an edit changed the text. Slack's ts still says it is the same
// message, so it is not added twice.
func TestImportSlackDayThenExportNoDoubles(t *testing.T) {
	dir := t.TempDir()
	export := filepath.Join(dir, "export")
	files := map[string]string{
		"users.json": `[{"id": "U1NOOR", "name": "noor", "real_name": "Noor Haidari"},
 {"id": "U2ELI", "name": "eli", "real_name": "Eli Brandt"}]`,
		"channels.json": `[{"id": "C1", "name": "inc-search"}]`,
		"inc-search/2024-07-02.json": `[
 {"type": "message", "user": "U1NOOR", "text": "<@U2ELI> can you restart the reindex job?", "ts": "1719914400.000100",
  "edited": {"user": "U1NOOR", "ts": "1719914460.000000"}},
 {"type": "message", "user": "U2ELI", "text": "Restarted, watching the queue", "ts": "1719915000.000200"}
]`,
	}
	writeTree(t, export, files)
	alone := filepath.Join(dir, "2024-07-02.json")
	if err := os.WriteFile(alone, []byte(files["inc-search/2024-07-02.json"]), 0o600); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "s.db")
	if code, _, stderr := runApp(t, "", "--db", db, "new", "search outage"); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, stderr := runApp(t, "", "--db", db, "import", "1", alone); code != 0 || !strings.Contains(stderr, "imported 2 events") {
		t.Fatalf("the day's file alone: exit %d, %s", code, stderr)
	}
	code, _, stderr := runApp(t, "", "--db", db, "import", "1", export)
	if code != 0 || !strings.Contains(stderr, "nothing new: incident #1 already has all 2 messages") {
		t.Errorf("the whole export after the day's file: exit %d, %q", code, stderr)
	}
}

// writeTree writes files (path → text) under dir, making their folders.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}
