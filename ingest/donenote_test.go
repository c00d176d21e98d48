package ingest

import (
	"testing"
	"time"

	"scribe/incident"
)

// An item whose last words are an emphasised "_done in …_" note is done;
// one that only mentions doing is open.
func TestDoneNoteClosesItem(t *testing.T) {
	doc := "# Queue backlog\n\n## Action items\n\n1. Chart the queue depth per worker pool so the on-call sees the backlog building.\n   The old chart only showed the total. _done in the dashboards_.\n2. Decide who is done with the old alert rules before removing them.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	if len(res.ActionItems) != 2 {
		t.Fatalf("items %v, want two", itemTitles(res.ActionItems))
	}
	if res.ActionItems[0].State != incident.ItemDone || res.ActionItems[1].State != incident.ItemOpen {
		t.Errorf("states %q %q, want done then open", res.ActionItems[0].State, res.ActionItems[1].State)
	}
}
