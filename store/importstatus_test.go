package store

import (
	"context"
	"testing"
	"time"

	"scribe/incident"
)

// TestImportFollowsLatestStatus: appending a status-page log whose newest
// update is "resolved" resolves the incident; appending older updates
// leaves a newer typed status alone.
func TestImportFollowsLatestStatus(t *testing.T) {
	ctx := context.Background()
	st := openTest(t)
	inc := incident.Incident{Title: "API errors", Severity: 2, Timezone: "UTC"}
	t0 := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	if err := st.CreateIncident(ctx, &inc, Origin{At: t0}); err != nil {
		t.Fatal(err)
	}
	status := func(state incident.State, at time.Time) incident.Event {
		return incident.Event{IncidentID: inc.ID, OccurredAt: at, Kind: incident.KindStatus, State: state, Text: "update", Source: incident.SourceImport}
	}
	snap := incident.Snapshot{Events: []incident.Event{
		status(incident.Identified, t0.Add(10*time.Minute)),
		status(incident.Resolved, t0.Add(40*time.Minute)),
	}}
	if _, err := st.ImportSnapshot(ctx, snap, inc.ID); err != nil {
		t.Fatal(err)
	}
	got, err := st.Incident(ctx, inc.ID)
	if err != nil {
		t.Fatal(err)
	}
	resolved, ok := got.Milestones.Get(incident.MilestoneResolved)
	if got.State != incident.Resolved || !ok || !resolved.Equal(t0.Add(40*time.Minute)) {
		t.Fatalf("after importing a resolved update: state %q, resolved %v (%v)", got.State, resolved, ok)
	}

	// A newer status typed later wins over an older imported one.
	if _, err := st.SetStatus(ctx, inc.ID, incident.Monitoring, "reopened", Origin{At: t0.Add(2 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	older := incident.Snapshot{Events: []incident.Event{status(incident.Investigating, t0.Add(5*time.Minute))}}
	if _, err := st.ImportSnapshot(ctx, older, inc.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Incident(ctx, inc.ID); got.State != incident.Monitoring {
		t.Errorf("an older imported update changed the state to %q", got.State)
	}
}

// TestDeletingAStatusEventRestoresTheStateBefore: an undone "/status
// resolved" puts the incident back to the status before it; restoring the
// event resolves it again; with no status left it is investigating.
func TestDeletingAStatusEventRestoresTheStateBefore(t *testing.T) {
	ctx := context.Background()
	st := openTest(t)
	inc := incident.Incident{Title: "API errors", Severity: 2, Timezone: "UTC"}
	t0 := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	if err := st.CreateIncident(ctx, &inc, Origin{At: t0}); err != nil {
		t.Fatal(err)
	}
	identified, err := st.SetStatus(ctx, inc.ID, incident.Identified, "found it", Origin{At: t0.Add(time.Minute)})
	if err != nil {
		t.Fatal(err)
	}
	resolved, err := st.SetStatus(ctx, inc.ID, incident.Resolved, "oops, too early", Origin{At: t0.Add(2 * time.Minute)})
	if err != nil {
		t.Fatal(err)
	}
	state := func() incident.State {
		got, err := st.Incident(ctx, inc.ID)
		if err != nil {
			t.Fatal(err)
		}
		return got.State
	}
	if err := st.DeleteEvent(ctx, resolved.ID); err != nil {
		t.Fatal(err)
	}
	if s := state(); s != incident.Identified {
		t.Errorf("after deleting the resolved update: %q, want identified", s)
	}
	if err := st.RestoreEvent(ctx, resolved.ID); err != nil {
		t.Fatal(err)
	}
	if s := state(); s != incident.Resolved {
		t.Errorf("after restoring it: %q, want resolved", s)
	}
	if err := st.DeleteEvent(ctx, resolved.ID); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteEvent(ctx, identified.ID); err != nil {
		t.Fatal(err)
	}
	if s := state(); s != incident.Investigating {
		t.Errorf("with no status update left: %q, want investigating", s)
	}
}
