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

func (t Token) String() string { return "[token from " + t.source + "]" }

// Check refuses a credential that cannot be a token: GitHub's tokens are
// one word of visible ASCII (ghp_…, github_pat_…, gho_…, or 40 hex digits).
// A line break, a space or another control character inside means a paste
// went wrong; sent anyway, Go's HTTP client refuses the header and each
// request would fail as if the network had, retries and all. The error
// says where the token came from and what is wrong with it, never what it
// is.
func (t Token) Check() error {
	for i, r := range t.value {
		if r > 0x20 && r < 0x7f {
			continue
		}
		what := "a character that is not visible ASCII"
		switch {
		case r == '\n' || r == '\r':
			what = "a line break"
		case r == ' ' || r == '\t':
			what = "whitespace"
		case r < 0x20 || r == 0x7f:
			what = "a control character"
		}
		return incident.Errorf(incident.EINVALID,
			"the GitHub token from %s is malformed: it contains %s at byte %d of %d; a token is one word of visible ASCII characters (such as ghp_…): set it again without line breaks or spaces",
			t.sourceName(), what, i+1, len(t.value))
	}
	return nil
}

func (t Token) sourceName() string {
	if t.source == "" {
		return "the configuration"
	}
	return t.source
}
func (t Token) GoString() string { return t.String() }

// FindToken looks for a token in GH_TOKEN, then GITHUB_TOKEN, then asks
// `gh auth token` for host when gh is on PATH. getenv is the environment to
// read (the process's, or a test's).
func FindToken(ctx context.Context, getenv func(string) string, host string) (Token, error) {
	for _, name := range []string{"GH_TOKEN", "GITHUB_TOKEN"} {
		if v := strings.TrimSpace(getenv(name)); v != "" {
			tok := NewToken(v, name)
			return tok, tok.Check()
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
	return tok, tok.Check()
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
		msg := strings.TrimSpace(incident.PlainText(firstLine(errb.String())))
		if r := []rune(msg); len(r) > 200 {
			msg = string(r[:200]) + "…"
		}
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
// Only absolute entries count: an empty or relative entry ("", ".", "bin")
// names a directory relative to wherever scribe happens to run, such as a
// cloned repository, whose "gh" would be handed the user's GitHub session.
func lookPath(name, path string) string {
	for _, dir := range filepath.SplitList(path) {
		if !filepath.IsAbs(dir) {
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
