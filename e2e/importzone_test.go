package e2e

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestImportTZOverOneLinesOffset: `import --tz UTC` reads the lines that
// give no zone in UTC and says so, even after one line wrote "-12:00" and
// another was refused with it; before, the preview said "times in
// Etc/GMT+12" and moved every later line by twelve hours.
func TestImportTZOverOneLinesOffset(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	doc := "# Queue stall on 2025-03-04\n\n## Timeline\n\n- 10:00 queue depth alert\n- 24:00 -12:00 a refused line\n- 10:05 -12:00 vendor ticket filed\n- 10:20 consumers restarted\n"
	r := scribe(t, db, doc, nil, "import", "--new", "-", "--dry-run", "--tz", "UTC")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"(times in UTC)", "2025-03-04 10:20 UTC   note                 consumers restarted", "2025-03-04 22:05 UTC"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("preview lacks %q:\n%s", want, r.stdout)
		}
	}
	if !strings.Contains(r.stderr, "24:00 is not a time") {
		t.Errorf("the 24:00 line is not reported:\n%s", r.stderr)
	}
}

// TestImportSaysTheDefaultZone: a document that states no zone is read in
// UTC (--new) and stderr says so, as a year taken from elsewhere is said;
// --tz silences it.
func TestImportSaysTheDefaultZone(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	doc := "# Cache cutover on 2025-01-21\n\n- 07:00 cutover begins\n- 07:35 cutover complete\n"
	r := scribe(t, db, doc, nil, "import", "--new", "-", "--dry-run")
	if r.code != 0 || !strings.Contains(r.stderr, "times written without a zone are read as UTC: the text states none; pass --tz to change it") {
		t.Errorf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	r = scribe(t, db, doc, nil, "import", "--new", "-", "--dry-run", "--tz", "Europe/Dublin")
	if r.code != 0 || strings.Contains(r.stderr, "without a zone") || !strings.Contains(r.stdout, "2025-01-21 07:00 GMT") {
		t.Errorf("--tz Europe/Dublin: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
}
