package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A mistyped --to (a word meant as a URL) is refused with what push takes,
// and leaves no file behind; an existing scribe database file is a target
// a push may copy into.
func TestPushToMistypedTarget(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "local.db")
	id := mustScribe(t, db, "new", "Checkout errors", "--tz", "UTC")
	mustScribe(t, db, "log", id, "rolled back payments 4.2")

	typo := filepath.Join(dir, "postgres-team")
	r := scribe(t, db, "", nil, "push", id, "--to", typo)
	if r.code != 2 || !strings.Contains(r.stderr, "no such database") || !strings.Contains(r.stderr, "postgres://") {
		t.Errorf("push --to a missing file: exit %d, stderr %q; want exit 2 saying what --to takes", r.code, r.stderr)
	}
	if _, err := os.Stat(typo); !os.IsNotExist(err) {
		t.Errorf("push --to a missing file created it (%v)", err)
	}

	other := filepath.Join(dir, "other.db")
	mustScribe(t, other, "list")
	if n := mustScribe(t, db, "push", id, "--to", other); n == "" {
		t.Error("push into an existing database file printed no number")
	}
	if out := mustScribe(t, other, "show", "1"); !strings.Contains(out, "rolled back payments 4.2") {
		t.Errorf("the copy: %s", out)
	}
}
