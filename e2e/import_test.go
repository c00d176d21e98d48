package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"scribe/incident"
	"scribe/ingest"
)

// importedIncident records an incident with every part a JSON document
// carries: narrative, milestones, a role hand-off, status updates, a
// pinned event with an author, action items and retro notes.
func importedIncident(t *testing.T, db string) string {
	t.Helper()
	id := mustScribe(t, db, "new", "Queue consumers stalled after the broker upgrade", "--sev", "2",
		"--at", "2024-09-12 14:10", "--tz", "America/New_York")
	for _, step := range [][]string{
		{"milestone", id, "started", "--at", "2024-09-12 13:55"},
		{"milestone", id, "detected", "--at", "2024-09-12 14:02"},
		{"role", id, "commander", "Noor Haddad", "--at", "2024-09-12 14:10"},
		{"role", id, "comms", "Lee Park", "--at", "2024-09-12 14:12"},
		{"status", id, "investigating", "Consumers not acking", "--at", "2024-09-12 14:11"},
		{"log", id, "Broker 3.12 drops the prefetch setting", "--at", "2024-09-12 14:25", "--kind", "obs", "--pin", "--by", "noor"},
		{"status", id, "identified", "Prefetch reset to 0 by the upgrade", "--at", "2024-09-12 14:30"},
		{"milestone", id, "mitigated", "--at", "2024-09-12 14:41"},
		{"role", id, "commander", "Sam Ortiz", "--at", "2024-09-12 15:00"},
		{"status", id, "resolved", "Backlog drained", "--at", "2024-09-12 15:20"},
		{"set", id, "summary", "Consumers stalled for 46 minutes after a broker upgrade reset prefetch."},
		{"set", id, "impact", "Order confirmations were delayed by up to 45 minutes."},
		{"set", id, "services", "orders, notifications"},
		{"set", id, "root-cause", "The upgrade renamed the prefetch key."},
		{"set", id, "trigger", "The broker upgrade at 13:50."},
		{"set", id, "resolution", "Set the new key and restarted consumers."},
		{"retro", id, "went-well", "Alert fired within seven minutes"},
		{"retro", id, "went-wrong", "The upgrade notes were not read"},
		{"action", "add", id, "Check broker config keys in CI", "--owner", "Lee Park", "--due", "2024-10-01", "--priority", "P2"},
	} {
		mustScribe(t, db, step...)
	}
	return id
}

// comparable re-encodes a JSON document without what a store assigns
// (ids, creation time) and, when uuids is false, without action item
// uuids, which a database already holding them replaces.
func comparable(t *testing.T, doc string, uuids bool) string {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, doc)
	}
	inc := v["incident"].(map[string]any)
	delete(inc, "id")
	delete(inc, "created_at")
	for _, key := range []string{"events", "action_items", "checklist", "reminders"} {
		list, _ := v[key].([]any)
		for _, x := range list {
			m := x.(map[string]any)
			delete(m, "id")
			if !uuids {
				delete(m, "uuid")
				delete(m, "action_item")
			}
		}
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestImportJSONRoundTrip: export --format json → import --new → export
// --format json gives the same incident, into another database (uuids
// kept) and into the same one (uuids renewed so both copies can be filed).
func TestImportJSONRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "scribe.db")
	id := importedIncident(t, db)
	file := filepath.Join(dir, "incident.json")
	mustScribe(t, db, "export", id, "--format", "json", "-o", file)
	exported, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	d := showJSON(t, db, id)
	if len(d.Events) < 10 || len(d.Roles) != 3 || len(d.ActionItems) != 1 || len(d.Retro) != 2 {
		t.Fatalf("the incident is missing parts before export: %d events, %d roles, %d items, %d notes",
			len(d.Events), len(d.Roles), len(d.ActionItems), len(d.Retro))
	}

	other := filepath.Join(dir, "other.db")
	r := scribe(t, other, "", nil, "import", "--new", file)
	if r.code != 0 || strings.TrimSpace(r.stdout) != "1" {
		t.Fatalf("import --new into a new database: exit %d, stdout %q, stderr %s", r.code, r.stdout, r.stderr)
	}
	again := mustScribe(t, other, "export", "1", "--format", "json")
	if a, b := comparable(t, string(exported), true), comparable(t, again, true); a != b {
		t.Errorf("the incident imported into another database differs:\n--- exported ---\n%s\n--- imported ---\n%s", a, b)
	}

	newID := mustScribe(t, db, "import", "--new", file)
	if newID == id {
		t.Fatalf("import --new printed the original number %s", newID)
	}
	copied := mustScribe(t, db, "export", newID, "--format", "json")
	if a, b := comparable(t, string(exported), false), comparable(t, copied, false); a != b {
		t.Errorf("the incident imported into the same database differs:\n--- exported ---\n%s\n--- imported ---\n%s", a, b)
	}

	// Into an existing incident the document's events are appended.
	before := len(showJSON(t, db, newID).Events)
	mustScribe(t, db, "import", newID, file)
	if after := len(showJSON(t, db, newID).Events); after != before+len(d.Events) {
		t.Errorf("import N FILE.json: %d events, want %d + %d", after, before, len(d.Events))
	}
}

const notes = `# Cache stampede on the product pages

All times in UTC.

| Time | Event |
|------|-------|
| 2024-03-03 21:41 | Deploy of cache-v2 starts |
| 2024-03-03 --:-- | Someone restarts a node (time not noted) |
| 2024-03-03 21:58 | Investigating - latency alarm fires |

` + "```" + `
2024-03-03T21:59:12Z level=warn msg="miss storm"
` + "```" + `

- 23:50 - rollback started
- 00:20 - Resolved - latency back to normal
`

// TestImportTextDryRunJSON prints exactly what would be imported and
// writes nothing; unreadable lines are reported on stderr with their number.
func TestImportTextDryRunJSON(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	r := scribe(t, db, notes, nil, "import", "--new", "-", "--dry-run", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got []map[string]string
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("--dry-run --json is not a JSON array: %v\n%s", err, r.stdout)
	}
	want := []map[string]string{
		{"at": "2024-03-03T21:41:00Z", "text": "Deploy of cache-v2 starts", "kind": "note"},
		{"at": "2024-03-03T21:58:00Z", "text": "latency alarm fires", "kind": "status", "status": "investigating"},
		{"at": "2024-03-03T23:50:00Z", "text": "rollback started", "kind": "note"},
		{"at": "2024-03-04T00:20:00Z", "text": "latency back to normal", "kind": "status", "status": "resolved"},
	}
	if a, b := mustJSON(t, got), mustJSON(t, want); a != b {
		t.Errorf("dry run printed\n%s\nwant\n%s", a, b)
	}
	if !strings.Contains(r.stderr, "line 8: the time is not given (--:--): | 2024-03-03 --:-- |") {
		t.Errorf("the --:-- row is not reported with its line number:\n%s", r.stderr)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a dry run created the database (%v)", err)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestImportTextNewAndInto creates an incident from notes (title and zone
// from the document) and appends time-only notes to an existing incident on
// its date and in its zone.
func TestImportTextNewAndInto(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "scribe.db")
	file := filepath.Join(dir, "notes.md")
	if err := os.WriteFile(file, []byte(notes), 0o644); err != nil {
		t.Fatal(err)
	}
	r := scribe(t, db, "", nil, "import", "--new", file)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	id := strings.TrimSpace(r.stdout)
	d := showJSON(t, db, id)
	if d.Incident.Title != "Cache stampede on the product pages" || d.Incident.Timezone != "UTC" || d.Incident.State != "resolved" {
		t.Errorf("incident %q in %s, state %s", d.Incident.Title, d.Incident.Timezone, d.Incident.State)
	}
	if len(d.Events) != 4 {
		t.Errorf("%d events, want the 4 readable entries", len(d.Events))
	}
	if !strings.Contains(r.stderr, "imported 4 events into incident #"+id) || !strings.Contains(r.stderr, "line 8:") {
		t.Errorf("summary or problems missing on stderr:\n%s", r.stderr)
	}

	berlin := mustScribe(t, db, "new", "Login errors", "--at", "2024-07-01 09:00", "--tz", "Europe/Berlin")
	r = scribe(t, db, "09:05 first reports\n09:20 - Identified - bad certificate\n", nil, "import", berlin, "-")
	if r.code != 0 || strings.TrimSpace(r.stdout) != berlin {
		t.Fatalf("import %s -: exit %d, stdout %q, stderr %s", berlin, r.code, r.stdout, r.stderr)
	}
	var times []string
	for _, e := range showJSON(t, db, berlin).Events {
		if e.Text == "first reports" || e.State == "identified" {
			times = append(times, e.At)
		}
	}
	if strings.Join(times, " ") != "2024-07-01T07:05:00Z 2024-07-01T07:20:00Z" {
		t.Errorf("time-only notes landed at %v, want the incident's date in Europe/Berlin", times)
	}
}

// TestImportBadInput names what is wrong and writes nothing.
func TestImportBadInput(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "scribe.db")
	for _, c := range []struct {
		args  []string
		stdin string
		code  int
		says  string
	}{
		{[]string{"import"}, "", 2, "missing incident number and FILE"},
		{[]string{"import", "--new", "a", "b"}, "", 2, "--new takes one FILE"},
		{[]string{"import", "--new", filepath.Join(dir, "nope.md")}, "", 1, "nope.md"},
		{[]string{"import", "--new", "-", "--year", "24"}, "", 2, "--year"},
		{[]string{"import", "--new", "-", "--tz", "Mars/Olympus"}, "", 2, "--tz"},
		{[]string{"import", "--new", "-"}, `{"schema_version": 1, "incident": {"title": ""}}`, 1, "title is empty"},
		{[]string{"import", "--new", "-"}, `{"schema_version": 99}`, 1, "schema_version 99"},
		{[]string{"import", "--new", "-"}, "no times here\njust words\n", 1, "no timeline entries"},
	} {
		r := scribe(t, db, c.stdin, nil, c.args...)
		if r.code != c.code || !strings.Contains(r.stderr, c.says) {
			t.Errorf("scribe %s: exit %d, stderr %q; want exit %d saying %q", strings.Join(c.args, " "), r.code, r.stderr, c.code, c.says)
		}
	}
	if r := scribe(t, db, "", nil, "list"); r.code != 0 || !strings.Contains(r.stdout+r.stderr, "no incidents yet") {
		t.Errorf("bad imports created an incident:\n%s%s", r.stdout, r.stderr)
	}
}

// TestImportEvaluationDocuments runs the binary over ingest's evaluation
// documents the way import is judged (--new FILE --dry-run --json, with the
// document's --year/--tz) and checks it prints what ingest.ParseText reads,
// so that TestEvaluation's recall and precision are the command's.
func TestImportEvaluationDocuments(t *testing.T) {
	wants, err := filepath.Glob("../ingest/testdata/eval/*.want")
	if err != nil || len(wants) < 10 {
		t.Fatalf("evaluation documents: %d found, %v", len(wants), err)
	}
	for _, want := range wants {
		base := strings.TrimSuffix(want, ".want")
		doc := base + ".md"
		if _, err := os.Stat(doc); err != nil {
			doc = base + ".txt"
		}
		spec, err := os.ReadFile(want)
		if err != nil {
			t.Fatal(err)
		}
		args := []string{"import", "--new", doc, "--dry-run", "--json"}
		opts := ingest.Options{Zone: time.UTC, Reference: time.Now()}
		for _, line := range strings.Split(string(spec), "\n") {
			flags, ok := strings.CutPrefix(line, "# options:")
			if !ok {
				continue
			}
			f := strings.Fields(flags)
			args = append(args, f...)
			for i := 0; i+1 < len(f); i += 2 {
				switch f[i] {
				case "--year":
					opts.Year, _ = strconv.Atoi(f[i+1])
				case "--tz":
					if opts.Zone, err = incident.ParseZone(f[i+1]); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		r := scribe(t, "", "", nil, args...)
		if r.code != 0 {
			t.Fatalf("%s: exit %d: %s", doc, r.code, r.stderr)
		}
		var got []ingest.Preview
		if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
			t.Fatalf("%s: not a JSON array: %v", doc, err)
		}
		text, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		lib := ingest.Previews(ingest.ParseText(string(text), opts).Events(1, ""))
		if a, b := mustJSON(t, got), mustJSON(t, lib); a != b {
			t.Errorf("%s: the binary printed\n%s\ningest.ParseText reads\n%s", doc, a, b)
		}
	}
}
