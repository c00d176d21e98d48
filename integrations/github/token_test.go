package github_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	ghub "scribe/integrations/github"
)

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

// fakeGH writes a gh that prints out (or fails with errOut) and records its
// arguments.
func fakeGH(t *testing.T, out, errOut string) (dir, argsFile string) {
	t.Helper()
	dir = t.TempDir()
	argsFile = filepath.Join(dir, "args")
	script := fmt.Sprintf("#!/bin/sh\necho \"$@\" > %q\n", argsFile)
	if errOut != "" {
		script += fmt.Sprintf("echo %q >&2\nexit 1\n", errOut)
	} else {
		script += fmt.Sprintf("echo %q\n", out)
	}
	if err := os.WriteFile(filepath.Join(dir, "gh"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir, argsFile
}

func TestFindTokenPrecedence(t *testing.T) {
	ghDir, _ := fakeGH(t, "from-gh", "")
	cases := []struct {
		env        map[string]string
		val, where string
	}{
		{map[string]string{"GH_TOKEN": "a", "GITHUB_TOKEN": "b", "PATH": ghDir}, "a", "GH_TOKEN"},
		{map[string]string{"GITHUB_TOKEN": "b", "PATH": ghDir}, "b", "GITHUB_TOKEN"},
		{map[string]string{"GH_TOKEN": "  ", "GITHUB_TOKEN": "b"}, "b", "GITHUB_TOKEN"},
		{map[string]string{"PATH": ghDir}, "from-gh", "gh auth token"},
	}
	for _, c := range cases {
		tok, err := ghub.FindToken(context.Background(), envOf(c.env), "github.com")
		if err != nil {
			t.Errorf("%v: %v", c.env, err)
			continue
		}
		if tok.Source() != c.where || !sameToken(t, tok, c.val) {
			t.Errorf("%v: got %s, want %s from %s", c.env, tok, c.val, c.where)
		}
	}
}

// sameToken compares values without ever formatting the token.
func sameToken(t *testing.T, tok ghub.Token, want string) bool {
	t.Helper()
	return ghub.NewToken(want, tok.Source()) == tok
}

func TestFindTokenAsksGHForTheEnterpriseHost(t *testing.T) {
	ghDir, argsFile := fakeGH(t, "ghe-token", "")
	if _, err := ghub.FindToken(context.Background(), envOf(map[string]string{"PATH": ghDir}), "ghe.example.com"); err != nil {
		t.Fatal(err)
	}
	args, _ := os.ReadFile(argsFile)
	if strings.TrimSpace(string(args)) != "auth token --hostname ghe.example.com" {
		t.Errorf("gh ran with %q", args)
	}
}

func TestFindTokenWithoutAnyNamesAllThreeSources(t *testing.T) {
	_, err := ghub.FindToken(context.Background(), envOf(map[string]string{"PATH": t.TempDir()}), "github.com")
	if err == nil {
		t.Fatal("no error without a token")
	}
	for _, want := range []string{"GH_TOKEN", "GITHUB_TOKEN", "gh auth token"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q does not name %s", err, want)
		}
	}
	ghDir, _ := fakeGH(t, "", "not logged in to github.com")
	_, err = ghub.FindToken(context.Background(), envOf(map[string]string{"PATH": ghDir}), "github.com")
	if err == nil || !strings.Contains(err.Error(), "not logged in") {
		t.Errorf("a failing gh gives %v, want its message", err)
	}
}

func TestTokenNeverFormatsItsValue(t *testing.T) {
	tok := ghub.NewToken(testToken, "GH_TOKEN")
	cfg := ghub.Config{Token: tok}
	for _, s := range []string{fmt.Sprint(tok), fmt.Sprintf("%v|%+v|%#v|%s|%q", tok, tok, tok, tok, tok), fmt.Sprintf("%+v %#v", cfg, cfg)} {
		if strings.Contains(s, testToken) {
			t.Errorf("formatting reveals the token: %s", s)
		}
	}
}

// A token with a line break, a space or a control character inside is
// refused at once with a message naming its source, not sent (Go's HTTP
// client would refuse the header, and each item would be retried as if the
// network had failed).
func TestMalformedTokenIsAnErrorUpFront(t *testing.T) {
	for _, bad := range []string{"ghp_abc\ndef456", "ghp_abc def456", "ghp_abc\tdef456", "ghp_abc\x00def456", "ghp_abc\x1b[2Jdef456", "ghp_abc\u00e9def456", "ghp_abc\rdef456"} {
		for _, source := range []string{"GH_TOKEN", "GITHUB_TOKEN"} {
			_, err := ghub.FindToken(context.Background(), envOf(map[string]string{source: bad}), "github.com")
			if err == nil || !strings.Contains(err.Error(), "malformed") || !strings.Contains(err.Error(), source) {
				t.Errorf("%s=%q: %v; want a malformed-token error naming %s", source, bad, err, source)
				continue
			}
			if strings.Contains(err.Error(), "ghp_abc") || strings.Contains(err.Error(), "def456") {
				t.Errorf("the error shows the token: %v", err)
			}
		}
		if _, err := ghub.NewClient(ghub.Config{APIURL: "http://127.0.0.1:9", Token: ghub.NewToken(bad, "GH_TOKEN")}); err == nil {
			t.Errorf("NewClient accepted the token %q", bad)
		}
	}
	// Surrounding whitespace, as `echo $TOKEN > file` leaves, is no fault.
	tok, err := ghub.FindToken(context.Background(), envOf(map[string]string{"GH_TOKEN": "  ghp_ok123\n"}), "github.com")
	if err != nil || !sameToken(t, tok, "ghp_ok123") {
		t.Errorf("a token with surrounding whitespace: %v", err)
	}
	ghDir, _ := fakeGH(t, "ghp_first\nsecond line", "")
	if _, err := ghub.FindToken(context.Background(), envOf(map[string]string{"PATH": ghDir}), "github.com"); err == nil ||
		!strings.Contains(err.Error(), "gh auth token") || strings.Contains(err.Error(), "ghp_first") {
		t.Errorf("gh printing two lines: %v; want a malformed-token error naming gh without the token", err)
	}
}

// Only absolute PATH entries are searched for gh: an empty or relative
// entry names a directory relative to wherever scribe runs, such as a
// cloned repository that ships its own "gh".
func TestGHOnlyFromAbsolutePATHEntries(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, sub := range []string{"bin", "."} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, sub, "gh"), []byte("#!/bin/sh\necho planted_token\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, path := range []string{"bin", ".", "", ":", "bin:" + t.TempDir(), "./bin", "../" + filepath.Base(dir) + "/bin"} {
		tok, err := ghub.FindToken(context.Background(), envOf(map[string]string{"PATH": path}), "github.com")
		if err == nil || !tok.Empty() {
			t.Errorf("PATH=%q: a relative entry supplied gh (%v, %v)", path, tok, err)
		}
	}
	tok, err := ghub.FindToken(context.Background(), envOf(map[string]string{"PATH": filepath.Join(dir, "bin")}), "github.com")
	if err != nil || !sameToken(t, tok, "planted_token") {
		t.Errorf("an absolute entry is still searched: %v", err)
	}
}
