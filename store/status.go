package store

import (
	"context"
	"database/sql"
	"strings"

	"scribe/incident"
)

// SetStatus changes the state and logs a status event carrying message; a
// change to resolved sets the resolved milestone when unset.
//
// Setting the current state again is allowed: it is a fresh status update
// (a new message for the status page).
func (s *Store) SetStatus(ctx context.Context, id int64, st incident.State, message string, o Origin) (incident.Event, error) {
	st, err := incident.ParseState(string(st))
	if err != nil {
		return incident.Event{}, err
	}
	message = strings.TrimSpace(message)
	if err := incident.ValidateText("status message", message, false); err != nil {
		return incident.Event{}, err
	}
	if message == "" {
		message = "Status: " + string(st)
	}
	at := s.at(o)
	var e incident.Event
	err = s.write(ctx, func(tx *sql.Tx) error {
		_, err := s.changeIncident(ctx, tx, id, func(inc *incident.Incident) error {
			if st == incident.Resolved && inc.State != incident.Resolved {
				if _, ok := inc.Milestones.Get(incident.MilestoneResolved); !ok {
					inc.Milestones[incident.MilestoneResolved] = at
				}
			}
			inc.State = st
			return nil
		})
		if err != nil {
			return err
		}
		e = incident.Event{
			IncidentID: id, OccurredAt: at, Kind: incident.KindStatus, Text: message,
			Author: o.Author, Source: o.Source, State: st,
		}
		return s.insertEvent(ctx, tx, &e)
	})
	return e, err
}
