package ingest

import (
	"testing"
	"time"

	"scribe/incident"
)

// A lesson whose action taken is a rule, its cases listed below it: one
// done item, the cases its description, not three items.
func TestConditionList(t *testing.T) {
	doc := "# Bridge exploit scare\n\n## Timeline\n\n- 2023-05-01 0910: Report received.\n\n## Lessons learned\n\n### Pausing the bridge\n\n" +
		"**Action taken:**\n\nWe have set criteria for pausing the bridge:\n\n" +
		"- If funds are moving: pause at once.\n- If the flaw may be public: pause before a fix.\n- Otherwise: keep the bridge running.\n\n" +
		"### Monitoring\n\n**Action planned:** We will alert on unusual withdrawals.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	if len(res.ActionItems) != 2 {
		t.Fatalf("items %q, want 2", itemTitles(res.ActionItems))
	}
	a := res.ActionItems[0]
	if a.Title != "We have set criteria for pausing the bridge" || a.State != incident.ItemDone {
		t.Errorf("item %q %q, want the criteria, done", a.Title, a.State)
	}
	if want := "If funds are moving: pause at once. If the flaw may be public: pause before a fix. Otherwise: keep the bridge running."; a.Description != want {
		t.Errorf("description %q, want %q", a.Description, want)
	}
}
