package ingest

import (
	"strings"
	"testing"
	"time"
)

// One early mention of another incident's date does not move every entry
// written without a year into that year: the year the text's dates are
// mostly written with wins, and stderr says so.
func TestYearOfMostDatesOverAnEarlyMention(t *testing.T) {
	for name, doc := range map[string]string{
		"month and year first":      "# Search outage\n\nIt is the first outage since the March 2023 migration.\n\n**Date:** Oct 13, 2025\n\n## Timeline (UTC)\n\n- 14:05 resize starts\n- 14:40 search back\n",
		"another incident's date":   "# Search outage\n\nMuch like the incident of 2 March 2023.\n\n## Timeline (UTC)\n\n- Oct 13 14:05 resize starts\n- Oct 13 14:40 search back\n\nWritten 2025-10-15.\n",
		"a due date is no evidence": "# Search outage\n\nMuch like the incident of 2 March 2023.\n\n## Timeline (UTC)\n\n- Oct 13 14:05 resize starts\n- Oct 13 14:40 search back\n\n## Action items\n\n- Alert on resize, due 2026-01-10\n\nReviewed on Oct 20, 2025.\n",
	} {
		res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
		checkInstants(t, res, map[string]time.Time{"resize starts": time.Date(2025, 10, 13, 14, 5, 0, 0, time.UTC)})
		if !strings.Contains(strings.Join(res.Notes, "\n"), "read as 2025") {
			t.Errorf("%s: no note says the year was weighed: %q", name, res.Notes)
		}
	}
}

// Across a new year the first date's year stays, however many entries
// fall after midnight.
func TestYearAcrossNewYearStays(t *testing.T) {
	doc := "# Ledger freeze\n\nStarted Dec 31, 2024.\n\n## Timeline (UTC)\n\n- 23:50 job fails\n- Jan 1, 2025 00:10 paged\n- Jan 1, 2025 00:40 fix\n- Jan 1, 2025 01:10 done\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	checkInstants(t, res, map[string]time.Time{"job fails": time.Date(2024, 12, 31, 23, 50, 0, 0, time.UTC)})
}

// Deadlines are no evidence of the incident's year, however many there
// are.
func TestDeadlinesCastNoYearVote(t *testing.T) {
	doc := "# Search outage\n\n## Timeline (UTC)\n\n- Jun 13 14:05 resize starts\n\n## Action items\n\n- Alert on resize, due 2026-01-10\n- Warm the cache, due 2026-01-20\n- Write the runbook, due 2026-02-01\n\nReviewed on Jun 20, 2025.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	checkInstants(t, res, map[string]time.Time{"resize starts": time.Date(2025, 6, 13, 14, 5, 0, 0, time.UTC)})
}

// An action table's due dates are no evidence either.
func TestActionTableDatesCastNoYearVote(t *testing.T) {
	doc := "# Search outage\n\nReviewed on Jun 20, 2025.\n\n## Timeline (UTC)\n\n- Jun 13 14:05 resize starts\n\n## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n| Alert on resize | Ana | 2026-01-10 |\n| Warm the cache | Bo | 2026-01-20 |\n| Write the runbook | Cy | 2026-02-01 |\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	checkInstants(t, res, map[string]time.Time{"resize starts": time.Date(2025, 6, 13, 14, 5, 0, 0, time.UTC)})
}

// Other incidents listed under their own heading cast no vote, and the
// dates with times (what happened when) outweigh dates in sentences.
func TestYearOfTheTimelineOverOtherIncidents(t *testing.T) {
	doc := "# Search outage\n\nIncident date: 4 March 2025. Like the outages of 2 May 2023 and 9 June 2023, it began with a resize.\n\n## Timeline (UTC)\n\n- Mar 4 10:00 resize starts\n- 2025-03-04 10:30 search back\n\n## Related incidents\n\n- 2023-05-02 search outage\n- 2023-06-09 search outage\n- 2024-01-15 index rebuild\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	checkInstants(t, res, map[string]time.Time{"resize starts": time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)})
}

// The document's own date, written first with its year, outweighs a
// sentence naming two older incidents' dates.
func TestDocumentDateOverTwoOlderMentions(t *testing.T) {
	doc := "# Search outage\n\nIncident date: 4 March 2025. Like the outages of 2 May 2023 and 9 June 2023, it began with a resize.\n\n## Timeline (UTC)\n\n- 10:00 resize starts\n- 10:30 search back\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	checkInstants(t, res, map[string]time.Time{"resize starts": time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)})
}
