package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"scribe/incident"
	ghub "scribe/integrations/github"
)

// TestCountsAgreeWithTheirNoun: a count of one is printed with the singular
// noun ("1 event", not "1 events"), any other with the plural.
func TestCountsAgreeWithTheirNoun(t *testing.T) {
	ev := incident.Event{ID: 1, Kind: incident.KindNote, Text: "x", OccurredAt: time.Date(2026, 1, 2, 3, 4, 0, 0, time.UTC)}
	for n, want := range map[int]string{1: "Timeline (1 event)\n", 2: "Timeline (2 events)\n"} {
		var b bytes.Buffer
		events := make([]incident.Event, n)
		for i := range events {
			events[i] = ev
		}
		printTimeline(&b, events, time.UTC)
		if !strings.Contains(b.String(), want) {
			t.Errorf("%d events: want %q in\n%s", n, want, b.String())
		}
	}
	for extra, want := range map[int]string{1: "(1 more line)", 3: "(3 more lines)"} {
		var b bytes.Buffer
		writePlan(&b, 1, ghub.Planned{Title: "t", Body: strings.Repeat("line\n", 12+extra)})
		if !strings.Contains(b.String(), want) {
			t.Errorf("%d lines past the preview: want %q in\n%s", extra, want, b.String())
		}
	}
}
