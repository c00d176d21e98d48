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
	m, err := incident.ParseMilestone(string(m))
	if err != nil {
		return incident.Event{}, err
	}
	at := s.at(o)
	var e incident.Event
	err = s.write(ctx, func(tx *sql.Tx) error {
		_, err := s.changeIncident(ctx, tx, id, func(inc *incident.Incident) error {
			inc.Milestones[m] = at
			return nil
		})
		if err != nil {
			return err
		}
		e = incident.Event{
			IncidentID: id, OccurredAt: at, Kind: incident.KindMilestone, Text: milestoneText(m),
			Author: o.Author, Source: o.Source, Milestone: m,
		}
		return s.insertEvent(ctx, tx, &e)
	})
	return e, err
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
	m, err := incident.ParseMilestone(string(m))
	if err != nil {
		return incident.Event{}, err
	}
	at := s.at(o)
	var e incident.Event
	err = s.write(ctx, func(tx *sql.Tx) error {
		_, err := s.changeIncident(ctx, tx, id, func(inc *incident.Incident) error {
			if _, ok := inc.Milestones.Get(m); !ok {
				return incident.Errorf(incident.ECONFLICT, "incident #%d has no %s milestone to clear", id, m)
			}
			delete(inc.Milestones, m)
			return nil
		})
		if err != nil {
			return err
		}
		e = incident.Event{
			IncidentID: id, OccurredAt: at, Kind: incident.KindMilestone, Text: clearedText(m),
			Author: o.Author, Source: o.Source, Milestone: m, State: incident.MilestoneCleared,
		}
		return s.insertEvent(ctx, tx, &e)
	})
	return e, err
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
func (s *Store) followLatestMilestone(ctx context.Context, tx *sql.Tx, id int64, m incident.Milestone) error {
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
	_, err = s.changeIncident(ctx, tx, id, func(inc *incident.Incident) error {
		if t.IsZero() {
			delete(inc.Milestones, m)
		} else {
			inc.Milestones[m] = t
		}
		return nil
	})
	return err
}
