package store

import (
	"context"
	"testing"
	"time"

	"scribe/incident"
)

func TestLogEventAndEventsOrder(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	later := &incident.Event{IncidentID: inc.ID, OccurredAt: t0.Add(10 * time.Minute), Kind: incident.KindNote, Text: "later"}
	earlier := &incident.Event{IncidentID: inc.ID, OccurredAt: t0.Add(-5 * time.Minute), Kind: incident.KindObservation, Text: "backdated", Pinned: true, Author: "ken", Source: incident.SourceTUI}
	// Same instant as later, logged after it: ID breaks the tie.
	tie := &incident.Event{IncidentID: inc.ID, OccurredAt: t0.Add(10 * time.Minute), Kind: incident.KindDecision, Text: "tie"}
	// Nanosecond precision must survive and sort right (a trimmed layout would not).
	nano := &incident.Event{IncidentID: inc.ID, OccurredAt: t0.Add(10*time.Minute - 1), Kind: incident.KindNote, Text: "one ns before later"}
	now := &incident.Event{IncidentID: inc.ID, Kind: incident.KindComms, Text: "no time means now"}
	for _, e := range []*incident.Event{later, earlier, tie, nano, now} {
		if err := s.LogEvent(ctx, e); err != nil {
			t.Fatal(err)
		}
		if e.ID == 0 || e.LoggedAt.IsZero() {
			t.Fatalf("LogEvent did not set ID/LoggedAt: %+v", e)
		}
	}
	if now.OccurredAt.IsZero() || !now.OccurredAt.Equal(now.LoggedAt) {
		t.Fatalf("zero OccurredAt should become now: %+v", now)
	}
	evs, err := s.Events(ctx, inc.ID)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, e := range evs {
		texts = append(texts, e.Text)
	}
	// The test clock reads seconds after t0, so "now" falls before t0+10m.
	want := []string{"backdated", "Incident declared", "no time means now", "one ns before later", "later", "tie"}
	if len(texts) != len(want) {
		t.Fatalf("events = %q, want %q", texts, want)
	}
	for i := range want {
		if texts[i] != want[i] {
			t.Fatalf("events = %q, want %q", texts, want)
		}
	}
	got, err := s.Event(ctx, earlier.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Pinned || got.Author != "ken" || got.Source != incident.SourceTUI || got.Kind != incident.KindObservation ||
		!got.OccurredAt.Equal(earlier.OccurredAt) || !got.LoggedAt.Equal(earlier.LoggedAt) {
		t.Fatalf("round trip: got %+v, want %+v", got, *earlier)
	}
}

func TestLogEventRefuses(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	cases := map[string]struct {
		e    incident.Event
		code string
	}{
		"empty text":      {incident.Event{IncidentID: inc.ID, Kind: incident.KindNote, Text: "  "}, incident.EINVALID},
		"unknown kind":    {incident.Event{IncidentID: inc.ID, Kind: "rant", Text: "x"}, incident.EINVALID},
		"structured kind": {incident.Event{IncidentID: inc.ID, Kind: incident.KindStatus, State: incident.Resolved, Text: "x"}, incident.EINVALID},
		"no incident":     {incident.Event{IncidentID: 99, Kind: incident.KindNote, Text: "x"}, incident.ENOTFOUND},
	}
	for name, c := range cases {
		e := c.e
		if err := s.LogEvent(ctx, &e); incident.ErrorCode(err) != c.code {
			t.Errorf("%s: error = %v, want %s", name, err, c.code)
		}
	}
	evs, _ := s.Events(ctx, inc.ID)
	if len(evs) != 1 {
		t.Fatalf("refused events were written: %d events", len(evs))
	}
	_, err := s.Events(ctx, 99)
	wantCode(t, err, incident.ENOTFOUND)
	_, err = s.Event(ctx, 12345)
	wantCode(t, err, incident.ENOTFOUND)
}
