package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	snap, err := st.Snapshot(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
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
