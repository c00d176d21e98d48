package ingest

import (
	"testing"
	"time"
)

// "Future measures" written as prose wrapped at a fixed width: the
// promises are the items, not each wrapped line that happens to end a
// sentence nor the paragraph's opening explanation; a paragraph that
// opens as a condition and promises nothing is context; "… is not allowed
// and will be treated as abuse" is the policy's verb, not a second promise.
func TestFutureMeasuresProse(t *testing.T) {
	doc := "# Registry flooded with packages\n\n## Timeline\n\n- 2024-03-05 00:10 UTC uploads spike\n\n## Future measures\n\n" +
		"No one account should have been able to publish that\nmany packages in an hour. We will be introducing a rate limit on\nthe publish endpoint so a script cannot do it\nagain.\n\n" +
		"While we cannot know the uploader's intent, many have guessed that it was\na protest about the naming policy.\n\n" +
		"We will be adding a rule making it clear that flooding the registry\nto make a point is not allowed and will be treated as abuse.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	want := []string{
		"We will be introducing a rate limit on the publish endpoint so a script cannot do it again",
		"We will be adding a rule making it clear that flooding the registry to make a point is not allowed and will be treated as abuse",
	}
	got := itemTitles(res.ActionItems)
	if len(got) != len(want) {
		t.Fatalf("items %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("item %d %q, want %q", i, got[i], want[i])
		}
	}
}

// A heading that asks what is being done about it heads the follow-ups.
func TestWhatIsBeingDoneHeading(t *testing.T) {
	for _, h := range []string{"What is being done about this?", "What are we doing about it", "Future measures"} {
		if s := classify(h); s != sectionActions {
			t.Errorf("%q classified %d, want the follow-ups", h, s)
		}
	}
}
