package cli

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
)

// A reminder whose due time the database holds but cannot read (written
// by hand, by another tool, by a bug) never takes show or remind down:
// both list it as unreadable, and the others as usual.
func TestUnreadableReminderTime(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	for _, s := range [][]string{
		{"new", "Reminders", "--tz", "UTC", "--at", "2026-11-21 08:00"},
		{"remind", "1", "10m", "Post the status page update"},
		{"remind", "1", "30m", "Check the error budget"},
	} {
		if code, _, stderr := runApp(t, "", append([]string{"--db", db}, s...)...); code != 0 {
			t.Fatalf("%v: exit %d: %s", s, code, stderr)
		}
	}
	raw, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"99999-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "soon"} {
		if _, err := raw.Exec(`UPDATE reminders SET due_at = ? WHERE text = 'Check the error budget'`, bad); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"remind", "1"}, {"show", "1"}} {
			code, out, stderr := runApp(t, "", append([]string{"--db", db}, args...)...)
			if code != 0 || !strings.Contains(out, "Post the status page update") || !strings.Contains(out, "Check the error budget") {
				t.Errorf("due_at %q, %v: exit %d\n%s%s", bad, args, code, out, stderr)
			}
			if strings.Contains(out, "106751") || strings.Contains(out, "0001") {
				t.Errorf("due_at %q, %v: the unreadable time shows as a time:\n%s", bad, args, out)
			}
		}
	}
	raw.Close()
}
