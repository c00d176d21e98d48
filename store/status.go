package store

import (
	"context"
	"strings"

	"scribe/incident"
)

// SetStatus changes the state and logs a status event carrying message; a
// change to resolved sets the resolved milestone when unset.
//
// Setting the current state again is allowed: it is a fresh status update
// (a new message for the status page).
func (s *Store) SetStatus(ctx context.Context, id int64, st incident.State, message string, o Origin) (incident.Event, error) {
	out, err := s.Apply(ctx, incident.Operation{
		ID: newID(), Kind: incident.OpSetStatus, Incident: incident.Ref{ID: id},
		At: o.At, Author: o.Author, Source: o.Source, State: st, Message: message,
	})
	return out.Event, err
}

func (s *Store) applySetStatus(ctx context.Context, tx *txn, op incident.Operation) (incident.Outcome, error) {
	st, err := incident.ParseState(string(op.State))
	if err != nil {
		return incident.Outcome{}, err
	}
	message := strings.TrimSpace(op.Message)
	if err := incident.ValidateText("status message", message, false); err != nil {
		return incident.Outcome{}, err
	}
	at := s.opAt(op)
	if err := checkStored("status time", at); err != nil {
		return incident.Outcome{}, err
	}
	inc, err := s.changeIncident(ctx, tx, func(inc *incident.Incident) error {
		if st == incident.Resolved && inc.State != incident.Resolved {
			if _, ok := inc.Milestones.Get(incident.MilestoneResolved); !ok {
				inc.Milestones[incident.MilestoneResolved] = at
			}
		}
		inc.State = st
		return nil
	})
	if err != nil {
		return incident.Outcome{}, err
	}
	e := s.logged(tx, op, incident.KindStatus, message)
	e.State = st
	err = s.insertEvent(ctx, tx, &e)
	return incident.Outcome{Event: e, Incident: inc}, err
}
