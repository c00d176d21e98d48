package store

import (
	"context"
	"database/sql"

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
		inc, err := findIncident(ctx, tx, id)
		if err != nil {
			return err
		}
		inc.Milestones[m] = at
		inc.UpdatedAt = s.now()
		if err := updateIncident(ctx, tx, &inc); err != nil {
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
