package github

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"scribe/incident"
)

// ghTimeout bounds `gh auth token`, which may hang on a keyring prompt.
const ghTimeout = 5 * time.Second

// Token is a GitHub credential. Its String and GoString never reveal it, so
// a Token printed by accident (in a struct, a log line, an error) shows
// nothing secret.
type Token struct {
	value  string
	source string
}

// NewToken wraps a credential and names where it came from.
func NewToken(value, source string) Token {
	return Token{value: strings.TrimSpace(value), source: source}
}

// Source says where the token was found: GH_TOKEN, GITHUB_TOKEN or gh.
func (t Token) Source() string { return t.source }

// Empty reports whether there is no credential.
func (t Token) Empty() bool { return t.value == "" }

func (t Token) String() string   { return "[token from " + t.source + "]" }
func (t Token) GoString() string { return t.String() }

// FindToken looks for a token in GH_TOKEN, then GITHUB_TOKEN, then asks
// `gh auth token` for host when gh is on PATH. getenv is the environment to
// read (the process's, or a test's).
func FindToken(ctx context.Context, getenv func(string) string, host string) (Token, error) {
	for _, name := range []string{"GH_TOKEN", "GITHUB_TOKEN"} {
		if v := strings.TrimSpace(getenv(name)); v != "" {
			return NewToken(v, name), nil
		}
	}
	gh := lookPath("gh", getenv("PATH"))
	if gh == "" {
		return Token{}, noToken("")
	}
	tok, err := ghAuthToken(ctx, gh, host, getenv)
	if err != nil {
		return Token{}, noToken(err.Error())
	}
	return tok, nil
}

func noToken(why string) error {
	msg := "no GitHub token: set GH_TOKEN or GITHUB_TOKEN, or install gh and run `gh auth login` so that `gh auth token` prints one"
	if why != "" {
		msg += " (" + why + ")"
	}
	return incident.Errorf(incident.EINVALID, "%s", msg)
}

// ghAuthToken runs `gh auth token`. Its stderr is reported on failure but
// its stdout, the token, never is.
func ghAuthToken(ctx context.Context, gh, host string, getenv func(string) string) (Token, error) {
	ctx, cancel := context.WithTimeout(ctx, ghTimeout)
	defer cancel()
	args := []string{"auth", "token"}
	if host != "" && host != "github.com" {
		args = append(args, "--hostname", host)
	}
	cmd := exec.CommandContext(ctx, gh, args...)
	cmd.Env = ghEnv(getenv)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ctx.Err() != nil {
		return Token{}, fmt.Errorf("`gh auth token` did not answer within %s", ghTimeout)
	}
	if err != nil {
		msg := strings.TrimSpace(firstLine(errb.String()))
		if msg == "" {
			msg = err.Error()
		}
		return Token{}, fmt.Errorf("`gh auth token` failed: %s", msg)
	}
	tok := NewToken(out.String(), "gh auth token")
	if tok.Empty() {
		return Token{}, errors.New("`gh auth token` printed nothing")
	}
	return tok, nil
}

// ghEnv is the process environment (gh may need a keyring's D-Bus session
// and more) with the variables that locate gh's configuration taken from
// getenv, so that a test's environment is the one that counts.
func ghEnv(getenv func(string) string) []string {
	env := os.Environ()
	for _, k := range []string{"PATH", "HOME", "XDG_CONFIG_HOME", "GH_CONFIG_DIR", "GH_HOST"} {
		if v := getenv(k); v != "" {
			env = append(env, k+"="+v)
		}
	}
	return env
}

// lookPath finds an executable in the PATH value given rather than the
// process's own, so that the environment passed in is the one that counts.
func lookPath(name, path string) string {
	for _, dir := range filepath.SplitList(path) {
		if dir == "" {
			continue
		}
		p := filepath.Join(dir, name)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0 {
			return p
		}
	}
	return ""
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
