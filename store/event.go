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
// comms), setting ID, UUID (when empty) and LoggedAt; a zero OccurredAt
// means now. An event whose UUID the database has is not logged twice.
func (s *Store) LogEvent(ctx context.Context, e *incident.Event) error {
	c := *e
	if c.UUID == "" {
		c.UUID = newID()
	}
	out, err := s.Apply(ctx, incident.Operation{
		ID: c.UUID, Kind: incident.OpLogEvent, Incident: incident.Ref{ID: c.IncidentID},
		At: c.OccurredAt, Author: c.Author, Source: c.Source, Event: &c,
	})
	if err != nil {
		return err
	}
	*e = out.Event
	return nil
}

func (s *Store) applyLogEvent(ctx context.Context, tx *txn, op incident.Operation) (incident.Outcome, error) {
	c := *op.Event
	if c.Kind.Structured() {
		return incident.Outcome{}, incident.Errorf(incident.EINVALID, "kind %q is written by scribe itself when a status, role, milestone or action item changes: log one of %s", c.Kind, freeKinds())
	}
	c.ID, c.IncidentID, c.UUID = 0, tx.incident, op.ID
	c.OccurredAt, c.LoggedAt = s.opTimes(op)
	c.Author, c.Source = op.Author, op.Source
	c.DeletedAt = time.Time{}
	c.Role, c.Person, c.State, c.Milestone, c.ActionItemID = "", "", "", "", 0
	c.Severity, c.PreviousSeverity = 0, 0
	if err := c.Validate(); err != nil {
		return incident.Outcome{}, err
	}
	err := s.insertEvent(ctx, tx, &c)
	return incident.Outcome{Event: c}, err
}

// opTimes are when op says its change happened (op.At, else when it was
// typed) and when it was typed (op.Logged, else now).
func (s *Store) opTimes(op incident.Operation) (at, logged time.Time) {
	logged = op.Logged.UTC()
	if op.Logged.IsZero() {
		logged = s.now()
	}
	at = op.At.UTC()
	if op.At.IsZero() {
		at = logged
	}
	return at, logged
}

// opAt is when op says its change happened.
func (s *Store) opAt(op incident.Operation) time.Time {
	at, _ := s.opTimes(op)
	return at
}

// logged is the event an operation logs: its UUID is the operation's, and
// it carries the operation's author, source and times.
func (s *Store) logged(tx *txn, op incident.Operation, kind incident.Kind, text string) incident.Event {
	at, logged := s.opTimes(op)
	return incident.Event{
		UUID: op.ID, IncidentID: tx.incident, OccurredAt: at, LoggedAt: logged,
		Kind: kind, Text: text, Author: op.Author, Source: op.Source,
	}
}

// Event returns one event, deleted or not.
func (s *Store) Event(ctx context.Context, id int64) (incident.Event, error) {
	return findEvent(ctx, s.pool(), id)
}

// Events lists the incident's live events ordered by OccurredAt, then ID.
func (s *Store) Events(ctx context.Context, incidentID int64) ([]incident.Event, error) {
	return incidentRows(ctx, s, incidentID, func(q *rconn) ([]incident.Event, error) { return listEvents(ctx, q, incidentID) })
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
	incidentID, err := incidentOf(ctx, s.pool(), "events", "event", id)
	if err != nil {
		return incident.Event{}, err
	}
	var out incident.Outcome
	err = s.write(ctx, func(tx *txn) error {
		if err := tx.lock(ctx, incidentID); err != nil {
			return err
		}
		old, err := findEvent(ctx, tx, id)
		if err != nil {
			return err
		}
		e := old
		if err := fn(&e); err != nil {
			return err
		}
		e.OccurredAt = e.OccurredAt.UTC()
		if err := checkEdit(&old, &e); err != nil {
			return err
		}
		patch := incident.DiffEvent(old, e)
		out, err = s.applyIn(ctx, tx, incident.Operation{
			ID: newID(), Kind: incident.OpEditEvent, Incident: incident.Ref{ID: incidentID},
			Target: incident.Ref{ID: id}, EventPatch: &patch,
		})
		return err
	})
	return out.Event, err
}

func (s *Store) applyEditEvent(ctx context.Context, tx *txn, op incident.Operation) (incident.Outcome, error) {
	id, err := resolveRow(ctx, tx, "events", "event", op.Target)
	if err != nil {
		return incident.Outcome{}, err
	}
	old, err := findEvent(ctx, tx, id)
	if err != nil {
		return incident.Outcome{}, err
	}
	if old.Deleted() {
		return incident.Outcome{}, incident.Errorf(incident.ECONFLICT, "event #%d is deleted: restore it before editing", id)
	}
	e := old
	op.EventPatch.Apply(&e)
	e.OccurredAt = e.OccurredAt.UTC()
	if err := checkEdit(&old, &e); err != nil {
		return incident.Outcome{}, err
	}
	if err := e.Validate(); err != nil {
		return incident.Outcome{}, err
	}
	if err := checkStored("event time", e.OccurredAt); err != nil {
		return incident.Outcome{}, err
	}
	if edited, _ := eventChanges(&old, &e); len(edited) == 0 {
		return incident.Outcome{Event: old}, nil
	}
	now := s.now()
	// The revision copies the stored row, so that a value this scribe
	// could not read (see Event.Invalid) is kept as it was.
	if _, err := tx.ExecContext(ctx, `INSERT INTO event_revisions (event_id, occurred_at, text, kind, pinned, revised_at, created_at)
		SELECT id, occurred_at, text, kind, pinned, ?, ? FROM events WHERE id = ?`,
		formatTime(now), formatTime(now), id); err != nil {
		return incident.Outcome{}, fmt.Errorf("keep revision of event #%d: %w", id, err)
	}
	e.UpdatedAt = now
	if _, err := tx.ExecContext(ctx, eventEdit, eventEditArgs(&e, tx.seq)...); err != nil {
		return incident.Outcome{}, fmt.Errorf("edit event #%d: %w", id, err)
	}
	if e.Kind == incident.KindMilestone && !e.OccurredAt.Equal(old.OccurredAt) && !old.ClearsMilestone() {
		if err := s.followMilestone(ctx, tx, old, e.OccurredAt); err != nil {
			return incident.Outcome{}, err
		}
	}
	e, err = findEvent(ctx, tx, id)
	return incident.Outcome{Event: e}, err
}

// followMilestone moves the incident's milestone to t when it still has the
// time of the milestone event that was just moved.
func (s *Store) followMilestone(ctx context.Context, tx *txn, old incident.Event, t time.Time) error {
	_, err := s.changeIncident(ctx, tx, func(inc *incident.Incident) error {
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
	return s.targeted(ctx, "events", "event", id, incident.OpDeleteEvent)
}

// RestoreEvent undoes DeleteEvent.
func (s *Store) RestoreEvent(ctx context.Context, id int64) error {
	return s.targeted(ctx, "events", "event", id, incident.OpRestoreEvent)
}

// targeted applies an operation of kind on the row id of table, which
// names its incident.
func (s *Store) targeted(ctx context.Context, table, what string, id int64, kind incident.OpKind) error {
	incidentID, err := incidentOf(ctx, s.pool(), table, what, id)
	if err != nil {
		return err
	}
	_, err = s.Apply(ctx, incident.Operation{ID: newID(), Kind: kind, Incident: incident.Ref{ID: incidentID}, Target: incident.Ref{ID: id}})
	return err
}

// applyDeleteEvent deletes or restores an event, and makes what it records
// follow: undoing "/status resolved", "/milestone mitigated" or "/sev 1"
// puts the incident back where it was, undoing "/action …" removes the
// item.
func (s *Store) applyDeleteEvent(ctx context.Context, tx *txn, op incident.Operation) (incident.Outcome, error) {
	id, err := resolveRow(ctx, tx, "events", "event", op.Target)
	if err != nil {
		return incident.Outcome{}, err
	}
	e, err := findEvent(ctx, tx, id)
	if err != nil {
		return incident.Outcome{}, err
	}
	del := op.Kind == incident.OpDeleteEvent
	var at time.Time
	verb := "restore"
	switch {
	case del && e.Deleted():
		return incident.Outcome{}, incident.Errorf(incident.ECONFLICT, "event #%d is already deleted", id)
	case !del && !e.Deleted():
		return incident.Outcome{}, incident.Errorf(incident.ECONFLICT, "event #%d is not deleted", id)
	case del:
		at, verb = s.now(), "delete"
	}
	if _, err := tx.ExecContext(ctx, `UPDATE events SET deleted_at = ?, updated_at = ?, seq = ? WHERE id = ?`,
		nullTime(at), formatTime(s.now()), tx.seq, id); err != nil {
		return incident.Outcome{}, fmt.Errorf("%s event #%d: %w", verb, id, err)
	}
	switch e.Kind {
	case incident.KindStatus:
		err = s.followLatestStatus(ctx, tx, incident.Investigating)
	case incident.KindMilestone:
		err = s.followLatestMilestone(ctx, tx, e.Milestone)
	case incident.KindSeverity:
		err = s.followLatestSeverity(ctx, tx, e)
	case incident.KindActionItem:
		if e.ActionItemID != 0 {
			err = s.setItemDeleted(ctx, tx, e.ActionItemID, at)
		}
	}
	if err != nil {
		return incident.Outcome{}, err
	}
	e, err = findEvent(ctx, tx, id)
	return incident.Outcome{Event: e}, err
}

// Revisions lists an event's earlier versions, oldest first.
func (s *Store) Revisions(ctx context.Context, eventID int64) ([]incident.Revision, error) {
	var out []incident.Revision
	err := s.read(ctx, func(q *rconn) error {
		if _, err := findEvent(ctx, q, eventID); err != nil {
			return err
		}
		var err error
		out, err = queryList(ctx, q, fmt.Sprintf("list revisions of event #%d", eventID), func(row scanner) (incident.Revision, error) {
			r := incident.Revision{EventID: eventID}
			var (
				occurred, revised any
				kind              string
				bad               badRow // a revision has no Invalid: an unreadable time reads as zero
			)
			if err := row.Scan(&occurred, &r.Text, &kind, &r.Pinned, &revised); err != nil {
				return r, fmt.Errorf("read revision of event #%d: %w", eventID, err)
			}
			r.Kind = incident.Kind(kind)
			r.OccurredAt = userTime("occurred_at", occurred, &bad)
			r.RevisedAt = userTime("revised_at", revised, &bad)
			return r, nil
		}, `SELECT occurred_at, text, kind, pinned, revised_at FROM event_revisions WHERE event_id = ? ORDER BY id`, eventID)
		return err
	})
	return out, err
}

// insertEvent writes e, setting its ID and, when zero, LoggedAt and UUID.
func (s *Store) insertEvent(ctx context.Context, tx *txn, e *incident.Event) error {
	now := s.now()
	if e.LoggedAt.IsZero() {
		e.LoggedAt = now
	}
	if e.UUID == "" {
		e.UUID = newID()
	}
	e.OccurredAt = e.OccurredAt.UTC()
	e.LoggedAt = e.LoggedAt.UTC()
	e.UpdatedAt = now
	if err := checkStored("event time", e.OccurredAt, e.LoggedAt, e.DeletedAt); err != nil {
		return err
	}
	err := tx.QueryRowContext(ctx, eventInsert, eventArgs(e, tx.seq)...).Scan(&e.ID)
	if errors.Is(err, sql.ErrNoRows) {
		// The UUID is taken: the operation that logs it ran before.
		return errReplayed
	}
	if err != nil {
		return fmt.Errorf("insert event: %w", err)
	}
	return nil
}

func findEvent(ctx context.Context, q querier, id int64) (incident.Event, error) {
	e, err := findEventBy(ctx, q, `id = ?`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return e, incident.Errorf(incident.ENOTFOUND, "event #%d not found", id)
	}
	return e, err
}

// findEventBy reads the event where says (one column = ?).
func findEventBy(ctx context.Context, q querier, where string, arg any) (incident.Event, error) {
	return scanEvent(q.QueryRowContext(ctx, `SELECT `+eventSelect+` FROM events WHERE `+where, arg))
}

// findEventByRef reads the event r names.
func findEventByRef(ctx context.Context, q querier, r incident.Ref) (incident.Event, error) {
	if r.ID != 0 {
		return findEvent(ctx, q, r.ID)
	}
	e, err := findEventBy(ctx, q, `uuid = ?`, r.UUID)
	if errors.Is(err, sql.ErrNoRows) {
		return e, incident.Errorf(incident.ENOTFOUND, "event %s not found", r.UUID)
	}
	return e, err
}

// incidentOf is the incident of row id of table, which never changes.
func incidentOf(ctx context.Context, q querier, table, what string, id int64) (int64, error) {
	var inc int64
	err := q.QueryRowContext(ctx, `SELECT incident_id FROM `+table+` WHERE id = ?`, id).Scan(&inc)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, incident.Errorf(incident.ENOTFOUND, "%s #%d not found", what, id)
	}
	if err != nil {
		return 0, fmt.Errorf("find %s #%d: %w", what, id, err)
	}
	return inc, nil
}

// listEvents reads the incident's live events in timeline order. A long
// incident has 100,000 of them, which every export and every TUI start
// reads: on SQLite the rows come straight from the driver connection, since
// database/sql's per-row locking and per-column conversions cost about as
// much as SQLite's own work.
func listEvents(ctx context.Context, q *rconn, incidentID int64) ([]incident.Event, error) {
	where := `WHERE incident_id = ? AND deleted_at IS NULL ORDER BY occurred_at, id`
	// Sizing the slice up front saves growing (and copying) a 100,000-event
	// slice again and again; the count reads the index alone.
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM events WHERE incident_id = ?`, incidentID).Scan(&n); err != nil {
		return nil, fmt.Errorf("count events of incident #%d: %w", incidentID, err)
	}
	out := make([]incident.Event, 0, n)
	var err error
	if q.d.postgres {
		out, err = queryEvents(ctx, q, timelineRead, out, `SELECT `+timelineSelect+` FROM events `+where, incidentID)
	} else {
		out, err = rawEvents(ctx, q.conn, out, `SELECT `+timelineSelect+` FROM events `+where, incidentID)
	}
	if err != nil {
		return nil, fmt.Errorf("list events of incident #%d: %w", incidentID, err)
	}
	for i := range out {
		out[i].IncidentID = incidentID
	}
	return out, nil
}

// queryEvents appends the events query reads (columns cols) to out,
// through database/sql.
func queryEvents(ctx context.Context, q querier, cols []*eventColumn, out []incident.Event, query string, args ...any) ([]incident.Event, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	row := make([]driver.Value, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var bad badRow
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return out, err
		}
		for i, v := range vals {
			row[i] = v
		}
		out = append(out, incident.Event{})
		if err := decodeEvent(cols, row, &out[len(out)-1], &bad); err != nil {
			return out, err
		}
	}
	return out, rows.Err()
}

// rawEvents appends the events of a timelineRead query to out, reading
// the rows from SQLite's driver connection.
func rawEvents(ctx context.Context, conn *sql.Conn, out []incident.Event, query string, args ...any) ([]incident.Event, error) {
	err := conn.Raw(func(dc any) error {
		prep, ok := dc.(driver.ConnPrepareContext)
		if !ok {
			return fmt.Errorf("the SQLite driver connection (%T) cannot prepare statements", dc)
		}
		st, err := prep.PrepareContext(ctx, query)
		if err != nil {
			return err
		}
		defer st.Close()
		run, ok := st.(driver.StmtQueryContext)
		if !ok {
			return fmt.Errorf("the SQLite driver statement (%T) cannot run with a context", st)
		}
		named := make([]driver.NamedValue, len(args))
		for i, a := range args {
			named[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
		}
		rows, err := run.QueryContext(ctx, named)
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
			if err := decodeEvent(timelineRead, row, &out[len(out)-1], &bad); err != nil {
				return err
			}
		}
	})
	return out, err
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
