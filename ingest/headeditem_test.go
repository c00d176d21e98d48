package ingest

import (
	"testing"
	"time"

	"scribe/incident"
)

// A community server's write-up: one heading per action already taken,
// the login of whoever took it before the title or after "by", and a
// timeline bullet whose indented note says what "you need to do:".
func TestResultingActionHeadings(t *testing.T) {
	doc := "# Image proxy outage\n\n## Timeline\n\n" +
		"- **09:10** `@kai` Proxy returns 502 for every image\n" +
		"- **09:20** `@ines` Raised the worker limit.\n\n" +
		"    In the unit file, you need to do:\n" +
		"    ```\n    Workers=64\n    ```\n" +
		"- **09:25** Images load again\n\n" +
		"## Opportunities\n\nWe need dashboards for the proxy.\n\n" +
		"## Resulting Action\n\n" +
		"#### @kai Worker limit raised\n\nThe limit is now 64 on every proxy node.\n\n" +
		"#### 2) Proxy alert added by `@ines`\n\nAn alert fires when 502s pass 1%.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	if len(res.Entries) != 3 {
		t.Errorf("%d entries, want 3: %v", len(res.Entries), res.Entries)
	}
	want := []incident.ActionItem{
		{Title: "Worker limit raised", Owner: "@kai", State: incident.ItemDone},
		{Title: "Proxy alert added", Owner: "@ines", State: incident.ItemDone},
	}
	if len(res.ActionItems) != len(want) {
		t.Fatalf("items %v, want %d", itemTitles(res.ActionItems), len(want))
	}
	for i, w := range want {
		a := res.ActionItems[i]
		if a.Title != w.Title || a.Owner != w.Owner || a.State != w.State {
			t.Errorf("item %d: %q %q %q, want %q %q %q", i, a.Title, a.Owner, a.State, w.Title, w.Owner, w.State)
		}
	}
}

// Under the same heading, planned actions keep their state: "TODO" in
// front of the name, or a plan, is open; the marker is no part of it.
func TestResultingActionPlanned(t *testing.T) {
	doc := "# Queue lag\n\n## Timeline\n\n- **09:10** Queue lag alert\n- **09:40** Lag cleared\n\n## Resulting Action\n\n" +
		"#### 1) Plan for the database move\n\n`@ines` is planning the move to the new host.\n\n" +
		"#### 2) TODO Configuration Management\n\nWe need one way to roll out config to every node.\n\n" +
		"#### 3) Queue weights updated\n\nIngress now has twice the weight of push.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	want := []incident.ActionItem{
		{Title: "Plan for the database move", State: incident.ItemOpen},
		{Title: "Configuration Management", State: incident.ItemOpen},
		{Title: "Queue weights updated", State: incident.ItemDone},
	}
	if len(res.ActionItems) != len(want) {
		t.Fatalf("items %v, want %d", itemTitles(res.ActionItems), len(want))
	}
	for i, w := range want {
		if a := res.ActionItems[i]; a.Title != w.Title || a.State != w.State {
			t.Errorf("item %d: %q %q, want %q %q", i, a.Title, a.State, w.Title, w.State)
		}
	}
}
