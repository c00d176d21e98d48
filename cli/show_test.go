package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// show tells a milestone order that can be true (mitigated before declared:
// an incident that resolved itself) from one that needs correcting.
func TestShowMilestoneOrder(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	steps := [][]string{
		{"new", "Self-resolving", "--tz", "UTC", "--at", "2026-11-21 08:30"},
		{"milestone", "1", "started", "--at", "2026-11-21 08:00"},
		{"milestone", "1", "mitigated", "--at", "2026-11-21 08:10"},
		{"milestone", "1", "detected", "--at", "2026-11-21 08:20"},
	}
	for _, s := range steps {
		if code, _, stderr := runApp(t, "", append([]string{"--db", db}, s...)...); code != 0 {
			t.Fatalf("%v: exit %d: %s", s, code, stderr)
		}
	}
	_, out, _ := runApp(t, "", "--db", db, "show", "1")
	if !strings.Contains(out, "Note: mitigated is before declared: the impact ended before") {
		t.Errorf("show does not note the plausible order:\n%s", out)
	}
	if strings.Contains(out, "Warning: mitigated is before declared") {
		t.Errorf("show warns about a plausible order:\n%s", out)
	}
	if code, _, stderr := runApp(t, "", "--db", db, "milestone", "1", "detected", "--at", "2026-11-21 07:50"); code != 0 {
		t.Fatalf("milestone: exit %d: %s", code, stderr)
	}
	_, out, _ = runApp(t, "", "--db", db, "show", "1")
	if !strings.Contains(out, "Warning: detected is before started") {
		t.Errorf("show does not warn about detected before started:\n%s", out)
	}
}
