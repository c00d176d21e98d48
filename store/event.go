package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"scribe/incident"
)

// LogEvent appends a free-kind event (note, action, decision, observation,
// comms), setting ID and LoggedAt; a zero OccurredAt means now.
func (s *Store) LogEvent(ctx context.Context, e *incident.Event) error {
	if e.Kind.Structured() {
		return incident.Errorf(incident.EINVALID, "kind %q is written by scribe itself when a status, role, milestone or action item changes: log one of %s", e.Kind, freeKinds())
	}
	c := *e
	now := s.now()
	if c.OccurredAt.IsZero() {
		c.OccurredAt = now
	}
	c.LoggedAt = now
	c.DeletedAt = time.Time{}
	c.Role, c.Person, c.State, c.Milestone, c.ActionItemID = "", "", "", "", 0
	if err := c.Validate(); err != nil {
		return err
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := requireIncident(ctx, tx, c.IncidentID); err != nil {
			return err
		}
		return s.insertEvent(ctx, tx, &c)
	})
	if err != nil {
		return err
	}
	*e = c
	return nil
}

// Event returns one event, deleted or not.
func (s *Store) Event(ctx context.Context, id int64) (incident.Event, error) {
	return findEvent(ctx, s.db, id)
}

// Events lists the incident's live events ordered by OccurredAt, then ID.
func (s *Store) Events(ctx context.Context, incidentID int64) ([]incident.Event, error) {
	var out []incident.Event
	err := s.read(ctx, func(q *sql.Conn) error {
		if err := requireIncident(ctx, q, incidentID); err != nil {
			return err
		}
		var err error
		out, err = listEvents(ctx, q, incidentID)
		return err
	})
	return out, err
}

// EditEvent applies fn to the event (text, time, kind, pin) in one
// transaction, keeping the previous version as a revision.
//
// fn may change OccurredAt, Text, Pinned and, for free-text kinds, Kind (to
// another free-text kind). Everything else is the store's or records what
// scribe did (who took a role, which state was set), and changing it is
// refused. Editing a milestone event's time moves the incident's milestone
// with it when the two agreed. A deleted event must be restored first.
func (s *Store) EditEvent(ctx context.Context, id int64, fn func(*incident.Event) error) (incident.Event, error) {
	var out incident.Event
	err := s.write(ctx, func(tx *sql.Tx) error {
		old, err := findEvent(ctx, tx, id)
		if err != nil {
			return err
		}
		if old.Deleted() {
			return incident.Errorf(incident.ECONFLICT, "event #%d is deleted: restore it before editing", id)
		}
		e := old
		if err := fn(&e); err != nil {
			return err
		}
		e.OccurredAt = e.OccurredAt.UTC()
		if err := checkEdit(&old, &e); err != nil {
			return err
		}
		if err := e.Validate(); err != nil {
			return err
		}
		if err := checkStored("event time", e.OccurredAt); err != nil {
			return err
		}
		if edited, _ := eventChanges(&old, &e); len(edited) == 0 {
			out = old
			return nil
		}
		now := s.now()
		// The revision copies the stored row, so that a value this scribe
		// could not read (see Event.Invalid) is kept as it was.
		if _, err := tx.ExecContext(ctx, `INSERT INTO event_revisions (event_id, occurred_at, text, kind, pinned, revised_at, created_at)
			SELECT id, occurred_at, text, kind, pinned, ?, ? FROM events WHERE id = ?`,
			formatTime(now), formatTime(now), id); err != nil {
			return fmt.Errorf("keep revision of event #%d: %w", id, err)
		}
		e.UpdatedAt = now
		if _, err := tx.ExecContext(ctx, eventEdit, eventEditArgs(&e)...); err != nil {
			return fmt.Errorf("edit event #%d: %w", id, err)
		}

		if e.Kind == incident.KindMilestone && !e.OccurredAt.Equal(old.OccurredAt) && !old.ClearsMilestone() {
			if err := s.followMilestone(ctx, tx, old, e.OccurredAt); err != nil {
				return err
			}
		}
		out, err = findEvent(ctx, tx, id)
		return err
	})
	return out, err
}

// followMilestone moves the incident's milestone to t when it still has the
// time of the milestone event that was just moved.
func (s *Store) followMilestone(ctx context.Context, tx *sql.Tx, old incident.Event, t time.Time) error {
	_, err := s.changeIncident(ctx, tx, old.IncidentID, func(inc *incident.Incident) error {
		if cur, ok := inc.Milestones.Get(old.Milestone); ok && cur.Equal(old.OccurredAt) {
			inc.Milestones[old.Milestone] = t
		}
		return nil
	})
	return err
}

// checkEdit refuses changes to what an edit may not touch.
func checkEdit(old, e *incident.Event) error {
	if _, refused := eventChanges(old, e); len(refused) > 0 {
		return incident.Errorf(incident.EINVALID, "event #%d: only its time, text, kind and pin can be edited (not %s)", old.ID, strings.Join(refused, ", "))
	}
	if e.Kind != old.Kind {
		if old.Kind.Structured() {
			return incident.Errorf(incident.EINVALID, "event #%d records a %s change: its kind cannot be edited", old.ID, old.Kind)
		}
		if e.Kind.Structured() {
			return incident.Errorf(incident.EINVALID, "kind %q is written by scribe itself: use one of %s", e.Kind, freeKinds())
		}
	}
	if e.OccurredAt.IsZero() {
		if old.OccurredAt.IsZero() {
			return incident.Errorf(incident.EINVALID, "event #%d has no readable time (%s): give it one", old.ID, old.Invalid)
		}
		return incident.Errorf(incident.EINVALID, "event #%d: the new time is empty", old.ID)
	}
	return nil
}

// DeleteEvent soft-deletes an event.
func (s *Store) DeleteEvent(ctx context.Context, id int64) error {
	return s.setEventDeleted(ctx, id, true)
}

// RestoreEvent undoes DeleteEvent.
func (s *Store) RestoreEvent(ctx context.Context, id int64) error {
	return s.setEventDeleted(ctx, id, false)
}

// setEventDeleted deletes or restores an event, and makes what it records
// follow: undoing "/status resolved" or "/milestone mitigated" puts the
// incident back where it was, undoing "/action …" removes the item.
func (s *Store) setEventDeleted(ctx context.Context, id int64, del bool) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		e, err := findEvent(ctx, tx, id)
		if err != nil {
			return err
		}
		var at time.Time
		verb := "restore"
		switch {
		case del && e.Deleted():
			return incident.Errorf(incident.ECONFLICT, "event #%d is already deleted", id)
		case !del && !e.Deleted():
			return incident.Errorf(incident.ECONFLICT, "event #%d is not deleted", id)
		case del:
			at, verb = s.now(), "delete"
		}
		if _, err := tx.ExecContext(ctx, `UPDATE events SET deleted_at = ?, updated_at = ? WHERE id = ?`,
			nullTime(at), formatTime(s.now()), id); err != nil {
			return fmt.Errorf("%s event #%d: %w", verb, id, err)
		}
		switch e.Kind {
		case incident.KindStatus:
			return s.followLatestStatus(ctx, tx, e.IncidentID, incident.Investigating)
		case incident.KindMilestone:
			return s.followLatestMilestone(ctx, tx, e.IncidentID, e.Milestone)
		case incident.KindActionItem:
			if e.ActionItemID != 0 {
				return s.setItemDeleted(ctx, tx, e.ActionItemID, at)
			}
		}
		return nil
	})
}

// Revisions lists an event's earlier versions, oldest first.
func (s *Store) Revisions(ctx context.Context, eventID int64) ([]incident.Revision, error) {
	var out []incident.Revision
	err := s.read(ctx, func(q *sql.Conn) error {
		if _, err := findEvent(ctx, q, eventID); err != nil {
			return err
		}
		rows, err := q.QueryContext(ctx, `SELECT occurred_at, text, kind, pinned, revised_at
			FROM event_revisions WHERE event_id = ? ORDER BY id`, eventID)
		if err != nil {
			return fmt.Errorf("list revisions of event #%d: %w", eventID, err)
		}
		defer rows.Close()
		for rows.Next() {
			r := incident.Revision{EventID: eventID}
			var (
				occurred, revised any
				kind              string
				bad               badRow // a revision has no Invalid: an unreadable time reads as zero
			)
			if err := rows.Scan(&occurred, &r.Text, &kind, &r.Pinned, &revised); err != nil {
				return fmt.Errorf("read revision of event #%d: %w", eventID, err)
			}
			r.Kind = incident.Kind(kind)
			r.OccurredAt = userTime("occurred_at", occurred, &bad)
			r.RevisedAt = userTime("revised_at", revised, &bad)
			out = append(out, r)
		}
		return rows.Err()
	})
	return out, err
}

// insertEvent writes e, setting its ID and, when zero, LoggedAt.
func (s *Store) insertEvent(ctx context.Context, tx *sql.Tx, e *incident.Event) error {
	now := s.now()
	if e.LoggedAt.IsZero() {
		e.LoggedAt = now
	}
	e.OccurredAt = e.OccurredAt.UTC()
	e.LoggedAt = e.LoggedAt.UTC()
	e.UpdatedAt = now
	if err := checkStored("event time", e.OccurredAt, e.LoggedAt, e.DeletedAt); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, eventInsert, eventArgs(e)...)
	if err != nil {
		return fmt.Errorf("insert event: %w", err)
	}
	if e.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("insert event: %w", err)
	}
	return nil
}

func findEvent(ctx context.Context, q querier, id int64) (incident.Event, error) {
	e, err := scanEvent(q.QueryRowContext(ctx, `SELECT `+eventSelect+` FROM events WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return e, incident.Errorf(incident.ENOTFOUND, "event #%d not found", id)
	}
	return e, err
}

// listEvents reads the incident's live events in timeline order. A long
// incident has 100,000 of them, which every export and every TUI start
// reads: the rows come straight from the driver connection, since
// database/sql's per-row locking and per-column conversions cost about as
// much as SQLite's own work.
func listEvents(ctx context.Context, conn *sql.Conn, incidentID int64) ([]incident.Event, error) {
	// Sizing the slice up front saves growing (and copying) a 100,000-event
	// slice again and again; the count reads the index alone.
	var n int
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM events WHERE incident_id = ?`, incidentID).Scan(&n); err != nil {
		return nil, fmt.Errorf("count events of incident #%d: %w", incidentID, err)
	}
	out := make([]incident.Event, 0, n)
	err := conn.Raw(func(dc any) error {
		prep, ok := dc.(driver.ConnPrepareContext)
		if !ok {
			return fmt.Errorf("the SQLite driver connection (%T) cannot prepare statements", dc)
		}
		st, err := prep.PrepareContext(ctx, `SELECT `+timelineSelect+` FROM events
			WHERE incident_id = ? AND deleted_at IS NULL ORDER BY occurred_at, id`)
		if err != nil {
			return err
		}
		defer st.Close()
		query, ok := st.(driver.StmtQueryContext)
		if !ok {
			return fmt.Errorf("the SQLite driver statement (%T) cannot run with a context", st)
		}
		rows, err := query.QueryContext(ctx, []driver.NamedValue{{Ordinal: 1, Value: incidentID}})
		if err != nil {
			return err
		}
		defer rows.Close()
		row := make([]driver.Value, len(rows.Columns()))
		var bad badRow
		for {
			err := rows.Next(row)
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return err
			}
			out = append(out, incident.Event{})
			e := &out[len(out)-1]
			if err := decodeEvent(timelineRead, row, e, &bad); err != nil {
				return err
			}
			e.IncidentID = incidentID
		}
	})
	if err != nil {
		return nil, fmt.Errorf("list events of incident #%d: %w", incidentID, err)
	}
	return out, nil
}

// scanEvent reads one row of eventSelect's columns through database/sql.
func scanEvent(r scanner) (incident.Event, error) {
	vals := make([]any, len(eventRead))
	ptrs := make([]any, len(vals))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := r.Scan(ptrs...); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return incident.Event{}, err
		}
		return incident.Event{}, fmt.Errorf("read event: %w", err)
	}
	row := make([]driver.Value, len(vals))
	for i, v := range vals {
		row[i] = v
	}
	var (
		e   incident.Event
		bad badRow
	)
	err := decodeEvent(eventRead, row, &e, &bad)
	return e, err
}

func freeKinds() string {
	parts := make([]string, len(incident.FreeKinds))
	for i, k := range incident.FreeKinds {
		parts[i] = string(k)
	}
	return strings.Join(parts, ", ")
}
