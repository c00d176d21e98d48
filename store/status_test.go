package store

import (
	"context"
	"testing"
	"time"

	"scribe/incident"
)

func TestSetStatus(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	e, err := s.SetStatus(ctx, inc.ID, "Identified", "", Origin{At: t0.Add(5 * time.Minute), Author: "rosa"})
	if err != nil {
		t.Fatal(err)
	}
	if e.Kind != incident.KindStatus || e.State != incident.Identified || e.Text != "" || !e.OccurredAt.Equal(t0.Add(5*time.Minute)) {
		t.Fatalf("status event = %+v", e)
	}
	resolvedAt := t0.Add(40 * time.Minute)
	e, err = s.SetStatus(ctx, inc.ID, incident.Resolved, "Checkout is back to normal.", Origin{At: resolvedAt})
	if err != nil {
		t.Fatal(err)
	}
	if e.Text != "Checkout is back to normal." {
		t.Fatalf("message not used: %q", e.Text)
	}
	got, _ := s.Incident(ctx, inc.ID)
	if r, ok := got.Milestones.Get(incident.MilestoneResolved); got.State != incident.Resolved || !ok || !r.Equal(resolvedAt) {
		t.Fatalf("after resolve: state %s, resolved %v %v", got.State, r, ok)
	}
	// Reopening and resolving again keeps the first resolved time.
	if _, err := s.SetStatus(ctx, inc.ID, incident.Monitoring, "", Origin{At: t0.Add(50 * time.Minute)}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetStatus(ctx, inc.ID, incident.Resolved, "", Origin{At: t0.Add(60 * time.Minute)}); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Incident(ctx, inc.ID)
	if r, _ := got.Milestones.Get(incident.MilestoneResolved); !r.Equal(resolvedAt) {
		t.Fatalf("resolved milestone moved to %v, want it kept at %v", r, resolvedAt)
	}
	evs, _ := s.Events(ctx, inc.ID)
	statuses := 0
	for _, e := range evs {
		if e.Kind == incident.KindStatus {
			statuses++
		}
	}
	if statuses != 4 {
		t.Fatalf("%d status events, want 4", statuses)
	}
	_, err = s.SetStatus(ctx, inc.ID, "fixed-ish", "", Origin{})
	wantCode(t, err, incident.EINVALID)
	_, err = s.SetStatus(ctx, 404, incident.Resolved, "", Origin{})
	wantCode(t, err, incident.ENOTFOUND)
}

func TestSetMilestone(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	started := t0.Add(-20 * time.Minute)
	e, err := s.SetMilestone(ctx, inc.ID, incident.MilestoneStarted, Origin{At: started, Author: "ken"})
	if err != nil {
		t.Fatal(err)
	}
	if e.Kind != incident.KindMilestone || e.Milestone != incident.MilestoneStarted || !e.OccurredAt.Equal(started) || e.Text != "Impact started" {
		t.Fatalf("milestone event = %+v", e)
	}
	// Detected before started: stored as given, flagged by the domain.
	if _, err := s.SetMilestone(ctx, inc.ID, "detect", Origin{At: started.Add(-time.Minute)}); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Incident(ctx, inc.ID)
	if len(got.Milestones.OutOfOrder()) != 1 {
		t.Fatalf("out of order = %v, want detected/started flagged", got.Milestones.OutOfOrder())
	}
	// A later call overwrites.
	if _, err := s.SetMilestone(ctx, inc.ID, incident.MilestoneDetected, Origin{At: started.Add(time.Minute)}); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Incident(ctx, inc.ID)
	if d := got.Milestones[incident.MilestoneDetected]; !d.Equal(started.Add(time.Minute)) || len(got.Milestones.OutOfOrder()) != 0 {
		t.Fatalf("detected = %v, out of order %v", d, got.Milestones.OutOfOrder())
	}
	_, err = s.SetMilestone(ctx, inc.ID, "lunch", Origin{})
	wantCode(t, err, incident.EINVALID)
	_, err = s.SetMilestone(ctx, 404, incident.MilestoneResolved, Origin{})
	wantCode(t, err, incident.ENOTFOUND)
}
