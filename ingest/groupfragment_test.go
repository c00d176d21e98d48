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
