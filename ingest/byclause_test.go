package ingest

import (
	"testing"
	"time"
)

// "… and by 9:40 UTC traffic had returned to normal" is a moment of its
// own after the sentence's first one; "by 15:00 UTC we will …" is a plan.
func TestByClauseMoment(t *testing.T) {
	doc := "Mirror outage on 2024-02-14\n\nAt 08:05 UTC we rotated the mirror's certificate. Around 08:20 UTC, clients began to fetch from the mirror again and by 08:31 UTC downloads had recovered fully. We hope to finish the cleanup and by 15:00 UTC we will close the ticket.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	var got []string
	for _, e := range res.Entries {
		got = append(got, e.At.Format("15:04")+" "+e.Text)
	}
	want := []string{"08:05 We rotated the mirror's certificate.", "08:20 Clients began to fetch from the mirror again", "08:31 Downloads had recovered fully."}
	if len(got) != len(want) {
		t.Fatalf("entries %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entry %d %q, want %q", i, got[i], want[i])
		}
	}
}
