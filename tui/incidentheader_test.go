package tui

import (
	"testing"
	"time"

	"scribe/incident"
)

// A resolved incident with no time for its resolution (a postmortem
// imported after the fact) shows the span its events tell, not the time
// since it was imported; one with a resolved milestone shows up to it.
func TestHeaderClockOfAResolvedImport(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.Parse("2006-01-02 15:04", s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	snap := &incident.Snapshot{
		Incident: incident.Incident{State: incident.Resolved, CreatedAt: at("2026-12-06 17:00"), Milestones: incident.Milestones{}},
		Events: []incident.Event{
			{OccurredAt: at("2025-11-11 16:02"), Text: "ingestion slowed"},
			{OccurredAt: at("2025-11-15 06:20"), Text: "backlog cleared"},
		},
	}
	h := &header{snap: snap, now: at("2026-12-06 17:01")}
	if got := h.clock(); got != formatClock(86*time.Hour+18*time.Minute) {
		t.Errorf("clock %q, want the events' span of 86h18m", got)
	}
	snap.Incident.Milestones[incident.MilestoneResolved] = at("2025-11-15 07:00")
	snap.Incident.Milestones[incident.MilestoneStarted] = at("2025-11-11 16:00")
	if got := h.clock(); got != formatClock(87*time.Hour) {
		t.Errorf("clock %q, want started to resolved, 87h", got)
	}
}
