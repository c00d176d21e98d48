package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"scribe/incident"
)

// SetMilestone sets a milestone's time and logs a milestone event.
//
// The time is o.At (now when zero). A later call overwrites an earlier one;
// milestones out of their usual order are kept and left for
// Milestones.OutOfOrder to flag. Verb forms ("detect") are accepted.
func (s *Store) SetMilestone(ctx context.Context, id int64, m incident.Milestone, o Origin) (incident.Event, error) {
	out, err := s.Apply(ctx, incident.Operation{
		ID: newID(), Kind: incident.OpSetMilestone, Incident: incident.Ref{ID: id},
		At: o.At, Author: o.Author, Source: o.Source, Milestone: m,
	})
	return out.Event, err
}

func (s *Store) applySetMilestone(ctx context.Context, tx *txn, op incident.Operation) (incident.Outcome, error) {
	m, err := incident.ParseMilestone(string(op.Milestone))
	if err != nil {
		return incident.Outcome{}, err
	}
	at := s.opAt(op)
	inc, err := s.changeIncident(ctx, tx, func(inc *incident.Incident) error {
		inc.Milestones[m] = at
		return nil
	})
	if err != nil {
		return incident.Outcome{}, err
	}
	e := s.logged(tx, op, incident.KindMilestone, milestoneText(m))
	e.Milestone = m
	err = s.insertEvent(ctx, tx, &e)
	return incident.Outcome{Event: e, Incident: inc}, err
}

// milestoneText is how the timeline reads a milestone.
func milestoneText(m incident.Milestone) string {
	switch m {
	case incident.MilestoneStarted:
		return "Impact started"
	case incident.MilestoneDetected:
		return "Incident detected"
	case incident.MilestoneDeclared:
		return "Incident declared"
	case incident.MilestoneMitigated:
		return "Impact mitigated"
	case incident.MilestoneResolved:
		return "Incident resolved"
	}
	return m.Label()
}

// ClearMilestone unsets a milestone and logs a milestone event saying so
// (its State is incident.MilestoneCleared), at o.At. Clearing one that is
// not set is an ECONFLICT error.
func (s *Store) ClearMilestone(ctx context.Context, id int64, m incident.Milestone, o Origin) (incident.Event, error) {
	out, err := s.Apply(ctx, incident.Operation{
		ID: newID(), Kind: incident.OpClearMilestone, Incident: incident.Ref{ID: id},
		At: o.At, Author: o.Author, Source: o.Source, Milestone: m,
	})
	return out.Event, err
}

func (s *Store) applyClearMilestone(ctx context.Context, tx *txn, op incident.Operation) (incident.Outcome, error) {
	m, err := incident.ParseMilestone(string(op.Milestone))
	if err != nil {
		return incident.Outcome{}, err
	}
	inc, err := s.changeIncident(ctx, tx, func(inc *incident.Incident) error {
		if _, ok := inc.Milestones.Get(m); !ok {
			return incident.Errorf(incident.ECONFLICT, "incident #%d has no %s milestone to clear", inc.ID, m)
		}
		delete(inc.Milestones, m)
		return nil
	})
	if err != nil {
		return incident.Outcome{}, err
	}
	e := s.logged(tx, op, incident.KindMilestone, clearedText(m))
	e.Milestone, e.State = m, incident.MilestoneCleared
	err = s.insertEvent(ctx, tx, &e)
	return incident.Outcome{Event: e, Incident: inc}, err
}

// clearedText is how the timeline reads a cleared milestone.
func clearedText(m incident.Milestone) string {
	return "Milestone cleared: " + strings.ToLower(milestoneText(m))
}

// followLatestMilestone sets milestone m to the time of its latest live
// milestone event (latest as logged: a later /milestone overrides an
// earlier one whatever times they carry), or clears it when that event
// cleared it or none is left. It runs after a milestone event is deleted
// or restored, so that undoing "/milestone mitigated" brings back the
// earlier value.
func (s *Store) followLatestMilestone(ctx context.Context, tx *txn, m incident.Milestone) error {
	id := tx.incident
	var (
		state string
		at    any
	)
	err := tx.QueryRowContext(ctx, `SELECT state, occurred_at FROM events
		WHERE incident_id = ? AND kind = 'milestone' AND milestone = ? AND deleted_at IS NULL
		ORDER BY id DESC LIMIT 1`, id, string(m)).Scan(&state, &at)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("read the latest %s milestone of incident #%d: %w", m, id, err)
	}
	var t time.Time
	if err == nil && incident.State(state) != incident.MilestoneCleared {
		var bad badRow
		t = userTime("occurred_at", at, &bad)
	}
	_, err = s.changeIncident(ctx, tx, func(inc *incident.Incident) error {
		if t.IsZero() {
			delete(inc.Milestones, m)
		} else {
			inc.Milestones[m] = t
		}
		return nil
	})
	return err
}
