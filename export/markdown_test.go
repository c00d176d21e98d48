package export

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

func render(t *testing.T, snap incident.Snapshot, opts Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Markdown(&buf, snap, opts); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// section returns the text under "## heading" up to the next "## ".
func section(doc, heading string) string {
	i := strings.Index(doc, "\n## "+heading+"\n")
	if i < 0 {
		return ""
	}
	rest := doc[i+len(heading)+5:]
	if j := strings.Index(rest, "\n## "); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

var responderNames = []string{"Priya", "Raman", "Tomás", "Ortega", "Helen", "Park", "Dmitri", "Volkov", "hpark"}

func TestBlamelessByDefault(t *testing.T) {
	doc := render(t, searchOutage(), Options{})
	items := section(doc, "Action items")
	outside := strings.Replace(doc, items, "", 1)
	for _, n := range responderNames {
		if strings.Contains(outside, n) {
			t.Errorf("%q appears outside the action items table", n)
		}
	}
	for _, want := range []string{"| Tomás Ortega |", "| @hpark |"} {
		if !strings.Contains(items, want) {
			t.Errorf("action items table lacks the owner %q:\n%s", want, items)
		}
	}
	for _, want := range []string{
		"| 10:09 | observation | The ops lead: new index has 0 documents \\| old index still has 1.2M |",
		"| 10:22 | note | The former incident commander handed over to go to the customer call; the comms lead keeps comms |",
		"| 10:20 | role | Incident commander handed over to another responder |",
		"- The second incident commander should have load-tested the rebuild; human error",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("missing %q", want)
		}
	}
}

func TestNamesKeepsNames(t *testing.T) {
	doc := render(t, searchOutage(), Options{Names: true})
	for _, want := range []string{
		"Priya noticed the drop",
		"| 10:20 | role | Dmitri Volkov took over as incident commander from Priya Raman |",
		"| 10:09 | observation | Tomás: new index",
		"| Incident commander | Priya Raman | Tue 14 Oct 10:02 | Tue 14 Oct 10:20 (handed over) |",
		"- Dmitri should have load-tested the rebuild; human error",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("missing %q", want)
		}
	}
}

func TestSectionsInDesignOrder(t *testing.T) {
	doc := render(t, searchOutage(), Options{})
	order := []string{"# SEV2 #12: ", "**SEV2** · Resolved · Tue 14 Oct 2025 09:41 – 10:33 · lasted 52m · All times in America/Chicago (CDT)",
		"## Summary", "## Impact", "**Affected services:** search-api, storefront", "## Key moments", "```mermaid",
		"## Timeline", "## Root cause and contributing factors", "### Contributing factors", "## Trigger",
		"## Resolution and recovery", "## What went well", "## What went wrong", "## Where we got lucky",
		"## Action items", "## Responders"}
	last := -1
	for _, h := range order {
		i := strings.Index(doc, h)
		if i < 0 || i < last {
			t.Fatalf("%q missing or out of order", h)
		}
		last = i
	}
	if !strings.Contains(doc, "- **Time to detect:** 17m") {
		t.Error("time to detect missing")
	}
	if !strings.Contains(doc, "| 33 | Move the nightly rebuild out of business hours \\| or make it resumable | _unassigned_ | P3 | — | open | — |") {
		t.Errorf("unowned action item row missing:\n%s", section(doc, "Action items"))
	}
	if !strings.Contains(doc, "[shopco/search#418](https://github.com/shopco/search/issues/418)") {
		t.Error("tracking link missing")
	}
}

func TestZoneOption(t *testing.T) {
	doc := render(t, searchOutage(), Options{Zone: time.UTC})
	if !strings.Contains(doc, "All times in UTC") || !strings.Contains(doc, "| 14:41 | milestone | Impact started |") {
		t.Errorf("times not in UTC:\n%s", section(doc, "Timeline"))
	}
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	doc = render(t, searchOutage(), Options{Zone: tokyo})
	if !strings.Contains(doc, "| **Wed 15 Oct 2025** | | |") || !strings.Contains(doc, "(JST)") {
		t.Errorf("Tokyo times should fall on the next day:\n%s", doc)
	}
}

func TestDateRowsWhenTheDayChanges(t *testing.T) {
	doc := render(t, overnightMigration(), Options{})
	tl := section(doc, "Timeline")
	for _, d := range []string{"Sat 29 Mar 2025", "Sun 30 Mar 2025", "Mon 31 Mar 2025"} {
		if strings.Count(tl, "| **"+d+"** | | |") != 1 {
			t.Errorf("date row %s missing or repeated:\n%s", d, tl)
		}
	}
	if !strings.Contains(doc, "Sat 29 Mar 2025 23:20 – ongoing") {
		t.Errorf("an unresolved incident should read as ongoing:\n%s", doc[:300])
	}
}

func TestEmptySectionsShowPlaceholders(t *testing.T) {
	doc := render(t, emptyIncident(), Options{})
	for _, s := range []string{"summary", "impact", "services", "root-cause", "factors", "trigger", "resolution",
		"went-well", "went-wrong", "lucky", "timeline", "diagram", "action-items", "responders"} {
		if p := (Postmortem{Number: 1}).Placeholder(s); !strings.Contains(doc, p) {
			t.Errorf("placeholder for %s (%s) missing", s, p)
		}
	}
	if strings.Contains(doc, "Lessons learned") {
		t.Error("an empty optional section was rendered")
	}
}

func TestCustomTemplate(t *testing.T) {
	tmpl, err := ParseTemplate("team.tmpl", `{{.Title}} | {{len .Timeline}} events | {{join .Services "+"}} | {{cell "a|b"}} | {{upper .Severity}}
{{range .ActionItems}}{{.Owner}};{{end}}`)
	if err != nil {
		t.Fatal(err)
	}
	got := render(t, searchOutage(), Options{Template: tmpl})
	want := "Search returned empty results after the index rebuild | 22 events | search-api+storefront | a\\|b | SEV2\nTomás Ortega;@hpark;;"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestTemplateErrorsNameTheProblem(t *testing.T) {
	if _, err := ParseTemplate("bad.tmpl", "{{.Title"); err == nil || !strings.Contains(err.Error(), "bad.tmpl") {
		t.Errorf("parse error = %v, want one naming bad.tmpl", err)
	}
	tmpl, err := ParseTemplate("typo.tmpl", "{{.Titel}}")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	err = Markdown(&buf, searchOutage(), Options{Template: tmpl})
	if err == nil || !strings.Contains(err.Error(), "Titel") || !strings.Contains(err.Error(), "#12") {
		t.Errorf("execute error = %v, want one naming the field and the incident", err)
	}
}

func TestDefaultTemplateIsExposed(t *testing.T) {
	if _, err := ParseTemplate("default", DefaultTemplateSource()); err != nil {
		t.Fatal(err)
	}
}

func TestMetricsSayWhyTheyAreUnknown(t *testing.T) {
	snap := searchOutage()
	ms := snap.Incident.Milestones
	ms[incident.MilestoneDetected] = ms[incident.MilestoneStarted].Add(-time.Minute)
	delete(ms, incident.MilestoneResolved)
	doc := render(t, snap, Options{})
	for _, want := range []string{
		"- **Time to detect:** unknown _(needs milestones in order)_",
		"- **Time to resolve:** unknown _(needs the started and resolved milestones)_",
		"- **Time to mitigate:** 33m",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("missing %q:\n%s", want, section(doc, "Key moments"))
		}
	}
}

func TestTitleIsBlamelessToo(t *testing.T) {
	snap := searchOutage()
	snap.Incident.Title = "Tomás's rebuild emptied search"
	if doc := render(t, snap, Options{}); !strings.HasPrefix(doc, "# SEV2 #12: The ops lead's rebuild emptied search\n") {
		t.Errorf("title not rewritten: %q", doc[:60])
	}
	if doc := render(t, snap, Options{Names: true}); !strings.HasPrefix(doc, "# SEV2 #12: Tomás's rebuild") {
		t.Errorf("--names title: %q", doc[:60])
	}
	found := false
	for _, w := range Lint(snap, Options{}) {
		found = found || (w.Section == "Title" && w.Code == WarnNamedPerson)
	}
	if !found {
		t.Error("lint does not report the name in the title")
	}
}

func TestActionItemsAddedAfterResolutionStayOffTheTimeline(t *testing.T) {
	snap := searchOutage()
	late := snap.Events[18]
	late.ID, late.Text = 99, "Write the rebuild runbook"
	late.OccurredAt = late.OccurredAt.Add(72 * time.Hour)
	snap.Events = append(snap.Events, late)
	tl := section(render(t, snap, Options{}), "Timeline")
	if !strings.Contains(tl, "| 10:25 | action item | Gate the alias swap on document counts |") {
		t.Errorf("an action item raised during the incident is missing:\n%s", tl)
	}
	if strings.Contains(tl, "rebuild runbook") || strings.Contains(tl, "Fri 17 Oct") {
		t.Errorf("an action item added in the retro is on the timeline:\n%s", tl)
	}
}

// reviewedEverywhere puts the reviewer's leaks in every field that prose
// reaches: title, narrative, status message, notes, retro notes.
func reviewedEverywhere() incident.Snapshot {
	snap := reviewed()
	c := func(s string) time.Time { return at("UTC", "2025-05-01 "+s) }
	inc := &snap.Incident
	inc.Title = "Dr. Patel's failover stalled"
	inc.Summary = "Status page updated by Priya Shah. Mail maria.lopez@example.com for the raw timeline."
	inc.Impact = "M. Lopez agreed to pause billing. Mark the affected accounts as refunded."
	inc.RootCause = "Maria's runbook, e.g. Sam, said to wait"
	inc.Trigger = "A deploy by Rose Smith"
	inc.Resolution = "Mark Young drained the pods"
	snap.Events = append(snap.Events,
		incident.Event{ID: 10, IncidentID: 7, OccurredAt: c("09:10"), Kind: incident.KindStatus, State: incident.Identified,
			Text: "Priya Shah posted the update", Author: "priya"},
		incident.Event{ID: 11, IncidentID: 7, OccurredAt: c("10:00"), Kind: incident.KindRole, Role: incident.RoleCommander,
			Person: "Sam Patel", Text: "Sam Patel takes over from Maria Lopez", Author: "sam"},
		incident.Event{ID: 12, IncidentID: 7, OccurredAt: c("10:05"), Kind: incident.KindNote,
			Text: "mail mlopez@example.com; M Lopez agreed; Mr. Sam Patel too", Author: "Mark Young"},
	)
	snap.Retro = []incident.RetroNote{
		{IncidentID: 7, Order: 1, Section: incident.RetroWentWell, Text: "Dr. Patel spotted the lag early"},
		{IncidentID: 7, Order: 2, Section: incident.RetroWentWrong, Text: "Priya Shah's page went to patel@example.com"},
	}
	return snap
}

func TestReviewedLeaksStayClosedInEveryField(t *testing.T) {
	snap := reviewedEverywhere()
	doc := render(t, snap, Options{})
	low := strings.ToLower(doc)
	for _, n := range []string{"maria", "lopez", "sam", "patel", "priya", "shah", "young", "smith", "@example", "dr.", "mr."} {
		if strings.Contains(low, n) {
			t.Errorf("%q leaks into the postmortem:\n%s", n, doc)
		}
	}
	for _, want := range []string{
		"# SEV2 #7: The second incident commander's failover stalled",
		"Status page updated by the comms lead. Mail the first incident commander's address for the raw timeline.",
		"The first incident commander agreed to pause billing. Mark the affected accounts as refunded.",
		"The first incident commander's runbook, e.g. the second incident commander, said to wait",
		"Status set to Identified — the comms lead posted the update",
		"mail the former incident commander's address; the former incident commander agreed; the incident commander too",
		"- The second incident commander spotted the lag early",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("missing %q in:\n%s", want, doc)
		}
	}
	kept := render(t, snap, Options{Names: true})
	for _, want := range []string{"Dr. Patel's failover", "Priya Shah", "maria.lopez@example.com", "M. Lopez", "Mr. Sam Patel", "Mark Young drained"} {
		if !strings.Contains(kept, want) {
			t.Errorf("--names lost %q", want)
		}
	}
}

// TestDurationsMatchShow: the postmortem rounds durations with
// incident.FormatDuration, as `scribe show` does (50m40s is 51m in both).
func TestDurationsMatchShow(t *testing.T) {
	snap := searchOutage()
	ms := snap.Incident.Milestones
	ms[incident.MilestoneResolved] = ms[incident.MilestoneStarted].Add(50*time.Minute + 40*time.Second)
	ms[incident.MilestoneMitigated] = ms[incident.MilestoneStarted].Add(29*time.Minute + 31*time.Second)
	doc := render(t, snap, Options{})
	want := incident.FormatDuration(50*time.Minute + 40*time.Second)
	for _, s := range []string{"lasted " + want, "- **Time to resolve:** " + want, "- **Time to mitigate:** " + incident.FormatDuration(29*time.Minute+31*time.Second)} {
		if !strings.Contains(doc, s) {
			t.Errorf("postmortem lacks %q", s)
		}
	}
	if want != "51m" {
		t.Errorf("FormatDuration(50m40s) = %q, want 51m", want)
	}
}
