package cli

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestJSONRoundTripWithUnreadableTimes: an incident whose database holds
// times scribe cannot read exports without inventing year 1 (the values go
// under "invalid" with what the database holds), and that export imports:
// what has no time is left out and named entry by entry, the rest comes
// in, and the exit status is 0.
func TestJSONRoundTripWithUnreadableTimes(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "scribe.db")
	for _, s := range [][]string{
		{"new", "Bad times", "--tz", "UTC", "--at", "2026-11-20 10:00"},
		{"log", "1", "good event", "--at", "2026-11-20 10:05"},
		{"log", "1", "bad event", "--at", "2026-11-20 10:06"},
		{"role", "1", "ic", "Rosa", "--at", "2026-11-20 10:07"},
	} {
		if code, _, stderr := runApp(t, "", append([]string{"--db", db}, s...)...); code != 0 {
			t.Fatalf("%v: exit %d: %s", s, code, stderr)
		}
	}
	raw, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`UPDATE events SET occurred_at = '10000-01-01T07:59:00Z' WHERE text = 'bad event'`,
		`UPDATE role_assignments SET from_at = 'garbage'`,
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	raw.Close()
	code, doc, stderr := runApp(t, "", "--db", db, "export", "1", "--format", "json")
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	if strings.Contains(doc, "0001-01-01") || !strings.Contains(doc, `"raw": "10000-01-01T07:59:00Z"`) || !strings.Contains(doc, `"raw": "garbage"`) {
		t.Fatalf("the export invents a time or drops the raw values:\n%s", doc)
	}
	file := filepath.Join(dir, "incident.json")
	if err := os.WriteFile(file, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runApp(t, "", "--db", filepath.Join(dir, "copy.db"), "import", "--new", file)
	if code != 0 {
		t.Fatalf("import of the export: exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		`event 1 (id 3, "bad event"): not imported (event has no time): the database it was exported from could not read occurred_at "10000-01-01T07:59:00Z" is not a time; give it an "at"`,
		`role 1 ("commander" "Rosa"): not imported`,
		"2 entries could not be read",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("import does not say %q:\n%s", want, stderr)
		}
	}
	_, out, _ := runApp(t, "", "--db", filepath.Join(dir, "copy.db"), "show", "1")
	if !strings.Contains(out, "good event") || strings.Contains(out, "bad event") {
		t.Errorf("the copy:\n%s", out)
	}
}
