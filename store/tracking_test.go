package store

// Added by the after work (issue #14): the tracking issue's row and claim.

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"scribe/incident"
)

func TestTrackingClaimBetweenTwoStores(t *testing.T) {
	ctx := context.Background()
	path := testDB(t)
	a, b := openAt(t, path), openAt(t, path)
	clock := &settableClock{t: t0}
	a.Now, b.Now = clock.now, clock.now
	inc := newIncident(t, a)
	const lease = 2 * time.Minute

	if _, err := a.TrackingIssue(ctx, inc.ID); incident.ErrorCode(err) != incident.ENOTFOUND {
		t.Fatalf("TrackingIssue before any claim: %v, want not found", err)
	}
	got, err := a.ClaimTracking(ctx, inc.ID, "token-a", lease)
	if err != nil || !got.Held || got.Busy || got.TookOver || got.Issue.UUID == "" || got.Issue.IncidentID != inc.ID {
		t.Fatalf("first claim = %+v, %v; want held, a uuid made", got, err)
	}
	id := got.Issue.UUID
	got, err = b.ClaimTracking(ctx, inc.ID, "token-b", lease)
	if err != nil || got.Held || !got.Busy || !got.Since.Equal(t0) || got.Issue.UUID != id {
		t.Fatalf("claim under a live one = %+v, %v; want busy since %s, the same uuid", got, err, t0)
	}
	// A dead holder's claim expires; the next claimer is told to look first.
	clock.advance(lease + time.Second)
	if got, err = b.ClaimTracking(ctx, inc.ID, "token-b", lease); err != nil || !got.Held || !got.TookOver {
		t.Fatalf("claim after the lease = %+v, %v; want held, taken over", got, err)
	}
	// a's late release does not free b's claim.
	if err := a.ReleaseTracking(ctx, inc.ID, "token-a", false); err != nil {
		t.Fatal(err)
	}
	if got, _ = a.ClaimTracking(ctx, inc.ID, "token-a", lease); !got.Busy {
		t.Fatalf("a stale release freed the claim: %+v", got)
	}
	// A create that went unanswered: released as maybe created, the next
	// claim (even right away) is a takeover.
	if err := b.ReleaseTracking(ctx, inc.ID, "token-b", true); err != nil {
		t.Fatal(err)
	}
	if got, err = a.ClaimTracking(ctx, inc.ID, "token-a", lease); err != nil || !got.Held || !got.TookOver {
		t.Fatalf("claim after an unanswered create = %+v, %v; want held, taken over", got, err)
	}
	// A clean release: the next claim is a plain one.
	if err := a.ReleaseTracking(ctx, inc.ID, "token-a", false); err != nil {
		t.Fatal(err)
	}
	if got, err = b.ClaimTracking(ctx, inc.ID, "token-b", lease); err != nil || !got.Held || got.TookOver {
		t.Fatalf("claim after a clean release = %+v, %v; want held, no takeover", got, err)
	}

	// Recorded: nobody claims it any more, everybody sees the issue.
	synced := t0.Add(time.Hour)
	rec, err := b.UpdateTrackingIssue(ctx, inc.ID, func(ti *incident.TrackingIssue) error {
		ti.Repo, ti.Number, ti.URL, ti.State, ti.SyncedAt = "acme/ops", 12, "https://github.com/acme/ops/issues/12", "open", synced
		ti.PostmortemURL = "https://wiki.example.com/pm/1"
		ti.UUID, ti.IncidentID = "forged", 999 // kept whatever fn does
		return nil
	})
	if err != nil || rec.UUID != id || rec.IncidentID != inc.ID || rec.Number != 12 {
		t.Fatalf("UpdateTrackingIssue = %+v, %v", rec, err)
	}
	got, err = a.ClaimTracking(ctx, inc.ID, "token-a", lease)
	if err != nil || got.Held || got.Busy || got.Issue.Number != 12 || got.Issue.Repo != "acme/ops" {
		t.Fatalf("claim of a filed issue = %+v, %v; want not held, the issue returned", got, err)
	}
	read, err := a.TrackingIssue(ctx, inc.ID)
	if err != nil || read.URL != rec.URL || read.State != "open" || !read.SyncedAt.Equal(synced) || !read.CreatedAt.Equal(t0) ||
		read.PostmortemURL != "https://wiki.example.com/pm/1" {
		t.Fatalf("TrackingIssue = %+v, %v", read, err)
	}
}

func TestTrackingRefusesBadInput(t *testing.T) {
	ctx := context.Background()
	st := openAt(t, filepath.Join(t.TempDir(), "scribe.db"))
	inc := newIncident(t, st)
	if _, err := st.ClaimTracking(ctx, inc.ID+100, "tok", time.Minute); incident.ErrorCode(err) != incident.ENOTFOUND {
		t.Errorf("claim for a missing incident: %v", err)
	}
	if _, err := st.ClaimTracking(ctx, inc.ID, " ", time.Minute); incident.ErrorCode(err) != incident.EINVALID {
		t.Errorf("empty token: %v", err)
	}
	if _, err := st.ClaimTracking(ctx, inc.ID, "tok", 0); incident.ErrorCode(err) != incident.EINVALID {
		t.Errorf("zero lease: %v", err)
	}
	if _, err := st.UpdateTrackingIssue(ctx, inc.ID, func(*incident.TrackingIssue) error { return nil }); incident.ErrorCode(err) != incident.ENOTFOUND {
		t.Errorf("update before any claim: %v", err)
	}
	if _, err := st.ClaimTracking(ctx, inc.ID, "tok", time.Minute); err != nil {
		t.Fatal(err)
	}
	_, err := st.UpdateTrackingIssue(ctx, inc.ID, func(ti *incident.TrackingIssue) error {
		ti.SyncedAt = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
		return nil
	})
	if incident.ErrorCode(err) != incident.EINVALID {
		t.Errorf("a sync time out of range: %v", err)
	}
}
