package export

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

func TestCommunications(t *testing.T) {
	snap := searchOutage()
	snap.UpdateEvery = 30 * time.Minute
	// Helen's update names Priya: blameless, the name becomes her role.
	snap.Events[9].Text = "Status page: Priya says some searches return no results"
	c := Build(snap, Options{}).Communications
	if c.Cadence != "every 30m (SEV2)" || c.FirstAfter != "2m" || c.LongestGap != "18m" {
		t.Errorf("cadence %q, first after %q, longest gap %q; want every 30m (SEV2), 2m, 18m", c.Cadence, c.FirstAfter, c.LongestGap)
	}
	var got []string
	for _, u := range c.Updates {
		got = append(got, u.Date+"|"+u.Time+"|"+u.Text)
	}
	want := []string{
		"Tue 14 Oct 2025|10:04|Status set to Investigating — Investigating empty search results",
		"|10:07|Status page: the incident commander says some searches return no results",
		"|10:12|Status set to Identified — Alias pointed at an empty index",
		"|10:15|Status set to Monitoring — Results are back; watching error rates",
		"|10:33|Status set to Resolved",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("updates:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	named := Build(snap, Options{Names: true}).Communications
	if !strings.Contains(named.Updates[1].Text, "Priya says") {
		t.Errorf("--names lost the name: %q", named.Updates[1].Text)
	}
}

func TestCommunicationsGaps(t *testing.T) {
	snap := searchOutage()
	// Only the first update: the longest gap runs from it to the resolution.
	var kept []incident.Event
	for _, e := range snap.Events {
		if !incident.IsUpdate(&e) || e.ID == 8 {
			kept = append(kept, e)
		}
	}
	snap.Events = kept
	c := Build(snap, Options{}).Communications
	if len(c.Updates) != 1 || c.FirstAfter != "2m" || c.LongestGap != "29m" || c.Cadence != "" {
		t.Errorf("one update: %+v", c)
	}
	// An update logged before the declaration (backdated): no "first after",
	// the gap counts from it.
	snap.Events[0].Kind = incident.KindComms
	c = Build(snap, Options{}).Communications
	if c.FirstAfter != "" || c.LongestGap != "29m" {
		t.Errorf("update before the declaration: first after %q, longest gap %q; want none and 29m (10:04 to the resolution)", c.FirstAfter, c.LongestGap)
	}
	snap.Events = nil
	if c := Build(snap, Options{}).Communications; len(c.Updates) != 0 || c.FirstAfter != "" || c.LongestGap != "" {
		t.Errorf("no updates: %+v", c)
	}
}

func TestChecklistInPostmortem(t *testing.T) {
	snap := searchOutage()
	c := func(s string) time.Time { return at("America/Chicago", "2025-10-14 "+s) }
	snap.Checklist = []incident.ChecklistItem{
		{Text: "Name an incident commander", Severity: 2, Order: 1, State: incident.ChecklistDone, At: c("10:02"), By: "Priya Raman"},
		{Text: "Decide on customer comms | support", Severity: 2, Order: 2, State: incident.ChecklistSkipped, At: c("10:20"), By: "Dmitri Volkov"},
		{Text: "Freeze unrelated deploys", Severity: 1, Order: 3, State: incident.ChecklistOpen},
	}
	rows := Build(snap, Options{}).Checklist
	want := []ChecklistRow{
		{Text: "Name an incident commander", Severity: "SEV2", State: "done", Done: true, At: "Tue 14 Oct 10:02", By: "The incident commander"},
		{Text: `Decide on customer comms \| support`, Severity: "SEV2", State: "skipped", Skipped: true, At: "Tue 14 Oct 10:20", By: "The incident commander"},
		{Text: "Freeze unrelated deploys", Severity: "SEV1", State: "not done"},
	}
	if len(rows) != len(want) {
		t.Fatalf("rows %+v", rows)
	}
	for i := range want {
		if rows[i] != want[i] {
			t.Errorf("row %d = %+v\nwant     %+v", i, rows[i], want[i])
		}
	}
	var buf bytes.Buffer
	if err := Markdown(&buf, snap, Options{}); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	for _, line := range []string{
		"### Checklist",
		"| Name an incident commander | ✅ done | Tue 14 Oct 10:02 | The incident commander |",
		`| Decide on customer comms \| support | ⏭ skipped | Tue 14 Oct 10:20 | The incident commander |`,
		"| Freeze unrelated deploys | ❌ not done | — | — |",
	} {
		if !strings.Contains(md, line) {
			t.Errorf("postmortem lacks %q", line)
		}
	}
	if strings.Contains(md, "Priya") || strings.Contains(md, "Dmitri") {
		t.Error("the checklist names responders in a blameless export")
	}
	buf.Reset()
	if err := HTML(&buf, snap, Options{}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{
		`<h3 id="checklist">Checklist</h3>`,
		"<tr><td>Name an incident commander</td><td>✅ done</td><td>Tue 14 Oct 10:02</td><td>The incident commander</td></tr>",
		"<tr><td>Decide on customer comms | support</td><td>⏭ skipped</td>",
		"<tr><td>Freeze unrelated deploys</td><td>❌ not done</td><td>—</td><td>—</td></tr>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("HTML postmortem lacks %q", want)
		}
	}
	snap.Checklist = nil
	buf.Reset()
	if err := Markdown(&buf, snap, Options{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "### Checklist") {
		t.Error("an incident without a checklist shows an empty checklist section")
	}
}
