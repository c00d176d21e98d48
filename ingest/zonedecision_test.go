package ingest

import (
	"strings"
	"testing"
	"time"
)

// A zone one entry writes is that entry's: with --tz, the entries after it
// that write none are read in --tz, and the preview's zone is --tz, not
// the offset that one line wrote.
func TestZoneOfOneEntryYieldsToTZ(t *testing.T) {
	doc := "# Outage on 2025-03-04\n\n## Timeline\n\n- 10:00 first\n- 10:05 -12:00 one line with an offset\n- 10:20 later line\n"
	res := ParseText(doc, Options{Zone: time.UTC, ZoneGiven: true, Reference: evalReference})
	want := map[string]time.Time{
		"first":                   time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC),
		"one line with an offset": time.Date(2025, 3, 4, 22, 5, 0, 0, time.UTC),
		"later line":              time.Date(2025, 3, 4, 10, 20, 0, 0, time.UTC),
	}
	checkInstants(t, res, want)
	if res.Zone != nil {
		t.Errorf("with --tz UTC the preview's zone is %s, want --tz's", res.Zone)
	}
}

// A line refused for its time sets no zone for the lines after it.
func TestRefusedLineSetsNoZone(t *testing.T) {
	for _, refused := range []string{"- 24:00 -12:00 midnight written as 24:00", "- 23:59:60 -12:00 a leap second", "- Feb 30 10:10 -12:00 no such day"} {
		doc := "# Outage on 2025-03-04\n\n## Timeline\n\n- 10:00 first\n" + refused + "\n- 10:20 later line\n"
		res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
		if len(res.Problems) == 0 {
			t.Errorf("%q: not refused: %+v", refused, res.Entries)
		}
		checkInstants(t, res, map[string]time.Time{"later line": time.Date(2025, 3, 4, 10, 20, 0, 0, time.UTC)})
		if res.Zone != nil && res.Zone.String() != "UTC" {
			t.Errorf("%q: preview zone %s, from a refused line", refused, res.Zone)
		}
	}
}

// A zone the document states wins over one a single entry writes, for the
// entries after that one: the author marked the exception.
func TestStatementOutlastsOneEntrysZone(t *testing.T) {
	doc := "# Checkout errors, 2025-06-02\n\nAll times are PDT.\n\n## Timeline\n\n- 09:00 deploy starts\n- 09:10 the vendor's status page posts at 16:10 UTC (09:10 PDT) — noted\n- 09:12 UTC vendor incident opened\n- 09:30 rollback\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	checkInstants(t, res, map[string]time.Time{
		"deploy starts":          time.Date(2025, 6, 2, 16, 0, 0, 0, time.UTC),
		"vendor incident opened": time.Date(2025, 6, 2, 9, 12, 0, 0, time.UTC),
		"rollback":               time.Date(2025, 6, 2, 16, 30, 0, 0, time.UTC),
	})
}

// A sentence about a moment or a place is no statement of the document's
// zone: before, "At the time, Berlin customers…" read every unzoned time
// of the document in Berlin's zone, and a title "Timeline of the London
// region failover" in London's.
func TestProseIsNoZoneStatement(t *testing.T) {
	for _, s := range []string{
		"At the time, Berlin customers were unaffected.",
		"By the time Sydney woke up, the queue had drained.",
		"For the first time in Tokyo we saw errors.",
		"Timeline of the London region failover",
		"Each time Paris traffic peaked the pool emptied.",
		"It was the first time the ET team had seen this.",
		"This time the UTC cutover failed.",
		"Most of the time Chicago handles the overflow.",
		"We retried several times in PT business hours.",
	} {
		if z := statedZone(s); z != "" {
			t.Errorf("statedZone(%q) = %q, want none", s, z)
		}
	}
	// A moment word ending the sentence before does not make the next
	// sentence's statement prose.
	for s, want := range map[string]string{"Newest first. Times are CEST.": "CEST", "At first: times are UTC.": "UTC"} {
		if z := statedZone(s); z != want {
			t.Errorf("statedZone(%q) = %q, want %q", s, z, want)
		}
	}
	doc := "# Timeline of the London region failover, 2025-05-06\n\nAt the time, Berlin customers were unaffected.\n\n## Timeline\n\n- 10:00 failover starts\n- 10:40 done\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	checkInstants(t, res, map[string]time.Time{"failover starts": time.Date(2025, 5, 6, 10, 0, 0, 0, time.UTC)})
}

func checkInstants(t *testing.T, res Result, want map[string]time.Time) {
	t.Helper()
	for prefix, at := range want {
		found := false
		for _, e := range res.Entries {
			if strings.HasPrefix(e.Text, prefix) {
				found = true
				if !e.At.Equal(at) {
					t.Errorf("%q read as %s, want %s", prefix, e.At.Format(time.RFC3339), at.Format(time.RFC3339))
				}
			}
		}
		if !found {
			t.Errorf("no entry %q in %+v", prefix, res.Entries)
		}
	}
}

// An entry written in another zone than the timeline's is placed in order
// on the timeline's clock: "02:24 PDT" below "09:10" in a timeline stated
// in UTC is 09:24 UTC the same day, and the entries after it stay on that
// day (they were moved to the next).
func TestEntryInAnotherZoneIsNoMidnight(t *testing.T) {
	doc := "INCIDENT 2025-04-09: lag\n\nTimes below are UTC unless marked otherwise.\n\n09:02  alert fires\n09:10  acknowledged\n02:24 PDT  vendor posts\n09:31  decision\n23:50  quiet again\n00:20  closed\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	checkInstants(t, res, map[string]time.Time{
		"vendor posts": time.Date(2025, 4, 9, 9, 24, 0, 0, time.UTC),
		"decision":     time.Date(2025, 4, 9, 9, 31, 0, 0, time.UTC),
		"quiet again":  time.Date(2025, 4, 9, 23, 50, 0, 0, time.UTC),
		"closed":       time.Date(2025, 4, 10, 0, 20, 0, 0, time.UTC),
	})
}

// A line or heading that only says "Affected components" lists the
// services on the lines below it, with a status page's state after each.
func TestServicesListedBelowTheirLabel(t *testing.T) {
	for name, doc := range map[string]string{
		"status page": "Acme Status\nUPI payments failing\nResolved\n\nAffected components\nUPI payments (Partial outage)\nPayment links (Degraded performance)\n\nResolved\nAll good now.\n12 Mar 2025, 19:40 IST\n",
		"markdown":    "# Payments failing\n\n## Affected services\n\n- UPI payments\n- Payment links\n\n## Timeline\n\n- 2025-03-12 14:10 UTC resolved\n",
	} {
		res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
		if strings.Join(res.Services, "|") != "UPI payments|Payment links" {
			t.Errorf("%s: services %q", name, res.Services)
		}
	}
}

// Statements written as people write them: a missed one reads every time
// of its document in UTC.
func TestZoneStatementsAsWritten(t *testing.T) {
	for in, want := range map[string]string{
		"Times are in 24h UTC":                              "UTC",
		"All times are in 24-hour UTC":                      "UTC",
		"All times mentioned are in UTC":                    "UTC",
		"All times referenced are UTC":                      "UTC",
		"All times in this post are Pacific":                "PT",
		"All times are in Australian Eastern Standard Time": "AEST",
		"Times are in Australian Eastern Time":              "AET",
		"All times are in Japan Standard Time":              "JST",
		"All times are in India Standard Time":              "IST",
		"Times are in Greenwich Mean Time":                  "UTC",
		"All times are British time":                        "Europe/London",
		"Times are local to our Singapore office (SGT)":     "SGT",
		"Times are CET/CEST":                                "Europe/Berlin",
		"All times PST/PDT":                                 "America/Los_Angeles",
		"Timeline of the London region failover (UTC)":      "UTC",
	} {
		if got := statedZone(in); got != want {
			t.Errorf("statedZone(%q) = %q, want %q", in, got, want)
		}
	}
}
