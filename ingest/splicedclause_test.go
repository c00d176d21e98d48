package ingest

import (
	"testing"
	"time"
)

// Sentences of a postmortem with no timeline of its own: a comma alone
// joining two timed clauses ("… at 11:00, the queue stalled approx
// 11:04.") tells two moments; a plan in a later clause ("…, once it was
// clear the fix would take hours") leaves the moment before it a moment;
// a plan in the timed clause itself is none.
func TestSplicedClauseAndLatePlan(t *testing.T) {
	doc := "# Mail relay stalled on 2024-02-08\n\n## What happened\n\n" +
		"The relay host was rebooted by the provider at 11:00, the queue stalled approx 11:04.\n\n" +
		"Customers were told on the status page at approx 11:30, once it was clear the fix would take hours.\n\n" +
		"The vendor will replace the disk at 17:00.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	want := map[string]string{
		"The relay host was rebooted": "2024-02-08T11:00:00Z",
		"The queue stalled":           "2024-02-08T11:04:00Z",
		"Customers were told":         "2024-02-08T11:30:00Z",
	}
	got := map[string]string{}
	for _, e := range res.Entries {
		for prefix := range want {
			if len(e.Text) >= len(prefix) && e.Text[:len(prefix)] == prefix {
				got[prefix] = e.At.UTC().Format(time.RFC3339)
			}
		}
		if e.At.UTC().Hour() == 17 {
			t.Errorf("a plan read as an entry: %+v", e)
		}
	}
	for prefix, at := range want {
		if got[prefix] != at {
			t.Errorf("%q at %q, want %s (entries %+v)", prefix, got[prefix], at, res.Entries)
		}
	}
}
