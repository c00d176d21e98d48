package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// doc is the part of the JSON document the CLI tests read back.
type doc struct {
	SchemaVersion int `json:"schema_version"`
	Incident      struct {
		ID         int64              `json:"id"`
		Title      string             `json:"title"`
		Severity   int                `json:"severity"`
		State      string             `json:"state"`
		Timezone   string             `json:"timezone"`
		Summary    string             `json:"summary"`
		Services   []string           `json:"services"`
		Milestones map[string]*string `json:"milestones"`
	} `json:"incident"`
	Events []struct {
		ID        int64  `json:"id"`
		At        string `json:"at"`
		Kind      string `json:"kind"`
		Text      string `json:"text"`
		Author    string `json:"author"`
		Pinned    bool   `json:"pinned"`
		Role      string `json:"role"`
		Person    string `json:"person"`
		State     string `json:"state"`
		Milestone string `json:"milestone"`
	} `json:"events"`
	Roles []struct {
		Role   string  `json:"role"`
		Person string  `json:"person"`
		From   string  `json:"from"`
		Until  *string `json:"until"`
	} `json:"roles"`
	ActionItems []struct {
		ID       int64  `json:"id"`
		UUID     string `json:"uuid"`
		Title    string `json:"title"`
		Owner    string `json:"owner"`
		Priority string `json:"priority"`
		Due      string `json:"due"`
		State    string `json:"state"`
	} `json:"action_items"`
	Retro []struct {
		Section string `json:"section"`
		Text    string `json:"text"`
	} `json:"retro"`
}

func showJSON(t *testing.T, db, id string) doc {
	t.Helper()
	out := mustScribe(t, db, "show", id, "--json")
	var d doc
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("show --json is not the JSON document: %v\n%s", err, out)
	}
	return d
}

// TestIncidentRecordedWithCLI records a whole incident with the command line
// alone, with times in every written form, and reads it back from show --json.
func TestIncidentRecordedWithCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	id := mustScribe(t, db, "new", "Checkout errors after the payments deploy", "--sev", "2",
		"--at", "2022-12-15 12:20 ET", "--tz", "America/New_York")
	if id != "1" {
		t.Fatalf("first incident's number = %q, want 1", id)
	}
	steps := [][]string{
		{"milestone", id, "started", "--at", "2022-12-15 12:05 ET"},
		{"milestone", id, "detected", "--at", "2022/12/15 09:14AM PST"},
		{"role", id, "ic", "Rosa", "Martinez", "--at", "2022-12-15 12:23 ET"},
		{"log", id, "5xx", "rate", "on", "/checkout", "above", "4%", "--kind", "observation", "--at", "2022/12/15 09:24AM PST"},
		{"status", id, "identified", "Bad config in the payments deploy", "--at", "2022-12-15 17:33 UTC"},
		{"log", id, "Rolled back payments to the previous release", "--kind", "action", "--pin", "--by", "Ken", "--at", "2022-12-15T17:40:00Z"},
		{"role", id, "commander", "Ken Adams", "--at", "2022-12-15T13:00:00-05:00"},
		{"milestone", id, "mitigated", "--at", "2022-12-15T18:05:30Z"},
		{"status", id, "resolved", "Error rate normal for 30 minutes", "--at", "2022-12-15 13:45 ET"},
		{"action", "add", id, "Add a canary stage for config pushes", "--owner", "Ken Adams", "--priority", "P1", "--due", "2022-12-22"},
		{"action", "add", id, "Alert on checkout 5xx per pod", "--owner", "@rosam", "--priority", "p2", "--due", "2023-01-10"},
		{"log", id, "Wrote up the first draft", "--at", "-5m"},
	}
	for _, s := range steps {
		mustScribe(t, db, s...)
	}

	d := showJSON(t, db, id)
	if d.SchemaVersion < 1 || d.Incident.Severity != 2 || d.Incident.State != "resolved" || d.Incident.Timezone != "America/New_York" {
		t.Fatalf("incident = %+v (schema %d)", d.Incident, d.SchemaVersion)
	}
	wantMilestones := map[string]string{
		"started":   "2022-12-15T17:05:00Z",
		"detected":  "2022-12-15T17:14:00Z",
		"declared":  "2022-12-15T17:20:00Z",
		"mitigated": "2022-12-15T18:05:30Z",
		"resolved":  "2022-12-15T18:45:00Z",
	}
	for m, want := range wantMilestones {
		got := d.Incident.Milestones[m]
		if got == nil || *got != want {
			t.Errorf("milestone %s = %v, want %s", m, got, want)
		}
	}
	atOf := map[string]string{}
	kinds := map[string]int{}
	for _, e := range d.Events {
		atOf[e.Text] = e.At
		kinds[e.Kind]++
		if e.Kind == "action" && !e.Pinned {
			t.Errorf("pinned event came back unpinned: %+v", e)
		}
	}
	if got := atOf["5xx rate on /checkout above 4%"]; got != "2022-12-15T17:24:00Z" {
		t.Errorf("observation at %s, want 2022-12-15T17:24:00Z (09:24AM PST)", got)
	}
	if got := atOf["Rolled back payments to the previous release"]; got != "2022-12-15T17:40:00Z" {
		t.Errorf("action at %s, want 17:40Z", got)
	}
	recent, err := time.Parse(time.RFC3339, atOf["Wrote up the first draft"])
	if err != nil || time.Since(recent) < 4*time.Minute || time.Since(recent) > 10*time.Minute {
		t.Errorf("-5m event at %v (%v), want about five minutes ago", recent, err)
	}
	for _, k := range []string{"status", "role", "milestone", "action-item", "observation", "action", "note"} {
		if kinds[k] == 0 {
			t.Errorf("no %s event in the timeline; kinds = %v", k, kinds)
		}
	}
	if len(d.Roles) != 2 {
		t.Fatalf("roles = %+v, want two commander assignments", d.Roles)
	}
	first, second := d.Roles[0], d.Roles[1]
	if first.Person != "Rosa Martinez" || first.Role != "commander" || first.Until == nil || *first.Until != "2022-12-15T18:00:00Z" {
		t.Errorf("first commander = %+v, want Rosa Martinez closed at 18:00Z", first)
	}
	if second.Person != "Ken Adams" || second.From != "2022-12-15T18:00:00Z" || second.Until != nil {
		t.Errorf("second commander = %+v, want Ken Adams open from 18:00Z", second)
	}
	if len(d.ActionItems) != 2 {
		t.Fatalf("action items = %+v", d.ActionItems)
	}
	a := d.ActionItems[0]
	if a.Owner != "Ken Adams" || a.Priority != "P1" || a.Due != "2022-12-22" || a.State != "open" || a.UUID == "" {
		t.Errorf("action item = %+v", a)
	}
	if d.ActionItems[1].Priority != "P2" {
		t.Errorf("priority p2 stored as %q", d.ActionItems[1].Priority)
	}

	mustScribe(t, db, "action", "done", "1")
	mustScribe(t, db, "set", id, "summary", "For 45 minutes some checkouts failed.")
	mustScribe(t, db, "set", id, "services", "checkout, payments-api")
	mustScribe(t, db, "retro", id, "went-well", "The rollback took two minutes")
	d = showJSON(t, db, id)
	if d.ActionItems[0].State != "done" || d.Incident.Summary != "For 45 minutes some checkouts failed." ||
		strings.Join(d.Incident.Services, "|") != "checkout|payments-api" || len(d.Retro) != 1 {
		t.Errorf("after done/set/retro: items %+v summary %q services %v retro %+v", d.ActionItems, d.Incident.Summary, d.Incident.Services, d.Retro)
	}

	human := mustScribe(t, db, "show", id)
	for _, want := range []string{"Checkout errors after the payments deploy", "Thu 15 Dec 2022", "12:24", "IC Ken Adams", "time to detect 9m", "RESOLVED — Error rate normal"} {
		if !strings.Contains(human, want) {
			t.Errorf("show lacks %q:\n%s", want, human)
		}
	}
	list := mustScribe(t, db, "list", "--json")
	if !strings.Contains(list, `"title": "Checkout errors after the payments deploy"`) {
		t.Errorf("list --json = %s", list)
	}
}

// TestBadInputChangesNothing: every mistake gets one clear line on stderr, a
// non-zero exit, no panic, and the database stays as it was.
func TestBadInputChangesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "scribe.db")
	id := mustScribe(t, db, "new", "Replica lag", "--tz", "UTC")
	mustScribe(t, db, "log", id, "first")
	before := mustScribe(t, db, "show", id, "--json")

	notSQLite := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notSQLite, []byte("these are my notes, not a database\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		db   string
		args []string
		want string // in stderr, case-insensitive
	}{
		{"unreadable time", db, []string{"log", id, "x", "--at", "yesterday-ish"}, "yesterday-ish"},
		{"empty time", db, []string{"log", id, "x", "--at", ""}, "time is empty"},
		{"text that starts with a dash", db, []string{"log", id, "-5", "pods"}, "--"},
		{"unknown command", db, []string{"frobnicate"}, "unknown command"},
		{"unknown kind", db, []string{"log", id, "x", "--kind", "gossip"}, "gossip"},
		{"unknown state", db, []string{"status", id, "exploded"}, "investigating"},
		{"empty title", db, []string{"new", "  "}, "title"},
		{"missing incident number", db, []string{"log"}, "incident number"},
		{"incident that does not exist", db, []string{"log", "99", "hello"}, "#99"},
		{"bad incident number", db, []string{"log", "seven", "hello"}, "seven"},
		{"bad severity", db, []string{"set", id, "severity", "9"}, "severity"},
		{"unknown field", db, []string{"set", id, "colour", "red"}, "colour"},
		{"unknown milestone", db, []string{"milestone", id, "exploded"}, "started"},
		{"bad priority", db, []string{"action", "add", id, "x", "--priority", "urgent"}, "P0"},
		{"bad due date", db, []string{"action", "add", id, "x", "--due", "someday"}, "use a date (2026-12-04), today, tomorrow"},
		{"unknown zone", db, []string{"new", "x", "--tz", "Mars/Olympus"}, "Mars/Olympus"},
		{"not a SQLite file", notSQLite, []string{"list"}, "not a scribe database"},
		{"impossible path", "/proc/scribe/cannot/be.db", []string{"list"}, "/proc/scribe/cannot/be.db"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := scribe(t, c.db, "", nil, c.args...)
			if r.code == 0 {
				t.Fatalf("exit 0, want failure; stdout %q", r.stdout)
			}
			if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine") {
				t.Fatalf("panicked:\n%s", r.stderr)
			}
			if !strings.Contains(strings.ToLower(r.stderr), strings.ToLower(c.want)) {
				t.Errorf("stderr %q does not mention %q", r.stderr, c.want)
			}
			if strings.Count(strings.TrimSpace(r.stderr), "\n") > 2 {
				t.Errorf("stderr is not one clear line:\n%s", r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("stdout %q, want nothing", r.stdout)
			}
		})
	}
	if after := mustScribe(t, db, "show", id, "--json"); after != before {
		t.Errorf("bad input changed the incident:\nbefore %s\nafter %s", before, after)
	}
	if got, _ := os.ReadFile(notSQLite); string(got) != "these are my notes, not a database\n" {
		t.Errorf("the non-SQLite file was changed: %q", got)
	}
	if _, err := os.Stat(notSQLite + "-wal"); err == nil {
		t.Errorf("a -wal file appeared beside the non-SQLite file")
	}
}

// TestDefaultDatabase: with no --db and no SCRIBE_DB the database is created
// in the XDG data directory; SCRIBE_DB overrides it.
func TestDefaultDatabase(t *testing.T) {
	data := t.TempDir()
	r := scribe(t, "", "", []string{"XDG_DATA_HOME=" + data}, "new", "Default place")
	if r.code != 0 {
		t.Fatalf("new: %d %s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(data, "scribe", "scribe.db")); err != nil {
		t.Fatalf("default database not created: %v", err)
	}
	other := filepath.Join(t.TempDir(), "other.db")
	r = scribe(t, "", "", []string{"XDG_DATA_HOME=" + data, "SCRIBE_DB=" + other}, "new", "Env place")
	if r.code != 0 || strings.TrimSpace(r.stdout) != "1" {
		t.Fatalf("SCRIBE_DB: exit %d, stdout %q, stderr %s", r.code, r.stdout, r.stderr)
	}
	if _, err := os.Stat(other); err != nil {
		t.Fatalf("SCRIBE_DB database not created: %v", err)
	}
}

// TestOutputThatGoesNowhereFails: show to /dev/full fails; log with its
// standard output closed fails with 74 and says the event is saved (it is),
// so a script does not log it twice; log to /dev/null on purpose succeeds.
func TestOutputThatGoesNowhereFails(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	id := mustScribe(t, db, "new", "Nowhere", "--tz", "UTC")
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full: %v", err)
	}
	defer full.Close()
	for _, args := range [][]string{{"show", id}, {"show", id, "--json"}, {"export", id}, {"list"}} {
		cmd := exec.Command(binary, append([]string{"--db", db}, args...)...)
		cmd.Env = baseEnv(t)
		cmd.Stdout = full
		var errb bytes.Buffer
		cmd.Stderr = &errb
		err := cmd.Run()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 1 || !strings.Contains(errb.String(), "no space left on device") {
			t.Errorf("%v >/dev/full: %v, stderr %q", args, err, errb.String())
		}
	}
	cmd := exec.Command("sh", "-c", `exec "$0" --db "$1" log "$2" "logged with stdout closed" >&-`, binary, db, id)
	cmd.Env = baseEnv(t)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	err = cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 74 || !strings.Contains(errb.String(), "event is saved (id 2)") || !strings.Contains(errb.String(), "standard output is closed") {
		t.Errorf("log >&-: %v, stderr %q", err, errb.String())
	}
	cmd = exec.Command("sh", "-c", `exec "$0" --db "$1" log "$2" "to /dev/null on purpose" >/dev/null`, binary, db, id)
	cmd.Env = baseEnv(t)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("log >/dev/null: %v %s", err, out)
	}
	// A /dev/null opened read-write, as Python's subprocess.DEVNULL does,
	// is a deliberate discard, not a closed stream.
	null, err := os.OpenFile("/dev/null", os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	cmd = exec.Command(binary, "--db", db, "log", id, "to a read-write /dev/null")
	cmd.Env = baseEnv(t)
	cmd.Stdout = null
	errb.Reset()
	cmd.Stderr = &errb
	if err := cmd.Run(); err != nil {
		t.Errorf("log to a read-write /dev/null: %v %s", err, errb.String())
	}
	d := showJSON(t, db, id)
	if len(d.Events) != 4 || d.Events[1].Text != "logged with stdout closed" {
		t.Errorf("events: %+v", d.Events)
	}
}

// TestEditKeepsConcurrentChangesAndHeadings: scribe edit merges by the text
// the editor started from: a field changed by another process meanwhile is
// kept, a field changed on both sides keeps both versions, and narrative
// text with "## " lines round-trips.
func TestEditKeepsConcurrentChangesAndHeadings(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "scribe.db")
	id := mustScribe(t, db, "new", "Edit race", "--tz", "UTC")
	summary := "Bookings failed.\n\n## Details\nThe pool was capped.\n## Impact\nthis line reads like a heading"
	if r := scribe(t, db, summary, nil, "set", id, "summary", "-"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	mustScribe(t, db, "set", id, "impact", "first impact")
	mustScribe(t, db, "set", id, "trigger", "first trigger")
	// The editor: another terminal changes impact and trigger while it is
	// open; the user rewrites the trigger and the resolution.
	editor := filepath.Join(dir, "editor.sh")
	script := `#!/bin/sh
"` + binary + `" --db "` + db + `" set ` + id + ` impact "impact changed elsewhere" || exit 1
"` + binary + `" --db "` + db + `" set ` + id + ` trigger "trigger changed elsewhere" || exit 1
sed -i -e 's/^first trigger$/my trigger/' -e '/^## Resolution$/a\
Rolled back at 14:05.' "$1"
`
	if err := os.WriteFile(editor, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	r := scribe(t, db, "", []string{"EDITOR=" + editor}, "edit", id)
	if r.code != 0 {
		t.Fatalf("edit: exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "conflict in Trigger") || strings.Contains(r.stderr, "Impact") {
		t.Errorf("edit stderr:\n%s", r.stderr)
	}
	var d struct {
		Incident struct{ Summary, Impact, Trigger, Resolution string } `json:"incident"`
	}
	if err := json.Unmarshal([]byte(mustScribe(t, db, "show", id, "--json")), &d); err != nil {
		t.Fatal(err)
	}
	if d.Incident.Summary != summary {
		t.Errorf("summary with ## lines came back as %q", d.Incident.Summary)
	}
	if d.Incident.Impact != "impact changed elsewhere" {
		t.Errorf("impact %q: the concurrent change was reverted", d.Incident.Impact)
	}
	if !strings.HasPrefix(d.Incident.Trigger, "trigger changed elsewhere\n\n[edit conflict") || !strings.HasSuffix(d.Incident.Trigger, "\n\nmy trigger") {
		t.Errorf("trigger %q: want both versions", d.Incident.Trigger)
	}
	if d.Incident.Resolution != "Rolled back at 14:05." {
		t.Errorf("resolution %q", d.Incident.Resolution)
	}
}

func TestVersionFlag(t *testing.T) {
	r := scribe(t, "", "", nil, "--version")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "scribe ") || !strings.Contains(r.stdout, "go1.") {
		t.Errorf("--version: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
}

// TestCorrectionsChangeWhatShowReadsBack: action edit/delete/restore, retro
// edit/delete/restore and milestone --clear, each checked in show --json.
func TestCorrectionsChangeWhatShowReadsBack(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	id := mustScribe(t, db, "new", "Corrections", "--tz", "UTC", "--at", "-2h")
	item := mustScribe(t, db, "action", "add", id, "Alert on lag", "--owner", "Ken", "--due", "2026-12-04", "--priority", "P2")
	other := mustScribe(t, db, "action", "add", id, "Captured by mistake")

	r := scribe(t, db, "", nil, "action", "edit", item, "--title", "Alert on replica lag over 30s", "--owner", "@idaF", "--due", "+3d", "--priority", "P1", "--description", "page the DB on-call")
	if r.code != 0 || !strings.Contains(r.stderr, "updated: Alert on replica lag over 30s, owner @idaF, P1, due ") {
		t.Fatalf("action edit: exit %d: %s", r.code, r.stderr)
	}
	d := showJSON(t, db, id)
	due := time.Now().UTC().AddDate(0, 0, 3).Format("2006-01-02")
	if a := d.ActionItems[0]; a.Title != "Alert on replica lag over 30s" || a.Owner != "@idaF" || a.Priority != "P1" || a.Due != due {
		t.Errorf("after action edit: %+v (due want %s)", a, due)
	}
	mustScribe(t, db, "action", "edit", item, "--owner", "", "--due", "none")
	if a := showJSON(t, db, id).ActionItems[0]; a.Owner != "" || a.Due != "" || a.Title != "Alert on replica lag over 30s" {
		t.Errorf("clearing owner and due: %+v", a)
	}
	mustScribe(t, db, "action", "delete", other)
	if items := showJSON(t, db, id).ActionItems; len(items) != 1 || items[0].Title != "Alert on replica lag over 30s" {
		t.Errorf("after action delete: %+v", items)
	}
	if out := mustScribe(t, db, "action", "list", id); strings.Contains(out, "Captured by mistake") {
		t.Errorf("action list shows a deleted item:\n%s", out)
	}
	mustScribe(t, db, "action", "restore", other)
	if items := showJSON(t, db, id).ActionItems; len(items) != 2 {
		t.Errorf("after action restore: %+v", items)
	}

	note := mustScribe(t, db, "retro", id, "factor", "The canary covered only the EU region")
	if _, err := strconv.Atoi(note); err != nil {
		t.Fatalf("retro printed %q, want the note's id", note)
	}
	mustScribe(t, db, "retro", "edit", note, "The canary covered only eu-west-1")
	if rs := showJSON(t, db, id).Retro; len(rs) != 1 || rs[0].Text != "The canary covered only eu-west-1" || rs[0].Section != "factor" {
		t.Errorf("after retro edit: %+v", rs)
	}
	mustScribe(t, db, "retro", "delete", note)
	if rs := showJSON(t, db, id).Retro; len(rs) != 0 {
		t.Errorf("after retro delete: %+v", rs)
	}
	mustScribe(t, db, "retro", "restore", note)
	if rs := showJSON(t, db, id).Retro; len(rs) != 1 {
		t.Errorf("after retro restore: %+v", rs)
	}

	mustScribe(t, db, "milestone", id, "mitigated", "--at", "-30m")
	if m := showJSON(t, db, id).Incident.Milestones["mitigated"]; m == nil {
		t.Fatal("mitigated not set")
	}
	r = scribe(t, db, "", nil, "milestone", id, "mitigated", "--clear")
	if r.code != 0 || !strings.Contains(r.stderr, "cleared the mitigated milestone") {
		t.Fatalf("milestone --clear: exit %d: %s", r.code, r.stderr)
	}
	d = showJSON(t, db, id)
	if m := d.Incident.Milestones["mitigated"]; m != nil {
		t.Errorf("after milestone --clear: mitigated = %s", *m)
	}
	if last := d.Events[len(d.Events)-1]; last.Kind != "milestone" || last.Milestone != "mitigated" {
		t.Errorf("no timeline event says the milestone was cleared: %+v", last)
	}

	for _, bad := range [][]string{
		{"action", "edit", item},
		{"action", "edit", "999", "--title", "x"},
		{"action", "delete", "999"},
		{"retro", "edit", "999", "x"},
		{"retro", "delete", "999"},
		{"milestone", id, "mitigated", "--clear", "--at", "-5m"},
		{"action", "edit", item, "--due", "someday"},
	} {
		if r := scribe(t, db, "", nil, bad...); r.code == 0 || r.stdout != "" {
			t.Errorf("%v: exit %d, stdout %q", bad, r.code, r.stdout)
		}
	}
}

// TestReadOnlyDatabaseCanBeRead: a database in a directory its user may
// not write to, itself read-only, can still be listed, shown and exported;
// changing it is refused with a message saying why. Permissions bind only
// an unprivileged user, so under root the binary runs as nobody (setpriv).
func TestReadOnlyDatabaseCanBeRead(t *testing.T) {
	var prefix []string
	if os.Getuid() == 0 {
		setpriv, err := exec.LookPath("setpriv")
		if err != nil {
			t.Skip("running as root without setpriv: permissions are not enforced")
		}
		prefix = []string{setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"}
	}
	dir, err := os.MkdirTemp("", "scribe-readonly-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755); os.RemoveAll(dir) })
	db := filepath.Join(dir, "scribe.db")
	id := mustScribe(t, db, "new", "Read me anyway", "--tz", "UTC")
	mustScribe(t, db, "log", id, "a line to read")
	if err := os.Chmod(db, 0o444); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) result {
		argv := append(append(append([]string{}, prefix...), binary, "--db", db), args...)
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Env = append(baseEnv(t), "HOME=/nonexistent")
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		code := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return result{stdout: out.String(), stderr: errb.String(), code: code}
	}
	for _, args := range [][]string{{"show", id}, {"show", id, "--json"}, {"list"}, {"export", id}, {"export", id, "--format", "json"}} {
		if r := run(args...); r.code != 0 || !strings.Contains(r.stdout, "Read me anyway") {
			t.Errorf("%v on a read-only database: exit %d, stdout %.80q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
	for _, args := range [][]string{{"action", "list", id}, {"lint", id}} {
		if r := run(args...); r.code != 0 {
			t.Errorf("%v on a read-only database: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
	if r := run("log", id, "x"); r.code == 0 || !strings.Contains(r.stderr, "read-only") {
		t.Errorf("log on a read-only database: exit %d, stderr %q", r.code, r.stderr)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("reading left files beside the database: %v", entries)
	}
}
