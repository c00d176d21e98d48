package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// postmortemIncident records a realistic incident with the CLI alone and
// returns its number: several named responders, a commander hand-off,
// status updates, narrative fields, retro notes (one blaming) and action
// items.
func postmortemIncident(t *testing.T, db string) string {
	t.Helper()
	id := mustScribe(t, db, "new", "Payments API timeouts after the connection pool change", "--sev", "2",
		"--at", "2025-06-03 09:20", "--tz", "Europe/Berlin")
	for _, step := range [][]string{
		{"milestone", id, "started", "--at", "2025-06-03 09:02"},
		{"milestone", id, "detected", "--at", "2025-06-03 09:13"},
		{"role", id, "commander", "Rosa Martinez", "--at", "2025-06-03 09:20"},
		{"role", id, "ops", "Ken Adams", "--at", "2025-06-03 09:22"},
		{"role", id, "comms", "Ida Fox", "--at", "2025-06-03 09:24"},
		{"status", id, "investigating", "Timeouts on the payments API", "--at", "2025-06-03 09:21"},
		{"log", id, "Ken sees the pool capped at 10 connections since the 08:55 deploy", "--at", "2025-06-03 09:31", "--kind", "obs", "--pin", "--by", "ken"},
		{"log", id, "Rosa decides to roll back rather than raise the cap live", "--at", "2025-06-03 09:35", "--kind", "decision", "--by", "rosa"},
		{"status", id, "identified", "Connection pool capped by the new config", "--at", "2025-06-03 09:36"},
		{"log", id, "Rollback finished; p99 back under 300ms", "--at", "2025-06-03 09:48", "--kind", "action", "--by", "ken"},
		{"milestone", id, "mitigated", "--at", "2025-06-03 09:48"},
		{"status", id, "monitoring", "Latency normal, watching", "--at", "2025-06-03 09:50"},
		{"role", id, "commander", "Omar Haddad", "--at", "2025-06-03 10:05"},
		{"log", id, "Rosa handed over to Omar; Ida posted the all-clear", "--at", "2025-06-03 10:06", "--by", "omar"},
		{"status", id, "resolved", "Stable for 30 minutes", "--at", "2025-06-03 10:20"},
		{"set", id, "summary", "Payments API calls timed out for 46 minutes after a config change capped the database pool. Rosa Martinez led the response; Ken rolled the change back."},
		{"set", id, "impact", "About 18% of card payments failed or were retried between 09:02 and 09:48."},
		{"set", id, "services", "payments-api, checkout"},
		{"set", id, "root-cause", "The pool size moved to a new config key; the old key was still set, and the loader picked the default of 10."},
		{"set", id, "trigger", "The 08:55 deploy of the payments service."},
		{"set", id, "resolution", "Rolled back the deploy; the pool returned to 80 connections."},
		{"retro", id, "went-well", "The rollback took four minutes"},
		{"retro", id, "went-wrong", "Ken should have load-tested it; human error"},
		{"retro", id, "lucky", "It happened before the evening peak"},
		{"retro", id, "factor", "No alert on pool saturation"},
		{"action", "add", id, "Alert on connection pool saturation", "--owner", "Ken Adams", "--due", "2025-06-20", "--priority", "P1"},
		{"action", "add", id, "Fail the config loader on unknown keys", "--owner", "Ida Fox", "--due", "2025-06-27", "--priority", "P2"},
	} {
		mustScribe(t, db, step...)
	}
	return id
}

// postmortemPeople are every name the incident above knows.
var postmortemPeople = []string{"Rosa", "Martinez", "Ken", "Adams", "Ida", "Fox", "Omar", "Haddad"}

// outsideActionItems is the postmortem without its action items table.
func outsideActionItems(t *testing.T, md string) string {
	t.Helper()
	i := strings.Index(md, "\n## Action items\n")
	j := strings.Index(md, "\n## Responders\n")
	if i < 0 || j < i {
		t.Fatalf("no action items section followed by responders:\n%s", md)
	}
	return md[:i] + md[j:]
}

func TestExportPostmortem(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	id := postmortemIncident(t, db)

	r := scribe(t, db, "", nil, "export", id)
	if r.code != 0 {
		t.Fatalf("export: exit %d\n%s", r.code, r.stderr)
	}
	md := r.stdout
	last := -1
	for _, h := range []string{"# SEV2 #" + id + ": Payments API timeouts", "All times in Europe/Berlin (CEST)",
		"## Summary", "## Impact", "payments-api, checkout", "## Key moments", "```mermaid\ngantt", "## Timeline",
		"## Root cause and contributing factors", "## Trigger", "## Resolution and recovery", "## What went well",
		"## What went wrong", "## Where we got lucky", "## Action items", "## Responders"} {
		i := strings.Index(md, h)
		if i < 0 || i < last {
			t.Fatalf("%q missing or out of order:\n%s", h, md)
		}
		last = i
	}
	for _, want := range []string{
		"- **Time to detect:** 11m",
		"- **Duration of impact:** 46m",
		"| 09:31 | observation | **The ops lead sees the pool capped at 10 connections since the 08:55 deploy** |",
		"| 09:36 | status | Status set to Identified — Connection pool capped by the new config |",
		"| 10:05 | role | Incident commander handed over to another responder |",
		"The former incident commander handed over to the incident commander; the comms lead posted the all-clear",
		"| Alert on connection pool saturation | Ken Adams | P1 | 2025-06-20 | open |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("export lacks %q", want)
		}
	}
	rest := outsideActionItems(t, md)
	for _, name := range postmortemPeople {
		if regexp.MustCompile(`\b` + name + `\b`).MatchString(rest) {
			t.Errorf("%q appears outside the action items table by default", name)
		}
	}
	for _, want := range []string{`warning: What went wrong (note 1): "Ken should have load-tested it": hindsight`, `"human error"`} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}

	named := mustScribe(t, db, "export", id, "--names", "--tz", "UTC")
	for _, want := range []string{"Rosa Martinez led the response", "Omar Haddad took over as incident commander from Rosa Martinez",
		"| 07:31 | observation | **Ken sees the pool", "All times in UTC", "| Incident commander | Rosa Martinez |"} {
		if !strings.Contains(named, want) {
			t.Errorf("--names --tz UTC export lacks %q", want)
		}
	}
}

func TestExportToFileStrictAndLint(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "scribe.db")
	id := postmortemIncident(t, db)
	out := filepath.Join(dir, "pm.md")

	if got := mustScribe(t, db, "export", id, "-o", out); got != "" {
		t.Errorf("export -o printed %q on stdout", got)
	}
	written, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(written), "# SEV2 #"+id) {
		t.Fatalf("-o file: %v\n%s", err, written)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}

	// --strict with warnings: exit 1 and the previous file stays as it was.
	if err := os.WriteFile(out, []byte("previous\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := scribe(t, db, "", nil, "export", id, "--strict", "-o", out)
	if r.code != 1 || !strings.Contains(r.stderr, "nothing written") {
		t.Errorf("export --strict: exit %d, stderr:\n%s", r.code, r.stderr)
	}
	if b, _ := os.ReadFile(out); string(b) != "previous\n" {
		t.Errorf("--strict overwrote the file:\n%s", b)
	}

	r = scribe(t, db, "", nil, "lint", id)
	if r.code != 0 || !strings.Contains(r.stdout, `"human error"`) || !strings.Contains(r.stdout, "named-person") && !strings.Contains(r.stdout, "names a person") {
		t.Errorf("lint: exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if r := scribe(t, db, "", nil, "lint", id, "--strict"); r.code != 1 {
		t.Errorf("lint --strict with warnings: exit %d, want 1", r.code)
	}
	var ws []struct{ Code, Section, Where, Text, Message string }
	if err := json.Unmarshal([]byte(mustScribe(t, db, "lint", id, "--json")), &ws); err != nil || len(ws) == 0 {
		t.Errorf("lint --json: %v, %d warnings", err, len(ws))
	}

	for _, bad := range [][]string{
		{"export", id, "--format", "pdf"},
		{"export", id, "--tz", "Mars/Olympus"},
		{"export", id, "--template", filepath.Join(dir, "missing.tmpl")},
		{"export", "99"},
	} {
		r := scribe(t, db, "", nil, bad...)
		if r.code == 0 || r.stdout != "" || !strings.HasPrefix(r.stderr, "scribe: ") {
			t.Errorf("scribe %v: exit %d, stdout %q, stderr %q; want a clear error and no output", bad, r.code, r.stdout, r.stderr)
		}
	}
}

func TestExportTemplate(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "scribe.db")
	id := postmortemIncident(t, db)
	tmpl := filepath.Join(dir, "team.tmpl")
	src := "{{.Severity}} {{.Title}}\n{{range .Metrics}}{{.Name}}={{.Value}};{{end}}\n{{range .WentWrong}}{{.}}{{end}}\n"
	if err := os.WriteFile(tmpl, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	got := mustScribe(t, db, "export", id, "--template", tmpl)
	want := "SEV2 Payments API timeouts after the connection pool change\n" +
		"Time to detect=11m;Time to mitigate=46m;Time to resolve=1h 18m;Duration of impact=46m;\n" +
		"The ops lead should have load-tested it; human error"
	if got != want {
		t.Errorf("template export:\n%s\nwant:\n%s", got, want)
	}
}

// TestExportJSONImportsBack: export --format json → import --new → export
// --format json gives the same incident, ids aside.
func TestExportJSONImportsBack(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "scribe.db")
	id := postmortemIncident(t, db)
	file := filepath.Join(dir, "incident.json")
	mustScribe(t, db, "export", id, "--format", "json", "-o", file)
	newID := mustScribe(t, db, "import", "--new", file)
	if newID == id || newID == "" {
		t.Fatalf("import --new printed %q", newID)
	}
	first, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	second := mustScribe(t, db, "export", newID, "--format", "json")
	if a, b := withoutIDs(t, string(first)), withoutIDs(t, second); a != b {
		t.Errorf("the re-imported incident differs:\n--- exported ---\n%s\n--- after import ---\n%s", a, b)
	}
	// The Markdown of both reads the same apart from the number.
	mdA := strings.ReplaceAll(mustScribe(t, db, "export", id), "#"+id, "#N")
	mdB := strings.ReplaceAll(mustScribe(t, db, "export", newID), "#"+newID, "#N")
	mdA = strings.ReplaceAll(mdA, "scribe set "+id+" ", "scribe set N ")
	mdB = strings.ReplaceAll(mdB, "scribe set "+newID+" ", "scribe set N ")
	itemID := regexp.MustCompile(`(?m)^\| \d+ \| `)
	mdA, mdB = itemID.ReplaceAllString(mdA, "| # | "), itemID.ReplaceAllString(mdB, "| # | ")
	if mdA != mdB {
		t.Errorf("the Markdown of the re-imported incident differs:\n--- original ---\n%s\n--- re-imported ---\n%s", mdA, mdB)
	}
}

// withoutIDs re-encodes a JSON document with the store's identifiers
// (incident, event and action item ids and uuids, creation and logging
// times) removed; an event's link to its action item is kept as the item's
// title.
func withoutIDs(t *testing.T, doc string) string {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, doc)
	}
	inc := v["incident"].(map[string]any)
	delete(inc, "id")
	delete(inc, "created_at")
	titleOf := map[any]any{}
	items, _ := v["action_items"].([]any)
	for _, x := range items {
		m := x.(map[string]any)
		titleOf[m["uuid"]] = m["title"]
		delete(m, "id")
		delete(m, "uuid")
	}
	for _, list := range []string{"checklist", "reminders"} { // a copy in one database gets new uuids
		rows, _ := v[list].([]any)
		for _, x := range rows {
			delete(x.(map[string]any), "uuid")
		}
	}
	events, _ := v["events"].([]any)
	for _, x := range events {
		m := x.(map[string]any)
		delete(m, "id")
		delete(m, "logged_at")
		if u, ok := m["action_item"]; ok {
			m["action_item"] = titleOf[u]
		}
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestExportNeverOverwritesTheDatabase: -o naming the database, its -wal or
// -shm, a symlink or a hard link to it is refused, and the database is
// intact afterwards; so is its -journal, which does not exist between
// transactions (the next open would delete what was written there), also
// through a symlinked directory.
func TestExportNeverOverwritesTheDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "scribe.db")
	id := mustScribe(t, db, "new", "Do not overwrite me", "--tz", "UTC")
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(db, link); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(t.TempDir(), "..", filepath.Base(dir), "hard.db")
	if err := os.Link(db, hard); err != nil {
		t.Fatal(err)
	}
	via := filepath.Join(t.TempDir(), "via")
	if err := os.Symlink(dir, via); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(db)
	for _, out := range []string{db, link, hard, filepath.Join(dir, ".", "scribe.db"), db + "-wal", db + "-shm",
		db + "-journal", filepath.Join(via, "scribe.db-journal")} {
		for _, format := range []string{"markdown", "json"} {
			r := scribe(t, db, "", nil, "export", id, "--format", format, "-o", out)
			if r.code == 0 || !strings.Contains(r.stderr, "is the database") {
				t.Errorf("export -o %s (%s): exit %d, stderr %q", out, format, r.code, r.stderr)
			}
		}
	}
	after, _ := os.ReadFile(db)
	if !bytes.Equal(before, after) {
		t.Error("the database file changed")
	}
	if _, err := os.Lstat(db + "-journal"); err == nil {
		t.Error("a refused export left a -journal file beside the database")
	}
	if got := mustScribe(t, db, "show", id); !strings.Contains(got, "Do not overwrite me") {
		t.Errorf("show after the refused exports:\n%s", got)
	}
	assertIntegrity(t, db)
}

// TestExportToFIFOHonoursSignals: -o naming a FIFO nobody reads waits for a
// reader, and Ctrl+C or SIGTERM ends the wait at once.
func TestExportToFIFOHonoursSignals(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "scribe.db")
	id := mustScribe(t, db, "new", "Waiting for a reader", "--tz", "UTC")
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		cmd := exec.Command(binary, "--db", db, "export", id, "-o", fifo)
		cmd.Env = baseEnv(t)
		var errb bytes.Buffer
		cmd.Stderr = &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(300 * time.Millisecond)
		if err := cmd.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			var ee *exec.ExitError
			// 128 plus the signal's number, as a shell reports it: 130 for
			// Ctrl+C, 143 for SIGTERM.
			if want := 128 + int(sig); !errors.As(err, &ee) || ee.ExitCode() != want || !strings.Contains(errb.String(), "interrupted") {
				t.Errorf("%v: %v, stderr %q; want exit %d saying it was interrupted", sig, err, errb.String(), want)
			}
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
			t.Fatalf("%v did not end export -o FIFO within 5s", sig)
		}
	}
	// With a reader the export arrives whole.
	got := make(chan string, 1)
	go func() {
		b, _ := os.ReadFile(fifo)
		got <- string(b)
	}()
	mustScribe(t, db, "export", id, "-o", fifo)
	if s := <-got; !strings.HasPrefix(s, "# SEV3 #"+id+": Waiting for a reader") || !strings.HasSuffix(s, "\n") {
		t.Errorf("the reader got %q", s)
	}
}

// TestExportBoundsTheTemplate: --template /dev/zero (or any huge file) is
// refused quickly with a clear error instead of being read for ever.
func TestExportBoundsTheTemplate(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "scribe.db")
	id := mustScribe(t, db, "new", "Template", "--tz", "UTC")
	big := filepath.Join(dir, "big.tmpl")
	if err := os.WriteFile(big, bytes.Repeat([]byte("{{.Title}}\n"), 200_000), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tmpl := range []string{"/dev/zero", big} {
		start := time.Now()
		r := scribe(t, db, "", nil, "export", id, "--template", tmpl)
		if r.code == 0 || !strings.Contains(r.stderr, "scribe reads at most 1 MiB") || r.stdout != "" {
			t.Errorf("--template %s: exit %d, stderr %q", tmpl, r.code, r.stderr)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("--template %s took %v", tmpl, d)
		}
	}
}

// TestExportRemovesTempsOfDeadRuns: a temporary file a killed export left
// beside -o FILE is removed by the next export to FILE; one belonging to a
// run still alive is left alone.
func TestExportRemovesTempsOfDeadRuns(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "scribe.db")
	id := mustScribe(t, db, "new", "Temps", "--tz", "UTC")
	out := filepath.Join(dir, "pm.md")
	// A pid that surely belongs to no process: one that just exited.
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, fmt.Sprintf(".pm.md.%d-123456.tmp", dead.Process.Pid))
	live := filepath.Join(dir, fmt.Sprintf(".pm.md.%d-654321.tmp", os.Getpid()))
	other := filepath.Join(dir, fmt.Sprintf(".other.md.%d-1.tmp", dead.Process.Pid))
	for _, f := range []string{stale, live, other} {
		if err := os.WriteFile(f, []byte("half a postmortem"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	mustScribe(t, db, "export", id, "-o", out)
	if _, err := os.Stat(stale); err == nil {
		t.Error("the dead run's temporary file is still there")
	}
	for _, f := range []string{live, other} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(f), err)
		}
	}

	// A real kill -9 in the middle of a large export: whatever it leaves,
	// the next export cleans it up and writes a whole file.
	big := filepath.Join(dir, "big.db")
	bigID := mustScribe(t, big, "new", "Large", "--tz", "UTC")
	var lines strings.Builder
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&lines, "2026-11-20 %02d:%02d:%02d UTC line %d of a long incident with some text to write\n", i/3600%24, i/60%60, i%60, i)
	}
	if r := scribe(t, big, lines.String(), nil, "import", bigID, "-"); r.code != 0 {
		t.Fatalf("import: %s", r.stderr)
	}
	target := filepath.Join(dir, "big.md")
	for round := 0; round < 5; round++ {
		cmd := exec.Command(binary, "--db", big, "export", bigID, "-o", target)
		cmd.Env = baseEnv(t)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(50+round*40) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
	}
	mustScribe(t, big, "export", bigID, "-o", target)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".big.md.") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
	if b, err := os.ReadFile(target); err != nil || !strings.Contains(string(b), "line 19999 of a long incident") {
		t.Errorf("the final export is not whole (%v, %d bytes)", err, len(b))
	}
}

// TestJSONOutputsEscapeTerminalControls: show --json, export --format json,
// list --json and action list --json carry C1 controls and bidi overrides
// as \u escapes, never raw.
func TestJSONOutputsEscapeTerminalControls(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	id := mustScribe(t, db, "new", "Title with \u202eoverride", "--tz", "UTC")
	mustScribe(t, db, "log", id, "CSI \u009b2J and OSC \u009d0;x\u0007 in an event")
	mustScribe(t, db, "action", "add", id, "Fix \u202egnp.exe", "--description", "C1 \u0085 next line")
	for _, args := range [][]string{{"show", id, "--json"}, {"export", id, "--format", "json"}, {"list", "--json"}, {"action", "list", id, "--json"}} {
		out := mustScribe(t, db, args...)
		for _, raw := range []string{"\u009b", "\u009d", "\u202e", "\u0085"} {
			if strings.Contains(out, raw) {
				t.Errorf("%v passes %U raw", args, []rune(raw)[0])
			}
		}
		if !strings.Contains(out, `\u202e`) {
			t.Errorf("%v lacks the escaped override:\n%s", args, out)
		}
		var v any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Errorf("%v is not JSON: %v", args, err)
		}
	}
	if d := showJSON(t, db, id); d.Incident.Title != "Title with \u202eoverride" || d.Events[1].Text != "CSI \u009b2J and OSC \u009d0;x\u0007 in an event" {
		t.Errorf("escaped text does not read back: %q / %q", d.Incident.Title, d.Events[1].Text)
	}
}

// TestOutputToAStalledPipeHonoursSignals: export and show to a pipe nobody
// reads block once the pipe is full; SIGTERM still ends them at once.
func TestOutputToAStalledPipeHonoursSignals(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	id := mustScribe(t, db, "new", "Stalled reader", "--tz", "UTC")
	var lines strings.Builder
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&lines, "2026-11-20 %02d:%02d:%02d UTC line %d, long enough to fill a pipe buffer quickly\n", i/3600%24, i/60%60, i%60, i)
	}
	if r := scribe(t, db, lines.String(), nil, "import", id, "-"); r.code != 0 {
		t.Fatalf("import: %s", r.stderr)
	}
	for _, args := range [][]string{{"export", id}, {"show", id}, {"show", id, "--json"}} {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(binary, append([]string{"--db", db}, args...)...)
		cmd.Env = baseEnv(t)
		cmd.Stdout = w
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		w.Close()
		time.Sleep(500 * time.Millisecond)
		cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 143 {
				t.Errorf("%v to a stalled pipe, SIGTERM: %v, want exit 143 (128+15)", args, err)
			}
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
			t.Errorf("%v to a stalled pipe did not end on SIGTERM", args)
		}
		r.Close()
	}
}
