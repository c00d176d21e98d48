package store

import (
	"context"
	"sync"
	"testing"
	"time"

	"scribe/incident"
)

// settableClock is a clock a test moves by hand; two stores on one file
// share it, as two processes on one machine share the system clock.
type settableClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *settableClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *settableClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func TestFilingClaimBetweenTwoStores(t *testing.T) {
	ctx := context.Background()
	path := testDB(t)
	a, b := openAt(t, path), openAt(t, path)
	clock := &settableClock{t: t0}
	a.Now, b.Now = clock.now, clock.now
	inc := newIncident(t, a)
	item := incident.ActionItem{IncidentID: inc.ID, Title: "Alert on checkout error rate"}
	if err := a.AddActionItem(ctx, &item, Origin{}); err != nil {
		t.Fatalf("AddActionItem: %v", err)
	}
	const lease = 2 * time.Minute

	got, err := a.ClaimFiling(ctx, item.ID, "token-a", lease)
	if err != nil || !got.Held || got.Busy || got.TookOver || got.Item.UUID != item.UUID {
		t.Fatalf("first claim = %+v, %v; want held by a, the item returned", got, err)
	}
	got, err = b.ClaimFiling(ctx, item.ID, "token-b", lease)
	if err != nil || got.Held || !got.Busy || !got.Since.Equal(t0) {
		t.Fatalf("second claim under a live one = %+v, %v; want busy since %s", got, err, t0)
	}

	// The holder renews its claim; the lease then counts from the renewal.
	clock.advance(lease - time.Second)
	if got, err = a.ClaimFiling(ctx, item.ID, "token-a", lease); err != nil || !got.Held || got.TookOver {
		t.Fatalf("renewal = %+v, %v; want held, no takeover", got, err)
	}
	clock.advance(lease - time.Second)
	if got, err = b.ClaimFiling(ctx, item.ID, "token-b", lease); err != nil || !got.Busy {
		t.Fatalf("claim just inside the renewed lease = %+v, %v; want busy", got, err)
	}

	// Releasing under the wrong token changes nothing; under the right one
	// frees the item at once.
	if err := b.ReleaseFiling(ctx, item.ID, "token-b", false); err != nil {
		t.Fatalf("ReleaseFiling by non-holder: %v", err)
	}
	if got, err = b.ClaimFiling(ctx, item.ID, "token-b", lease); err != nil || !got.Busy {
		t.Fatalf("claim after a non-holder's release = %+v, %v; want still busy", got, err)
	}
	if err := a.ReleaseFiling(ctx, item.ID, "token-a", false); err != nil {
		t.Fatalf("ReleaseFiling: %v", err)
	}
	if got, err = b.ClaimFiling(ctx, item.ID, "token-b", lease); err != nil || !got.Held || got.TookOver {
		t.Fatalf("claim after release = %+v, %v; want held, no takeover", got, err)
	}

	// b dies holding the claim: once the lease has passed, a takes over and
	// is told so.
	clock.advance(lease)
	if got, err = a.ClaimFiling(ctx, item.ID, "token-a", lease); err != nil || !got.Held || !got.TookOver {
		t.Fatalf("claim over an expired one = %+v, %v; want held with takeover", got, err)
	}

	// A create that got no answer leaves the claim expired at once: the
	// next claimer, whatever its token, takes it over and is told so.
	if err := a.ReleaseFiling(ctx, item.ID, "token-a", true); err != nil {
		t.Fatalf("ReleaseFiling after an unanswered create: %v", err)
	}
	if got, err = b.ClaimFiling(ctx, item.ID, "token-b", lease); err != nil || !got.Held || !got.TookOver {
		t.Fatalf("claim after an unanswered create = %+v, %v; want held with takeover", got, err)
	}

	// Once the issue is recorded nobody can claim the item, whatever the
	// state of the claims, and the caller sees the issue.
	if _, err := a.UpdateActionItem(ctx, item.ID, func(it *incident.ActionItem) error {
		it.GitHub = incident.GitHubIssue{Repo: "acme/payments", Number: 12, URL: "https://github.com/acme/payments/issues/12", State: "open"}
		return nil
	}); err != nil {
		t.Fatalf("record the issue: %v", err)
	}
	for _, s := range []*Store{a, b} {
		got, err = s.ClaimFiling(ctx, item.ID, "token-c", lease)
		if err != nil || got.Held || got.Busy || got.Item.GitHub.Number != 12 {
			t.Fatalf("claim on a filed item = %+v, %v; want not held, not busy, issue #12", got, err)
		}
	}
}

func TestFilingClaimFromTheFutureExpires(t *testing.T) {
	ctx := context.Background()
	path := testDB(t)
	a, b := openAt(t, path), openAt(t, path)
	inc := newIncident(t, a)
	item := incident.ActionItem{IncidentID: inc.ID, Title: "Runbook for payment retries"}
	if err := a.AddActionItem(ctx, &item, Origin{}); err != nil {
		t.Fatalf("AddActionItem: %v", err)
	}
	a.Now = func() time.Time { return t0.Add(3 * time.Hour) }
	if got, err := a.ClaimFiling(ctx, item.ID, "token-a", time.Minute); err != nil || !got.Held {
		t.Fatalf("claim = %+v, %v; want held", got, err)
	}
	// The clock was set back by three hours: the claim must not block.
	b.Now = func() time.Time { return t0 }
	if got, err := b.ClaimFiling(ctx, item.ID, "token-b", time.Minute); err != nil || !got.Held || !got.TookOver {
		t.Fatalf("claim over one from the future = %+v, %v; want held with takeover", got, err)
	}
}

func TestFilingClaimRejectsBadInput(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	item := incident.ActionItem{IncidentID: inc.ID, Title: "Rotate the webhook secret"}
	if err := s.AddActionItem(ctx, &item, Origin{}); err != nil {
		t.Fatalf("AddActionItem: %v", err)
	}
	_, err := s.ClaimFiling(ctx, item.ID, " ", time.Minute)
	wantCode(t, err, incident.EINVALID)
	_, err = s.ClaimFiling(ctx, item.ID, "token", 0)
	wantCode(t, err, incident.EINVALID)
	_, err = s.ClaimFiling(ctx, item.ID+100, "token", time.Minute)
	wantCode(t, err, incident.ENOTFOUND)
}
