package github

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/google/uuid"

	"scribe/incident"
)

// claimLease is how long a claim on filing an item keeps other scribe
// processes off it. It outlasts one create request (requestTimeout), and a
// holder renews it before every retry, so only a claim whose process died
// gets this old.
const claimLease = 2 * time.Minute

// BusyError is an item another scribe process is filing right now. Nothing
// is recorded on the item: that process will record the issue (or its own
// error), and running again shortly picks up whatever is left.
type BusyError struct {
	ItemID int64
}

func (e *BusyError) Error() string {
	return fmt.Sprintf("another scribe process is filing action item %d; run again in a moment", e.ItemID)
}

// claim is this run's hold on filing one item: the marker listing cannot
// see an issue another process is creating at the same moment, so only the
// holder of the item's claim creates its issue.
type claim struct {
	st     Store
	itemID int64
	token  string
	// maybeCreated is set once a create went unanswered (no response, a
	// 5xx, a cancelled wait): GitHub may hold an issue nobody recorded.
	maybeCreated bool
	// sent is set once a create was sent under this claim.
	sent bool
}

// newToken names one run's claims.
func newToken() string { return uuid.NewString() }

// take claims the item for token. The item as stored comes back too: when
// it has an issue, another process filed it after this run's snapshot.
func (f *Filer) take(ctx context.Context, itemID int64, token string) (*claim, incident.FilingClaim, error) {
	got, err := f.st.ClaimFiling(ctx, itemID, token, claimLease)
	if err != nil {
		return nil, got, fmt.Errorf("claim action item %d for filing: %w", itemID, err)
	}
	return &claim{st: f.st, itemID: itemID, token: token}, got, nil
}

// renew extends the claim before another create attempt, so that a long
// run of retries does not let it expire under this process; when it was
// lost anyway the item is another process's now.
func (c *claim) renew(ctx context.Context) error {
	got, err := c.st.ClaimFiling(ctx, c.itemID, c.token, claimLease)
	if err != nil {
		return fmt.Errorf("renew the claim on action item %d: %w", c.itemID, err)
	}
	if !got.Held {
		return &BusyError{ItemID: c.itemID}
	}
	return nil
}

// attempted notes a failed create: only a refusal proves GitHub made
// nothing.
func (c *claim) attempted(err error) {
	if !certainlyNotCreated(err) {
		c.maybeCreated = true
	}
}

// release ends the claim. It runs even when ctx was cancelled. A release
// that fails leaves a claim that expires with its lease, and the next claimer
// then looks for the issue first: no harm beyond a wait, so it is not
// reported as the item's error.
func (c *claim) release(ctx context.Context) {
	_ = c.st.ReleaseFiling(context.WithoutCancel(ctx), c.itemID, c.token, c.maybeCreated)
}

// certainlyNotCreated is a create GitHub answered with a refusal (4xx, a rate limit,
// bad credentials), or one whose connection was refused before any request
// was sent: it certainly made no issue.
func certainlyNotCreated(err error) bool {
	if s := statusOf(err); s >= http.StatusBadRequest && s < http.StatusInternalServerError {
		return true
	}
	var bc *BadCredentialsError
	if errors.As(err, &bc) || refused(err) {
		return true
	}
	if _, ok := asRateLimit(err); ok {
		return true
	}
	_, ok := asSecondary(err)
	return ok
}
