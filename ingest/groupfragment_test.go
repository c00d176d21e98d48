package ingest

import (
	"testing"
	"time"
)

// A checklist item that ends with a colon over short sub-tasks naming
// what it covers: one item naming them, not words added to the item above.
func TestGroupFragments(t *testing.T) {
	doc := "# Launch overload\n\n## Timeline\n\n- 2024-01-01 10:00 UTC Launch traffic peaked\n\n## Action Items\n\n" +
		"- [ ] Add read replicas to the gateway cache\n" +
		"- [ ] Ensure that alerting is in place for:\n  - [ ] Deposit relay\n  - [ ] Claims API\n" +
		"- [ ] Scope the batch submitter rewrite (in progress)\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	got := itemTitles(res.ActionItems)
	want := []string{"Add read replicas to the gateway cache", "Ensure that alerting is in place for Deposit relay, Claims API", "Scope the batch submitter rewrite"}
	if len(got) != len(want) {
		t.Fatalf("items %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("item %d %q, want %q", i, got[i], want[i])
		}
	}
	if d := res.ActionItems[0].Description; d != "" {
		t.Errorf("first item's description %q, want none", d)
	}
}

// A plan told in three levels ("… which will:" / "prompt authors to" /
// the steps) is one item; its levels describe it, and a step wrapped
// onto a second line stays in the description.
func TestNestedPlanItem(t *testing.T) {
	doc := "# Replay bug\n\n## Timeline\n\n- 2023-05-01 0910: Report received.\n\n## Lessons learned\n\n**Actions planned:**\n\n" +
		"- We will run the upstream test suite in CI.\n" +
		"- We are reworking how changes are reviewed, with a checklist that will:\n" +
		"  1. prompt authors to\n     1. write down the risks of the change and how they\n        were reduced\n" +
		"  1. prompt reviewers to:\n     1. look at code the change does not touch\n" +
		"- We will write a threat model for the bridge.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	got := itemTitles(res.ActionItems)
	want := []string{"We will run the upstream test suite in CI", "We are reworking how changes are reviewed, with a checklist that will", "We will write a threat model for the bridge"}
	if len(got) != len(want) {
		t.Fatalf("items %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("item %d %q, want %q", i, got[i], want[i])
		}
	}
	if d := res.ActionItems[1].Description; d != "prompt authors to write down the risks of the change and how they were reduced prompt reviewers to: look at code the change does not touch" {
		t.Errorf("description %q", d)
	}
}
