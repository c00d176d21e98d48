package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

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

// DeleteRetroNote soft-deletes a note.
func (s *Store) DeleteRetroNote(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		var deleted sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT deleted_at FROM retro_notes WHERE id = ?`, id).Scan(&deleted)
		if errors.Is(err, sql.ErrNoRows) {
			return incident.Errorf(incident.ENOTFOUND, "retro note #%d not found", id)
		}
		if err != nil {
			return fmt.Errorf("find retro note #%d: %w", id, err)
		}
		if deleted.Valid {
			return incident.Errorf(incident.ECONFLICT, "retro note #%d is already deleted", id)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE retro_notes SET deleted_at = ? WHERE id = ?`, formatTime(s.now()), id); err != nil {
			return fmt.Errorf("delete retro note #%d: %w", id, err)
		}
		return nil
	})
}

// insertRetroNote writes a validated note after the last one of its
// section, deleted ones included, so that positions are never reused.
func (s *Store) insertRetroNote(ctx context.Context, tx *sql.Tx, n *incident.RetroNote) error {
	var last int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(position), 0) FROM retro_notes WHERE incident_id = ? AND section = ?`,
		n.IncidentID, string(n.Section)).Scan(&last); err != nil {
		return fmt.Errorf("find the end of retro section %s: %w", n.Section, err)
	}
	n.Order = last + 1
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

func listRetroNotes(ctx context.Context, q querier, incidentID int64) ([]incident.RetroNote, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, incident_id, section, text, position, created_at FROM retro_notes
		WHERE incident_id = ? AND deleted_at IS NULL ORDER BY position, id`, incidentID)
	if err != nil {
		return nil, fmt.Errorf("list retro notes of incident #%d: %w", incidentID, err)
	}
	defer rows.Close()
	var out []incident.RetroNote
	for rows.Next() {
		var (
			n       incident.RetroNote
			section string
			created string
		)
		if err := rows.Scan(&n.ID, &n.IncidentID, &section, &n.Text, &n.Order, &created); err != nil {
			return nil, fmt.Errorf("read retro note: %w", err)
		}
		n.Section = incident.RetroSection(section)
		if n.CreatedAt, err = parseTime(created); err != nil {
			return nil, fmt.Errorf("read retro note #%d: %w", n.ID, err)
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
