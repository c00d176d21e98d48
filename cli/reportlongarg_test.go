package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// An error about a value repeats at most a short prefix of it: a 130 KB
// argument pasted by mistake must not come back as 130 KB of stderr.
func TestErrorsQuoteAShortPrefixOfLongArguments(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	if code, _, stderr := runApp(t, "", "--db", db, "new", "Long arguments", "--tz", "UTC"); code != 0 {
		t.Fatalf("new: %s", stderr)
	}
	long := strings.Repeat("a", 130_000)
	for _, args := range [][]string{
		{"report", "--since", long},
		{"report", "--until", long},
		{"report", "--tz", long},
		{"report", "--format", long},
		{"followups", "--repo", long},
		{"github", "file", "1", "--repo", long, "--dry-run"},
		{"github", "file", "1", "--repo", "a/b", "--not-filed-in", long, "--dry-run"},
		{"export", "1", "--tz", "Mars/" + long},
		{"new", "x", "--tz", "Mars/" + long},
		{"export", "1", "-o", long},
		{"export", "1", "-o", "/tmp/" + long[:5000]},
		{"export", "1", "-o", "/tmp/" + long[:300] + ".md"},
		{"export", "1", "--template", long},
		{"report", "-o", long},
		// Caught by the backstop on the final error line.
		{"push", "1", "--to", long},
		{"checklist", "1", "check", long},
		{"remind", "1", long},
		{"update", "1", "--format", long},
		{"--db", long, "list"},
	} {
		code, _, stderr := runApp(t, "", append([]string{"--db", db}, args...)...)
		if code == 0 {
			t.Errorf("%s …: exit 0, want a refusal", args[0])
		}
		if len(stderr) > 1100 {
			t.Errorf("%v…: %d bytes of error: %.120s…", args[:2], len(stderr), stderr)
		}
	}
}
