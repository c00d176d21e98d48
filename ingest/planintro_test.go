package ingest

import (
	"testing"
	"time"
)

// A blog post's prose promises "the following" without naming them
// changes or steps; the bullets after it are the follow-ups, and the
// bullets that only describe a later release are not.
func TestDoTheFollowingIntro(t *testing.T) {
	doc := "# Slow confirmations on the relay\n\n# Summary\n\nOn March 3, 2024 at 1410 UTC confirmations slowed down.\n\n" +
		"# Recovery and lessons\n\nThe backlog cleared on its own once traffic fell back to its usual level, about forty minutes later. We did not post a single status update while it lasted, and users had to guess what was going on from their own dashboards. That was a mistake. From now on, we will do the following so that it does not recur:\n\n" +
		"- We will alert on relay lag above thirty seconds.\n" +
		"- We will raise the poll rate limit for partners.\n\n" +
		"The next release changes the design. In short:\n\n" +
		"- Blocks will be pushed instead of polled.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	got := itemTitles(res.ActionItems)
	want := []string{"We will alert on relay lag above thirty seconds", "We will raise the poll rate limit for partners"}
	if len(got) != len(want) {
		t.Fatalf("items %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("item %d %q, want %q", i, got[i], want[i])
		}
	}
}
