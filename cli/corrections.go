package cli

import (
	"context"
	"errors"

	"scribe/incident"
	"scribe/store"
)

// corrections is the store's part of issue #10's corrections (the store
// contract in the brief), reached through an interface until the store
// branch that implements it is merged.
type corrections interface {
	ClearMilestone(ctx context.Context, incidentID int64, m incident.Milestone, o incident.Origin) (incident.Event, error)
	DeleteActionItem(ctx context.Context, id int64) error
	RestoreActionItem(ctx context.Context, id int64) error
	UpdateRetroNote(ctx context.Context, id int64, fn func(*incident.RetroNote) error) (incident.RetroNote, error)
	DeleteRetroNote(ctx context.Context, id int64) error
	RestoreRetroNote(ctx context.Context, id int64) error
}

func correctionsOf(st *store.Store) (corrections, error) {
	if c, ok := any(st).(corrections); ok {
		return c, nil
	}
	return nil, errors.New("this scribe's store cannot make corrections yet")
}
