package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"scribe/incident"
)

// lock starts tx's changes to incident id: it bumps the incident's
// sequence number and stamps the transaction with the new one, which every
// row the transaction writes then carries (see Changes). On PostgreSQL the
// UPDATE also locks the incident's row until the transaction ends, so that
// writes to one incident commit one at a time, in seq order, and a
// read-modify-write inside one never loses a concurrent change. A
// transaction changes one incident.
func (tx *txn) lock(ctx context.Context, id int64) error {
	if tx.incident == id {
		return nil
	}
	if tx.incident != 0 {
		return fmt.Errorf("one transaction changes one incident: #%d, not also #%d", tx.incident, id)
	}
	err := tx.QueryRowContext(ctx, `UPDATE incidents SET seq = seq + 1 WHERE id = ? RETURNING seq`, id).Scan(&tx.seq)
	if errors.Is(err, sql.ErrNoRows) {
		return incident.Errorf(incident.ENOTFOUND, "incident #%d not found", id)
	}
	if err != nil {
		return fmt.Errorf("lock incident #%d: %w", id, err)
	}
	tx.incident = id
	return nil
}

// Changes returns what changed in the incident after sequence number since
// (an Incident.Seq read earlier, 0 for everything written since the
// database learnt sequences): the events written since, deleted ones
// included, and the incident, its roles, action items and retro notes when
// they changed. A screen that shows the incident loads it once and then
// catches up with this, whatever the length of its timeline.
func (s *Store) Changes(ctx context.Context, incidentID, since int64) (incident.Changes, error) {
	var c incident.Changes
	err := s.read(ctx, func(q *rconn) error {
		inc, err := findIncident(ctx, q, incidentID)
		if err != nil {
			return err
		}
		c.Seq = inc.Seq
		if c.Seq <= since {
			return nil
		}
		var changed int64
		if err := q.QueryRowContext(ctx, `SELECT changed_seq FROM incidents WHERE id = ?`, incidentID).Scan(&changed); err != nil {
			return fmt.Errorf("read changes of incident #%d: %w", incidentID, err)
		}
		if changed > since {
			c.Incident = &inc
		}
		if c.Events, err = queryEvents(ctx, q, eventRead, nil, `SELECT `+eventSelect+` FROM events
			WHERE incident_id = ? AND seq > ? ORDER BY occurred_at, id`, incidentID, since); err != nil {
			return fmt.Errorf("read changes of incident #%d: %w", incidentID, err)
		}
		return changedLists(ctx, q, incidentID, since, &c)
	})
	return c, err
}

// changedLists fills in the lists of c whose tables have rows written
// after since.
func changedLists(ctx context.Context, q *rconn, incidentID, since int64, c *incident.Changes) error {
	changed := func(table string) (bool, error) {
		var one int
		err := q.QueryRowContext(ctx, `SELECT 1 FROM `+table+` WHERE incident_id = ? AND seq > ? LIMIT 1`, incidentID, since).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return false, nil
		}
		if err != nil {
			return false, fmt.Errorf("read changes of incident #%d: %w", incidentID, err)
		}
		return true, nil
	}
	var err error
	if c.RolesChanged, err = changed("role_assignments"); err != nil {
		return err
	}
	if c.RolesChanged {
		if c.Roles, err = listRoles(ctx, q, incidentID); err != nil {
			return err
		}
	}
	if c.ItemsChanged, err = changed("action_items"); err != nil {
		return err
	}
	if c.ItemsChanged {
		if c.ActionItems, err = listActionItems(ctx, q, incidentID); err != nil {
			return err
		}
	}
	if c.RetroChanged, err = changed("retro_notes"); err != nil {
		return err
	}
	if c.RetroChanged {
		if c.Retro, err = listRetroNotes(ctx, q, incidentID); err != nil {
			return err
		}
	}
	return changedRunbook(ctx, q, incidentID, changed, c) // runbook.go
}
