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

// eventColumns is the column list scanEvent reads, in its order.
const eventColumns = `id, incident_id, occurred_at, logged_at, kind, text, author, pinned, source,
	role, person, state, milestone, action_item_id, deleted_at, updated_at`

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
		if err := checkEdit(old, e); err != nil {
			return err
		}
		e.OccurredAt = e.OccurredAt.UTC()
		if err := e.Validate(); err != nil {
			return err
		}
		if e.OccurredAt.Equal(old.OccurredAt) && e.Text == old.Text && e.Kind == old.Kind && e.Pinned == old.Pinned {
			out = old
			return nil
		}
		now := s.now()
		if _, err := tx.ExecContext(ctx, `INSERT INTO event_revisions (event_id, occurred_at, text, kind, pinned, revised_at, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, id, formatTime(old.OccurredAt), old.Text, string(old.Kind), old.Pinned,
			formatTime(now), formatTime(now)); err != nil {
			return fmt.Errorf("keep revision of event #%d: %w", id, err)
		}
		e.UpdatedAt = now
		if _, err := tx.ExecContext(ctx, `UPDATE events SET occurred_at = ?, text = ?, kind = ?, pinned = ?, updated_at = ? WHERE id = ?`,
			formatTime(e.OccurredAt), e.Text, string(e.Kind), e.Pinned, formatTime(now), id); err != nil {
			return fmt.Errorf("edit event #%d: %w", id, err)
		}
		if e.Kind == incident.KindMilestone && !e.OccurredAt.Equal(old.OccurredAt) {
			if err := s.followMilestone(ctx, tx, old, e.OccurredAt); err != nil {
				return err
			}
		}
		out = e
		return nil
	})
	return out, err
}

// followMilestone moves the incident's milestone to t when it still has the
// time of the milestone event that was just moved.
func (s *Store) followMilestone(ctx context.Context, tx *sql.Tx, old incident.Event, t time.Time) error {
	inc, err := findIncident(ctx, tx, old.IncidentID)
	if err != nil {
		return err
	}
	cur, ok := inc.Milestones.Get(old.Milestone)
	if !ok || !cur.Equal(old.OccurredAt) {
		return nil
	}
	inc.Milestones[old.Milestone] = t
	inc.UpdatedAt = s.now()
	return updateIncident(ctx, tx, &inc)
}

// checkEdit refuses changes to what an edit may not touch.
func checkEdit(old, e incident.Event) error {
	if e.ID != old.ID || e.IncidentID != old.IncidentID || !e.LoggedAt.Equal(old.LoggedAt) ||
		e.Author != old.Author || e.Source != old.Source || !e.DeletedAt.Equal(old.DeletedAt) ||
		e.Role != old.Role || e.Person != old.Person || e.State != old.State ||
		e.Milestone != old.Milestone || e.ActionItemID != old.ActionItemID {
		return incident.Errorf(incident.EINVALID, "event #%d: only its time, text, kind and pin can be edited", old.ID)
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
		return incident.Errorf(incident.EINVALID, "event #%d: the new time is empty", old.ID)
	}
	return nil
}

// DeleteEvent soft-deletes an event.
func (s *Store) DeleteEvent(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		e, err := findEvent(ctx, tx, id)
		if err != nil {
			return err
		}
		if e.Deleted() {
			return incident.Errorf(incident.ECONFLICT, "event #%d is already deleted", id)
		}
		now := formatTime(s.now())
		if _, err := tx.ExecContext(ctx, `UPDATE events SET deleted_at = ?, updated_at = ? WHERE id = ?`, now, now, id); err != nil {
			return fmt.Errorf("delete event #%d: %w", id, err)
		}
		if e.Kind == incident.KindStatus {
			// Undoing "/status resolved" puts the incident back where it was.
			return s.followLatestStatus(ctx, tx, e.IncidentID, incident.Investigating)
		}
		return nil
	})
}

// RestoreEvent undoes DeleteEvent.
func (s *Store) RestoreEvent(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		e, err := findEvent(ctx, tx, id)
		if err != nil {
			return err
		}
		if !e.Deleted() {
			return incident.Errorf(incident.ECONFLICT, "event #%d is not deleted", id)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE events SET deleted_at = NULL, updated_at = ? WHERE id = ?`, formatTime(s.now()), id); err != nil {
			return fmt.Errorf("restore event #%d: %w", id, err)
		}
		if e.Kind == incident.KindStatus {
			return s.followLatestStatus(ctx, tx, e.IncidentID, incident.Investigating)
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
			var occurred, kind, revised string
			if err := rows.Scan(&occurred, &r.Text, &kind, &r.Pinned, &revised); err != nil {
				return fmt.Errorf("read revision of event #%d: %w", eventID, err)
			}
			r.Kind = incident.Kind(kind)
			if r.OccurredAt, err = parseTime(occurred); err != nil {
				return fmt.Errorf("read revision of event #%d: %w", eventID, err)
			}
			if r.RevisedAt, err = parseTime(revised); err != nil {
				return fmt.Errorf("read revision of event #%d: %w", eventID, err)
			}
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
	res, err := tx.ExecContext(ctx, `INSERT INTO events (incident_id, occurred_at, logged_at, kind, text, author, pinned,
		source, role, person, state, milestone, action_item_id, deleted_at, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, eventArgs(e, now)...)
	if err != nil {
		return fmt.Errorf("insert event: %w", err)
	}
	if e.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("insert event: %w", err)
	}
	return nil
}

// eventArgs are the values of an events row, in insertEvent's column order.
func eventArgs(e *incident.Event, now time.Time) []any {
	var item any
	if e.ActionItemID != 0 {
		item = e.ActionItemID
	}
	return []any{e.IncidentID, formatTime(e.OccurredAt), formatTime(e.LoggedAt), string(e.Kind), e.Text, e.Author,
		e.Pinned, string(e.Source), e.Role, e.Person, string(e.State), string(e.Milestone), item,
		nullTime(e.DeletedAt), formatTime(now), formatTime(e.UpdatedAt)}
}

func findEvent(ctx context.Context, q querier, id int64) (incident.Event, error) {
	e, err := scanEvent(q.QueryRowContext(ctx, `SELECT `+eventColumns+` FROM events WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return e, incident.Errorf(incident.ENOTFOUND, "event #%d not found", id)
	}
	return e, err
}

// timelineColumns is what listEvents reads, in eventFromRow's order: the
// event columns but the incident (asked for) and deleted_at (NULL, asked
// for too).
const timelineColumns = `id, occurred_at, logged_at, kind, text, author, pinned, source,
	role, person, state, milestone, action_item_id, updated_at`

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
		st, err := prep.PrepareContext(ctx, `SELECT `+timelineColumns+` FROM events
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
		for {
			err := rows.Next(row)
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return err
			}
			e, err := eventFromRow(row)
			if err != nil {
				return err
			}
			e.IncidentID = incidentID
			out = append(out, e)
		}
	})
	if err != nil {
		return nil, fmt.Errorf("list events of incident #%d: %w", incidentID, err)
	}
	return out, nil
}

// eventFromRow decodes a row of timelineColumns.
func eventFromRow(row []driver.Value) (incident.Event, error) {
	var e incident.Event
	if len(row) != 14 {
		return e, fmt.Errorf("read event: %d columns, want 14", len(row))
	}
	var err error
	col := func(i int, name string) string {
		if err != nil {
			return ""
		}
		var s string
		s, err = textColumn(row[i], name)
		return s
	}
	id, ok := row[0].(int64)
	if !ok {
		return e, fmt.Errorf("read event: id is %T, not an integer", row[0])
	}
	e.ID = id
	occurred, logged, updated := col(1, "occurred_at"), col(2, "logged_at"), col(13, "updated_at")
	e.Kind, e.Text, e.Author = incident.Kind(col(3, "kind")), col(4, "text"), col(5, "author")
	e.Source, e.Role, e.Person = incident.Source(col(7, "source")), col(8, "role"), col(9, "person")
	e.State, e.Milestone = incident.State(col(10, "state")), incident.Milestone(col(11, "milestone"))
	if err != nil {
		return e, fmt.Errorf("read event #%d: %w", id, err)
	}
	switch v := row[6].(type) {
	case int64:
		e.Pinned = v != 0
	default:
		return e, fmt.Errorf("read event #%d: pinned is %T, not an integer", id, v)
	}
	switch v := row[12].(type) {
	case int64:
		e.ActionItemID = v
	case nil:
	default:
		return e, fmt.Errorf("read event #%d: action_item_id is %T, not an integer", id, v)
	}
	if e.OccurredAt, err = parseTime(occurred); err != nil {
		return e, fmt.Errorf("read event #%d: %w", id, err)
	}
	if e.LoggedAt, err = parseTime(logged); err != nil {
		return e, fmt.Errorf("read event #%d: %w", id, err)
	}
	if e.UpdatedAt, err = parseTime(updated); err != nil {
		return e, fmt.Errorf("read event #%d: %w", id, err)
	}
	return e, nil
}

// textColumn is a TEXT column's value as the driver hands it over.
func textColumn(v driver.Value, name string) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case []byte:
		return string(v), nil
	default:
		return "", fmt.Errorf("%s is %T, not text", name, v)
	}
}

func scanEvent(r scanner) (incident.Event, error) {
	var (
		e                              incident.Event
		occurred, logged, updated      string
		kind, source, state, milestone string
		item                           sql.NullInt64
		deleted                        sql.NullString
	)
	err := r.Scan(&e.ID, &e.IncidentID, &occurred, &logged, &kind, &e.Text, &e.Author, &e.Pinned, &source,
		&e.Role, &e.Person, &state, &milestone, &item, &deleted, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return e, err
	}
	if err != nil {
		return e, fmt.Errorf("read event: %w", err)
	}
	e.Kind, e.Source, e.State, e.Milestone = incident.Kind(kind), incident.Source(source), incident.State(state), incident.Milestone(milestone)
	e.ActionItemID = item.Int64
	if e.OccurredAt, err = parseTime(occurred); err != nil {
		return e, fmt.Errorf("read event #%d: %w", e.ID, err)
	}
	if e.LoggedAt, err = parseTime(logged); err != nil {
		return e, fmt.Errorf("read event #%d: %w", e.ID, err)
	}
	if e.UpdatedAt, err = parseTime(updated); err != nil {
		return e, fmt.Errorf("read event #%d: %w", e.ID, err)
	}
	if e.DeletedAt, err = parseNullTime(deleted); err != nil {
		return e, fmt.Errorf("read event #%d: %w", e.ID, err)
	}
	return e, nil
}

func freeKinds() string {
	parts := make([]string, len(incident.FreeKinds))
	for i, k := range incident.FreeKinds {
		parts[i] = string(k)
	}
	return strings.Join(parts, ", ")
}
