package ingest

import (
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

// Follow-ups written as numbered bold headlines, each told by a paragraph
// and bullets left at the list's margin: the headlines are the items,
// done under "(completed)"; the paragraph and bullets describe them; a
// headline in words a section also uses ("… cause …", "… mitigation") is
// still an item.
func TestNumberedBoldHeadlines(t *testing.T) {
	doc := "# Profile store outage\n\n## Timeline\n\n- 2025-11-11 16:02 UTC writes slowed\n\n## Remediation\n\n" +
		"### Immediate actions (completed)\n\n" +
		"1.  **Root cause discovery and isolation**\nWe traced the fault to id exhaustion with the vendor's help, looking at:\n\n-   Query plans\n-   Read amplification\n\n" +
		"2.  **Move to a new partitioned table**\n\n-   Built a partitioned table with a fresh id space.\n-   Kept both tables in step with triggers.\n\n" +
		"3.  **Queue disk pressure mitigation**\n\n-   Paused intake when the broker disk reached 85%.\n\n" +
		"### Planned actions (planned or in-progress)\n\n" +
		"1.  **Deeper engine monitoring**\n    We plan to add alerts around:\n\n-   Read amplification per write\n-   Table statistics\n\n" +
		"2. **Runbooks for engine limits**\nWe plan to write down symptoms and checks.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	want := []struct {
		title string
		state incident.ItemState
		desc  string
	}{
		{"Root cause discovery and isolation", incident.ItemDone, "Query plans"},
		{"Move to a new partitioned table", incident.ItemDone, "fresh id space"},
		{"Queue disk pressure mitigation", incident.ItemDone, "Paused intake"},
		{"Deeper engine monitoring", incident.ItemOpen, "Table statistics"},
		{"Runbooks for engine limits", incident.ItemOpen, "symptoms and checks"},
	}
	if len(res.ActionItems) != len(want) {
		t.Fatalf("%d action items, want %d: %v", len(res.ActionItems), len(want), itemTitles(res.ActionItems))
	}
	for i, w := range want {
		a := res.ActionItems[i]
		if a.Title != w.title || a.State != w.state || !strings.Contains(a.Description, w.desc) {
			t.Errorf("item %d: %q %s %q, want %q %s and a description holding %q", i, a.Title, a.State, a.Description, w.title, w.state, w.desc)
		}
	}
}

// Tasks nested under a follow-up are items of their own, and so is the
// follow-up above them; short names under a label that ends in a colon
// still make one item that names them.
func TestNestedSubTasks(t *testing.T) {
	doc := "# Node image rollout\n\n## Timeline\n\n- 2022-09-14 08:10 UTC nodes not ready\n\n## Action Items\n\n" +
		"- Improve coverage of readiness probes\n    - Reach out to teams with probe examples\n    - Create a dashboard for probe coverage\n" +
		"- Pin the node image per cluster\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	want := []string{"Improve coverage of readiness probes", "Reach out to teams with probe examples", "Create a dashboard for probe coverage", "Pin the node image per cluster"}
	got := itemTitles(res.ActionItems)
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("items %q, want %q", got, want)
	}
}
