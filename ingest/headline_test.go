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

// After numbered bold headlines told in their own lines, a blank line and
// a list at the margin are the section's own items, not the last
// headline's description; an explicit state (an Open column, an unticked
// box) wins over a title told in the past.
func TestHeadlinesEndAndStatesWin(t *testing.T) {
	doc := "# Queue backlog\n\n## Timeline\n\n- 2025-02-10 09:00 UTC backlog grew\n\n## Follow-ups\n\n" +
		"1. **Queue monitoring**\n   Add a depth alert per tenant. Owner: Sasha\n" +
		"2. **Retry policy**\n   Cap retries at three.\n\n" +
		"- Database: add a replica for reads\n- Improve alerting on consumer lag\n" +
		"- [ ] We added a dashboard; still need to add alerts on it\n\n" +
		"| Action | Owner | Status |\n|---|---|---|\n| Added autoscaling to the consumer group | Yuki | In progress |\n| Increased the partition count | Yuki | Done |\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	want := map[string]incident.ItemState{
		"Queue monitoring": incident.ItemOpen, "Retry policy": incident.ItemOpen, "Database: add a replica for reads": incident.ItemOpen,
		"Improve alerting on consumer lag": incident.ItemOpen, "We added a dashboard; still need to add alerts on it": incident.ItemOpen,
		"Added autoscaling to the consumer group": incident.ItemOpen, "Increased the partition count": incident.ItemDone,
	}
	if len(res.ActionItems) != len(want) {
		t.Fatalf("items %q, want %d", itemTitles(res.ActionItems), len(want))
	}
	for _, a := range res.ActionItems {
		if st, ok := want[a.Title]; !ok || st != a.State {
			t.Errorf("item %q %s, want one of %v", a.Title, a.State, want)
		}
		if a.Title == "Queue monitoring" && a.Owner != "Sasha" {
			t.Errorf("owner %q, want Sasha from its line", a.Owner)
		}
	}
}
