package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestFollowUpsSaysWhyTheListIsEmpty: with no action items at all,
// followups says so instead of claiming every item is done; once there are
// items and all are closed, it says that.
func TestFollowUpsSaysWhyTheListIsEmpty(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	check := func(when, want, not string) {
		t.Helper()
		code, out, stderr := runApp(t, "", "--db", db, "followups")
		if code != 0 || out != "" || !strings.Contains(stderr, want) || (not != "" && strings.Contains(stderr, not)) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want %q", when, code, out, stderr, want)
		}
	}
	check("empty database", "no action items yet", "done")
	for _, s := range [][]string{{"new", "Queue stuck"}, {"action", "add", "1", "Alert on queue age"}} {
		if code, _, stderr := runApp(t, "", append([]string{"--db", db}, s...)...); code != 0 {
			t.Fatalf("%v: exit %d: %s", s, code, stderr)
		}
	}
	if code, _, stderr := runApp(t, "", "--db", db, "action", "done", "1"); code != 0 {
		t.Fatalf("action done: exit %d: %s", code, stderr)
	}
	check("every item closed", "every action item is done or won't do", "")
}
