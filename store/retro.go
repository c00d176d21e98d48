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

// AddRetroNote appends a note at the end of its section, setting ID,
// UUID (when empty), Order, CreatedAt and the canonical Section (aliases
// such as "well" are accepted).
func (s *Store) AddRetroNote(ctx context.Context, n *incident.RetroNote) error {
	c := *n
	if c.UUID == "" {
		c.UUID = newID()
	}
	out, err := s.Apply(ctx, incident.Operation{ID: c.UUID, Kind: incident.OpAddRetroNote, Incident: incident.Ref{ID: c.IncidentID}, Note: &c})
	if err != nil {
		return err
	}
	*n = out.RetroNote
	return nil
}

func (s *Store) applyAddRetroNote(ctx context.Context, tx *txn, op incident.Operation) (incident.Outcome, error) {
	c := *op.Note
	c.ID, c.IncidentID, c.UUID, c.DeletedAt = 0, tx.incident, op.ID, time.Time{}
	c.Text = strings.TrimSpace(c.Text)
	if err := c.Validate(); err != nil {
		return incident.Outcome{}, err
	}
	c.Section, _ = incident.ParseRetroSection(string(c.Section))
	err := s.insertRetroNote(ctx, tx, &c)
	return incident.Outcome{RetroNote: c}, err
}

// RetroNotes lists live notes by section order, then Order.
func (s *Store) RetroNotes(ctx context.Context, incidentID int64) ([]incident.RetroNote, error) {
	return incidentRows(ctx, s, incidentID, func(q *rconn) ([]incident.RetroNote, error) { return listRetroNotes(ctx, q, incidentID) })
}

// UpdateRetroNote applies fn to the note (its text and section) in one
// transaction, keeping the previous version as a revision. A note moved to
// another section goes to that section's end. A deleted note must be
// restored first.
func (s *Store) UpdateRetroNote(ctx context.Context, id int64, fn func(*incident.RetroNote) error) (incident.RetroNote, error) {
	incidentID, err := incidentOf(ctx, s.pool(), "retro_notes", "retro note", id)
	if err != nil {
		return incident.RetroNote{}, err
	}
	var out incident.Outcome
	err = s.write(ctx, func(tx *txn) error {
		if err := tx.lock(ctx, incidentID); err != nil {
			return err
		}
		old, err := findRetroNote(ctx, tx, id)
		if err != nil {
			return err
		}
		c := old
		if err := fn(&c); err != nil {
			return err
		}
		var patch incident.RetroNotePatch
		if c.Section != old.Section {
			patch.Section = &c.Section
		}
		if c.Text != old.Text {
			patch.Text = &c.Text
		}
		out, err = s.applyIn(ctx, tx, incident.Operation{
			ID: newID(), Kind: incident.OpEditRetroNote, Incident: incident.Ref{ID: incidentID},
			Target: incident.Ref{ID: id}, NotePatch: &patch,
		})
		return err
	})
	return out.RetroNote, err
}

func (s *Store) applyEditRetroNote(ctx context.Context, tx *txn, op incident.Operation) (incident.Outcome, error) {
	id, err := resolveRow(ctx, tx, "retro_notes", "retro note", op.Target)
	if err != nil {
		return incident.Outcome{}, err
	}
	old, err := findRetroNote(ctx, tx, id)
	if err != nil {
		return incident.Outcome{}, err
	}
	if old.Deleted() {
		return incident.Outcome{}, incident.Errorf(incident.ECONFLICT, "retro note #%d is deleted: restore it before editing", id)
	}
	c := old
	op.NotePatch.Apply(&c)
	c.Text = strings.TrimSpace(c.Text)
	if err := c.Validate(); err != nil {
		return incident.Outcome{}, err
	}
	c.Section, _ = incident.ParseRetroSection(string(c.Section))
	if c.Text == old.Text && c.Section == old.Section {
		return incident.Outcome{RetroNote: old}, nil
	}
	now := formatTime(s.now())
	if _, err := tx.ExecContext(ctx, `INSERT INTO retro_note_revisions (retro_note_id, section, text, revised_at, created_at)
		SELECT id, section, text, ?, ? FROM retro_notes WHERE id = ?`, now, now, id); err != nil {
		return incident.Outcome{}, fmt.Errorf("keep revision of retro note #%d: %w", id, err)
	}
	if c.Section != old.Section {
		if c.Order, err = nextRetroPosition(ctx, tx, c.IncidentID, c.Section); err != nil {
			return incident.Outcome{}, err
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE retro_notes SET section = ?, text = ?, position = ?, seq = ? WHERE id = ?`,
		string(c.Section), c.Text, c.Order, tx.seq, id); err != nil {
		return incident.Outcome{}, fmt.Errorf("edit retro note #%d: %w", id, err)
	}
	return incident.Outcome{RetroNote: c}, nil
}

// RetroNoteRevisions lists a note's earlier versions, oldest first.
func (s *Store) RetroNoteRevisions(ctx context.Context, id int64) ([]incident.RetroNoteRevision, error) {
	var out []incident.RetroNoteRevision
	err := s.read(ctx, func(q *rconn) error {
		if _, err := findRetroNote(ctx, q, id); err != nil {
			return err
		}
		var err error
		out, err = queryList(ctx, q, fmt.Sprintf("list revisions of retro note #%d", id), func(row scanner) (incident.RetroNoteRevision, error) {
			r := incident.RetroNoteRevision{RetroNoteID: id}
			var (
				section string
				revised any
				bad     badRow // a revision has no Invalid: an unreadable time reads as zero
			)
			if err := row.Scan(&section, &r.Text, &revised); err != nil {
				return r, fmt.Errorf("read revision of retro note #%d: %w", id, err)
			}
			r.Section = incident.RetroSection(section)
			r.RevisedAt = userTime("revised_at", revised, &bad)
			return r, nil
		}, `SELECT section, text, revised_at FROM retro_note_revisions WHERE retro_note_id = ? ORDER BY id`, id)
		return err
	})
	return out, err
}

// RetroNote returns one note, deleted or not.
func (s *Store) RetroNote(ctx context.Context, id int64) (incident.RetroNote, error) {
	return findRetroNote(ctx, s.pool(), id)
}

// DeleteRetroNote soft-deletes a note.
func (s *Store) DeleteRetroNote(ctx context.Context, id int64) error {
	return s.targeted(ctx, "retro_notes", "retro note", id, incident.OpDeleteNote)
}

// RestoreRetroNote undoes DeleteRetroNote; the note keeps its place.
func (s *Store) RestoreRetroNote(ctx context.Context, id int64) error {
	return s.targeted(ctx, "retro_notes", "retro note", id, incident.OpRestoreNote)
}

func (s *Store) applyDeleteRetroNote(ctx context.Context, tx *txn, op incident.Operation) (incident.Outcome, error) {
	id, err := resolveRow(ctx, tx, "retro_notes", "retro note", op.Target)
	if err != nil {
		return incident.Outcome{}, err
	}
	n, err := findRetroNote(ctx, tx, id)
	if err != nil {
		return incident.Outcome{}, err
	}
	del := op.Kind == incident.OpDeleteNote
	var at time.Time
	verb := "restore"
	switch {
	case del && n.Deleted():
		return incident.Outcome{}, incident.Errorf(incident.ECONFLICT, "retro note #%d is already deleted", id)
	case !del && !n.Deleted():
		return incident.Outcome{}, incident.Errorf(incident.ECONFLICT, "retro note #%d is not deleted", id)
	case del:
		at, verb = s.now(), "delete"
	}
	if _, err := tx.ExecContext(ctx, `UPDATE retro_notes SET deleted_at = ?, seq = ? WHERE id = ?`, nullTime(at), tx.seq, id); err != nil {
		return incident.Outcome{}, fmt.Errorf("%s retro note #%d: %w", verb, id, err)
	}
	n, err = findRetroNote(ctx, tx, id)
	return incident.Outcome{RetroNote: n}, err
}

// insertRetroNote writes a validated note after the last one of its
// section, setting ID, Order and CreatedAt.
func (s *Store) insertRetroNote(ctx context.Context, tx *txn, n *incident.RetroNote) error {
	var err error
	if n.Order, err = nextRetroPosition(ctx, tx, n.IncidentID, n.Section); err != nil {
		return err
	}
	n.CreatedAt = s.now()
	if n.UUID == "" {
		n.UUID = newID()
	}
	err = tx.QueryRowContext(ctx, `INSERT INTO retro_notes (uuid, seq, incident_id, section, text, position, deleted_at, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uuid) DO NOTHING RETURNING id`, n.UUID, tx.seq, n.IncidentID, string(n.Section), n.Text, n.Order,
		nullTime(n.DeletedAt), formatTime(n.CreatedAt)).Scan(&n.ID)
	if errors.Is(err, sql.ErrNoRows) {
		// The UUID is taken: the operation that adds it ran before.
		return errReplayed
	}
	if err != nil {
		return fmt.Errorf("insert retro note: %w", err)
	}
	return nil
}

// nextRetroPosition is the place after the last note of the section,
// deleted ones included, so that positions are never reused.
func nextRetroPosition(ctx context.Context, tx querier, incidentID int64, section incident.RetroSection) (int, error) {
	var last int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(position), 0) FROM retro_notes WHERE incident_id = ? AND section = ?`,
		incidentID, string(section)).Scan(&last); err != nil {
		return 0, fmt.Errorf("find the end of retro section %s: %w", section, err)
	}
	return last + 1, nil
}

const retroNoteColumns = `id, uuid, incident_id, section, text, position, created_at, deleted_at`

func findRetroNote(ctx context.Context, q querier, id int64) (incident.RetroNote, error) {
	n, err := findRetroNoteBy(ctx, q, `id = ?`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return n, incident.Errorf(incident.ENOTFOUND, "retro note #%d not found", id)
	}
	return n, err
}

// findRetroNoteBy reads the note where says (one column = ?).
func findRetroNoteBy(ctx context.Context, q querier, where string, arg any) (incident.RetroNote, error) {
	return scanRetroNote(q.QueryRowContext(ctx, `SELECT `+retroNoteColumns+` FROM retro_notes WHERE `+where, arg))
}

// findRetroNoteByRef reads the note r names.
func findRetroNoteByRef(ctx context.Context, q querier, r incident.Ref) (incident.RetroNote, error) {
	if r.ID != 0 {
		return findRetroNote(ctx, q, r.ID)
	}
	n, err := findRetroNoteBy(ctx, q, `uuid = ?`, r.UUID)
	if errors.Is(err, sql.ErrNoRows) {
		return n, incident.Errorf(incident.ENOTFOUND, "retro note %s not found", r.UUID)
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
	var uid sql.NullString
	if err := r.Scan(&n.ID, &uid, &n.IncidentID, &section, &n.Text, &n.Order, &created, &deleted); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return n, err
		}
		return n, fmt.Errorf("read retro note: %w", err)
	}
	n.Section, n.UUID = incident.RetroSection(section), uid.String
	n.CreatedAt = userTime("created_at", created, &bad)
	n.DeletedAt = userTime("deleted_at", deleted, &bad)
	n.Invalid = bad.values()
	return n, nil
}

func listRetroNotes(ctx context.Context, q querier, incidentID int64) ([]incident.RetroNote, error) {
	return queryRetroNotes(ctx, q, incidentID, true)
}

// queryRetroNotes lists the incident's notes in the postmortem's order,
// only the live ones when live is set.
func queryRetroNotes(ctx context.Context, q querier, incidentID int64, live bool) ([]incident.RetroNote, error) {
	where := `WHERE incident_id = ?`
	if live {
		where += ` AND deleted_at IS NULL`
	}
	out, err := queryList(ctx, q, fmt.Sprintf("list retro notes of incident #%d", incidentID), scanRetroNote,
		`SELECT `+retroNoteColumns+` FROM retro_notes `+where+` ORDER BY position, id`, incidentID)
	if err != nil {
		return nil, err
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
