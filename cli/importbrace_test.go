package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scribe/store"
)

// TestImportBraceFirstText: a text document whose first character is a
// brace (a wiki template, a Liquid tag) is text, not a JSON document that
// fails to parse; JSON, even broken, is still refused as JSON.
func TestImportBraceFirstText(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ name, text string }{
		{"wiki.txt", "{{Incident scorecard|sev=2}}\n\n== Timeline ==\n* 2023-06-07 13:02 UTC queue consumers stall\n* 2023-06-07 13:40 UTC consumers restarted\n"},
		{"liquid.md", "{% raw %}\n## Timeline\n- 2024-05-04 14:02 UTC cache hit rate drops\n- 2024-05-04 14:20 UTC cache warmed\n{% endraw %}\n"},
	} {
		file := filepath.Join(dir, c.name)
		if err := os.WriteFile(file, []byte(c.text), 0o600); err != nil {
			t.Fatal(err)
		}
		db := filepath.Join(dir, c.name+".db")
		code, stdout, stderr := runApp(t, "", "--db", db, "import", "--new", file)
		if code != 0 || strings.TrimSpace(stdout) != "1" {
			t.Fatalf("import --new %s: exit %d, stdout %q, stderr %q", c.name, code, stdout, stderr)
		}
		st, err := store.Open(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		snap, err := st.Snapshot(context.Background(), 1)
		st.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(snap.Events) != 2 {
			t.Errorf("%s: %d events, want 2: %+v", c.name, len(snap.Events), snap.Events)
		}
	}
	for _, bad := range []string{`{"schema_version": 1,`, "{\n  \"incident\": {", `{"title": "x"} trailing`} {
		file := filepath.Join(dir, "bad.json")
		if err := os.WriteFile(file, []byte(bad), 0o600); err != nil {
			t.Fatal(err)
		}
		code, _, stderr := runApp(t, "", "import", "--new", file, "--dry-run")
		if code != 1 || !strings.Contains(stderr, "not a scribe JSON document") {
			t.Errorf("%q: exit %d, %q; want it refused as JSON", bad, code, stderr)
		}
	}
}
