package ingest

import (
	"testing"
	"time"
)

// An alert quoted under a heading entry names its own moment in another
// zone ("… failing | Violation started: July 11, 2025 at 4:42PM UTC"):
// the headings' time-only entries after it stay on the day they run on,
// not the next one.
func TestQuotedMomentLeavesTheClock(t *testing.T) {
	doc := "# Health check failing\n\n## Timeline (times in BST)\n\n### July 11, 2025, 12:42 PM\nIncident declared\n" +
		"Description: An uptime check on the campus hub is failing. | Violation started: July 11, 2025 at 4:42PM UTC (less than 1 sec ago) | Policy: hub health\n\n" +
		"### 12:49 PM\nThe change that set it off was reverted\n\n### 1:06 PM\nHub pods restarted\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	for _, e := range res.Entries {
		if e.At.UTC().Day() != 11 {
			t.Errorf("%q on %s, want July 11", e.Text, e.At.UTC())
		}
	}
	if len(res.Entries) < 3 {
		t.Fatalf("entries %+v", res.Entries)
	}
}
