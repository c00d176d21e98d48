package cli

import (
	"database/sql"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// A due date the database holds but scribe would never write (year 0,
// month 13, text) is an unreadable value like an unreadable time: the item
// is still listed, never held to that date (no "106751 days late", no
// "due today" for garbage), counted nowhere as overdue, and shown with
// what the database holds so that it can be set again.
func TestUnreadableStoredDueDate(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	for _, s := range [][]string{
		{"new", "Stored dues", "--tz", "UTC", "--at", "2026-11-20 10:00"},
		{"action", "add", "1", "Year zero", "--due", "2026-12-01", "--priority", "P2"},
		{"action", "add", "1", "Month thirteen", "--due", "2026-12-02"},
		{"action", "add", "1", "Words", "--due", "2026-12-03", "--priority", "P3"},
		{"action", "add", "1", "Fine", "--due", "2026-11-15"},
	} {
		if code, _, stderr := runApp(t, "", append([]string{"--db", db}, s...)...); code != 0 {
			t.Fatalf("%v: exit %d: %s", s, code, stderr)
		}
	}
	raw, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`UPDATE action_items SET due = '0000-01-01' WHERE title = 'Year zero'`,
		`UPDATE action_items SET due = '2200-13-45' WHERE title = 'Month thirteen'`,
		`UPDATE action_items SET due = 'soon-ish' WHERE title = 'Words'`,
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	raw.Close()

	code, out, stderr := runApp(t, "", "--db", db, "followups", "--json")
	if code != 0 {
		t.Fatalf("followups: exit %d: %s", code, stderr)
	}
	var fs []struct {
		Title     string `json:"title"`
		Due       string `json:"due"`
		DueSource string `json:"due_source"`
		DaysLeft  *int   `json:"days_left"`
		Overdue   bool   `json:"overdue"`
	}
	if err := json.Unmarshal([]byte(out), &fs); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(fs) != 4 {
		t.Fatalf("%d follow-ups, want all 4:\n%s", len(fs), out)
	}
	for _, f := range fs {
		if f.Title == "Fine" {
			if !f.Overdue || f.Due != "2026-11-15" {
				t.Errorf("the readable item: %+v", f)
			}
			continue
		}
		if f.Overdue || f.DueSource == "set" || strings.HasPrefix(f.Due, "0000") || strings.HasPrefix(f.Due, "2200") || f.Due == "soon-ish" {
			t.Errorf("%s is held to an unreadable due date: %+v", f.Title, f)
		}
		if f.DaysLeft != nil && (*f.DaysLeft < -3650 || *f.DaysLeft > 3650) {
			t.Errorf("%s: %d days left", f.Title, *f.DaysLeft)
		}
	}
	code, out, stderr = runApp(t, "", "--db", db, "report", "--json")
	if code != 0 || !strings.Contains(out, `"overdue": 1`) {
		t.Errorf("report: exit %d, want 1 overdue follow-up: %s\n%s", code, stderr, out)
	}
	code, out, _ = runApp(t, "", "--db", db, "show", "1")
	for _, want := range []string{`due "0000-01-01"`, `due "2200-13-45"`, `due "soon-ish"`} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("show does not name the unreadable %s:\n%s", want, out)
		}
	}
	code, out, _ = runApp(t, "", "--db", db, "followups")
	if code != 0 || strings.Contains(out, "0000-01-01") || strings.Contains(out, "2200-13-45") || strings.Contains(out, "soon-ish") {
		t.Errorf("followups shows an unreadable date as a due date:\n%s", out)
	}
}
