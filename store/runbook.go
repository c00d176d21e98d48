package store

// The checklist's and reminders' part in the store's shared paths
// (snapshots, changes, imports, replays).

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"scribe/incident"
)

// readRunbook adds the checklist and the reminders to a snapshot.
func readRunbook(ctx context.Context, q querier, id int64, snap *incident.Snapshot) error {
	var err error
	if snap.Checklist, err = listChecklist(ctx, q, id); err != nil {
		return err
	}
	snap.Reminders, err = listReminders(ctx, q, id)
	return err
}

// changedRunbook fills in the checklist and the reminders of c when rows
// of theirs were written after since (changed says).
func changedRunbook(ctx context.Context, q querier, incidentID int64, changed func(string) (bool, error), c *incident.Changes) error {
	var err error
	if c.ChecklistChanged, err = changed("checklist_items"); err != nil {
		return err
	}
	if c.ChecklistChanged {
		if c.Checklist, err = listChecklist(ctx, q, incidentID); err != nil {
			return err
		}
	}
	if c.RemindersChanged, err = changed("reminders"); err != nil {
		return err
	}
	if c.RemindersChanged {
		c.Reminders, err = listReminders(ctx, q, incidentID)
	}
	return err
}

// importRunbook writes an imported snapshot's checklist and reminders.
func (s *Store) importRunbook(ctx context.Context, tx *txn, snap incident.Snapshot) error {
	if err := s.importChecklist(ctx, tx, snap.Checklist); err != nil {
		return err
	}
	return s.importReminders(ctx, tx, snap.Reminders)
}

// replayedRunbook finds what a runbook operation applied before wrote.
func replayedRunbook(ctx context.Context, q querier, op incident.Operation, out *incident.Outcome) error {
	var err error
	switch op.Kind {
	case incident.OpSetChecklistItem:
		var id int64
		if id, err = refID(ctx, q, "checklist_items", op.Target); err == nil {
			out.ChecklistItem, err = findChecklistItem(ctx, q, id)
		}
	case incident.OpAddReminder:
		var id int64
		if id, err = refID(ctx, q, "reminders", incident.Ref{UUID: op.ID}); err == nil {
			out.Reminder, err = findReminder(ctx, q, id)
		}
	case incident.OpSetReminder:
		var id int64
		if id, err = refID(ctx, q, "reminders", op.Target); err == nil {
			out.Reminder, err = findReminder(ctx, q, id)
		}
	}
	return err
}

// refID is the row id r names in table.
func refID(ctx context.Context, q querier, table string, r incident.Ref) (int64, error) {
	if r.ID != 0 {
		return r.ID, nil
	}
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM `+table+` WHERE uuid = ?`, r.UUID).Scan(&id)
	return id, err
}

func (p *pushSource) loadRunbook(ctx context.Context, q querier, id int64) error {
	var err error
	if p.checklist, err = listChecklist(ctx, q, id); err != nil {
		return err
	}
	p.reminders, err = listReminders(ctx, q, id)
	return err
}

// pushRunbook adds the checklist items and reminders the target lacks (by
// UUID; a step the target has under another UUID, attached by the team's
// own declaration, is matched by its text). Where the target has a row
// still open that the source ticked, skipped or closed, the target takes
// the source's state: a tick made offline is not lost. Anything the target
// changed itself stays.
func (s *Store) pushRunbook(ctx context.Context, tx *txn, src *pushSource, res *PushResult) error {
	have, err := listChecklist(ctx, tx, tx.incident)
	if err != nil {
		return err
	}
	for _, c := range src.checklist {
		i := slices.IndexFunc(have, func(h incident.ChecklistItem) bool {
			return h.UUID == c.UUID || incident.SameChecklistText(h.Text, c.Text)
		})
		switch {
		case i < 0:
			it := c
			it.ID, it.IncidentID = 0, tx.incident
			err := s.insertChecklistItem(ctx, tx, &it)
			if incident.ErrorCode(err) == incident.ECONFLICT {
				it.UUID = "" // the UUID is another incident's
				err = s.insertChecklistItem(ctx, tx, &it)
			}
			if err != nil {
				return fmt.Errorf("push checklist item %s: %w", c.UUID, err)
			}
			have = append(have, it)
			res.Checklist++
		case have[i].State == incident.ChecklistOpen && have[i].At.IsZero() && c.State != incident.ChecklistOpen:
			if _, err := tx.ExecContext(ctx, `UPDATE checklist_items SET state = ?, changed_at = ?, changed_by = ?, seq = ? WHERE id = ?`,
				string(c.State), nullTime(c.At), c.By, tx.seq, have[i].ID); err != nil {
				return fmt.Errorf("push checklist item %s: %w", c.UUID, err)
			}
			res.Checklist++
		}
	}
	theirs, err := listReminders(ctx, tx, tx.incident)
	if err != nil {
		return err
	}
	for _, r := range src.reminders {
		i := slices.IndexFunc(theirs, func(h incident.Reminder) bool { return h.UUID == r.UUID })
		switch {
		case i < 0:
			c := r
			c.ID, c.IncidentID = 0, tx.incident
			err := insertReminder(ctx, tx, &c)
			if errors.Is(err, errReplayed) {
				continue // the UUID is another incident's
			}
			if err != nil {
				return fmt.Errorf("push reminder %s: %w", r.UUID, err)
			}
			res.Reminders++
		case theirs[i].State == incident.ReminderOpen && (r.State != incident.ReminderOpen || r.DueAt.After(theirs[i].DueAt)):
			if _, err := tx.ExecContext(ctx, `UPDATE reminders SET state = ?, due_at = ?, closed_at = ?, seq = ? WHERE id = ?`,
				string(r.State), formatTime(r.DueAt), nullTime(r.ClosedAt), tx.seq, theirs[i].ID); err != nil {
				return fmt.Errorf("push reminder %s: %w", r.UUID, err)
			}
			res.Reminders++
		}
	}
	return nil
}
