package ingest

import (
	"strings"
	"testing"
	"time"
)

// A day without its year written with a slash ("Mon 3/10" before a time)
// is month first when nothing in the document says otherwise, as for
// "06/11/2023"; before, with no dated triple to go by, it was day first
// and a March timeline fell in October. A "Day" column is the date's.
func TestSlashDayWithoutYearIsMonthFirst(t *testing.T) {
	doc := "# March 2025 internal DNS outage\n\n| Day | Time (PT) | Event |\n|---|---|---|\n| Mon 3/10 | 11:20 PM | change merged |\n| Tue 3/11 | 12:05 AM | failures begin |\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	checkInstants(t, res, map[string]time.Time{
		"change merged":  time.Date(2025, 3, 11, 6, 20, 0, 0, time.UTC),
		"failures begin": time.Date(2025, 3, 11, 7, 5, 0, 0, time.UTC),
	})
	// A "Day" column that holds no date is text, and the row is still read.
	doc = "# DNS outage on 2025-03-10\n\n| Day | Time (UTC) | Event |\n|---|---|---|\n| Day 1 | 13:20 | change merged |\n| Day 1 | 14:05 | failures begin |\n"
	res = ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	checkInstants(t, res, map[string]time.Time{"Day 1 — failures begin": time.Date(2025, 3, 10, 14, 5, 0, 0, time.UTC)})
	if len(res.Problems) > 0 {
		t.Errorf("rows reported: %+v", res.Problems)
	}
}

// A line wrapped whole in one asterisk (Slack's bold) or underscore heads
// a section as a Markdown heading would.
func TestWrappedEmphasisHeadsASection(t *testing.T) {
	doc := "*Recap: invoices not sent*\n\n*Timeline*\n• 2025-11-05 10:02 UTC: credentials expire\n\n*Follow-ups*\n• Sanjay: move the credentials to the rotation job\n\n_Lessons:_\n• nobody watched the dead-letter queue\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	if len(res.ActionItems) != 1 || res.ActionItems[0].Owner != "Sanjay" {
		t.Errorf("items %+v, want Sanjay's", res.ActionItems)
	}
	if len(res.Entries) != 1 {
		t.Errorf("entries %+v, want the one timeline line", res.Entries)
	}
}

// A header of short fields written as sentences is no part of the summary.
func TestFieldSentencesAreAHeader(t *testing.T) {
	doc := "# Orders API 500s\n\nSeverity: SEV-2. Incident lead: Marta Nowak.\n\n## Summary\n\nA migration locked the orders table.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	if !strings.HasPrefix(res.Narrative.Summary, "A migration locked") {
		t.Errorf("summary %q", res.Narrative.Summary)
	}
	if fieldSentences("We paged Marta. She rolled back: it worked") {
		t.Error("prose read as fields")
	}
}
