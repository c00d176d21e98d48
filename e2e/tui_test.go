package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"scribe/incident"
	"scribe/integrations/github/githubtest"
	"scribe/store"
)

// tmuxPane is the real binary running in a detached tmux session on a
// private server (tmux -L), so tests never touch the user's tmux.
type tmuxPane struct {
	t      *testing.T
	socket string
}

// startTUI runs scribe with args (and sh redirections in shellTail) in a
// width×height tmux window, with env added to the clean environment.
func startTUI(t *testing.T, width, height int, env []string, shellTail string, args ...string) *tmuxPane {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is required for the TUI end-to-end tests in CI: install tmux")
		}
		t.Skip("tmux is not installed: the TUI end-to-end tests need it")
	}
	// A server of its own per run: a test that starts the TUI twice must not
	// reach the first server while it is still exiting ("server exited
	// unexpectedly").
	p := &tmuxPane{t: t, socket: fmt.Sprintf("scribe-e2e-%d-%s-%08x", os.Getpid(), regexp.MustCompile(`\W+`).ReplaceAllString(t.Name(), "-"), rand.Uint32())}
	// remain-on-exit from the server's start, so that a program that exits
	// at once still leaves its pane (and its last screen) to look at.
	conf := filepath.Join(t.TempDir(), "tmux.conf")
	if err := os.WriteFile(conf, []byte("set-option -g remain-on-exit on\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var cmd strings.Builder
	cmd.WriteString("exec env -i")
	for _, kv := range append(baseEnv(t), env...) {
		cmd.WriteString(" " + shellQuote(kv))
	}
	cmd.WriteString(" " + shellQuote(binary))
	for _, a := range args {
		cmd.WriteString(" " + shellQuote(a))
	}
	cmd.WriteString(" " + shellTail)
	p.tmux("-f", conf, "new-session", "-d", "-s", "tui", "-x", fmt.Sprint(width), "-y", fmt.Sprint(height), cmd.String())
	t.Cleanup(func() { exec.Command("tmux", "-L", p.socket, "kill-server").Run() })
	return p
}

// killServer ends the pane's tmux server and waits until it is gone: a
// new session started on the same socket while the old server is still
// exiting fails with "server exited unexpectedly".
func (p *tmuxPane) killServer() {
	p.t.Helper()
	p.tmux("kill-server")
	deadline := time.Now().Add(5 * time.Second)
	for exec.Command("tmux", "-L", p.socket, "list-sessions").Run() == nil {
		if time.Now().After(deadline) {
			p.t.Fatal("the tmux server is still running 5s after kill-server")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if dir := os.Getenv("TMUX_TMPDIR"); dir == "" {
		// tmux removes its socket as it exits; wait for that too.
		sock := filepath.Join(os.TempDir(), fmt.Sprintf("tmux-%d", os.Getuid()), p.socket)
		for _, err := os.Stat(sock); err == nil && time.Now().Before(deadline); _, err = os.Stat(sock) {
			time.Sleep(20 * time.Millisecond)
		}
	}
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func (p *tmuxPane) tmux(args ...string) string {
	p.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", p.socket}, args...)...).CombinedOutput()
	if err != nil {
		p.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (p *tmuxPane) screen() string { return p.tmux("capture-pane", "-p", "-t", "tui") }

// patience is the least any wait below lasts before it fails, whatever
// timeout its caller names. The CI machine runs every package's tests at
// once under -race, and there a program can stall for seconds: a wait is
// for a condition to come, never a measure of how fast (the speeds are
// benchmarks'). A wait that passes returns as soon as its condition holds.
const patience = 60 * time.Second

// waitFor polls the screen until it shows want, failing after timeout (at
// least patience). want must be something that stays on the screen (the
// header, a row, an input line, an error): an information message clears
// itself after a few seconds and a stalled poll could miss it, so wait for
// what it reports instead (the database, a row it adds).
func (p *tmuxPane) waitFor(want string, timeout time.Duration) string {
	p.t.Helper()
	deadline := time.Now().Add(max(timeout, patience))
	for {
		s := p.screen()
		if strings.Contains(s, want) {
			return s
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("after %v the screen does not show %q:\n%s", max(timeout, patience), want, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// typeLine types text literally (never as key names) and presses Enter.
func (p *tmuxPane) typeLine(text string) {
	p.t.Helper()
	p.tmux("send-keys", "-t", "tui", "-l", "--", text)
	p.tmux("send-keys", "-t", "tui", "Enter")
}

func (p *tmuxPane) alive() bool {
	return strings.TrimSpace(p.tmux("display-message", "-p", "-t", "tui", "#{pane_dead}")) == "0"
}

// TestTUILiveIncident runs an incident from the keyboard as a commander
// would, checking each line in the database through the CLI.
func TestTUILiveIncident(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	id := mustScribe(t, db, "new", "Checkout errors after the payments deploy", "--sev", "2")
	editor := filepath.Join(t.TempDir(), "editor.sh")
	if err := os.WriteFile(editor, []byte("#!/bin/sh\nprintf 'Bookings failed for two hours.' > \"$1\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	p := startTUI(t, 120, 40, []string{"EDITOR=" + editor}, "", "--db", db, "open", id)
	p.waitFor("Checkout errors after the payments deploy", 5*time.Second)

	// A clock time that has passed whatever the hour the test runs at (a
	// clock ahead of now is refused, and 14:05 is ahead every morning).
	earlier := time.Now().UTC().Add(-25 * time.Minute).Format("15:04")
	lines := []string{
		"error rate on /checkout above 4%",
		"/ic Rosa M.",
		"/status identified bad config in the payments deploy",
		"/action Add a canary stage @ken",
		earlier + " paged the DB team",
		"quick question: q quits? no. e p d j k x ? all text",
	}
	for _, l := range lines {
		p.typeLine(l)
	}
	// The screen shows the last line while it is still in the input; the
	// database is the witness that Enter committed it.
	d := waitForEvent(t, db, id, lines[len(lines)-1], 5*time.Second)
	if !p.alive() {
		t.Fatal("the TUI exited while typing")
	}

	find := func(text string) (string, string, bool) {
		for _, e := range d.Events {
			if e.Text == text {
				return e.Kind, e.At, true
			}
		}
		return "", "", false
	}
	if k, _, ok := find("error rate on /checkout above 4%"); !ok || k != "note" {
		t.Errorf("note: kind %q found %v", k, ok)
	}
	if k, _, ok := find("quick question: q quits? no. e p d j k x ? all text"); !ok || k != "note" {
		t.Errorf("sentence of key letters: kind %q found %v", k, ok)
	}
	if k, at, ok := find("paged the DB team"); !ok || k != "note" || !strings.Contains(at, "T"+earlier+":00") {
		t.Errorf("backdated note: kind %q at %q found %v (want %s, text without the time)", k, at, ok, earlier)
	}
	if d.Incident.State != "identified" {
		t.Errorf("state = %q, want identified", d.Incident.State)
	}
	if k, _, ok := find("bad config in the payments deploy"); !ok || k != "status" {
		t.Errorf("status message: kind %q found %v", k, ok)
	}
	var ic string
	for _, r := range d.Roles {
		if r.Role == "commander" && r.Until == nil {
			ic = r.Person
		}
	}
	if ic != "Rosa M." {
		t.Errorf("commander = %q, want Rosa M.", ic)
	}
	if len(d.ActionItems) != 1 || d.ActionItems[0].Title != "Add a canary stage" || d.ActionItems[0].Owner != "@ken" {
		t.Errorf("action items = %+v", d.ActionItems)
	}
	p.waitFor("IC Rosa M.", 4*time.Second)
	p.waitFor("IDENTIFIED", 4*time.Second)

	// Another process writes; the screen shows it within a second or two
	// (the bound here is looser, for a loaded CI machine under -race).
	mustScribe(t, db, "log", id, "logged from a second terminal")
	p.waitFor("logged from a second terminal", 4*time.Second)

	// Hostile text, written straight into the database as a script could.
	hostileText(t, db, "osc title\x1b]0;pwned-title\x07 and clear\x1b[2J\x1b[H screen")
	s := p.waitFor("osc title and clear screen", 4*time.Second)
	if title := strings.TrimSpace(p.tmux("display-message", "-p", "-t", "tui", "#{pane_title}")); strings.Contains(title, "pwned") {
		t.Errorf("the pane title changed to %q", title)
	}
	if !strings.Contains(s, "Checkout errors after the payments deploy") || !strings.Contains(s, "logged from a second terminal") {
		t.Errorf("the screen was cleared:\n%s", s)
	}

	// Shrink to 50×15 and back: still running, timeline visible.
	p.tmux("resize-window", "-t", "tui", "-x", "50", "-y", "15")
	s = p.waitFor("osc title and", 4*time.Second)
	if n := len(strings.Split(strings.TrimRight(s, "\n"), "\n")); n > 15 {
		t.Errorf("50x15 capture has %d lines", n)
	}
	p.tmux("resize-window", "-t", "tui", "-x", "120", "-y", "40")
	p.waitFor("osc title and clear screen", 4*time.Second)
	p.typeLine("still here after the resize")
	waitForEvent(t, db, id, "still here after the resize", 5*time.Second)
	if !p.alive() {
		t.Fatal("the TUI died during the resize")
	}

	// Long text goes through $EDITOR.
	p.typeLine("/edit summary")
	waitForDoc(t, db, id, 3*time.Second, "the summary from $EDITOR", func(d doc) bool {
		return d.Incident.Summary == "Bookings failed for two hours."
	})

	p.tmux("send-keys", "-t", "tui", "C-c")
	p.waitDead(3 * time.Second)
}

// hostileText logs an event whose text carries escape sequences, through
// the store, as an import or a script could.
func hostileText(t *testing.T, db, text string) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ev := incident.Event{IncidentID: 1, Kind: incident.KindNote, Text: text, Source: incident.SourceCLI}
	if err := st.LogEvent(ctx, &ev); err != nil {
		t.Fatalf("log hostile text: %v", err)
	}
}

// TestTUIDemo opens scribe demo and finds a timestamped timeline.
func TestTUIDemo(t *testing.T) {
	errFile := filepath.Join(t.TempDir(), "stderr")
	p := startTUI(t, 120, 40, nil, "2>"+shellQuote(errFile), "demo")
	p.waitFor("Timeline", 5*time.Second)
	// The tab bar can be drawn before the timeline is read: wait for the
	// rows, not for the first frame.
	row := regexp.MustCompile(`(?m)^\d\d:\d\d  \S `)
	var s string
	for deadline := time.Now().Add(patience); ; time.Sleep(50 * time.Millisecond) {
		if s = p.screen(); len(row.FindAllString(s, -1)) >= 15 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("demo shows %d timestamped rows, want a screenful:\n%s", len(row.FindAllString(s, -1)), s)
		}
	}
	if !regexp.MustCompile(`(?m)^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d+ \w+ \d{4}`).MatchString(s) {
		t.Errorf("no date line:\n%s", s)
	}
	p.tmux("send-keys", "-t", "tui", "C-c")
	var msg []byte
	for deadline := time.Now().Add(patience); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if msg, _ = os.ReadFile(errFile); strings.Contains(string(msg), "removed") {
			break
		}
	}
	m := regexp.MustCompile(`demo database was (\S+) \(removed\)`).FindSubmatch(msg)
	if m == nil {
		t.Fatalf("demo did not say where its database was: %q", msg)
	}
	if _, err := os.Stat(string(m[1])); !os.IsNotExist(err) {
		t.Errorf("the demo database %s was not removed (%v)", m[1], err)
	}
}

// TestTUIFilesOnGitHub files the selected action item from the Actions pane,
// then the rest, against a fake GitHub.
func TestTUIFilesOnGitHub(t *testing.T) {
	gh := githubtest.New(t, ghToken)
	gh.AddRepo(ghRepo)
	db := githubIncident(t)
	p := startTUI(t, 120, 40, ghEnv(gh), "", "--db", db, "open", "1")
	p.waitFor("Checkout errors after the payments deploy", 5*time.Second)
	p.tmux("send-keys", "-t", "tui", "Tab", "Down")
	p.typeLine("/file " + ghRepo)
	// The run's summary ("1 filed, …") is a message that clears itself:
	// the issue's link in the Actions pane stays.
	p.waitFor("GH "+ghRepo+"#", 10*time.Second)
	got := items(t, db)
	if got[0].GitHub == nil || got[0].GitHub.Number == 0 || got[1].GitHub != nil && got[1].GitHub.Number != 0 {
		t.Fatalf("only the selected item should be filed: %+v", got)
	}
	p.waitFor(fmt.Sprintf("GH %s#%d", ghRepo, got[0].GitHub.Number), 4*time.Second)

	// Esc and typing at once: the terminal may deliver them as alt+/.
	p.tmux("send-keys", "-t", "tui", "Escape")
	p.typeLine("/file " + ghRepo)
	unfiled := func() int {
		n := 0
		for _, it := range items(t, db) {
			if it.GitHub == nil || it.GitHub.Number == 0 {
				n++
			}
		}
		return n
	}
	for deadline := time.Now().Add(patience); unfiled() > 0; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the second /file left items unfiled: %+v\n%s", items(t, db), p.screen())
		}
	}
	if n, want := gh.Calls(githubtest.CreateIssue), len(items(t, db)); n != want {
		t.Errorf("%d issues created for %d items", n, want)
	}
	if s := p.screen(); strings.Contains(s, ghToken) {
		t.Errorf("the token is on screen:\n%s", s)
	}
	noToken(t, db)
}

// TestTUIPastedTimelineImports pastes a Markdown table with bracketed paste,
// as a terminal delivers a copied block, into an incident kept in New York
// time: the preview shows the rows, nothing is written until y, and then the
// rows are events at the right UTC instants on the incident's day.
func TestTUIPastedTimelineImports(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	id := mustScribe(t, db, "new", "Queue backlog in the EU region", "--tz", "America/New_York", "--at", "2024-03-14 08:00 ET")
	p := startTUI(t, 100, 30, nil, "", "--db", db, "open", id)
	p.waitFor("Queue backlog in the EU region", 5*time.Second)

	table := "| Time | What happened |\n|---|---|\n| 09:12 | queue depth alert fired |\n| 09:40 | added four consumers |\n"
	p.tmux("set-buffer", "-b", "timeline", "--", table)
	p.tmux("paste-buffer", "-p", "-d", "-b", "timeline", "-t", "tui")
	p.waitFor("Import 2 events from the pasted text? Times in America/New_York.", 5*time.Second)
	p.waitFor("2024-03-14 09:40", time.Second)
	if n := len(showJSON(t, db, id).Events); n != 1 {
		t.Fatalf("%d events before confirming, want only the declaration", n)
	}

	p.tmux("send-keys", "-t", "tui", "y")
	waitForEvent(t, db, id, "added four consumers", 5*time.Second)
	want := map[string]string{"queue depth alert fired": "2024-03-14T13:12:00Z", "added four consumers": "2024-03-14T13:40:00Z"}
	for _, e := range showJSON(t, db, id).Events {
		if at, ok := want[e.Text]; ok {
			if e.At != at {
				t.Errorf("%q imported at %s, want %s (09:12 and 09:40 in New York)", e.Text, e.At, at)
			}
			delete(want, e.Text)
		}
	}
	if len(want) != 0 {
		t.Errorf("not imported: %v", want)
	}
}

// waitForEvent polls show --json until an event with text is stored,
// failing after timeout, and returns the document that had it.
func waitForEvent(t *testing.T, db, id, text string, timeout time.Duration) doc {
	t.Helper()
	return waitForDoc(t, db, id, timeout, fmt.Sprintf("an event %q", text), func(d doc) bool {
		for _, e := range d.Events {
			if e.Text == text {
				return true
			}
		}
		return false
	})
}

// waitForDoc polls show --json until ok holds, failing after timeout (at
// least patience), and returns the document it held for.
func waitForDoc(t *testing.T, db, id string, timeout time.Duration, what string, ok func(doc) bool) doc {
	t.Helper()
	deadline := time.Now().Add(max(timeout, patience))
	for {
		d := showJSON(t, db, id)
		if ok(d) {
			return d
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %v the database does not hold %s", max(timeout, patience), what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// incidentCount is how many incidents `scribe list --json` reports.
func incidentCount(t *testing.T, db string) int {
	t.Helper()
	var list []map[string]any
	if err := json.Unmarshal([]byte(mustScribe(t, db, "list", "--json")), &list); err != nil {
		t.Fatalf("list --json: %v", err)
	}
	return len(list)
}

// waitDead waits for the program to exit.
func (p *tmuxPane) waitDead(timeout time.Duration) {
	p.t.Helper()
	deadline := time.Now().Add(max(timeout, patience))
	for p.alive() {
		if time.Now().After(deadline) {
			p.t.Fatalf("still running after %v:\n%s", max(timeout, patience), p.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestTUIEscNeverTurnsTypingIntoCommands is issue #10's first judged flow:
// from the list, open an incident, press Esc, type a sentence full of
// letters and press Enter twice. Nothing quits, nothing is declared, the
// sentence is logged where the user was. Then on the list itself (/list), a
// sentence is only text in the find line.
func TestTUIEscNeverTurnsTypingIntoCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	id := mustScribe(t, db, "new", "Checkout errors after the payments deploy", "--sev", "2")
	p := startTUI(t, 100, 30, nil, "", "--db", db)
	p.waitFor("Checkout errors after the payments deploy", 5*time.Second)
	p.tmux("send-keys", "-t", "tui", "Enter")
	p.waitFor("[Timeline]", 5*time.Second)
	p.tmux("send-keys", "-t", "tui", "Escape")
	sentence := "now seeing recovery; quick update: rollback done, queue draining"
	p.typeLine(sentence)
	p.tmux("send-keys", "-t", "tui", "Enter")
	waitForEvent(t, db, id, sentence, 5*time.Second)
	if !p.alive() {
		t.Fatal("the TUI quit")
	}
	if n := incidentCount(t, db); n != 1 {
		t.Fatalf("%d incidents: the sentence declared one", n)
	}

	p.typeLine("/list")
	p.waitFor("find ›", 5*time.Second)
	p.typeLine("now quit: q, n, nq")
	p.tmux("send-keys", "-t", "tui", "Enter")
	p.waitFor("nothing was logged or declared", 3*time.Second)
	if !p.alive() {
		t.Fatal("a sentence on the list quit the TUI")
	}
	if n := incidentCount(t, db); n != 1 {
		t.Fatalf("%d incidents: a sentence on the list declared one", n)
	}
	if s := p.screen(); !strings.Contains(s, "find › now quit: q, n, nq") {
		t.Errorf("the sentence is not kept in the find line:\n%s", s)
	}
	p.tmux("send-keys", "-t", "tui", "C-c")
	p.waitDead(3 * time.Second)
}

// TestTUICtrlCKeepsTheHalfTypedLine quits with a line half typed and
// finds it again in the input when the incident is opened again.
func TestTUICtrlCKeepsTheHalfTypedLine(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	id := mustScribe(t, db, "new", "Replica lag on orders-db", "--sev", "3")
	state := []string{"XDG_STATE_HOME=" + filepath.Join(t.TempDir(), "state")}
	p := startTUI(t, 100, 30, state, "", "--db", db, "open", id)
	p.waitFor("Replica lag on orders-db", 5*time.Second)
	p.tmux("send-keys", "-t", "tui", "-l", "--", "paged the DB team about the repl")
	p.waitFor("paged the DB team about the repl", 3*time.Second)
	p.tmux("send-keys", "-t", "tui", "C-c")
	p.waitDead(3 * time.Second)
	p.killServer() // the next run takes the same private server name

	p = startTUI(t, 100, 30, state, "", "--db", db, "open", id)
	// The input line holds the draft; the message saying so clears itself.
	p.waitFor("› paged the DB team about the repl", 5*time.Second)
	p.typeLine("ica")
	waitForEvent(t, db, id, "paged the DB team about the replica", 5*time.Second)
	p.tmux("send-keys", "-t", "tui", "C-c")
	p.waitDead(3 * time.Second)
}

// TestTUIClockAheadIsRefused types a clock time 20 minutes ahead of the
// machine's clock: nothing is logged (not yesterday, not as text), the
// message shows the date it would have had, and ↑ brings the line back.
func TestTUIClockAheadIsRefused(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	id := mustScribe(t, db, "new", "Queue backlog", "--sev", "3", "--at", "-2h")
	p := startTUI(t, 120, 30, nil, "", "--db", db, "open", id)
	p.waitFor("Queue backlog", 5*time.Second)
	ahead := time.Now().UTC().Add(20 * time.Minute)
	line := ahead.Format("15:04") + " paged the DB team"
	p.typeLine(line)
	p.waitFor("in the future ("+ahead.Format("Mon 2 Jan 2006"), 3*time.Second)
	for _, e := range showJSON(t, db, id).Events {
		if strings.Contains(e.Text, "paged the DB team") {
			t.Fatalf("a clock 20 minutes ahead was logged at %s as %q", e.At, e.Text)
		}
	}
	p.tmux("send-keys", "-t", "tui", "Up")
	p.waitFor("› "+line, 3*time.Second)
	p.tmux("send-keys", "-t", "tui", "C-c")
	p.waitDead(3 * time.Second)
}
