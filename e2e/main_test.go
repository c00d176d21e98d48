package e2e

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// binary is the scribe executable built by TestMain for this test run.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "scribe-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: temp dir:", err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "scribe")
	build := exec.Command("go", "build", "-o", binary, "..")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: build scribe:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is what one run of the binary printed and how it exited.
type result struct {
	stdout, stderr string
	code           int
}

// scribe runs the binary with args against db (a path; "" leaves --db out)
// and extra environment entries, with stdin from input.
func scribe(t *testing.T, db, input string, env []string, args ...string) result {
	t.Helper()
	if db != "" {
		args = append([]string{"--db", db}, args...)
	}
	cmd := exec.Command(binary, args...)
	cmd.Env = append(baseEnv(t), env...)
	cmd.Stdin = strings.NewReader(input)
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

// mustScribe is scribe that fails the test on a non-zero exit and returns
// stdout trimmed.
func mustScribe(t *testing.T, db string, args ...string) string {
	t.Helper()
	r := scribe(t, db, "", nil, args...)
	if r.code != 0 {
		t.Fatalf("scribe %s: exit %d\nstderr: %s", strings.Join(args, " "), r.code, r.stderr)
	}
	return strings.TrimSpace(r.stdout)
}

// baseEnv is a clean environment: a private HOME and XDG_DATA_HOME so no
// test ever touches the developer's real database, TZ fixed, no tokens.
func baseEnv(t *testing.T) []string {
	t.Helper()
	home := t.TempDir()
	return []string{
		"HOME=" + home,
		"XDG_DATA_HOME=" + filepath.Join(home, "data"),
		"PATH=" + os.Getenv("PATH"),
		"TZ=UTC",
		"TERM=xterm-256color",
		"LANG=C.UTF-8",
	}
}
