package ingest

import (
	"strings"
	"testing"
	"time"
)

// A monitor's message pasted under a heading entry states the heading's
// own moment on another clock ("Triggered at: May 3, 2024 at 9:15AM UTC"
// under a heading read as 13:15 UTC): it is the heading's entry, told
// again, not a second entry; stderr says the two clocks disagree.
func TestHeadingMomentRetoldOnAnotherClock(t *testing.T) {
	doc := "# Checkout probe down\n\n## Timeline (times in CEST)\n\n### May 3, 2024, 3:15 PM\nPage received\n" +
		"Details: the checkout probe is red. | Triggered at: May 3, 2024 at 9:15AM UTC (just now) | Rule: checkout availability\n\n" +
		"### 3:30 PM\nRollback started\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	if len(res.Entries) != 2 {
		t.Fatalf("%d entries, want the two headings: %+v", len(res.Entries), res.Entries)
	}
	if got := res.Entries[0].At.UTC().Format(time.RFC3339); got != "2024-05-03T13:15:00Z" {
		t.Errorf("first entry at %s, want 13:15 UTC", got)
	}
	noted := false
	for _, pr := range res.Problems {
		noted = noted || strings.Contains(pr.Reason, "zones is wrong")
	}
	if !noted {
		t.Errorf("no note of the clocks disagreeing: %+v", res.Problems)
	}

	// On the heading's own clock, the same minute an hour later is a
	// moment of its own.
	story := "# Checkout probe down\n\n### May 3, 2024 13:15 UTC (lasting two hours)\n" +
		"The checkout probe went red. The rollback finished at 14:15 UTC.\n"
	res = ParseText(story, Options{Zone: time.UTC, Reference: evalReference})
	later := false
	for _, e := range res.Entries {
		later = later || e.At.UTC().Format("15:04") == "14:15"
	}
	if !later {
		t.Errorf("entries %+v, want the rollback at 14:15 UTC", res.Entries)
	}
}
