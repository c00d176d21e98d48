package demo

import (
	"context"
	"testing"

	"scribe/incident"
)

func TestLarge(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	const n = 1000
	id, err := Large(ctx, st, testNow, n)
	if err != nil {
		t.Fatalf("Large: %v", err)
	}
	snap, err := st.Snapshot(ctx, id)
	if err != nil {
		t.Fatalf("Snapshot(%d): %v", id, err)
	}
	if len(snap.Events) != n {
		t.Fatalf("%d events, want %d", len(snap.Events), n)
	}
	kinds := map[incident.Kind]int{}
	pinned := 0
	for i, e := range snap.Events {
		kinds[e.Kind]++
		if e.Pinned {
			pinned++
		}
		if !e.OccurredAt.Before(testNow) {
			t.Fatalf("event %d at %s is not before now (%s)", i, e.OccurredAt, testNow)
		}
		if i > 0 && e.OccurredAt.Before(snap.Events[i-1].OccurredAt) {
			t.Fatalf("event %d at %s comes before event %d at %s", i, e.OccurredAt, i-1, snap.Events[i-1].OccurredAt)
		}
	}
	for _, k := range []incident.Kind{incident.KindNote, incident.KindObservation, incident.KindAction, incident.KindDecision, incident.KindComms, incident.KindRole, incident.KindMilestone, incident.KindStatus} {
		if kinds[k] == 0 {
			t.Errorf("no %s event among %d: %v", k, n, kinds)
		}
	}
	if pinned == 0 {
		t.Error("no pinned event")
	}
	if snap.Incident.Timezone != largeZone || len(snap.Roles) != 2 {
		t.Errorf("zone %q, %d roles; want %q and 2", snap.Incident.Timezone, len(snap.Roles), largeZone)
	}
	if bad := snap.Incident.Milestones.OutOfOrder(); len(bad) > 0 {
		t.Errorf("milestones out of order: %v", bad)
	}
	if _, ok := snap.Incident.Milestones.Get(incident.MilestoneDetected); !ok {
		t.Error("detected milestone unset")
	}
}

func TestLargeRefusesBadCounts(t *testing.T) {
	st := openStore(t)
	for _, n := range []int{-1, MaxLarge + 1} {
		_, err := Large(context.Background(), st, testNow, n)
		if incident.ErrorCode(err) != incident.EINVALID {
			t.Errorf("Large(%d) = %v, want an invalid-input error", n, err)
		}
	}
}

func TestLargeSnapshotIsValid(t *testing.T) {
	snap := largeSnapshot(testNow, 2000)
	if err := snap.Incident.Validate(); err != nil {
		t.Fatalf("incident: %v", err)
	}
	for i, e := range snap.Events {
		e.IncidentID = 1 // assigned by the store on import
		if err := e.Validate(); err != nil {
			t.Fatalf("event %d: %v", i, err)
		}
	}
}

// BenchmarkLarge100k measures generating and importing the TUI's
// 100,000-event benchmark incident.
func BenchmarkLarge100k(b *testing.B) {
	st := openStore(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := Large(ctx, st, testNow, 100_000); err != nil {
			b.Fatal(err)
		}
	}
}
