package ingest

// The classes of document the held-out batches 14 to 16 found unread,
// each as the smallest document that shows it.

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

// "What we'll change" heads the follow-ups, and an inline "Next steps:"
// label makes the commitments after it items, whatever their verb.
func TestFollowUpsAsWritten(t *testing.T) {
	for name, doc := range map[string]string{
		"heading": "# Top-ups failing\n\n## What we'll change\n\n- Stop pinning leaf certificates\n  - Owner: Mere Tane\n- Subscribe to the bank's change calendar\n",
		"label":   "Subject: exports outage\n\nExports failed overnight.\n\nNext steps: we will move the export window, and we'll add a check that holds exports.\n",
	} {
		res := ParseText(doc, Options{Reference: evalReference})
		if len(res.ActionItems) != 2 {
			t.Errorf("%s: items %v, want two", name, itemTitles(res.ActionItems))
		}
	}
}

// Batch 16: a weekday in brackets between date and time ("2025/04/08
// (Tue) 13:05"), "Countermeasures" as the follow-ups (but "Measures
// taken" as what was done), "we're going to keep …" as a commitment.
func TestBatch16Classes(t *testing.T) {
	var r stampReader
	if st, _, ok := r.stampAt("2025/04/08 (Tue) 13:05 change applied", 0); !ok || !st.hasTime || st.hour != 13 || st.day != 8 {
		t.Errorf("bracketed weekday: %+v %v", st, ok)
	}
	if classify("Countermeasures") != sectionActions || classify("Measures taken") != sectionResolution {
		t.Errorf("Countermeasures %v, Measures taken %v", classify("Countermeasures"), classify("Measures taken"))
	}
	res := ParseText("# Sync outage\n\nWe're going to keep accepting the previous protocol version, and we're adding a canary stage.\n\nWe're going to explain what happened below.\n", Options{Reference: evalReference})
	if len(res.ActionItems) != 2 {
		t.Errorf("items %v, want the two commitments", itemTitles(res.ActionItems))
	}
}

// Batch 17's classes: a state written before the item's owner ("… — done
// (owner: Dana)") is read once the owner is taken out; a two-sentence
// paragraph of promises under a follow-up heading is one item a promise,
// a clause "…, and we're adding …" one too.
func TestBatch17Classes(t *testing.T) {
	doc := "# Retro\n\n## Remediation\n\n1. Alert on disk usage above 80% (owner: Dana)\n2. Add a freshness check to the synthetic test — done (owner: Dana)\n3. Rotate snapshots — won't fix [owner: Felipe]\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	want := map[string]string{"Alert on disk usage above 80%": "open", "Add a freshness check to the synthetic test": "done", "Rotate snapshots": "wontdo"}
	if len(res.ActionItems) != len(want) {
		t.Fatalf("items %+v", res.ActionItems)
	}
	for _, a := range res.ActionItems {
		if want[a.Title] != string(a.State) || a.Owner == "" {
			t.Errorf("%q: state %q owner %q, want %q", a.Title, a.State, a.Owner, want[a.Title])
		}
	}

	doc = "# Slow checkout\n\n## What we're changing\n\nWe will add chain validation to the rotation pipeline, so an incomplete chain fails early. We will also roll certificate changes out one balancer at a time, and we're adding an alert on TLS handshake failures.\n\nThanks for your patience.\n"
	res = ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	var titles []string
	for _, a := range res.ActionItems {
		titles = append(titles, a.Title)
	}
	if len(titles) != 3 || !strings.HasPrefix(titles[0], "We will add chain validation") ||
		!strings.HasPrefix(titles[1], "We will also roll") || !strings.HasPrefix(titles[2], "We're adding an alert") {
		t.Errorf("items %q, want the three promises", titles)
	}
	// One promise, with its reason in a second sentence, stays one item.
	doc = "# Slow checkout\n\n## What we're changing\n\nWe will add chain validation to the rotation pipeline. That catches a missing intermediate.\n"
	if res = ParseText(doc, Options{Zone: time.UTC, Reference: evalReference}); len(res.ActionItems) != 1 {
		t.Errorf("items %+v, want one", res.ActionItems)
	}
}
