package ingest

// The classes of document held-out batch 19 found misread, each as the
// smallest document that shows it.

import (
	"strings"
	"testing"
	"time"
)

func utc(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

// A zero-padded 24-hour time with its zone ("At 06:58 UTC") takes no
// afternoon from a "2:41 pm" elsewhere in the document.
func TestPaddedZonedClockTakesNoPM(t *testing.T) {
	doc := "# Queue stall on 3 March 2024\n\nOur first alert fired at 06:29 UTC. The vendor answered at 2:41 pm.\n\nAt 06:58 UTC we found the cause.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	for _, e := range res.Entries {
		if strings.HasPrefix(e.Text, "We found") && e.At.UTC().Hour() != 6 {
			t.Errorf("06:58 UTC read as %s", e.At.Format(time.RFC3339))
		}
	}
}

// A time a sentence tells on a city's clock ("2:41 pm local time" with
// Singapore named, "by 8:36 am in London", "Frankfurt … 9:42 local time")
// is read in that city's zone, for that time only; "local time" of a place
// the text does not name is reported and leaves the order of the UTC
// clocks alone.
func TestCityLocalTimeInProse(t *testing.T) {
	doc := "# Edge outage on 14 June 2022\n\n## What happened\n\n" +
		"Our first alert fired at 06:29 UTC. The support staff in Singapore, already at lunch, saw tickets arrive at 2:41 pm local time.\n\n" +
		"At 06:58 UTC we found the cause. The first site returned at 07:32 UTC, and by 8:36 am in London most sites were up. " +
		"The last one, Frankfurt, came back at 9:42 local time, and we closed the incident at 08:02 UTC.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	checkInstants(t, res, map[string]time.Time{
		"The support staff":      utc(2022, 6, 14, 6, 41),
		"We found the cause":     utc(2022, 6, 14, 6, 58),
		"In London most sites":   utc(2022, 6, 14, 7, 36),
		"The last one":           utc(2022, 6, 14, 7, 42),
		"We closed the incident": utc(2022, 6, 14, 8, 2),
	})
	doc = "# Edge outage on 14 June 2022\n\n## What happened\n\nOur first alert fired at 06:29 UTC. The support staff saw tickets arrive at 2:41 pm local time.\n\nAt 06:58 UTC we found the cause.\n"
	res = ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	checkInstants(t, res, map[string]time.Time{"We found the cause": utc(2022, 6, 14, 6, 58)})
	reported := false
	for _, p := range res.Problems {
		reported = reported || strings.Contains(p.Reason, "local time")
	}
	if !reported {
		t.Errorf("local time of no named city not reported: %+v", res.Problems)
	}
	// A person named like a city is no city.
	doc = "# Edge outage on 14 June 2022\n\n## What happened\n\nOur first alert fired at 06:29 UTC. At 9:42 local time, Sofia Marin restarted the routers.\n"
	res = ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	checkInstants(t, res, map[string]time.Time{"Sofia Marin restarted": utc(2022, 6, 14, 9, 42)})
}

// A line that only shows a picture is no part of the summary, and a list
// of timed lines under a narrative heading ("## The incident itself") is
// the timeline, not also the summary.
func TestPictureAndTimedListAreNoSummary(t *testing.T) {
	doc := "# Mail delays on 2024-07-08\n\n![Chart of the queue depth](/img/queue.png)\n\nOutbound mail was late for an hour.\n\n## The incident itself\n\n- 02:00 UTC relay restarts\n- 02:14 UTC queue backs up\n- 03:05 UTC queue drained\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	if s := res.Narrative.Summary; s != "Outbound mail was late for an hour." {
		t.Errorf("summary %q", s)
	}
	if len(res.Entries) != 3 {
		t.Errorf("entries %+v, want the three timed lines", res.Entries)
	}
}

// A page copied from a wiki as text: its breadcrumb is not the title, a
// tab-separated properties row names the services, and its numbered
// headings are headings whatever follows them (bullets, a tab table), as
// long as a numbered list does not surround them.
func TestWikiPageCopiedAsText(t *testing.T) {
	doc := "Platform / Reviews / 2024\nCart outage review\n\nIncident\tINC-7\nServices\tcart-api, price-cache\n\n" +
		"1. Root cause\nA scan locked the cache.\n\n2. Contributing factors\n• The flag was on by default.\n\n" +
		"3. What could have gone better\n• Paging was late.\n\n4. Action items\n- Replace the scan with an index\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	if res.Title != "Cart outage review" {
		t.Errorf("title %q", res.Title)
	}
	if len(res.Services) != 2 || res.Services[0] != "cart-api" {
		t.Errorf("services %v", res.Services)
	}
	if len(res.ActionItems) != 1 || res.ActionItems[0].Title != "Replace the scan with an index" {
		t.Errorf("items %+v", itemTitles(res.ActionItems))
	}
	want := map[string]string{"The flag was on by default.": "factor", "Paging was late.": "went-wrong"}
	if len(res.Retro) != len(want) {
		t.Errorf("retro %+v", res.Retro)
	}
	for _, r := range res.Retro {
		if want[r.Text] != string(r.Section) {
			t.Errorf("retro note %q in %s", r.Text, r.Section)
		}
	}
	// Numbered lines around each other are a list, in a follow-up section too.
	doc = "# Cart outage\n\n## Follow-ups\n\n1. Improvements\n2. Root cause\n- a bullet\n"
	res = ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	if len(res.ActionItems) != 3 {
		t.Errorf("items %q, want the numbered lines and the bullet", itemTitles(res.ActionItems))
	}
	// Among the follow-ups, a numbered category over bullets groups them;
	// a numbered retro section ends them.
	doc = "Cart outage\n\n1. Action items\n• Fix the scan\n\n2. Detection\n• Alert on CPU at 80%\n\n3. Lessons learned\n• Test at production scale.\n"
	res = ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	if len(res.ActionItems) != 3 || len(res.Retro) != 1 || res.Narrative.Detection != "" {
		t.Errorf("items %q retro %+v detection %q", itemTitles(res.ActionItems), res.Retro, res.Narrative.Detection)
	}
}

// A MediaWiki incident report: templates on lines of their own are
// neither title nor summary, ”'Impact”': is the impact, "Actionables"
// are the action items, with their task keys written as templates or
// links tracked in the description and {{Done}} their state.
func TestWikitextReport(t *testing.T) {
	doc := "{{irdoc|status=draft}}\n\n== Summary ==\n{{Incident scorecard\n| id = 2024-01-02 cache\n| start = 2024-01-02 10:00:00\n}}\n\n" +
		"The cache tier restarted at once.\n\n'''Impact''': For 20 minutes pages loaded slowly.\n\n== Timeline ==\n* 10:00 restart begins\n* 10:20 recovered\n\n" +
		"== Actionables ==\n* {{Phabricator|T1001}} Stagger cache restarts\n* [[phab:T1002|T1002]] Alert on cold caches\n* {{Done}} Write the restart runbook ({{Phabricator|T1003}})\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	if res.Title != "" {
		t.Errorf("title %q, want none", res.Title)
	}
	if res.Narrative.Summary != "The cache tier restarted at once." || !strings.HasPrefix(res.Narrative.Impact, "For 20 minutes") {
		t.Errorf("summary %q impact %q", res.Narrative.Summary, res.Narrative.Impact)
	}
	want := []struct{ title, desc, state string }{
		{"Stagger cache restarts", "Tracking: T1001", "open"},
		{"Alert on cold caches", "Tracking: T1002", "open"},
		{"Write the restart runbook", "Tracking: T1003", "done"},
	}
	if len(res.ActionItems) != len(want) {
		t.Fatalf("items %q", itemTitles(res.ActionItems))
	}
	for i, w := range want {
		if a := res.ActionItems[i]; a.Title != w.title || a.Description != w.desc || string(a.State) != w.state {
			t.Errorf("item %d: %q %q %s, want %+v", i, a.Title, a.Description, a.State, w)
		}
	}
	if len(res.Entries) != 2 {
		t.Errorf("entries %+v", res.Entries)
	}
}

// An owner after a dash, followed by the item's other fields: "— Jakob
// Lindqvist, P1, due 2025-02-07".
func TestOwnerAfterDashWithFields(t *testing.T) {
	a := parseItem("Show the storage plan before apply (BLD-17) — Jakob Lindqvist, P1, due 2025-02-07", 2025)
	if a.Title != "Show the storage plan before apply" || a.Owner != "Jakob Lindqvist" || a.Priority != "P1" || a.Due != "2025-02-07" || a.Description != "Tracking: BLD-17" {
		t.Errorf("%+v", a)
	}
	if a := parseItem("Alert on 404s — Sofia Marin, P2", 2025); a.Title != "Alert on 404s" || a.Owner != "Sofia Marin" {
		t.Errorf("%+v", a)
	}
}

// Items under a "### Completed" sub-heading of the follow-ups are done;
// those under "### In progress" are not.
func TestCompletedSubheading(t *testing.T) {
	doc := "# Card declines\n\n## Remediations\n\n### Completed\n\n- Rolled back the proxy change.\n\n### In progress\n\n- Add a canary stage.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	if len(res.ActionItems) != 2 || res.ActionItems[0].State != "done" || res.ActionItems[1].State != "open" {
		t.Errorf("items %+v", res.ActionItems)
	}
}

// A tracker key at an item's end goes to the description as one at its
// start does, also before a full stop or an owner; a struck-through item
// followed by a reason is won't do, the reason its description; a long
// item kept whole as its title is not repeated as its description.
func TestItemKeysReasonsAndLength(t *testing.T) {
	for text, want := range map[string][3]string{
		"Rolled back the proxy change (PAYREL-1201).":           {"Rolled back the proxy change", "Tracking: PAYREL-1201", "done"},
		"Alert when the volume passes 85% (#1432) — @kpatel":    {"Alert when the volume passes 85%", "Tracking: #1432", "open"},
		"~~Move homes to a managed store~~ not this term (#40)": {"Move homes to a managed store", "Not this term. Tracking: #40", "wontdo"},
		"~~Move homes to a managed store~~":                     {"Move homes to a managed store", "", "done"},
		"~~Move homes to a managed store~~ (done)":              {"Move homes to a managed store", "", "done"},
		"Add a replica-lag check to the failover runbook, and make the failover tool refuse to promote a replica that is behind": {"Add a replica-lag check to the failover runbook, and make the failover tool refuse to promote a replica that is behind", "", "open"},
	} {
		a := parseItem(text, 2025)
		if a.Title != want[0] || a.Description != want[1] || string(a.State) != want[2] {
			t.Errorf("parseItem(%q) = %q %q %s, want %q", text, a.Title, a.Description, a.State, want)
		}
	}
}

// A status page with each update's time above it: the page's header
// ("Resolved · Partial outage" over "Started: …" / "Resolved: …") gives
// key events, not the newest update's text; a postmortem posted as an
// update ends where the next update's time line is; its sentence that
// opens with its own date ("On Monday, March 4, …") is on that date, not
// the day the postmortem was posted; "Subscribe to updates" is no title;
// "We've fixed …" among its follow-ups is done.
func TestStatusPageTimeAboveUpdates(t *testing.T) {
	doc := "Quill Status\nSubscribe to updates\n\nUploads failing\n\nResolved · Partial outage\nStarted: Mon, Mar 4, 9:00 AM PST\nResolved: Mon, Mar 4, 11:30 AM PST\n\nUpdates\n\n" +
		"Mar 6, 2:00 PM PST\nPostmortem\n\nWhat happened\nOn Monday, March 4, a certificate on the upload gateway expired at 8:55 AM PST.\n\n" +
		"What we're doing\n- We've added an expiry alert for every gateway certificate.\n- We're moving renewals to the automated job.\n\n" +
		"Mar 4, 11:35 AM PST\nResolved: Uploads work again.\n\nMar 4, 9:20 AM PST\nInvestigating: Uploads are failing for some users.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference, Year: 2024})
	if res.Title != "Uploads failing" {
		t.Errorf("title %q", res.Title)
	}
	checkInstants(t, res, map[string]time.Time{
		"Started":                      utc(2024, 3, 4, 17, 0),
		"Resolved":                     utc(2024, 3, 4, 19, 30),
		"Postmortem posted":            utc(2024, 3, 6, 22, 0),
		"On Monday, March 4":           utc(2024, 3, 4, 16, 55),
		"Uploads work again":           utc(2024, 3, 4, 19, 35),
		"Uploads are failing for some": utc(2024, 3, 4, 17, 20),
	})
	if len(res.Entries) != 6 {
		t.Errorf("entries %+v", res.Entries)
	}
	if len(res.ActionItems) != 2 || res.ActionItems[0].State != "done" || res.ActionItems[1].State != "open" {
		t.Errorf("items %+v", res.ActionItems)
	}
}

// "Day 2" between time-only lines is no part of the entry above it, and
// moves the date to the day after "Day 1" even when the clock does not
// go back.
func TestNumberedDayLines(t *testing.T) {
	doc := "# Backfill incident (started 2024-09-16)\n\n## Timeline (UTC)\nDay 1\n- 14:02 backfill starts\n- 15:50 first mismatch\nDay 2\n- 16:15 backfill paused\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	checkInstants(t, res, map[string]time.Time{
		"first mismatch":  utc(2024, 9, 16, 15, 50),
		"backfill paused": utc(2024, 9, 17, 16, 15),
	})
	for _, e := range res.Entries {
		if strings.Contains(e.Text, "Day") {
			t.Errorf("entry %q holds the day line", e.Text)
		}
	}
}

// A zone statement below the last update ("All times are Eastern Time.")
// is not part of its message; a date without a year later in the year of
// the title stays in that year ("Sept. 3" after "Feb. 15" in "Feb. 2022
// …" is 2022-09-03, not 2021).
func TestFooterZoneAndYearInForce(t *testing.T) {
	doc := "Incident history — May 2, 2023\n\nSlow exports\nResolved 4:55 PM - Exports are fast again.\nInvestigating 11:50 AM - Exports are slow.\nAll times are Eastern Time.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	checkInstants(t, res, map[string]time.Time{"Exports are slow.": utc(2023, 5, 2, 15, 50)})
	for _, e := range res.Entries {
		if strings.Contains(e.Text, "Eastern") {
			t.Errorf("entry %q holds the zone statement", e.Text)
		}
	}
	doc = "# Feb. 2022 login incident\n\n## Timeline\n- Feb. 15, 05:40 UTC — errors begin\n- Sept. 3, 10:01 UTC — review held\n"
	res = ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	checkInstants(t, res, map[string]time.Time{"review held": utc(2022, 9, 3, 10, 1)})
	// Across a new year the nearer year still wins, forward or back.
	for doc, want := range map[string]time.Time{
		"# Cache incident\n\n## Timeline\n- Dec 31 2023, 23:40 UTC — errors begin\n- Jan 1, 00:20 UTC — recovered\n": utc(2024, 1, 1, 0, 20),
		"# Cache incident\n\n## Timeline\n- Oct 15 2023, 10:00 UTC — errors begin\n- Feb 3, 09:00 UTC — recovered\n": utc(2024, 2, 3, 9, 0),
		"# Cache incident\n\n## Timeline\n- Jan 2 2024, 10:00 UTC — recovered\n- Dec 30, 09:00 UTC — errors begin\n": utc(2023, 12, 30, 9, 0),
	} {
		res = ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
		for _, e := range res.Entries {
			if e.Line == 5 && !e.At.Equal(want) {
				t.Errorf("%q read as %s, want %s", e.Text, e.At, want)
			}
		}
	}
}

// Text that is not UTF-8 is reported where it starts, an hour no day has
// is named as such, and a template tag first ("{% raw %}") is no title.
func TestEncodingHourAndTemplateTitle(t *testing.T) {
	doc := "# Outage\n\n## Timeline\n- 2024-05-04 14:02 UTC caf\xe9 errors\n- 2024-05-04 25:10 UTC bad hour\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	reasons := map[int]string{}
	for _, p := range res.Problems {
		reasons[p.Line] = p.Reason
	}
	if !strings.Contains(reasons[4], "not UTF-8") || !strings.Contains(reasons[5], "no such time of day") {
		t.Errorf("problems %+v", res.Problems)
	}
	res = ParseText("{% raw %}\nLogin outage\n\n- 2024-05-04 14:02 UTC errors\n{% endraw %}\n", Options{Zone: time.UTC, Reference: evalReference})
	if res.Title != "Login outage" {
		t.Errorf("title %q", res.Title)
	}
}
