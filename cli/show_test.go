package cli

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"
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

// TestShowAndListMarkUnreadableTimes: times written into the file by hand
// (a year-10000 value, text) are shown as unreadable with the raw value,
// under their own heading, never as 31 December of year 0 in local mean
// time; list says "unreadable" where the declaration time is.
func TestShowAndListMarkUnreadableTimes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	for _, s := range [][]string{
		{"new", "Bad times", "--tz", "America/Los_Angeles", "--at", "2026-11-20 10:00"},
		{"log", "1", "good event", "--at", "2026-11-20 10:05"},
		{"log", "1", "bad event", "--at", "2026-11-20 10:06"},
		{"role", "1", "ic", "Rosa", "--at", "2026-11-20 10:07"},
		{"retro", "1", "lesson", "learn"},
	} {
		if code, _, stderr := runApp(t, "", append([]string{"--db", db}, s...)...); code != 0 {
			t.Fatalf("%v: exit %d: %s", s, code, stderr)
		}
	}
	raw, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, q := range []string{
		`UPDATE events SET occurred_at = '10000-01-01T07:59:00Z' WHERE text = 'bad event'`,
		`UPDATE role_assignments SET from_at = 'garbage'`,
		`UPDATE incidents SET declared_at = '10000-01-01T07:59:00Z'`,
		`UPDATE retro_notes SET created_at = 'zz'`,
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	code, out, stderr := runApp(t, "", "--db", db, "show", "1")
	if code != 0 {
		t.Fatalf("show: exit %d: %s", code, stderr)
	}
	for _, bad := range []string{"Dec 0000", "Jan 0001", "0000-12-31", "0001-01-01", "LMT"} {
		if strings.Contains(out, bad) {
			t.Errorf("show prints %q:\n%s", bad, out)
		}
	}
	for _, want := range []string{
		"Time unreadable\n  --:--   note         bad event",
		`⚠ unreadable: occurred_at "10000-01-01T07:59:00Z"`,
		`incident: unreadable: declared_at "10000-01-01T07:59:00Z"`,
		`role commander (Rosa): unreadable: from_at "garbage"`,
		`learn  ⚠ unreadable: created_at "zz"`,
		"good event",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("show does not print %q:\n%s", want, out)
		}
	}
	_, out, _ = runApp(t, "", "--db", db, "list")
	if !strings.Contains(out, "unreadable  Bad times") {
		t.Errorf("list does not mark the unreadable declaration:\n%s", out)
	}
	_, out, _ = runApp(t, "", "--db", db, "list", "--json")
	if !strings.Contains(out, `"column": "declared_at"`) || !strings.Contains(out, `"declared": null`) {
		t.Errorf("list --json does not carry the unreadable declaration:\n%s", out)
	}
}

// show lists an action item's owner, priority and due date in brackets
// after its title, and nothing after an item that has none of them.
func TestShowActionItemDetails(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	for _, s := range [][]string{
		{"new", "Queue stall", "--tz", "UTC", "--at", "2026-11-20 10:00"},
		{"action", "add", "1", "Alert on queue age", "--owner", "@mira", "--priority", "P2"},
		{"action", "add", "1", "Write the failover runbook"},
	} {
		if code, _, stderr := runApp(t, "", append([]string{"--db", db}, s...)...); code != 0 {
			t.Fatalf("%v: exit %d: %s", s, code, stderr)
		}
	}
	_, out, _ := runApp(t, "", "--db", db, "show", "1")
	if !strings.Contains(out, "Alert on queue age  (P2, owner @mira)\n") || !strings.Contains(out, "Write the failover runbook\n") {
		t.Errorf("action items shown as:\n%s", out)
	}
}

// A resolved incident's show gives the last update's date and time, not
// the cadence nor how many days ago it was.
func TestShowResolvedUpdates(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	for _, s := range [][]string{
		{"new", "Queue stall", "--tz", "UTC", "--at", "2026-11-20 10:00"},
		{"status", "1", "resolved", "Queue drained", "--at", "2026-11-20 11:49"},
	} {
		if code, _, stderr := runApp(t, "", append([]string{"--db", db}, s...)...); code != 0 {
			t.Fatalf("%v: exit %d: %s", s, code, stderr)
		}
	}
	_, out, _ := runApp(t, "", "--db", db, "show", "1")
	if !strings.Contains(out, "Updates: last 2026-11-20 11:49 (resolved)\n") || strings.Contains(out, " ago)") || strings.Contains(out, "every ") {
		t.Errorf("a resolved incident's updates shown as:\n%s", out)
	}
}
