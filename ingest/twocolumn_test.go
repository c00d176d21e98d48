package ingest

import (
	"testing"
	"time"
)

// A two-column action table copied from a web page ("Action Item<TAB>Owner"
// then one row a line) gives each item its owner.
func TestTwoColumnTabbedActionTable(t *testing.T) {
	doc := "Post-mortem: Slow exports\n\nAction Items\nAction Item\tOwner\nSplit the export job into daily batches so one slow day cannot hold the rest\tData Squad\nAlert when an export runs longer than an hour\tOn-call rota\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	if len(res.ActionItems) != 2 {
		t.Fatalf("items %v, want two", itemTitles(res.ActionItems))
	}
	if res.ActionItems[0].Owner != "Data Squad" || res.ActionItems[1].Owner != "On-call rota" {
		t.Errorf("owners %q %q, want Data Squad and On-call rota", res.ActionItems[0].Owner, res.ActionItems[1].Owner)
	}
	if !twoColumnHeader("Task | Due") || twoColumnHeader("Stopped the export\tagain") {
		t.Error("header test wrong")
	}
}
