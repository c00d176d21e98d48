package ingest

import (
	"testing"
	"time"
)

// A postmortem whose only timed lines are its labelled key events ("First
// detected 2023-04-20 09:31") has no timeline of its own: the times its
// context and resolution sentences tell are entries, and a sentence that
// opens with a day and no time ("On the 20th of April 2023 - …") gives the
// day for the sentences after it.
func TestKeyEventsLeaveProseTimes(t *testing.T) {
	doc := "### Incident on 2023-04-20 09:31 - Search index stale.\n\n" +
		"- **Key events**\n  - First detected 2023-04-20 09:31\n  - Incident declared: 2023-04-20 09:40\n  - Resolved 2023-04-20 10:15\n\n" +
		"- **Context**:\n" +
		"  - On the 3rd of April 10:20 the vendor mailed a notice that the indexer host would be replaced on the 20th of April 2023.\n\n" +
		"  - On the 20th of April 2023 - the team was busy with a database migration elsewhere.\n\n" +
		"  - The host was replaced by the vendor at 09:25, the index went stale approx 09:34.\n\n" +
		"- **Resolution**:\n\n" +
		"  - The indexer was restarted by us at approx 10:05, which rebuilt the index.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	want := map[string]string{
		"The vendor mailed a notice":      "2023-04-03T10:20:00Z",
		"The index went stale":            "2023-04-20T09:34:00Z",
		"The host was replaced":           "2023-04-20T09:25:00Z",
		"The indexer was restarted by us": "2023-04-20T10:05:00Z",
	}
	got := map[string]string{}
	for _, e := range res.Entries {
		for prefix := range want {
			if len(e.Text) >= len(prefix) && e.Text[:len(prefix)] == prefix {
				got[prefix] = e.At.UTC().Format(time.RFC3339)
			}
		}
	}
	for prefix, at := range want {
		if got[prefix] != at {
			t.Errorf("%q at %q, want %s (entries %+v)", prefix, got[prefix], at, res.Entries)
		}
	}
}
