package ingest

import (
	"testing"

	"scribe/incident"
)

// TestNewestFirstTies: a status page lists updates newest first; two
// updates posted in the same minute come out in the order they happened
// (the lower one first), and an oldest-first list keeps its own order.
func TestNewestFirstTies(t *testing.T) {
	page := `Resolved
This incident has been resolved.
Posted Mar 14, 2024 - 10:40 UTC

Monitoring
A fix has been deployed.
Posted Mar 14, 2024 - 10:12 UTC

Identified
The cause is a bad certificate.
Posted Mar 14, 2024 - 10:12 UTC

Investigating
We are looking into errors.
Posted Mar 14, 2024 - 09:58 UTC
`
	res := ParseText(page, Options{})
	var states []incident.State
	for _, e := range res.Entries {
		states = append(states, e.State)
	}
	want := []incident.State{incident.Investigating, incident.Identified, incident.Monitoring, incident.Resolved}
	if len(states) != len(want) {
		t.Fatalf("states %v, want %v", states, want)
	}
	for i := range want {
		if states[i] != want[i] {
			t.Fatalf("states %v, want %v", states, want)
		}
	}
	list := "- 2024-03-14 10:00 first\n- 2024-03-14 10:00 second\n- 2024-03-14 10:05 third\n"
	res = ParseText(list, Options{})
	if len(res.Entries) != 3 || res.Entries[0].Text != "first" || res.Entries[1].Text != "second" {
		t.Fatalf("oldest-first ties reordered: %+v", res.Entries)
	}
}
