package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// completions runs scribe's hidden __complete command against db.
func completions(t *testing.T, db string, args ...string) string {
	t.Helper()
	code, out, errb := runApp(t, "", append([]string{"--db", db}, args...)...)
	if code != 0 {
		t.Fatalf("scribe %v: exit %d: %s", args, code, errb)
	}
	return out
}

func TestCompletionOffersIncidentsAndVocabularies(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	if code, _, errb := runApp(t, "", "--db", db, "new", "Replica lag on orders-db", "--tz", "UTC", "--sev", "2"); code != 0 {
		t.Fatalf("new: exit %d: %s", code, errb)
	}
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"__complete", "log", ""}, []string{"1\tSEV2 Replica lag on orders-db"}},
		{[]string{"__complete", "status", "1", ""}, []string{"investigating", "identified", "monitoring", "resolved"}},
		{[]string{"__complete", "milestone", "1", ""}, []string{"started", "detected", "mitigated"}},
		{[]string{"__complete", "set", "1", ""}, []string{"summary", "root-cause", "tz"}},
		{[]string{"__complete", "retro", "1", ""}, []string{"went-well", "lucky"}},
		{[]string{"__complete", "log", "1", "x", "--kind", ""}, []string{"decision", "comms"}},
		{[]string{"__complete", "action", "add", "1", "x", "--priority", ""}, []string{"P0", "P3"}},
	} {
		out := completions(t, db, c.args...)
		for _, w := range c.want {
			if !strings.Contains(out, w+"\n") {
				t.Errorf("%v: completion lacks %q:\n%s", c.args, w, out)
			}
		}
	}
}
