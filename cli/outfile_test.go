package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRefuseDatabaseSidecarsByName: -o naming a companion file of the
// database that does not exist yet (a -journal lives only during a
// transaction; -wal and -shm before the first open) is refused by name,
// whatever path leads there: a symlinked directory, "..", a dangling
// symlink, or the database opened through a symlink of its own.
func TestRefuseDatabaseSidecarsByName(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "scribe.db")
	if err := os.WriteFile(db, []byte("SQLite format 3\x00"), 0o600); err != nil {
		t.Fatal(err)
	}
	other := t.TempDir()
	linkDir := filepath.Join(other, "via")
	if err := os.Symlink(dir, linkDir); err != nil {
		t.Fatal(err)
	}
	alias := filepath.Join(other, "alias.db")
	if err := os.Symlink(db, alias); err != nil {
		t.Fatal(err)
	}
	dangling := filepath.Join(other, "postmortem.md")
	if err := os.Symlink(db+"-journal", dangling); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o700); err != nil {
		t.Fatal(err)
	}
	refused := []struct{ db, out string }{
		{db, db + "-journal"},
		{db, db + "-wal"},
		{db, db + "-shm"},
		{db, db + "-mj5F3A1B2C"},
		{db, filepath.Join(linkDir, "scribe.db-journal")},
		{db, dir + "/sub/../scribe.db-journal"},
		{db, dangling},
		{alias, db + "-journal"},    // SQLite names it after the real path
		{alias, alias + "-journal"}, // and older ones after the name given
		{filepath.Join(linkDir, "scribe.db"), db + "-journal"},
	}
	for _, c := range refused {
		err := refuseDatabase(c.out, c.db)
		if err == nil || !strings.Contains(err.Error(), "is the database") {
			t.Errorf("--db %s -o %s: %v, want a refusal", c.db, c.out, err)
		}
		if _, err := os.Lstat(c.out); err == nil && c.out != dangling {
			t.Errorf("%s exists: the test should name a file that does not", c.out)
		}
	}
	allowed := []string{
		db + "-journal.md",
		filepath.Join(dir, "sub", "scribe.db-journal"),
		filepath.Join(other, "scribe.db-journal"),
		filepath.Join(dir, "other.db-wal"),
	}
	for _, out := range allowed {
		if err := refuseDatabase(out, db); err != nil {
			t.Errorf("-o %s refused: %v", out, err)
		}
	}
	if err := refuseDatabase(db+"-journal", "postgres://h/db"); err != nil {
		t.Errorf("a team database has no local sidecars: %v", err)
	}
}
