package e2e

import (
	"archive/zip"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

const slackExport = "../ingest/testdata/slack"

// snapshotOf reads an incident back through show --json.
func snapshotOf(t *testing.T, db, id string) incident.Snapshot {
	t.Helper()
	d, err := incident.ParseDocument([]byte(mustScribe(t, db, "show", id, "--json")))
	if err != nil {
		t.Fatal(err)
	}
	snap, err := d.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// TestImportSlackExport: a Slack export with two days of messages, a join,
// a bot message and a pinned message imports with real names, exact
// instants, the pin, and no join; from the folder, the zip, a channel's
// folder and one day's file.
func TestImportSlackExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "scribe.db")
	zipped := filepath.Join(dir, "export.zip")
	zipDir(t, slackExport, zipped)

	id := mustScribe(t, db, "new", "Checkout errors", "--at", "2024-03-14 21:50 UTC")
	mustScribe(t, db, "import", id, slackExport, "--channel", "inc-checkout")
	snap := snapshotOf(t, db, id)
	var got []incident.Event
	for _, e := range snap.Events {
		if e.Source == incident.SourceImport {
			got = append(got, e)
		}
	}
	if len(got) != 8 {
		t.Fatalf("%d imported events, want 8", len(got))
	}
	first := got[0]
	if !first.OccurredAt.Equal(time.Date(2024, 3, 14, 21, 58, 3, 200000, time.UTC)) || first.Author != "Priya Raman" ||
		!strings.Contains(first.Text, "Marco Bianchi can you look") {
		t.Errorf("first message %+v: want Priya's at 21:58:03.0002 with Marco named", first)
	}
	pinned := 0
	for _, e := range got {
		if strings.Contains(e.Text, "has joined") || strings.Contains(e.Text, "has left") || strings.Contains(e.Text, "pinned a message") {
			t.Errorf("housekeeping imported: %q", e.Text)
		}
		if e.Pinned {
			pinned++
		}
		if e.Author == "PagerDuty" && !strings.Contains(e.Text, "Triggered") {
			t.Errorf("bot message %q", e.Text)
		}
	}
	if pinned != 2 {
		t.Errorf("%d pinned events, want the pinned message and the :pushpin: one", pinned)
	}

	for _, c := range []struct {
		name string
		args []string
		want int
	}{
		{"zip", []string{zipped, "--channel", "#inc-checkout"}, 8},
		{"channel folder", []string{filepath.Join(slackExport, "inc-checkout")}, 8},
		{"one day", []string{filepath.Join(slackExport, "inc-checkout", "2024-03-15.json")}, 2},
	} {
		r := scribe(t, "", "", nil, append([]string{"import", "--new", "--dry-run", "--json"}, c.args...)...)
		if r.code != 0 || strings.Count(r.stdout, `"at"`) != c.want {
			t.Errorf("%s: exit %d, %d entries (want %d)\n%s%s", c.name, r.code, strings.Count(r.stdout, `"at"`), c.want, r.stdout, r.stderr)
		}
	}
	// The preview says who wrote each message and marks the key moments.
	r := scribe(t, "", "", nil, "import", "--new", "--dry-run", slackExport, "--channel", "inc-checkout")
	if r.code != 0 || strings.Count(r.stdout, "★") != 2 || !strings.Contains(r.stdout, "— PagerDuty") ||
		!strings.Contains(r.stdout, "Rolling back payments to v41  — Priya Raman") {
		t.Errorf("text preview: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = scribe(t, "", "", nil, "import", "--new", "--dry-run", slackExport)
	if r.code == 0 || !strings.Contains(r.stderr, "--channel") {
		t.Errorf("two channels, no --channel: exit %d, %s", r.code, r.stderr)
	}
	r = scribe(t, "", "", nil, "import", "--new", "--dry-run", dir)
	if r.code == 0 || !strings.Contains(r.stderr, "not a Slack export") {
		t.Errorf("a folder that is no export: exit %d, %s", r.code, r.stderr)
	}
}

// zipDir writes the files under dir into a zip archive at out.
func zipDir(t *testing.T, dir, out string) {
	t.Helper()
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		w, err := zw.Create(filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		src, err := os.Open(path)
		if err != nil {
			return err
		}
		defer src.Close()
		_, err = io.Copy(w, src)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}
