package store

// The severity checklists attached to an incident, and their ticks.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"scribe/incident"
)

// DeclareIncident is CreateIncident that also attaches checklist, the
// declared severity's steps, in the same transaction.
func (s *Store) DeclareIncident(ctx context.Context, inc *incident.Incident, checklist []string, o Origin) error {
	c := *inc
	if c.UUID == "" {
		c.UUID = newID()
	}
	out, err := s.Apply(ctx, incident.Operation{
		ID: newID(), Kind: incident.OpCreateIncident, Incident: incident.Ref{UUID: c.UUID},
		At: o.At, Author: o.Author, Source: o.Source, New: &c, Checklist: checklist,
	})
	if err != nil {
		return err
	}
	*inc = out.Incident
	return nil
}

// Escalate is SetSeverity that also attaches checklist, the new
// severity's steps, when the new severity is worse than the old: the steps
// the incident lacks are added after its own, and nothing it has is
// replaced, ticked or not. Moving to a milder severity attaches nothing.
func (s *Store) Escalate(ctx context.Context, id int64, sev incident.Severity, reason string, checklist []string, o Origin) (incident.Event, error) {
	out, err := s.Apply(ctx, incident.Operation{
		ID: newID(), Kind: incident.OpSetSeverity, Incident: incident.Ref{ID: id},
		At: o.At, Author: o.Author, Source: o.Source, Severity: sev, Message: reason, Checklist: checklist,
	})
	return out.Event, err
}

// attachChecklist adds the steps of texts that the incident of tx lacks,
// brought by severity sev. Called by the operations that create an
// incident or change its severity.
func (s *Store) attachChecklist(ctx context.Context, tx *txn, sev incident.Severity, texts []string) error {
	if len(texts) == 0 {
		return nil
	}
	existing, err := listChecklist(ctx, tx, tx.incident)
	if err != nil {
		return err
	}
	for _, c := range incident.ChecklistToAttach(existing, sev, texts) {
		c.IncidentID = tx.incident
		if err := s.insertChecklistItem(ctx, tx, &c); err != nil {
			return err
		}
	}
	return nil
}

// Checklist lists the incident's checklist in order.
func (s *Store) Checklist(ctx context.Context, incidentID int64) ([]incident.ChecklistItem, error) {
	return incidentRows(ctx, s, incidentID, func(q *rconn) ([]incident.ChecklistItem, error) { return listChecklist(ctx, q, incidentID) })
}

// SetChecklistItem ticks (done), unticks (open) or skips an item and logs
// a checklist event saying so, with o's author and time. Setting the state
// an item has already is a conflict: nothing is logged twice.
func (s *Store) SetChecklistItem(ctx context.Context, itemID int64, state incident.ChecklistState, o Origin) (incident.ChecklistItem, incident.Event, error) {
	incidentID, err := incidentOf(ctx, s.pool(), "checklist_items", "checklist item", itemID)
	if err != nil {
		return incident.ChecklistItem{}, incident.Event{}, err
	}
	out, err := s.Apply(ctx, incident.Operation{
		ID: newID(), Kind: incident.OpSetChecklistItem, Incident: incident.Ref{ID: incidentID},
		Target: incident.Ref{ID: itemID}, At: o.At, Author: o.Author, Source: o.Source, ChecklistState: state,
	})
	return out.ChecklistItem, out.Event, err
}

func (s *Store) applySetChecklistItem(ctx context.Context, tx *txn, op incident.Operation) (incident.Outcome, error) {
	id, err := resolveRow(ctx, tx, "checklist_items", "checklist item", op.Target)
	if err != nil {
		return incident.Outcome{}, err
	}
	c, err := findChecklistItem(ctx, tx, id)
	if err != nil {
		return incident.Outcome{}, err
	}
	state, err := incident.ParseChecklistState(string(op.ChecklistState))
	if err != nil {
		return incident.Outcome{}, err
	}
	if c.State == state {
		return incident.Outcome{}, incident.Errorf(incident.ECONFLICT, "checklist item %q is %s already", c.Text, checklistWord(state))
	}
	e := s.logged(tx, op, incident.KindChecklist, checklistEventText(state, c.Text))
	if err := s.insertEvent(ctx, tx, &e); err != nil {
		return incident.Outcome{}, err
	}
	c.State, c.At, c.By = state, e.OccurredAt, strings.TrimSpace(op.Author)
	if _, err := tx.ExecContext(ctx, `UPDATE checklist_items SET state = ?, changed_at = ?, changed_by = ?, seq = ? WHERE id = ?`,
		string(c.State), formatTime(c.At), c.By, tx.seq, id); err != nil {
		return incident.Outcome{}, fmt.Errorf("set checklist item #%d: %w", id, err)
	}
	return incident.Outcome{Event: e, ChecklistItem: c}, nil
}

// checklistEventText is the timeline's line for a tick: "Done: Open the
// status page incident".
func checklistEventText(state incident.ChecklistState, text string) string {
	switch state {
	case incident.ChecklistDone:
		return "Done: " + text
	case incident.ChecklistSkipped:
		return "Skipped: " + text
	}
	return "Reopened: " + text
}

func checklistWord(state incident.ChecklistState) string {
	if state == incident.ChecklistOpen {
		return "open"
	}
	return string(state)
}

// insertChecklistItem writes a validated item at the end of the list,
// setting ID, UUID (when empty), Order and CreatedAt.
func (s *Store) insertChecklistItem(ctx context.Context, tx *txn, c *incident.ChecklistItem) error {
	c.Text = strings.TrimSpace(c.Text)
	if err := c.Validate(); err != nil {
		return err
	}
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(position), 0) + 1 FROM checklist_items WHERE incident_id = ?`,
		c.IncidentID).Scan(&c.Order); err != nil {
		return fmt.Errorf("find the end of the checklist: %w", err)
	}
	if c.UUID == "" {
		c.UUID = newID()
	}
	c.CreatedAt = s.now()
	err := tx.QueryRowContext(ctx, `INSERT INTO checklist_items (uuid, seq, incident_id, text, severity, position, state, changed_at, changed_by, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uuid) DO NOTHING RETURNING id`,
		c.UUID, tx.seq, c.IncidentID, c.Text, int64(c.Severity), c.Order, string(c.State), nullTime(c.At), c.By,
		formatTime(c.CreatedAt)).Scan(&c.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return incident.Errorf(incident.ECONFLICT, "checklist item %s exists already", c.UUID)
	}
	if err != nil {
		return fmt.Errorf("insert checklist item: %w", err)
	}
	return nil
}

const checklistColumns = `id, uuid, incident_id, text, severity, position, state, changed_at, changed_by, created_at`

func findChecklistItem(ctx context.Context, q querier, id int64) (incident.ChecklistItem, error) {
	c, err := scanChecklistItem(q.QueryRowContext(ctx, `SELECT `+checklistColumns+` FROM checklist_items WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, incident.Errorf(incident.ENOTFOUND, "checklist item #%d not found", id)
	}
	return c, err
}

// scanChecklistItem reads a row of checklistColumns; what cannot be read
// is noted in Invalid (see badRow).
func scanChecklistItem(r scanner) (incident.ChecklistItem, error) {
	var (
		c                incident.ChecklistItem
		sev              int64
		state            string
		changed, created any
		bad              badRow
	)
	if err := r.Scan(&c.ID, &c.UUID, &c.IncidentID, &c.Text, &sev, &c.Order, &state, &changed, &c.By, &created); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return c, err
		}
		return c, fmt.Errorf("read checklist item: %w", err)
	}
	c.Severity = incident.Severity(sev)
	if !c.Severity.Valid() {
		bad.add("severity", sev, "is not a severity from 1 to 5")
	}
	if st, err := incident.ParseChecklistState(state); err == nil {
		c.State = st
	} else {
		c.State = incident.ChecklistOpen
		bad.add("state", state, "is not open, done or skipped")
	}
	c.At = userTime("changed_at", changed, &bad)
	c.CreatedAt = userTime("created_at", created, &bad)
	c.Invalid = bad.values()
	return c, nil
}

func listChecklist(ctx context.Context, q querier, incidentID int64) ([]incident.ChecklistItem, error) {
	return queryList(ctx, q, fmt.Sprintf("list the checklist of incident #%d", incidentID), scanChecklistItem,
		`SELECT `+checklistColumns+` FROM checklist_items WHERE incident_id = ? ORDER BY position, id`, incidentID)
}

// importChecklist writes an imported checklist after the incident's own
// items, keeping states, times and authors; a step the incident has
// already is not added twice. Items keep their UUID unless the database
// has it (the same document imported twice).
func (s *Store) importChecklist(ctx context.Context, tx *txn, items []incident.ChecklistItem) error {
	existing, err := listChecklist(ctx, tx, tx.incident)
	if err != nil {
		return err
	}
	for i, it := range items {
		c := it
		c.ID, c.IncidentID = 0, tx.incident
		dup := false
		for _, e := range existing {
			dup = dup || incident.SameChecklistText(e.Text, c.Text)
		}
		if dup {
			continue
		}
		if c.UUID != "" {
			var one int
			err := tx.QueryRowContext(ctx, `SELECT 1 FROM checklist_items WHERE uuid = ?`, c.UUID).Scan(&one)
			if err == nil {
				c.UUID = ""
			} else if !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("checklist item %d: %w", i+1, err)
			}
		}
		if err := s.insertChecklistItem(ctx, tx, &c); err != nil {
			return fmt.Errorf("checklist item %d: %w", i+1, err)
		}
		existing = append(existing, c)
	}
	return nil
}
