package github

import (
	"context"
	"time"

	"scribe/incident"
)

// Store is what filing and syncing need from scribe's database; *store.Store
// satisfies it.
type Store interface {
	Snapshot(ctx context.Context, id int64) (incident.Snapshot, error)
	ActionItems(ctx context.Context, incidentID int64) ([]incident.ActionItem, error)
	UpdateActionItem(ctx context.Context, id int64, fn func(*incident.ActionItem) error) (incident.ActionItem, error)
	// ClaimFiling and ReleaseFiling keep two processes from creating one
	// item's issue at the same time (see claim).
	ClaimFiling(ctx context.Context, itemID int64, token string, lease time.Duration) (incident.FilingClaim, error)
	ReleaseFiling(ctx context.Context, itemID int64, token string, maybeCreated bool) error
}
