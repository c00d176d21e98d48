package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

// session runs commands in-process against one database with a clock and
// environment the test controls.
type session struct {
	t   *testing.T
	db  string
	now time.Time
	env map[string]string
	// stdout replaces the captured stdout when set (a failing writer).
	stdout interface{ Write([]byte) (int, error) }
}

func newSession(t *testing.T, now string) *session {
	t.Helper()
	at, err := time.Parse(time.RFC3339, now)
	if err != nil {
		t.Fatal(err)
	}
	return &session{t: t, db: filepath.Join(t.TempDir(), "scribe.db"), now: at,
		env: map[string]string{"HOME": t.TempDir(), "USER": "tester"}}
}

func (s *session) run(stdin string, args ...string) (code int, stdout, stderr string) {
	s.t.Helper()
	var out, errb bytes.Buffer
	a := &App{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb,
		Getenv: func(k string) string { return s.env[k] }, Now: func() time.Time { return s.now }}
	if s.stdout != nil {
		a.Stdout = s.stdout
	}
	code = a.Run(context.Background(), append([]string{"--db", s.db}, args...))
	return code, strings.TrimSpace(out.String()), errb.String()
}

func (s *session) must(args ...string) string {
	s.t.Helper()
	code, out, errb := s.run("", args...)
	if code != 0 {
		s.t.Fatalf("scribe %q: exit %d: %s", args, code, errb)
	}
	return out
}

// doc reads incident N back as its JSON document.
func (s *session) doc(id string) incident.Document {
	s.t.Helper()
	var d incident.Document
	if err := json.Unmarshal([]byte(s.must("show", id, "--json")), &d); err != nil {
		s.t.Fatal(err)
	}
	return d
}

// TestAtNearestDayAndFuture: a clock time is the nearest such moment, so
// 23:50 typed at 00:05 is yesterday's (and stderr says so); one ahead of
// the clock is refused with the date it would have had, and nothing is
// logged.
func TestAtNearestDayAndFuture(t *testing.T) {
	s := newSession(t, "2026-11-22T00:05:00Z")
	id := s.must("new", "Replica lag", "--tz", "UTC", "--at", "-1h")
	code, out, errb := s.run("", "log", id, "paged the DB team", "--at", "23:50")
	if code != 0 || !strings.Contains(errb, "filed yesterday, Sat 21 Nov 2026, at 23:50 UTC (not today)") {
		t.Fatalf("log --at 23:50 at 00:05: exit %d, stdout %q, stderr %q", code, out, errb)
	}
	d := s.doc(id)
	if last := d.Events[len(d.Events)-1]; !last.At.Equal(time.Date(2026, 11, 21, 23, 50, 0, 0, time.UTC)) {
		t.Errorf("event at %v, want 2026-11-21 23:50", last.At)
	}
	if code, _, errb := s.run("", "log", id, "today", "--at", "00:01"); code != 0 || strings.Contains(errb, "not today") {
		t.Errorf("a time today: exit %d, stderr %q", code, errb)
	}

	s.now = time.Date(2026, 11, 22, 15, 34, 0, 0, time.UTC)
	before := len(s.doc(id).Events)
	for _, args := range [][]string{
		{"log", id, "paged DB team", "--at", "15:50"},
		{"status", id, "identified", "--at", "15:50"},
		{"milestone", id, "mitigated", "--at", "15:50"},
		{"role", id, "ic", "Rosa", "--at", "15:50"},
	} {
		code, out, errb := s.run("", args...)
		if code == 0 || out != "" || !strings.Contains(errb, `"15:50" is 16m in the future (Sun 22 Nov 2026 15:50 UTC)`) {
			t.Errorf("%v at 15:34: exit %d, stdout %q, stderr %q", args, code, out, errb)
		}
	}
	if code, _, errb := s.run("", "new", "Later", "--at", "16:20", "--tz", "UTC"); code == 0 || !strings.Contains(errb, "in the future") {
		t.Errorf("new --at 16:20 at 15:34: exit %d, %s", code, errb)
	}
	if after := len(s.doc(id).Events); after != before {
		t.Errorf("refused times logged %d events", after-before)
	}
}

// TestOutOfRangeTimesRefusedByTheCLI: no --at outside 1970..2199 UTC gets
// in, whatever its form and zone.
func TestOutOfRangeTimesRefusedByTheCLI(t *testing.T) {
	s := newSession(t, "2026-11-21T09:00:00Z")
	id := s.must("new", "Range", "--tz", "America/New_York")
	for _, args := range [][]string{
		{"log", id, "x", "--at", "9999-12-31 23:59"},
		{"log", id, "x", "--at", "1969-12-31 23:59 UTC"},
		{"new", "y", "--at", "0000-01-01 00:00 +14:00"},
		{"milestone", id, "started", "--at", "0001-01-01 00:00:01 UTC"},
		{"status", id, "resolved", "--at", "1900-01-01 10:00"},
		{"role", id, "ic", "Ana", "--at", "2300-01-01T00:00:00Z"},
	} {
		code, _, errb := s.run("", args...)
		if code == 0 || !strings.Contains(errb, "outside the times scribe accepts") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errb)
		}
	}
	if code, _, errb := s.run("", "action", "add", id, "x", "--due", "2300-01-01"); code == 0 || !strings.Contains(errb, "outside the dates") {
		t.Errorf("--due 2300: exit %d, %s", code, errb)
	}
	d := s.doc(id)
	if len(d.Events) != 1 || d.Incident.Milestones.Started != nil {
		t.Errorf("out-of-range times changed the incident: %+v", d)
	}
}

// TestValidationParityCLI: every field the CLI takes refuses NUL and
// invalid UTF-8, one-line fields their limits, and no error echoes more
// than a short prefix of a 130 KB argument.
func TestValidationParityCLI(t *testing.T) {
	s := newSession(t, "2026-11-21T09:00:00Z")
	id := s.must("new", "Parity", "--tz", "UTC")
	huge := strings.Repeat("y", 130<<10)
	for _, bad := range []string{"nul \x00 here", "bad \xff utf-8", huge} {
		for _, args := range [][]string{
			{"new", bad},
			{"set", id, "title", bad},
			{"set", id, "services", "api, " + bad},
			{"role", id, "ic", bad},
			{"role", id, bad, "Ana"},
			{"action", "add", id, bad},
			{"action", "add", id, "x", "--owner", bad},
			{"log", id, "x", "--by", bad},
			{"status", id, "identified", "x", "--by", bad},
			{"new", "y", "--by", bad},
			{"set", id, "tz", bad},
			{"new", "z", "--tz", bad},
			{"log", bad, "x"},
			{"log", id, "x", "--kind", bad},
			{"status", id, bad},
			{"milestone", id, bad},
			{"retro", id, bad, "x"},
			{"export", id, "--format", bad},
		} {
			code, out, errb := s.run("", args...)
			name := strings.Join(args[:min(len(args), 2)], " ")
			if code == 0 || out != "" {
				t.Errorf("%s with %.12q: exit %d, stdout %q", name, bad, code, out)
			}
			if len(errb) > 400 {
				t.Errorf("%s with %.12q: the error is %d bytes long", name, bad, len(errb))
			}
		}
	}
	for _, stdin := range []string{"summary with \x00 NUL", "bad \xff utf-8", strings.Repeat("é", incident.MaxTextLen+1)} {
		if code, _, errb := s.run(stdin, "set", id, "summary", "-"); code == 0 || len(errb) > 400 {
			t.Errorf("set summary - with %.12q: exit %d, %d bytes of error", stdin, code, len(errb))
		}
	}
	if code, _, errb := s.run("", "action", "add", id, "x", "--owner", strings.Repeat("o", 101)); code == 0 || !strings.Contains(errb, "at most 100") {
		t.Errorf("101-character owner: exit %d, %s", code, errb)
	}
	d := s.doc(id)
	if d.Incident.Title != "Parity" || len(d.ActionItems) != 0 || len(d.Roles) != 0 || len(d.Events) != 1 || d.Incident.Summary != "" {
		t.Errorf("refused input changed the incident: %+v", d)
	}
}

// TestAuthorIdentity: --by, then SCRIBE_AUTHOR, then git's user.name, then
// the login name, for every event's author.
func TestAuthorIdentity(t *testing.T) {
	s := newSession(t, "2026-11-21T09:00:00Z")
	home := s.env["HOME"]
	id := s.must("new", "Who", "--tz", "UTC")
	s.must("log", id, "by login")
	if err := os.WriteFile(filepath.Join(home, ".gitconfig"), []byte("[core]\n\teditor = vi\n[user]\n\temail = r@example.com\n\tname = \"Rosa Martinez\" ; from git\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s.must("log", id, "by git")
	s.env["SCRIBE_AUTHOR"] = "alert-hook"
	s.must("log", id, "by env")
	s.must("log", id, "by flag", "--by", "Ken A.")
	s.must("role", id, "ic", "Ida", "--by", "Ken A.")
	d := s.doc(id)
	want := []string{"tester", "tester", "Rosa Martinez", "alert-hook", "Ken A.", "Ken A."}
	for i, e := range d.Events {
		if i < len(want) && e.Author != want[i] {
			t.Errorf("event %d (%s) author %q, want %q", i+1, e.Text, e.Author, want[i])
		}
	}
	// An XDG git config is read too, and ~/.gitconfig wins over it as in git.
	delete(s.env, "SCRIBE_AUTHOR")
	os.Remove(filepath.Join(home, ".gitconfig"))
	xdg := filepath.Join(home, ".config", "git")
	if err := os.MkdirAll(xdg, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(xdg, "config"), []byte("[user]\nname=Ida Fox\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s.must("log", id, "by xdg git")
	d = s.doc(id)
	if a := d.Events[len(d.Events)-1].Author; a != "Ida Fox" {
		t.Errorf("author from the XDG git config = %q", a)
	}
}

// failWriter fails every write, as /dev/full does.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestOutputFailuresFail: output that went nowhere is a failure; when the
// change was already committed the message says so and the exit status is
// 74, so a script does not make it twice.
func TestOutputFailuresFail(t *testing.T) {
	s := newSession(t, "2026-11-21T09:00:00Z")
	id := s.must("new", "Full disk", "--tz", "UTC")
	s.stdout = failWriter{}
	for _, args := range [][]string{{"show", id}, {"show", id, "--json"}, {"list"}, {"list", "--json"}, {"export", id}, {"action", "list", id, "--json"}} {
		if code, _, errb := s.run("", args...); code != 1 || !strings.Contains(errb, "no space left on device") {
			t.Errorf("%v to a full disk: exit %d, stderr %q", args, code, errb)
		}
	}
	code, _, errb := s.run("", "log", id, "the line")
	if code != exitSavedNotPrinted || !strings.Contains(errb, "event is saved (id 2), but its id could not be printed") || !strings.Contains(errb, "do not run the command again") {
		t.Errorf("log to a full disk: exit %d, stderr %q", code, errb)
	}
	s.stdout = closedWriter{}
	if code, _, errb := s.run("", "log", id, "another"); code != exitSavedNotPrinted || !strings.Contains(errb, "standard output is closed") {
		t.Errorf("log with stdout closed: exit %d, stderr %q", code, errb)
	}
	s.stdout = nil
	if n := len(s.doc(id).Events); n != 3 {
		t.Errorf("%d events, want the declaration and both logged lines", n)
	}
}

// TestSeverityCorrectionAfterResolved: months later, a severity change is
// a correction dated at the declaration, not a line dated today.
func TestSeverityCorrectionAfterResolved(t *testing.T) {
	s := newSession(t, "2026-03-02T10:00:00Z")
	id := s.must("new", "Bookings down", "--tz", "Europe/Berlin", "--sev", "3", "--at", "09:04")
	s.must("set", id, "severity", "2", "--reason", "bookings fail in two regions") // while running: a line at now
	s.must("status", id, "resolved")
	s.now = time.Date(2026, 7, 15, 14, 0, 0, 0, time.UTC)
	s.must("set", id, "severity", "1")
	d := s.doc(id)
	var running, correction *incident.DocEvent
	for i := range d.Events {
		e := &d.Events[i]
		switch {
		case e.Kind == "severity" && e.Severity == 2 && e.PreviousSeverity == 3 && e.State == "" && e.Text == "bookings fail in two regions":
			running = e
		case e.Kind == "severity" && e.Severity == 1 && e.PreviousSeverity == 2 && e.State == "corrected" && e.Text == "":
			correction = e
		}
	}
	if running == nil || !running.At.Equal(time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("running change: %+v", running)
	}
	if correction == nil || !correction.At.Equal(time.Date(2026, 3, 2, 8, 4, 0, 0, time.UTC)) ||
		correction.LoggedAt == nil || !correction.LoggedAt.Equal(s.now) {
		t.Errorf("correction: %+v, want it at the declaration (09:04 CET) and logged now", correction)
	}
	if d.Incident.Severity != 1 {
		t.Errorf("severity %d, want 1", d.Incident.Severity)
	}
	last := d.Events[len(d.Events)-1]
	if last.Kind == "severity" {
		t.Errorf("the correction is the last line of the timeline: %+v", last)
	}
	if code, _, errOut := s.run("", "set", id, "summary", "x", "--reason", "why"); code == 0 || !strings.Contains(errOut, "--reason") {
		t.Errorf("--reason with another field: exit %d, %q", code, errOut)
	}
	out := s.must("show", id)
	for _, want := range []string{"severity     Severity changed from SEV3 to SEV2 — bookings fail in two regions",
		"severity     Severity corrected from SEV2 to SEV1 on 15 Jul 2026, after the incident was resolved", "status       RESOLVED  "} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
}

func TestVersion(t *testing.T) {
	s := newSession(t, "2026-11-21T09:00:00Z")
	code, out, _ := s.run("", "--version")
	if code != 0 || !strings.HasPrefix(out, "scribe ") || !strings.Contains(out, "go1.") {
		t.Errorf("--version: exit %d, %q", code, out)
	}
}

// TestErrorsCarryNoEscapes: an error quoting a path or an argument that
// holds escape sequences prints them as nothing a terminal obeys.
func TestErrorsCarryNoEscapes(t *testing.T) {
	s := newSession(t, "2026-11-21T09:00:00Z")
	id := s.must("new", "Escapes", "--tz", "UTC")
	for _, args := range [][]string{
		{"export", id, "-o", filepath.Join(t.TempDir(), "missing\x1b]0;pwned\x07", "pm.md")},
		{"export", id, "--template", "/nonexistent/\x1b[2J\u009b31m.tmpl"},
		{"log", "\x1b[2J", "x"},
		{"frobnicate\x1b[31m"},
	} {
		code, _, errb := s.run("", args...)
		if code == 0 {
			t.Errorf("%q succeeded", args)
		}
		if strings.ContainsAny(errb, "\x1b\x07\u009b") {
			t.Errorf("%q: stderr carries an escape: %q", args, errb)
		}
	}
}

func TestDescribeBuild(t *testing.T) {
	info := &debug.BuildInfo{GoVersion: "go1.25.8", Main: debug.Module{Version: "v1.2.0"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "6c1ebb427ebfe30ed559abcb718fa8c4f595470c"}, {Key: "vcs.time", Value: "2026-12-06T01:46:49Z"}, {Key: "vcs.modified", Value: "true"},
	}}
	if got, want := describeBuild(info), "v1.2.0, commit 6c1ebb427ebf, 2026-12-06T01:46:49Z, modified, go1.25.8"; got != want {
		t.Errorf("describeBuild = %q, want %q", got, want)
	}
	if got := describeBuild(&debug.BuildInfo{GoVersion: "go1.25.8"}); got != "(devel), go1.25.8" {
		t.Errorf("a build without VCS information: %q", got)
	}
}

// TestShowAndExportRoundDurationsAlike: both print durations with
// incident.FormatDuration, so 50m40s is 51m in each.
func TestShowAndExportRoundDurationsAlike(t *testing.T) {
	s := newSession(t, "2026-11-21T09:00:00Z")
	id := s.must("new", "Rounding", "--tz", "UTC", "--at", "2026-11-21 08:01")
	s.must("milestone", id, "started", "--at", "2026-11-21 08:00:00")
	s.must("milestone", id, "mitigated", "--at", "2026-11-21 08:50:40")
	show := s.must("show", id)
	if !strings.Contains(show, "time to mitigate 51m") || !strings.Contains(show, "impact 51m") {
		t.Errorf("show:\n%s", show)
	}
	md := s.must("export", id)
	if !strings.Contains(md, "**Time to mitigate:** 51m") || !strings.Contains(md, "**Duration of impact:** 51m") {
		t.Errorf("export rounds 50m40s differently from show:\n%s", md)
	}
}
