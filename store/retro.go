package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"scribe/incident"
)

// AddRetroNote appends a note at the end of its section, setting ID, Order,
// CreatedAt and the canonical Section (aliases such as "well" are accepted).
func (s *Store) AddRetroNote(ctx context.Context, n *incident.RetroNote) error {
	c := *n
	c.Text = strings.TrimSpace(c.Text)
	if err := c.Validate(); err != nil {
		return err
	}
	c.Section, _ = incident.ParseRetroSection(string(c.Section))
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := requireIncident(ctx, tx, c.IncidentID); err != nil {
			return err
		}
		return s.insertRetroNote(ctx, tx, &c)
	})
	if err != nil {
		return err
	}
	*n = c
	return nil
}

// RetroNotes lists live notes by section order, then Order.
func (s *Store) RetroNotes(ctx context.Context, incidentID int64) ([]incident.RetroNote, error) {
	var out []incident.RetroNote
	err := s.read(ctx, func(q *sql.Conn) error {
		if err := requireIncident(ctx, q, incidentID); err != nil {
			return err
		}
		var err error
		out, err = listRetroNotes(ctx, q, incidentID)
		return err
	})
	return out, err
}

// UpdateRetroNote applies fn to the note (its text and section) in one
// transaction, keeping the previous version as a revision. A note moved to
// another section goes to that section's end. A deleted note must be
// restored first.
func (s *Store) UpdateRetroNote(ctx context.Context, id int64, fn func(*incident.RetroNote) error) (incident.RetroNote, error) {
	var out incident.RetroNote
	err := s.write(ctx, func(tx *sql.Tx) error {
		old, err := findRetroNote(ctx, tx, id)
		if err != nil {
			return err
		}
		if old.Deleted() {
			return incident.Errorf(incident.ECONFLICT, "retro note #%d is deleted: restore it before editing", id)
		}
		c := old
		if err := fn(&c); err != nil {
			return err
		}
		c.ID, c.IncidentID, c.Order, c.CreatedAt, c.DeletedAt, c.Invalid = old.ID, old.IncidentID, old.Order, old.CreatedAt, old.DeletedAt, old.Invalid
		c.Text = strings.TrimSpace(c.Text)
		if err := c.Validate(); err != nil {
			return err
		}
		c.Section, _ = incident.ParseRetroSection(string(c.Section))
		if c.Text == old.Text && c.Section == old.Section {
			out = old
			return nil
		}
		now := formatTime(s.now())
		if _, err := tx.ExecContext(ctx, `INSERT INTO retro_note_revisions (retro_note_id, section, text, revised_at, created_at)
			SELECT id, section, text, ?, ? FROM retro_notes WHERE id = ?`, now, now, id); err != nil {
			return fmt.Errorf("keep revision of retro note #%d: %w", id, err)
		}
		if c.Section != old.Section {
			if c.Order, err = nextRetroPosition(ctx, tx, c.IncidentID, c.Section); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE retro_notes SET section = ?, text = ?, position = ? WHERE id = ?`,
			string(c.Section), c.Text, c.Order, id); err != nil {
			return fmt.Errorf("edit retro note #%d: %w", id, err)
		}
		out = c
		return nil
	})
	return out, err
}

// RetroNoteRevisions lists a note's earlier versions, oldest first.
func (s *Store) RetroNoteRevisions(ctx context.Context, id int64) ([]incident.RetroNoteRevision, error) {
	var out []incident.RetroNoteRevision
	err := s.read(ctx, func(q *sql.Conn) error {
		if _, err := findRetroNote(ctx, q, id); err != nil {
			return err
		}
		rows, err := q.QueryContext(ctx, `SELECT section, text, revised_at FROM retro_note_revisions
			WHERE retro_note_id = ? ORDER BY id`, id)
		if err != nil {
			return fmt.Errorf("list revisions of retro note #%d: %w", id, err)
		}
		defer rows.Close()
		for rows.Next() {
			r := incident.RetroNoteRevision{RetroNoteID: id}
			var (
				section string
				revised any
				bad     badRow // a revision has no Invalid: an unreadable time reads as zero
			)
			if err := rows.Scan(&section, &r.Text, &revised); err != nil {
				return fmt.Errorf("read revision of retro note #%d: %w", id, err)
			}
			r.Section = incident.RetroSection(section)
			r.RevisedAt = userTime("revised_at", revised, &bad)
			out = append(out, r)
		}
		return rows.Err()
	})
	return out, err
}

// RetroNote returns one note, deleted or not.
func (s *Store) RetroNote(ctx context.Context, id int64) (incident.RetroNote, error) {
	return findRetroNote(ctx, s.db, id)
}

// DeleteRetroNote soft-deletes a note.
func (s *Store) DeleteRetroNote(ctx context.Context, id int64) error {
	return s.setNoteDeleted(ctx, id, true)
}

// RestoreRetroNote undoes DeleteRetroNote; the note keeps its place.
func (s *Store) RestoreRetroNote(ctx context.Context, id int64) error {
	return s.setNoteDeleted(ctx, id, false)
}

func (s *Store) setNoteDeleted(ctx context.Context, id int64, del bool) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		n, err := findRetroNote(ctx, tx, id)
		if err != nil {
			return err
		}
		var at time.Time
		verb := "restore"
		switch {
		case del && n.Deleted():
			return incident.Errorf(incident.ECONFLICT, "retro note #%d is already deleted", id)
		case !del && !n.Deleted():
			return incident.Errorf(incident.ECONFLICT, "retro note #%d is not deleted", id)
		case del:
			at, verb = s.now(), "delete"
		}
		if _, err := tx.ExecContext(ctx, `UPDATE retro_notes SET deleted_at = ? WHERE id = ?`, nullTime(at), id); err != nil {
			return fmt.Errorf("%s retro note #%d: %w", verb, id, err)
		}
		return nil
	})
}

// insertRetroNote writes a validated note after the last one of its
// section, setting ID, Order and CreatedAt.
func (s *Store) insertRetroNote(ctx context.Context, tx *sql.Tx, n *incident.RetroNote) error {
	var err error
	if n.Order, err = nextRetroPosition(ctx, tx, n.IncidentID, n.Section); err != nil {
		return err
	}
	n.CreatedAt = s.now()
	res, err := tx.ExecContext(ctx, `INSERT INTO retro_notes (incident_id, section, text, position, deleted_at, created_at)
		VALUES (?, ?, ?, ?, NULL, ?)`, n.IncidentID, string(n.Section), n.Text, n.Order, formatTime(n.CreatedAt))
	if err != nil {
		return fmt.Errorf("insert retro note: %w", err)
	}
	if n.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("insert retro note: %w", err)
	}
	return nil
}

// nextRetroPosition is the place after the last note of the section,
// deleted ones included, so that positions are never reused.
func nextRetroPosition(ctx context.Context, tx *sql.Tx, incidentID int64, section incident.RetroSection) (int, error) {
	var last int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(position), 0) FROM retro_notes WHERE incident_id = ? AND section = ?`,
		incidentID, string(section)).Scan(&last); err != nil {
		return 0, fmt.Errorf("find the end of retro section %s: %w", section, err)
	}
	return last + 1, nil
}

const retroNoteColumns = `id, incident_id, section, text, position, created_at, deleted_at`

func findRetroNote(ctx context.Context, q querier, id int64) (incident.RetroNote, error) {
	n, err := scanRetroNote(q.QueryRowContext(ctx, `SELECT `+retroNoteColumns+` FROM retro_notes WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return n, incident.Errorf(incident.ENOTFOUND, "retro note #%d not found", id)
	}
	return n, err
}

// scanRetroNote reads a row of retroNoteColumns; an unreadable time is
// noted in Invalid (see badRow).
func scanRetroNote(r scanner) (incident.RetroNote, error) {
	var (
		n                incident.RetroNote
		section          string
		created, deleted any
		bad              badRow
	)
	if err := r.Scan(&n.ID, &n.IncidentID, &section, &n.Text, &n.Order, &created, &deleted); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return n, err
		}
		return n, fmt.Errorf("read retro note: %w", err)
	}
	n.Section = incident.RetroSection(section)
	n.CreatedAt = userTime("created_at", created, &bad)
	n.DeletedAt = userTime("deleted_at", deleted, &bad)
	n.Invalid = bad.String()
	return n, nil
}

func listRetroNotes(ctx context.Context, q querier, incidentID int64) ([]incident.RetroNote, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+retroNoteColumns+` FROM retro_notes
		WHERE incident_id = ? AND deleted_at IS NULL ORDER BY position, id`, incidentID)
	if err != nil {
		return nil, fmt.Errorf("list retro notes of incident #%d: %w", incidentID, err)
	}
	defer rows.Close()
	var out []incident.RetroNote
	for rows.Next() {
		n, err := scanRetroNote(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list retro notes of incident #%d: %w", incidentID, err)
	}
	// Section order is the postmortem's, which SQL does not know; a
	// section the domain no longer lists goes last.
	rank := func(r incident.RetroSection) int {
		if i := slices.Index(incident.RetroSections, r); i >= 0 {
			return i
		}
		return len(incident.RetroSections)
	}
	slices.SortStableFunc(out, func(a, b incident.RetroNote) int { return rank(a.Section) - rank(b.Section) })
	return out, nil
}
