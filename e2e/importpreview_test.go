package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An import's preview counts agree with their noun ("1 event").
func TestImportPreviewCounts(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	file := filepath.Join(dir, "notes.md")
	if err := os.WriteFile(file, []byte("# DNS outage\n\n- 2026-11-20 10:05 resolvers timing out\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := scribe(t, db, "", nil, "import", "--new", "--dry-run", file)
	if r.code != 0 || !strings.Contains(r.stdout, "— 1 event (") {
		t.Errorf("exit %d\nstdout %s\nstderr %s", r.code, r.stdout, r.stderr)
	}
}
