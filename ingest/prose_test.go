package ingest

import (
	"strings"
	"testing"
	"time"
)

// In a document told in prose only, a sentence that says when something
// happened is an entry wherever its time stands; plans and routines are not.
func TestProseMidSentence(t *testing.T) {
	text := "Outage on 2024-06-27\n\n" +
		"The alarm paged us at 14:09 UTC. We will post an update at 15:00 UTC. " +
		"The backup runs every night at 02:00 UTC. Later, at 15:30 UTC, service recovered. " +
		"Retries happen at 5 minutes past the hour. Availability was at 99.9% before the event."
	res := ParseText(text, Options{Zone: time.UTC})
	var got []string
	for _, e := range res.Entries {
		got = append(got, e.At.Format("15:04")+" "+e.Text)
	}
	want := []string{"14:09 The alarm paged us at 14:09 UTC.", "15:30 Later, at 15:30 UTC, service recovered."}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
