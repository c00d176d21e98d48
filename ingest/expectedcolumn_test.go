package ingest

import (
	"testing"
	"time"

	"scribe/incident"
)

// A corrective-actions table whose date column is headed "Expected Date"
// and written "Aug 4, 2024", with a Status column of Done / To Do.
func TestExpectedDateColumn(t *testing.T) {
	doc := "# Cache left open\n\n## Corrective Actions\n\n" +
		"| Action | Expected Date | Status |\n|---|---|---|\n" +
		"| Turn the firewall back on for the cache hosts | Aug 4, 2024 | Done |\n" +
		"| Require a password on every cache | Aug 12, 2024 | To Do |\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	want := []incident.ActionItem{
		{Title: "Turn the firewall back on for the cache hosts", Due: "2024-08-04", State: incident.ItemDone},
		{Title: "Require a password on every cache", Due: "2024-08-12", State: incident.ItemOpen},
	}
	if len(res.ActionItems) != len(want) {
		t.Fatalf("items %v, want %d", itemTitles(res.ActionItems), len(want))
	}
	for i, w := range want {
		a := res.ActionItems[i]
		if a.Title != w.Title || a.Due != w.Due || a.State != w.State {
			t.Errorf("item %d: %q due %q %q, want %q due %q %q", i, a.Title, a.Due, a.State, w.Title, w.Due, w.State)
		}
	}
}
