package ingest

import (
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

// Lessons written one topic at a time, each with bold labels for what was
// already done and what is still planned, as some teams write them.
func TestTakenAndPlannedLabels(t *testing.T) {
	doc := "# Ticket queue stall\n\n## Recovery\n\n**Actions taken:**\n\n- We drained the stuck queue by hand.\n\n" +
		"## Lessons learned\n\n### Paging reached the wrong rota\n\nThe alert paged the storage rota, not queue owners.\n\n" +
		"**Actions taken:**\n\n1. We have moved the queue alerts to the queue owners' rota.\n\n" +
		"**Actions planned:**\n\n1. We will review every alert's routing each quarter.\n\n" +
		"### The runbook was hard to find\n\n**Action taken:**\n\nThe queue runbook is now linked from every queue alert.\n\n" +
		"### Nobody watched the backlog\n\n**Action planned:** We will chart the backlog age on the team dashboard.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	want := map[string]incident.ItemState{
		"We have moved the queue alerts to the queue owners' rota": incident.ItemDone,
		"We will review every alert's routing each quarter":        incident.ItemOpen,
		"The queue runbook is now linked from every queue alert":   incident.ItemDone,
		"We will chart the backlog age on the team dashboard":      incident.ItemOpen,
	}
	if len(res.ActionItems) != len(want) {
		t.Fatalf("items %v, want %d", itemTitles(res.ActionItems), len(want))
	}
	for _, a := range res.ActionItems {
		st, ok := want[a.Title]
		if !ok {
			t.Errorf("item %q not expected", a.Title)
			continue
		}
		if a.State != st {
			t.Errorf("item %q state %q, want %q", a.Title, a.State, st)
		}
	}
	if !strings.Contains(res.Narrative.Resolution, "drained the stuck queue") {
		t.Errorf("resolution %q, want the drained queue", res.Narrative.Resolution)
	}
}
