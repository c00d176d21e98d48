package ingest

import (
	"testing"
	"time"
)

// A zone named for the pictures a postmortem shows ("the screenshots show
// times in UTC+3") is not the zone of its sentences, which stay in the
// zone the rest of the document writes.
func TestPictureZoneLeavesTheText(t *testing.T) {
	doc := "# Token leak of March 4th, 2025\n\n## What happened\n\n" +
		"At 2:15 PM UTC on March 3rd, the scanner flagged a token.\n\n" +
		"At 6:20PM on March 2nd, a new account pushed a branch to the mirror repository.\n\n" +
		"The push and the build finished within a minute (the screenshots show times in UTC+3, the reviewer's zone):\n\n" +
		"At 3:50 PM UTC on March 3rd, the account deleted a build log.\n\n" +
		"At 4:05 PM, the account used the token again.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	want := map[string]string{
		"A new account pushed": "2025-03-02T18:20:00Z",
		"The account used":     "2025-03-03T16:05:00Z",
	}
	seen := 0
	for _, e := range res.Entries {
		for prefix, at := range want {
			if len(e.Text) >= len(prefix) && e.Text[:len(prefix)] == prefix {
				seen++
				if got := e.At.UTC().Format(time.RFC3339); got != at {
					t.Errorf("%q at %s, want %s", e.Text, got, at)
				}
			}
		}
	}
	if seen != len(want) {
		t.Errorf("entries %+v, want the two sentences", res.Entries)
	}
}
