package e2e

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestImportBoundedInput: a device, a file over the limit and an endless
// stream are refused with a message naming the limits, and nothing is
// created.
func TestImportBoundedInput(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "scribe.db")
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// Text, then a sparse end: its size is known before a byte is read.
	if _, err := f.WriteString(strings.Repeat("- 2024-01-01 10:00 paged\n", 400)); err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"import", "--new", "/dev/zero"}, "NUL bytes"},
		{[]string{"import", "--new", big}, "big.txt is 100 MiB, more than the 64 MiB an import reads"},
	} {
		r := scribe(t, db, "", nil, c.args...)
		if r.code != 1 || !strings.Contains(r.stderr, c.says) {
			t.Errorf("scribe %s: exit %d, stderr %q; want exit 1 saying %q", strings.Join(c.args, " "), r.code, r.stderr, c.says)
		}
	}
	// An endless text stream on stdin stops at the limit.
	cmd := exec.Command(binary, "--db", db, "import", "--new", "-")
	cmd.Env = baseEnv(t)
	cmd.Stdin = endless{}
	var errb bytes.Buffer
	cmd.Stderr = &errb
	err = cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 || !strings.Contains(errb.String(), "stdin is larger than the 64 MiB") {
		t.Errorf("endless stdin: %v, stderr %q", err, errb.String())
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("a refused import created the database")
	}
}

// endless is an input that never ends: a timeline line, forever.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	line := "- 2024-01-01 10:00 still going\n"
	n := 0
	for n < len(p) {
		n += copy(p[n:], line)
	}
	return n, nil
}

// TestImportInterruptedFIFO: SIGINT stops an import waiting on a FIFO that
// no one writes to.
func TestImportInterruptedFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "timeline.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	cmd := exec.Command(binary, "--db", filepath.Join(dir, "scribe.db"), "import", "--new", fifo)
	cmd.Env = baseEnv(t)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond) // let it block in open
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 130 || !strings.Contains(errb.String(), "interrupted") {
			t.Errorf("after SIGINT: %v, stderr %q; want exit 130 saying interrupted", err, errb.String())
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("import ignored SIGINT while waiting on a FIFO")
	}
}

// TestImportDryRunSanitized: no escape byte of the input reaches the
// terminal in the preview or the line reports, and the JSON preview
// escapes C1 controls and bidi overrides.
func TestImportDryRunSanitized(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "evil.md")
	text := "# Title \x1b]0;owned\x07 here\n\n- 2024-01-01 10:00 paged \x1b[31mred\x1b[0m \u009b2J and \u202eevil\n- 2024-01-01 10:0 \x1b[2J broken \u202e\n"
	if err := os.WriteFile(doc, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	r := scribe(t, "", "", nil, "import", "--new", doc, "--dry-run")
	if r.code != 0 {
		t.Fatalf("dry run: exit %d: %s", r.code, r.stderr)
	}
	for _, out := range []string{r.stdout, r.stderr} {
		if strings.ContainsAny(out, "\x1b\x07\u009b\u202e") {
			t.Errorf("an escape reached the terminal: %q", out)
		}
	}
	if !strings.Contains(r.stderr, "line 4") || !strings.Contains(r.stdout, "paged") {
		t.Errorf("preview %q, reports %q: want the entry and line 4 reported", r.stdout, r.stderr)
	}
	r = scribe(t, "", "", nil, "import", "--new", doc, "--dry-run", "--json")
	if r.code != 0 || strings.ContainsAny(r.stdout, "\x1b\u009b\u202e") || !strings.Contains(r.stdout, `\u009b`) || !strings.Contains(r.stdout, `\u202e`) {
		t.Errorf("JSON preview %q: want C1 and bidi escaped", r.stdout)
	}
}

// TestImportReportsChanges: times --at refuses are reported by line and
// not imported; a text cut to the event limit is imported and reported.
func TestImportReportsChanges(t *testing.T) {
	doc := filepath.Join(t.TempDir(), "notes.md")
	text := "- 2024-03-31 01:30 before the gap\n" +
		"- 2024-03-31 02:30 in the gap\n" +
		"- 1900-01-01 10:00 long ago\n" +
		"- 2024-06-30 23:59:60 leap second\n" +
		"- 2024-06-30 24:00 midnight\n" +
		"- 2024-04-01 09:00 " + strings.Repeat("long ", 2100) + "\n"
	if err := os.WriteFile(doc, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	r := scribe(t, "", "", nil, "import", "--new", doc, "--tz", "Europe/Berlin", "--dry-run", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"line 2:", "daylight saving", "line 3:", "outside the times", "line 4:", "line 5:", "24:00", "line 6:", "cut"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if !strings.Contains(r.stderr, "4 lines could not be read, 1 line imported with a change") {
		t.Errorf("summary: %s", r.stderr)
	}
	if n := strings.Count(r.stdout, `"at"`); n != 2 {
		t.Errorf("%d entries previewed, want 2:\n%s", n, r.stdout)
	}
}
