package github

import (
	"context"

	"scribe/incident"
)

// Store is what filing and syncing need from scribe's database; *store.Store
// satisfies it.
type Store interface {
	Snapshot(ctx context.Context, id int64) (incident.Snapshot, error)
	ActionItems(ctx context.Context, incidentID int64) ([]incident.ActionItem, error)
	UpdateActionItem(ctx context.Context, id int64, fn func(*incident.ActionItem) error) (incident.ActionItem, error)
}
