package e2e

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"scribe/store/pgtest"
)

// machine is one responder's laptop: its own HOME, sharing the team
// database through SCRIBE_DB.
type machine struct {
	env []string
}

func newMachine(t *testing.T, dsn string) machine {
	t.Helper()
	home := t.TempDir()
	return machine{env: []string{"HOME=" + home, "XDG_DATA_HOME=" + filepath.Join(home, "data"),
		"XDG_STATE_HOME=" + filepath.Join(home, "state"), "SCRIBE_DB=" + dsn}}
}

func (m machine) run(t *testing.T, args ...string) result {
	t.Helper()
	return scribe(t, "", "", m.env, args...)
}

func (m machine) must(t *testing.T, args ...string) string {
	t.Helper()
	r := m.run(t, args...)
	if r.code != 0 {
		t.Fatalf("scribe %s: exit %d\nstderr: %s", strings.Join(args, " "), r.code, r.stderr)
	}
	return strings.TrimSpace(r.stdout)
}

// Two machines share one incident in a PostgreSQL database: what either
// writes, the other reads back the same, with its author; eight processes
// logging at once lose nothing; a wrong password or database is one clear
// line that never shows the password.
func TestTeamDatabaseSharedByTwoMachines(t *testing.T) {
	server := pgtest.Private(t)
	dsn := pgtest.NewDatabase(t, server)
	ida, ken := newMachine(t, dsn), newMachine(t, dsn)

	id := ida.must(t, "new", "Checkout errors after the payments deploy", "--sev", "2", "--tz", "UTC")
	if id != "1" {
		t.Fatalf("first incident's number = %q", id)
	}
	ida.must(t, "role", id, "ic", "Ida F.")
	ken.must(t, "log", id, "Errors only on pods running the new deploy", "--kind", "obs", "--by", "ken", "--pin")
	ida.must(t, "status", id, "identified", "Bad config in the payments deploy")
	ken.must(t, "action", "add", id, "Canary stage for config pushes", "--owner", "ken", "--priority", "P1")
	ida.must(t, "retro", id, "went-well", "Rollback took two minutes")
	ida.must(t, "set", id, "summary", "For 28 minutes about 4% of checkouts failed.")

	a, b := ida.must(t, "show", id, "--json"), ken.must(t, "show", id, "--json")
	if a != b {
		t.Fatalf("the two machines read different incidents:\n%s\n%s", a, b)
	}
	for _, want := range []string{`"author": "ken"`, `"pinned": true`, `"state": "identified"`, "Canary stage", "Rollback took", "4% of checkouts"} {
		if !strings.Contains(a, want) {
			t.Fatalf("show --json lacks %s:\n%s", want, a)
		}
	}
	if l := ken.must(t, "list"); !strings.Contains(l, "Checkout errors") {
		t.Fatalf("list on the other machine: %s", l)
	}

	// Eight processes, 25 lines each, at once.
	const procs, each = 8, 25
	var wg sync.WaitGroup
	errs := make(chan string, procs*each)
	for p := range procs {
		m := ida
		if p%2 == 1 {
			m = ken
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				r := m.run(t, "log", id, fmt.Sprintf("process %d line %d", p, i), "--by", "p"+strconv.Itoa(p))
				if r.code != 0 {
					errs <- fmt.Sprintf("process %d line %d: exit %d: %s", p, i, r.code, r.stderr)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	out := ken.must(t, "show", id, "--json")
	n := strings.Count(out, `"text": "process `)
	if n != procs*each {
		t.Fatalf("%d/%d lines arrived", n, procs*each)
	}

	// A wrong password, a missing database: one line, no password.
	u, _ := url.Parse(dsn)
	const wrong = "Wr0ng-pa55word"
	u.User = url.UserPassword(u.User.Username(), wrong)
	bad := machine{env: []string{"HOME=" + t.TempDir(), "SCRIBE_DB=" + u.String()}}
	r := bad.run(t, "list")
	if r.code == 0 || strings.Contains(r.stderr+r.stdout, wrong) || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 ||
		!strings.Contains(r.stderr, "password authentication failed") || !strings.Contains(r.stderr, u.Host) {
		t.Fatalf("wrong password: exit %d, stderr %q", r.code, r.stderr)
	}
	u.User = url.UserPassword(u.User.Username(), pgtest.Password)
	u.Path = "/no_such_database"
	r = bad.run(t, "--db", u.String(), "log", "1", "x")
	if r.code == 0 || strings.Contains(r.stderr, pgtest.Password) || !strings.Contains(r.stderr, "does not exist") {
		t.Fatalf("missing database: exit %d, stderr %q", r.code, r.stderr)
	}
}

// A URL of another scheme is refused, and creates nothing (it used to
// create a directory named after it).
func TestDatabaseURLOfAnotherSchemeIsRefused(t *testing.T) {
	dir := t.TempDir()
	for _, dsn := range []string{"mysql://root:hunter2@db/scribe", "sqlite:///tmp/x.db", "http://example.com/db"} {
		r := scribeIn(t, dir, "--db", dsn, "list")
		if r.code == 0 || strings.Contains(r.stderr, "hunter2") || !strings.Contains(r.stderr, "postgres://") {
			t.Fatalf("--db %s: exit %d, stderr %q", dsn, r.code, r.stderr)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 0 {
		t.Fatalf("refused URLs left %v in the working directory (%v)", entries, err)
	}
}

// scribeIn runs the binary in dir, as a user typing there would.
func scribeIn(t *testing.T, dir string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = baseEnv(t)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run scribe %v: %v", args, err)
	}
	return result{stdout: out.String(), stderr: errb.String(), code: code}
}

// The team database goes away mid-incident: scribe log keeps each line in
// the outbox and exits 75 with one line on stderr; when the database is
// back, the next command sends them, once and in order. The outbox never
// holds the password.
func TestLogWhileTheTeamDatabaseIsDown(t *testing.T) {
	server := pgtest.Private(t)
	link, dsn := pgtest.NewLink(t, pgtest.NewDatabase(t, server))
	m := newMachine(t, dsn)
	id := m.must(t, "new", "Replica lag", "--tz", "UTC")
	m.must(t, "log", id, "before the cut")

	link.Cut()
	for _, text := range []string{"during the cut 1", "during the cut 2"} {
		r := m.run(t, "log", id, text, "--by", "ken")
		if r.code != 75 || r.stdout != "" || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 ||
			!strings.Contains(r.stderr, "queued") || strings.Contains(r.stderr, pgtest.Password) {
			t.Fatalf("log during the cut: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
		}
	}
	// A command that needs the database says why, in one line.
	if r := m.run(t, "show", id); r.code == 0 || !strings.Contains(r.stderr, "connection refused") {
		t.Fatalf("show during the cut: exit %d, stderr %q", r.code, r.stderr)
	}
	home := strings.TrimPrefix(m.env[0], "HOME=")
	files, _ := filepath.Glob(filepath.Join(home, "state", "scribe", "*"))
	if len(files) == 0 {
		t.Fatal("no outbox under XDG_STATE_HOME")
	}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		if strings.Contains(string(b), pgtest.Password) {
			t.Fatalf("%s holds the password", f)
		}
	}

	link.Restore()
	r := m.run(t, "log", id, "after the cut")
	if r.code != 0 || !strings.Contains(r.stderr, "sent 2 writes") {
		t.Fatalf("log after the cut: exit %d, stderr %q", r.code, r.stderr)
	}
	out := m.must(t, "show", id)
	order := []string{"before the cut", "during the cut 1", "during the cut 2", "after the cut"}
	last := -1
	for _, line := range order {
		i := strings.Index(out, line)
		if i < 0 || i < last || strings.Count(out, line) != 1 && line != "during the cut 1" {
			t.Fatalf("timeline after the cut, looking for %q once and in order:\n%s", line, out)
		}
		last = i
	}
	if strings.Count(out, "during the cut 1") != 1 || strings.Count(out, "during the cut 2") != 1 {
		t.Fatalf("a queued line arrived twice:\n%s", out)
	}
	if !strings.Contains(out, "during the cut 1  — ken") {
		t.Fatalf("the queued line lost its author:\n%s", out)
	}
}

// An incident recorded locally is pushed to the team database whole; a
// second push adds nothing; both export the same postmortem.
func TestPushLocalIncidentToTeam(t *testing.T) {
	server := pgtest.Private(t)
	dsn := pgtest.NewDatabase(t, server)
	local := filepath.Join(t.TempDir(), "local.db")
	id := mustScribe(t, local, "new", "Checkout errors on the train", "--sev", "2", "--tz", "UTC", "--at", "2026-11-20 09:10")
	mustScribe(t, local, "role", id, "ic", "Rosa M.", "--at", "2026-11-20 09:11")
	mustScribe(t, local, "log", id, "Errors only on new pods", "--kind", "obs", "--pin", "--at", "2026-11-20 09:15")
	mustScribe(t, local, "status", id, "resolved", "Rolled back", "--at", "2026-11-20 09:40")
	mustScribe(t, local, "action", "add", id, "Canary stage for config pushes", "--owner", "ken")
	mustScribe(t, local, "retro", id, "went-well", "Rollback took two minutes")
	mustScribe(t, local, "set", id, "summary", "For 30 minutes checkouts failed.")

	m := newMachine(t, dsn)
	m.must(t, "new", "Another team incident")
	r := scribe(t, local, "", m.env, "push", id, "--to", dsn)
	if r.code != 0 || strings.TrimSpace(r.stdout) != "2" || !strings.Contains(r.stderr, "copied to") {
		t.Fatalf("first push: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	r = scribe(t, local, "", m.env, "push", id, "--to", dsn)
	if r.code != 0 || strings.TrimSpace(r.stdout) != "2" || !strings.Contains(r.stderr, "nothing new") {
		t.Fatalf("second push: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	// The same postmortem, but for the incident's number in each database.
	number := regexp.MustCompile(`(#|scribe [a-z-]+ )[12]\b`)
	want := number.ReplaceAllString(mustScribe(t, local, "export", id), "${1}N")
	got := number.ReplaceAllString(m.must(t, "export", "2"), "${1}N")
	if got != want {
		t.Fatalf("the two copies export differently:\n--- team\n%s\n--- local\n%s", got, want)
	}
	ids := regexp.MustCompile(`"id": \d+`)
	wantJSON := ids.ReplaceAllString(mustScribe(t, local, "export", id, "--format", "json"), `"id": 0`)
	gotJSON := ids.ReplaceAllString(m.must(t, "export", "2", "--format", "json"), `"id": 0`)
	if gotJSON != wantJSON {
		t.Fatalf("the two copies' JSON documents differ beyond their ids:\n--- team\n%s\n--- local\n%s", gotJSON, wantJSON)
	}
	if r := scribe(t, local, "", nil, "push", id); r.code != 2 {
		t.Fatalf("push without --to: exit %d", r.code)
	}
}

// Two TUIs on two machines share one incident: a line typed in one, and
// one logged by a script elsewhere, appear in the other (within a second:
// the wait below is a bound for a stuck test, not the measure, which is
// BenchmarkPostgresWatchLatency). When the database goes away, the TUI
// keeps every typed line and a /status as pending, says "offline · N
// pending", and sends them, once, when it is back.
func TestTeamTUIs(t *testing.T) {
	server := pgtest.Private(t)
	link, dsn := pgtest.NewLink(t, pgtest.NewDatabase(t, server))
	ida, ken := newMachine(t, dsn), newMachine(t, dsn)
	id := ida.must(t, "new", "Checkout errors after the payments deploy", "--tz", "UTC")
	a := startTUI(t, 120, 30, append(ida.env, "SCRIBE_AUTHOR=ida"), "", "open", id)
	a.waitFor("Checkout errors", 10*time.Second)
	a.waitFor(u(t, dsn).Host, 5*time.Second) // the header names the database

	b := startTUIAs(t, "b", append(ken.env, "SCRIBE_AUTHOR=ken"), "open", id)
	b.waitFor("Checkout errors", 10*time.Second)
	a.typeLine("typed on ida's laptop")
	b.waitFor("typed on ida's laptop — ida", 5*time.Second)
	ken.must(t, "log", id, "logged by a script on ken's laptop", "--by", "alert-hook")
	a.waitFor("logged by a script on ken's laptop — alert-hook", 5*time.Second)

	link.Cut()
	a.typeLine("typed while the database is down")
	a.typeLine("/status monitoring rolled back")
	s := a.waitFor("offline · 2 pending", 10*time.Second)
	for _, want := range []string{"⋯ note      typed while the database is down", "⋯ status    MONITORING"} {
		if !strings.Contains(s, want) {
			t.Fatalf("the pending lines are not marked (%q):\n%s", want, s)
		}
	}
	link.Restore()
	// The quiet spell after a failure is 3 s; then what waits is sent.
	b.waitFor("typed while the database is down", 30*time.Second)
	b.waitFor("MONITORING", 5*time.Second)
	s = a.waitFor("● MONITORING", 5*time.Second)
	if strings.Contains(s, "pending") || strings.Contains(s, "⋯") {
		t.Fatalf("still pending after delivery:\n%s", s)
	}
	out := ken.must(t, "show", id)
	if strings.Count(out, "typed while the database is down") != 1 {
		t.Fatalf("the offline line arrived %d times:\n%s", strings.Count(out, "typed while the database is down"), out)
	}

	// A TUI killed while offline loses nothing: the next command on that
	// machine sends what it kept.
	link.Cut()
	a.typeLine("typed just before the laptop died")
	a.waitFor("offline · 1 pending", 10*time.Second)
	exec.Command("tmux", "-L", a.socket, "kill-server").Run()
	link.Restore()
	r := ida.run(t, "log", id, "first line after the reboot")
	if r.code != 0 || !strings.Contains(r.stderr, "sent 1 write") {
		t.Fatalf("the next command: exit %d, stderr %q", r.code, r.stderr)
	}
	out = ken.must(t, "show", id)
	if strings.Count(out, "typed just before the laptop died") != 1 || strings.Index(out, "typed just before") > strings.Index(out, "first line after the reboot") {
		t.Fatalf("the killed TUI's line did not arrive once, before the next:\n%s", out)
	}
}

// u parses a URL.
func u(t *testing.T, s string) *url.URL {
	t.Helper()
	p, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// startTUIAs is startTUI on a tmux server of its own, for a second TUI in
// the same test (startTUI names its server after the test).
func startTUIAs(t *testing.T, name string, env []string, args ...string) *tmuxPane {
	t.Helper()
	p := &tmuxPane{t: t, socket: fmt.Sprintf("scribe-e2e-%d-%s-%s", os.Getpid(), regexp.MustCompile(`\W+`).ReplaceAllString(t.Name(), "-"), name)}
	var cmd strings.Builder
	cmd.WriteString("exec env -i")
	for _, kv := range append(baseEnv(t), env...) {
		cmd.WriteString(" " + shellQuote(kv))
	}
	cmd.WriteString(" " + shellQuote(binary))
	for _, a := range args {
		cmd.WriteString(" " + shellQuote(a))
	}
	p.tmux("-f", "/dev/null", "new-session", "-d", "-s", "tui", "-x", "120", "-y", "30", cmd.String())
	t.Cleanup(func() { exec.Command("tmux", "-L", p.socket, "kill-server").Run() })
	p.tmux("set-option", "-t", "tui", "remain-on-exit", "on")
	return p
}
