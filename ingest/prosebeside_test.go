package ingest

import (
	"strings"
	"testing"
	"time"
)

// A sentence outside the timeline that states a time is an entry also
// when the document has a timeline, unless a timeline line tells the
// same minutes (the summary restating it); its date is the one written
// just before the time, and a sentence's own date does not move the day
// the timeline's later times run on.
func TestProseBesideATimeline(t *testing.T) {
	doc := "### Incident on 2022-11-15 16:03 - Metrics store down\n\n- **Key events**\n  - First detected 2022-11-15 16:03\n" +
		"  - Incident declared: 2022-11-15 16:05\n  - Resolved 2022-11-15 16:30\n\n- **Context**:\n" +
		"  - On the 1st of November 14:49 the cloud provider mailed a notice that the node would be retired.\n" +
		"  - The node was retired by the provider at 16:00, and the store went down at 16:03.\n" +
		"  - A read-only copy was made available on 15 November 2022 at 16:20 for the dashboards.\n\n" +
		"- **Resolution**:\n  - The pod was deleted by us at approx 16:12, which took the node down too.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	var got []string
	for _, e := range res.Entries {
		got = append(got, e.At.UTC().Format("01-02 15:04")+" "+e.Text)
	}
	for _, want := range []string{"11-01 14:49 The cloud provider mailed", "11-15 16:00 The node was retired", "11-15 16:12 The pod was deleted", "11-15 16:20 A read-only copy"} {
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, want)
		}
		if !found {
			t.Errorf("no entry %q in %q", want, got)
		}
	}
	if len(got) != 7 {
		t.Errorf("%d entries, want 7 (the 16:03 clause restates a key event): %q", len(got), got)
	}
}

// A sentence's time without a date, told after a dated timeline, is on
// the timeline's day without rolling to the next one (a cause hours before
// the alert); one that retells a timeline line's time of day is no entry;
// a schedule ("which runs at 01:00 UTC") is none either.
func TestProseTimeOnTheTimelinesDay(t *testing.T) {
	doc := "# Search returned nothing\n\n## Timeline\n\n- 2025-06-30 09:30 UTC Index alias switched\n- 2025-06-30 14:02 UTC Zero-result alert fired\n- 2025-07-01 00:40 UTC Alias reverted\n\n" +
		"## Root cause\n\nA config push at 03:10 UTC changed the alias to an empty index. The alias went live at 09:30 and nobody looked at it. " +
		"The cleanup job, which runs at 01:00 UTC, had been failing since May.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	var got []string
	for _, e := range res.Entries {
		got = append(got, e.At.UTC().Format("01-02 15:04"))
	}
	if strings.Join(got, " ") != "06-30 09:30 06-30 14:02 07-01 00:40 07-01 03:10" {
		t.Errorf("entries at %q, want the timeline's three and 03:10 on the day in force (the last dated line's), no 01:00 and no second 09:30", got)
	}
}
