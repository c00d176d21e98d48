package ingest

import (
	"strings"
	"testing"
	"time"
)

// A time with only a weekday before it ("### Friday 16:30 — Resolved")
// is on that weekday: before a publication date, the latest such day on
// or before it; after an incident's date, the nearest. Before, the
// weekday was ignored and every update fell on the publication day.
func TestWeekdayBeforeATimeMovesTheDate(t *testing.T) {
	log := "# Builds degraded\n\n_Published May 24, 2025_\n\nNewest first. Times are CEST.\n\n### Friday 16:30 — Resolved\n\nAll queued builds have run.\n\n### Monday 11:05 — Monitoring\n\nQueue times are normal.\n\n### Thursday 21:15 — Investigating\n\nBuilds are queueing.\n"
	res := ParseText(log, Options{Zone: time.UTC, Reference: evalReference})
	checkInstants(t, res, map[string]time.Time{
		"All queued builds have run": time.Date(2025, 5, 23, 14, 30, 0, 0, time.UTC),
		"Queue times are normal":     time.Date(2025, 5, 19, 9, 5, 0, 0, time.UTC),
		"Builds are queueing":        time.Date(2025, 5, 22, 19, 15, 0, 0, time.UTC),
	})
	for _, e := range res.Entries {
		if strings.HasPrefix(e.Text, "All queued") && e.State != "resolved" {
			t.Errorf("the Resolved heading's message is not a resolved update: %+v", e)
		}
	}
	notes := "# Outage on Monday, March 3, 2025\n\n## Timeline (UTC)\n\n- Mon 23:40 deploy\n- Tue 00:10 paged\n- Tue 01:00 fixed\n"
	res = ParseText(notes, Options{Zone: time.UTC, Reference: evalReference})
	checkInstants(t, res, map[string]time.Time{
		"deploy": time.Date(2025, 3, 3, 23, 40, 0, 0, time.UTC),
		"paged":  time.Date(2025, 3, 4, 0, 10, 0, 0, time.UTC),
		"fixed":  time.Date(2025, 3, 4, 1, 0, 0, 0, time.UTC),
	})
}

// An owner named before the item's other fields ("— Kavya Rao — due
// 2025-09-05") is the owner, and the due date is still read.
func TestOwnerBeforeTheDueDate(t *testing.T) {
	a := parseItem("Alert on aggregator throttling — Kavya Rao — due 2025-09-05", 2025)
	if a.Owner != "Kavya Rao" || a.Due != "2025-09-05" || a.Title != "Alert on aggregator throttling" {
		t.Errorf("read %q owner %q due %q", a.Title, a.Owner, a.Due)
	}
}
