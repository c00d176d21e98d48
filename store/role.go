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

// AssignRole gives role (any alias; canonicalised) to person at o.At,
// closing the current holder's assignment, and logs a role event.
//
// "Current" means at o.At, so that a timeline can be filled in after the
// fact in any order: an assignment dated before a later one ends where the
// later one begins. Giving a role to the person who holds it at that time
// is an ECONFLICT error.
func (s *Store) AssignRole(ctx context.Context, id int64, role, person string, o Origin) (incident.Event, error) {
	out, err := s.Apply(ctx, incident.Operation{
		ID: newID(), Kind: incident.OpAssignRole, Incident: incident.Ref{ID: id},
		At: o.At, Author: o.Author, Source: o.Source, Role: role, Person: person,
	})
	return out.Event, err
}

func (s *Store) applyAssignRole(ctx context.Context, tx *txn, op incident.Operation) (incident.Outcome, error) {
	role, err := incident.CanonicalRole(op.Role)
	if err != nil {
		return incident.Outcome{}, err
	}
	if err := incident.ValidatePerson(op.Person); err != nil {
		return incident.Outcome{}, err
	}
	person := strings.TrimSpace(op.Person)
	at := s.opAt(op)
	if err := checkStored("hand-off time", at); err != nil {
		return incident.Outcome{}, err
	}
	id := tx.incident
	prev, hasPrev, err := assignmentAround(ctx, tx, id, role, at, false)
	if err != nil {
		return incident.Outcome{}, err
	}
	next, hasNext, err := assignmentAround(ctx, tx, id, role, at, true)
	if err != nil {
		return incident.Outcome{}, err
	}
	text := fmt.Sprintf("%s is %s", person, incident.RoleTitle(role))
	if hasPrev && (prev.Active() || prev.Until.After(at)) {
		if strings.EqualFold(prev.Person, person) {
			return incident.Outcome{}, incident.Errorf(incident.ECONFLICT, "%s is already %s of incident #%d", prev.Person, incident.RoleTitle(role), id)
		}
		text = fmt.Sprintf("%s took over as %s from %s", person, incident.RoleTitle(role), prev.Person)
		if _, err := tx.ExecContext(ctx, `UPDATE role_assignments SET until_at = ?, seq = ? WHERE id = ?`, formatTime(at), tx.seq, prev.ID); err != nil {
			return incident.Outcome{}, fmt.Errorf("close %s assignment of incident #%d: %w", role, id, err)
		}
	}
	e := s.logged(tx, op, incident.KindRole, text)
	e.Role, e.Person = role, person
	if err := s.insertEvent(ctx, tx, &e); err != nil {
		return incident.Outcome{}, err
	}
	a := incident.RoleAssignment{IncidentID: id, Role: role, Person: person, From: at, EventID: e.ID}
	if hasNext {
		a.Until = next.From
	}
	err = s.insertRole(ctx, tx, &a)
	return incident.Outcome{Event: e}, err
}

// Roles lists the incident's role assignments, oldest first.
func (s *Store) Roles(ctx context.Context, id int64) ([]incident.RoleAssignment, error) {
	return incidentRows(ctx, s, id, func(q *rconn) ([]incident.RoleAssignment, error) { return listRoles(ctx, q, id) })
}

const roleColumns = `id, uuid, incident_id, role, person, from_at, until_at, event_id, created_at`

// assignmentAround returns the role's assignment that began last at or
// before t, or with after set the first one that begins after t.
func assignmentAround(ctx context.Context, q querier, incidentID int64, role string, t time.Time, after bool) (incident.RoleAssignment, bool, error) {
	query := `SELECT ` + roleColumns + ` FROM role_assignments
		WHERE incident_id = ? AND role = ? AND from_at <= ? ORDER BY from_at DESC, id DESC LIMIT 1`
	if after {
		query = `SELECT ` + roleColumns + ` FROM role_assignments
		WHERE incident_id = ? AND role = ? AND from_at > ? ORDER BY from_at, id LIMIT 1`
	}
	a, err := scanRole(q.QueryRowContext(ctx, query, incidentID, role, formatTime(t)))
	if errors.Is(err, sql.ErrNoRows) {
		return a, false, nil
	}
	return a, err == nil, err
}

func (s *Store) insertRole(ctx context.Context, tx *txn, a *incident.RoleAssignment) error {
	var event any
	if a.EventID != 0 {
		event = a.EventID
	}
	a.CreatedAt = s.now()
	if a.UUID == "" {
		a.UUID = newID()
	}
	if err := checkStored(a.Role+" assignment", a.From, a.Until); err != nil {
		return err
	}
	if err := tx.QueryRowContext(ctx, `INSERT INTO role_assignments (uuid, seq, incident_id, role, person, from_at, until_at, event_id, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, a.UUID, tx.seq, a.IncidentID, a.Role, a.Person, formatTime(a.From), nullTime(a.Until),
		event, formatTime(a.CreatedAt)).Scan(&a.ID); err != nil {
		return fmt.Errorf("insert %s assignment: %w", a.Role, err)
	}
	return nil
}

func listRoles(ctx context.Context, q querier, incidentID int64) ([]incident.RoleAssignment, error) {
	return queryList(ctx, q, fmt.Sprintf("list roles of incident #%d", incidentID), scanRole,
		`SELECT `+roleColumns+` FROM role_assignments WHERE incident_id = ? ORDER BY from_at, id`, incidentID)
}

// scanRole reads a row of roleColumns; an unreadable time is noted in
// Invalid (see badRow).
func scanRole(r scanner) (incident.RoleAssignment, error) {
	var (
		a                    incident.RoleAssignment
		from, until, created any
		event                sql.NullInt64
		bad                  badRow
	)
	var uid sql.NullString
	err := r.Scan(&a.ID, &uid, &a.IncidentID, &a.Role, &a.Person, &from, &until, &event, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return a, err
	}
	if err != nil {
		return a, fmt.Errorf("read role assignment: %w", err)
	}
	a.EventID, a.UUID = event.Int64, uid.String
	a.From = userTime("from_at", from, &bad)
	a.Until = userTime("until_at", until, &bad)
	a.CreatedAt = userTime("created_at", created, &bad)
	a.Invalid = bad.values()
	return a, nil
}
