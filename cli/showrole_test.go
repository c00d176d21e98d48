package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// A free-text role is text someone typed, like a person's name: every
// human-readable output shows it through the one sanitizer. show's Roles
// line and the Markdown timeline once printed it raw, escape sequences and
// all.
func TestFreeTextRoleIsSanitizedInEveryOutput(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	hostile := "\x1b]8;;https://evil.example\x07db\x1b[31m lead\u009b2J\u202e"
	for _, s := range [][]string{
		{"new", "Roles", "--tz", "UTC", "--at", "2026-11-20 10:00"},
		{"role", "1", hostile, "Rosa \x1b[5mM.", "--at", "2026-11-20 10:05"},
		{"role", "1", "ic", "Ken", "--at", "2026-11-20 10:06"},
	} {
		if code, _, stderr := runApp(t, "", append([]string{"--db", db}, s...)...); code != 0 {
			t.Fatalf("%v: exit %d: %s", s, code, stderr)
		}
	}
	for _, args := range [][]string{
		{"show", "1"}, {"export", "1"}, {"export", "1", "--names"}, {"lint", "1"}, {"update", "1"}, {"update", "1", "--format", "markdown"},
	} {
		code, out, stderr := runApp(t, "", append([]string{"--db", db}, args...)...)
		if code != 0 && code != 1 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		if i := strings.IndexAny(out+stderr, "\x1b\x07\u009b\u202e"); i >= 0 {
			t.Errorf("%v: an escape byte reaches the output near %q", args, (out + stderr)[max(0, i-40):i+1])
		}
	}
	if _, out, _ := runApp(t, "", "--db", db, "show", "1"); !strings.Contains(out, "lead") || !strings.Contains(out, "Ken") {
		t.Errorf("show lost the roles:\n%s", out)
	}
}
