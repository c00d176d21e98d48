package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scribe/incident"
	"scribe/store"
)

func runApp(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	a := &App{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" },
		Now: func() time.Time { return time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC) }}
	code = a.Run(context.Background(), args)
	return code, out.String(), errb.String()
}

// A plain list is titled after its file, never by its first entry, and
// keeps the seconds it gives; an empty input creates nothing.
func TestImportNewTitleAndSeconds(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "scribe.db")
	list := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(list, []byte("- 2026-11-20 14:02:05 UTC replica lag on shard 3\n- 2026-11-20 14:03:00 UTC paged the database team\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runApp(t, "", "--db", db, "import", "--new", list); code != 0 {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	snap := storedSnapshot(t, db, 1)
	if snap.Incident.Title != "Imported timeline (notes.txt)" {
		t.Errorf("title %q, want the file's", snap.Incident.Title)
	}
	if len(snap.Events) != 2 || !snap.Events[0].OccurredAt.Equal(time.Date(2026, 11, 20, 14, 2, 5, 0, time.UTC)) {
		t.Fatalf("events %+v, want the first at 14:02:05", snap.Events)
	}

	for _, c := range []struct{ file, stdin, name string }{{"/dev/null", "", "/dev/null"}, {"-", "", "stdin"}, {"-", "no times here\n", "stdin"}} {
		empty := filepath.Join(t.TempDir(), "empty.db")
		code, stdout, stderr := runApp(t, c.stdin, "--db", empty, "import", "--new", c.file)
		if code == 0 || stdout != "" || !strings.Contains(stderr, "no timeline entries found in "+c.name) {
			t.Errorf("import --new %s: exit %d, stdout %q, stderr %q", c.file, code, stdout, stderr)
		}
		if _, err := os.Stat(empty); err == nil {
			t.Errorf("import --new %s created %s", c.file, empty)
		}
	}
}

// The import flags that go together, and those that do not.
func TestImportFlagCombinations(t *testing.T) {
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.md")
	if err := os.WriteFile(notes, []byte("- 2026-11-20 14:02 UTC paged\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"import", "--new", notes, "--document"}, 2, "go with --dry-run"},
		{[]string{"import", "--new", notes, "--dry-run", "--json", "--document"}, 2, "give one"},
		{[]string{"import", "--new", notes, "--dry-run", "--channel", "inc"}, 2, "--channel picks a channel of a Slack export"},
		{[]string{"import", "--new", dir, "--dry-run"}, 1, "not a Slack export"},
	} {
		code, _, stderr := runApp(t, "", append([]string{"--db", filepath.Join(dir, "x.db")}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.says) {
			t.Errorf("%v: exit %d, %q; want exit %d saying %q", c.args, code, stderr, c.code, c.says)
		}
	}
	code, stdout, stderr := runApp(t, "", "import", "--new", notes, "--dry-run", "--document")
	if code != 0 || !strings.Contains(stdout, `"schema_version"`) || !strings.Contains(stdout, `"text": "paged"`) {
		t.Errorf("--dry-run --document: exit %d\n%s\n%s", code, stdout, stderr)
	}
}

// TestImportDryRunRefusesWhatImportRefuses: a JSON document whose times are
// out of range is refused by --dry-run as by the import itself, instead of
// being previewed as if it would import.
func TestImportDryRunRefusesWhatImportRefuses(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "scribe.db")
	if code, _, stderr := runApp(t, "", "--db", db, "new", "source", "--tz", "UTC", "--at", "2026-11-20 10:00"); code != 0 {
		t.Fatalf("new: %s", stderr)
	}
	if code, _, stderr := runApp(t, "", "--db", db, "log", "1", "alert fired", "--at", "2026-11-20 10:05"); code != 0 {
		t.Fatalf("log: %s", stderr)
	}
	_, doc, _ := runApp(t, "", "--db", db, "export", "1", "--format", "json")
	for _, bad := range []struct{ from, to, want string }{
		{"2026-11-20T10:05:00Z", "2300-01-01T00:00:00Z", "event"},
		{"2026-11-20T10:05:00Z", "1969-12-31T23:59:59Z", "event"},
		{`"declared": "2026-11-20T10:00:00Z"`, `"declared": "0000-06-01T00:00:00Z"`, "declared"},
	} {
		if !strings.Contains(doc, bad.from) {
			t.Fatalf("the export has no %s:\n%s", bad.from, doc)
		}
		file := filepath.Join(dir, "bad.json")
		if err := os.WriteFile(file, []byte(strings.Replace(doc, bad.from, bad.to, 1)), 0o600); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"--dry-run", "--document"}, {"--dry-run", "--json"}, {}} {
			code, stdout, stderr := runApp(t, "", append([]string{"--db", filepath.Join(dir, "fresh.db"), "import", "--new", file}, args...)...)
			if code == 0 || stdout != "" || !strings.Contains(stderr, bad.want) || !strings.Contains(stderr, "outside the times scribe accepts") {
				t.Errorf("import %v of a document with %s: exit %d, stdout %q, stderr %q", args, bad.to, code, stdout, stderr)
			}
		}
	}
}

// storedSnapshot reads incident n back from the database file db, as a
// later command would.
func storedSnapshot(t *testing.T, db string, n int64) incident.Snapshot {
	t.Helper()
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	snap, err := st.Snapshot(context.Background(), n)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}
