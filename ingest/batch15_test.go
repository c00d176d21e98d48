package ingest

import "testing"

// "What we'll change" heads the follow-ups, and an inline "Next steps:"
// label makes the commitments after it items, whatever their verb.
func TestFollowUpsAsWritten(t *testing.T) {
	for name, doc := range map[string]string{
		"heading": "# Top-ups failing\n\n## What we'll change\n\n- Stop pinning leaf certificates\n  - Owner: Mere Tane\n- Subscribe to the bank's change calendar\n",
		"label":   "Subject: exports outage\n\nExports failed overnight.\n\nNext steps: we will move the export window, and we'll add a check that holds exports.\n",
	} {
		res := ParseText(doc, Options{Reference: evalReference})
		if len(res.ActionItems) != 2 {
			t.Errorf("%s: items %v, want two", name, itemTitles(res.ActionItems))
		}
	}
}
