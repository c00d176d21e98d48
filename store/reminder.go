package store

// Time-boxed reminders.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"scribe/incident"
)

// AddReminder sets a reminder on incident r.IncidentID and logs a reminder
// event; it sets ID, UUID (when empty), CreatedAt and By (o's author).
func (s *Store) AddReminder(ctx context.Context, r *incident.Reminder, o Origin) error {
	c := *r
	if c.UUID == "" {
		c.UUID = newID()
	}
	out, err := s.Apply(ctx, incident.Operation{
		ID: c.UUID, Kind: incident.OpAddReminder, Incident: incident.Ref{ID: c.IncidentID},
		At: o.At, Author: o.Author, Source: o.Source, Reminder: &c,
	})
	if err != nil {
		return err
	}
	*r = out.Reminder
	return nil
}

func (s *Store) applyAddReminder(ctx context.Context, tx *txn, op incident.Operation) (incident.Outcome, error) {
	c := *op.Reminder
	c.ID, c.IncidentID, c.UUID = 0, tx.incident, op.ID
	c.Text, c.By = strings.TrimSpace(c.Text), strings.TrimSpace(op.Author)
	if c.State == "" {
		c.State = incident.ReminderOpen
	}
	e := s.logged(tx, op, incident.KindReminder, "Reminder set for "+s.clockIn(ctx, tx, c.DueAt)+": "+c.Text)
	if c.CreatedAt.IsZero() {
		c.CreatedAt = e.LoggedAt
	}
	if err := c.Validate(); err != nil {
		return incident.Outcome{}, err
	}
	if err := s.insertEvent(ctx, tx, &e); err != nil {
		return incident.Outcome{}, err
	}
	if err := insertReminder(ctx, tx, &c); err != nil {
		return incident.Outcome{}, err
	}
	return incident.Outcome{Event: e, Reminder: c}, nil
}

// Reminders lists the incident's reminders by due time.
func (s *Store) Reminders(ctx context.Context, incidentID int64) ([]incident.Reminder, error) {
	return incidentRows(ctx, s, incidentID, func(q *rconn) ([]incident.Reminder, error) { return listReminders(ctx, q, incidentID) })
}

// Reminder returns one reminder.
func (s *Store) Reminder(ctx context.Context, id int64) (incident.Reminder, error) {
	return findReminder(ctx, s.pool(), id)
}

// CloseReminder marks a reminder done or dismissed and logs it.
func (s *Store) CloseReminder(ctx context.Context, id int64, state incident.ReminderState, o Origin) (incident.Reminder, error) {
	return s.setReminder(ctx, id, incident.Operation{ReminderState: state, At: o.At, Author: o.Author, Source: o.Source})
}

// SnoozeReminder moves an open reminder's due time to until and logs it.
func (s *Store) SnoozeReminder(ctx context.Context, id int64, until time.Time, o Origin) (incident.Reminder, error) {
	return s.setReminder(ctx, id, incident.Operation{DueAt: until, At: o.At, Author: o.Author, Source: o.Source})
}

func (s *Store) setReminder(ctx context.Context, id int64, op incident.Operation) (incident.Reminder, error) {
	incidentID, err := incidentOf(ctx, s.pool(), "reminders", "reminder", id)
	if err != nil {
		return incident.Reminder{}, err
	}
	op.ID, op.Kind, op.Incident, op.Target = newID(), incident.OpSetReminder, incident.Ref{ID: incidentID}, incident.Ref{ID: id}
	out, err := s.Apply(ctx, op)
	return out.Reminder, err
}

func (s *Store) applySetReminder(ctx context.Context, tx *txn, op incident.Operation) (incident.Outcome, error) {
	id, err := resolveRow(ctx, tx, "reminders", "reminder", op.Target)
	if err != nil {
		return incident.Outcome{}, err
	}
	r, err := findReminder(ctx, tx, id)
	if err != nil {
		return incident.Outcome{}, err
	}
	if r.State != incident.ReminderOpen {
		return incident.Outcome{}, incident.Errorf(incident.ECONFLICT, "reminder #%d %q is %s already", id, r.Text, r.State)
	}
	e := s.logged(tx, op, incident.KindReminder, "")
	switch {
	case op.ReminderState == incident.ReminderOpen:
		return incident.Outcome{}, incident.Errorf(incident.ECONFLICT, "reminder #%d is open already", id)
	case op.ReminderState != "":
		r.State, r.ClosedAt = op.ReminderState, e.OccurredAt
		verb := "Done"
		if r.State == incident.ReminderDismissed {
			verb = "Dismissed"
		}
		e.Text = "Reminder " + strings.ToLower(verb) + ": " + r.Text
	default:
		if err := incident.CheckInstant("snooze time", op.DueAt); err != nil {
			return incident.Outcome{}, err
		}
		r.DueAt = op.DueAt.UTC()
		e.Text = "Reminder snoozed to " + s.clockIn(ctx, tx, r.DueAt) + ": " + r.Text
	}
	if err := s.insertEvent(ctx, tx, &e); err != nil {
		return incident.Outcome{}, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE reminders SET state = ?, due_at = ?, closed_at = ?, seq = ? WHERE id = ?`,
		string(r.State), formatTime(r.DueAt), nullTime(r.ClosedAt), tx.seq, id); err != nil {
		return incident.Outcome{}, fmt.Errorf("change reminder #%d: %w", id, err)
	}
	return incident.Outcome{Event: e, Reminder: r}, nil
}

// clockIn writes t as a clock time in the incident's zone, for event text.
func (s *Store) clockIn(ctx context.Context, tx *txn, t time.Time) string {
	loc := time.UTC
	if inc, err := findIncident(ctx, tx, tx.incident); err == nil {
		loc = inc.Location()
	}
	return t.In(loc).Format("15:04 MST")
}

func insertReminder(ctx context.Context, tx *txn, r *incident.Reminder) error {
	err := tx.QueryRowContext(ctx, `INSERT INTO reminders (uuid, seq, incident_id, text, who, due_at, state, author, created_at, closed_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uuid) DO NOTHING RETURNING id`,
		r.UUID, tx.seq, r.IncidentID, r.Text, r.Who, formatTime(r.DueAt), string(r.State), r.By,
		formatTime(r.CreatedAt), nullTime(r.ClosedAt)).Scan(&r.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return errReplayed
	}
	if err != nil {
		return fmt.Errorf("insert reminder: %w", err)
	}
	return nil
}

const reminderColumns = `id, uuid, incident_id, text, who, due_at, state, author, created_at, closed_at`

func findReminder(ctx context.Context, q querier, id int64) (incident.Reminder, error) {
	r, err := scanReminder(q.QueryRowContext(ctx, `SELECT `+reminderColumns+` FROM reminders WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, incident.Errorf(incident.ENOTFOUND, "reminder #%d not found", id)
	}
	return r, err
}

func scanReminder(row scanner) (incident.Reminder, error) {
	var (
		r                    incident.Reminder
		state                string
		due, created, closed any
		bad                  badRow
	)
	if err := row.Scan(&r.ID, &r.UUID, &r.IncidentID, &r.Text, &r.Who, &due, &state, &r.By, &created, &closed); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return r, err
		}
		return r, fmt.Errorf("read reminder: %w", err)
	}
	if st, err := incident.ParseReminderState(state); err == nil {
		r.State = st
	} else {
		r.State = incident.ReminderOpen
		bad.add("state", state, "is not open, done or dismissed")
	}
	r.DueAt = userTime("due_at", due, &bad)
	r.CreatedAt = userTime("created_at", created, &bad)
	r.ClosedAt = userTime("closed_at", closed, &bad)
	r.Invalid = bad.values()
	return r, nil
}

func listReminders(ctx context.Context, q querier, incidentID int64) ([]incident.Reminder, error) {
	return queryList(ctx, q, fmt.Sprintf("list the reminders of incident #%d", incidentID), scanReminder,
		`SELECT `+reminderColumns+` FROM reminders WHERE incident_id = ? ORDER BY due_at, id`, incidentID)
}

// importReminders writes imported reminders as they were; one whose UUID
// the database has (the same document imported twice) gets a new one.
func (s *Store) importReminders(ctx context.Context, tx *txn, rs []incident.Reminder) error {
	for i, r := range rs {
		c := r
		c.ID, c.IncidentID = 0, tx.incident
		if err := c.Validate(); err != nil {
			return fmt.Errorf("reminder %d: %w", i+1, err)
		}
		if c.CreatedAt.IsZero() {
			c.CreatedAt = s.now()
		}
		if c.UUID != "" {
			var one int
			err := tx.QueryRowContext(ctx, `SELECT 1 FROM reminders WHERE uuid = ?`, c.UUID).Scan(&one)
			if err == nil {
				c.UUID = ""
			} else if !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("reminder %d: %w", i+1, err)
			}
		}
		if c.UUID == "" {
			c.UUID = newID()
		}
		if err := insertReminder(ctx, tx, &c); err != nil {
			return fmt.Errorf("reminder %d: %w", i+1, err)
		}
	}
	return nil
}
