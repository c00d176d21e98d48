package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"scribe/incident"
)

const actionItemColumns = `id, incident_id, uuid, title, description, owner, priority, due, state, event_id,
	github_repo, github_number, github_url, github_state, github_sync_error, github_synced_at, created_at, updated_at,
	deleted_at`

// AddActionItem stores a new item (UUID generated when empty, state open
// by default) and logs an action-item event.
//
// The event is logged at o.At and carries the item's ID; item.EventID, when
// set, names the timeline event the item came from and must belong to the
// same incident.
func (s *Store) AddActionItem(ctx context.Context, item *incident.ActionItem, o Origin) error {
	c := *item
	if c.UUID == "" {
		c.UUID = newID()
	}
	out, err := s.Apply(ctx, incident.Operation{
		ID: newID(), Kind: incident.OpAddActionItem, Incident: incident.Ref{ID: c.IncidentID},
		At: o.At, Author: o.Author, Source: o.Source, Item: &c,
	})
	if err != nil {
		return err
	}
	*item = out.ActionItem
	return nil
}

func (s *Store) applyAddActionItem(ctx context.Context, tx *txn, op incident.Operation) (incident.Outcome, error) {
	c := *op.Item
	c.ID, c.IncidentID = 0, tx.incident
	c.Title = strings.TrimSpace(c.Title)
	c.Owner = strings.TrimSpace(c.Owner)
	c.DeletedAt = time.Time{}
	if c.State == "" {
		c.State = incident.ItemOpen
	}
	if err := c.Validate(); err != nil {
		return incident.Outcome{}, err
	}
	if c.UUID == "" {
		return incident.Outcome{}, incident.Errorf(incident.EINVALID, "operation %s adds an action item without a UUID", op.ID)
	}
	if taken, err := uuidTaken(ctx, tx, c.UUID); err != nil || taken {
		if taken {
			return incident.Outcome{}, incident.Errorf(incident.ECONFLICT, "action item %s exists already", c.UUID)
		}
		return incident.Outcome{}, err
	}
	if c.EventID != 0 {
		if _, err := resolveRow(ctx, tx, "events", "event", incident.Ref{ID: c.EventID}); err != nil {
			return incident.Outcome{}, err
		}
	}
	if err := s.insertActionItem(ctx, tx, &c); err != nil {
		return incident.Outcome{}, err
	}
	e := s.logged(tx, op, incident.KindActionItem, actionItemText(c))
	e.ActionItemID = c.ID
	err := s.insertEvent(ctx, tx, &e)
	return incident.Outcome{Event: e, ActionItem: c}, err
}

// actionItemText is how the timeline reads a new action item. The owner is
// left out: it lives in the item itself, and a name in the timeline text is
// what the blameless lint warns about.
func actionItemText(a incident.ActionItem) string {
	return "Action item: " + a.Title
}

// ActionItem returns one item.
func (s *Store) ActionItem(ctx context.Context, id int64) (incident.ActionItem, error) {
	return findActionItem(ctx, s.pool(), id)
}

// ActionItems lists an incident's live items, oldest first.
func (s *Store) ActionItems(ctx context.Context, incidentID int64) ([]incident.ActionItem, error) {
	return incidentRows(ctx, s, incidentID, func(q *rconn) ([]incident.ActionItem, error) { return listActionItems(ctx, q, incidentID) })
}

// UpdateActionItem applies fn to the item in one transaction, keeping the
// previous version of the user's fields (title, description, owner,
// priority, due, state) as a revision when fn changed any.
//
// ID, IncidentID, UUID, EventID, CreatedAt and DeletedAt are kept whatever
// fn does; the GitHub fields are written as fn leaves them (the sync code
// owns them, and they keep no history). A deleted item's own fields cannot
// be edited (restore it first), but its GitHub fields can still be
// recorded: an issue filed just before the delete is not forgotten.
func (s *Store) UpdateActionItem(ctx context.Context, id int64, fn func(*incident.ActionItem) error) (incident.ActionItem, error) {
	incidentID, err := incidentOf(ctx, s.pool(), "action_items", "action item", id)
	if err != nil {
		return incident.ActionItem{}, err
	}
	var out incident.Outcome
	err = s.write(ctx, func(tx *txn) error {
		if err := tx.lock(ctx, incidentID); err != nil {
			return err
		}
		old, err := findActionItem(ctx, tx, id)
		if err != nil {
			return err
		}
		c := old
		if err := fn(&c); err != nil {
			return err
		}
		patch := incident.DiffActionItem(old, c)
		out, err = s.applyIn(ctx, tx, incident.Operation{
			ID: newID(), Kind: incident.OpEditActionItem, Incident: incident.Ref{ID: incidentID},
			Target: incident.Ref{ID: id}, ItemPatch: &patch,
		})
		return err
	})
	return out.ActionItem, err
}

func (s *Store) applyEditActionItem(ctx context.Context, tx *txn, op incident.Operation) (incident.Outcome, error) {
	id, err := resolveRow(ctx, tx, "action_items", "action item", op.Target)
	if err != nil {
		return incident.Outcome{}, err
	}
	old, err := findActionItem(ctx, tx, id)
	if err != nil {
		return incident.Outcome{}, err
	}
	c := old
	op.ItemPatch.Apply(&c)
	c.Title = strings.TrimSpace(c.Title)
	c.Owner = strings.TrimSpace(c.Owner)
	if err := c.Validate(); err != nil {
		return incident.Outcome{}, err
	}
	if err := checkStored("sync time", c.GitHub.SyncedAt); err != nil {
		return incident.Outcome{}, err
	}
	edited := itemFields(old) != itemFields(c)
	if edited && old.Deleted() {
		return incident.Outcome{}, incident.Errorf(incident.ECONFLICT, "action item #%d is deleted: restore it before editing", id)
	}
	if !edited && old.GitHub == c.GitHub {
		return incident.Outcome{ActionItem: old}, nil
	}
	c.UpdatedAt = s.now()
	if edited {
		if _, err := tx.ExecContext(ctx, `INSERT INTO action_item_revisions (action_item_id, title, description, owner,
			priority, due, state, revised_at, created_at)
			SELECT id, title, description, owner, priority, due, state, ?, ? FROM action_items WHERE id = ?`,
			formatTime(c.UpdatedAt), formatTime(c.UpdatedAt), id); err != nil {
			return incident.Outcome{}, fmt.Errorf("keep revision of action item #%d: %w", id, err)
		}
	}
	due := c.Due
	if op.ItemPatch.Due == nil && old.Invalid.Has("due") {
		// The stored due date could not be read, so the item came back
		// without one: a change of another field keeps it as it is (only
		// a new due date replaces what someone typed).
		if err := tx.QueryRowContext(ctx, `SELECT due FROM action_items WHERE id = ?`, id).Scan(&due); err != nil {
			return incident.Outcome{}, fmt.Errorf("read the stored due date of action item #%d: %w", id, err)
		}
	}
	g := c.GitHub
	if _, err := tx.ExecContext(ctx, `UPDATE action_items SET title = ?, description = ?, owner = ?, priority = ?,
		due = ?, state = ?, github_repo = ?, github_number = ?, github_url = ?, github_state = ?,
		github_sync_error = ?, github_synced_at = ?, updated_at = ?, seq = ? WHERE id = ?`,
		c.Title, c.Description, c.Owner, string(c.Priority), due, string(c.State), g.Repo, g.Number, g.URL,
		g.State, g.SyncError, nullTime(g.SyncedAt), formatTime(c.UpdatedAt), tx.seq, id); err != nil {
		return incident.Outcome{}, fmt.Errorf("update action item #%d: %w", id, err)
	}
	return incident.Outcome{ActionItem: c}, nil
}

// itemFields are an action item's own fields, the ones a revision keeps.
func itemFields(a incident.ActionItem) incident.ActionItemRevision {
	return incident.ActionItemRevision{Title: a.Title, Description: a.Description, Owner: a.Owner,
		Priority: a.Priority, Due: a.Due, State: a.State}
}

// ActionItemRevisions lists an item's earlier versions, oldest first.
func (s *Store) ActionItemRevisions(ctx context.Context, id int64) ([]incident.ActionItemRevision, error) {
	var out []incident.ActionItemRevision
	err := s.read(ctx, func(q *rconn) error {
		if _, err := findActionItem(ctx, q, id); err != nil {
			return err
		}
		var err error
		out, err = queryList(ctx, q, fmt.Sprintf("list revisions of action item #%d", id), func(row scanner) (incident.ActionItemRevision, error) {
			r := incident.ActionItemRevision{ActionItemID: id}
			var (
				priority, state string
				revised         any
				bad             badRow // a revision has no Invalid: an unreadable time reads as zero
			)
			if err := row.Scan(&r.Title, &r.Description, &r.Owner, &priority, &r.Due, &state, &revised); err != nil {
				return r, fmt.Errorf("read revision of action item #%d: %w", id, err)
			}
			r.Priority, r.State = incident.Priority(priority), incident.ItemState(state)
			r.RevisedAt = userTime("revised_at", revised, &bad)
			return r, nil
		}, `SELECT title, description, owner, priority, due, state, revised_at
			FROM action_item_revisions WHERE action_item_id = ? ORDER BY id`, id)
		return err
	})
	return out, err
}

// DeleteActionItem soft-deletes an item, and the timeline event that
// recorded it: it leaves snapshots, lists, exports and GitHub filing, and
// RestoreActionItem brings both back.
func (s *Store) DeleteActionItem(ctx context.Context, id int64) error {
	return s.targeted(ctx, "action_items", "action item", id, incident.OpDeleteItem)
}

// RestoreActionItem undoes DeleteActionItem.
func (s *Store) RestoreActionItem(ctx context.Context, id int64) error {
	return s.targeted(ctx, "action_items", "action item", id, incident.OpRestoreItem)
}

func (s *Store) applyDeleteActionItem(ctx context.Context, tx *txn, op incident.Operation) (incident.Outcome, error) {
	id, err := resolveRow(ctx, tx, "action_items", "action item", op.Target)
	if err != nil {
		return incident.Outcome{}, err
	}
	a, err := findActionItem(ctx, tx, id)
	if err != nil {
		return incident.Outcome{}, err
	}
	at := s.now()
	switch del := op.Kind == incident.OpDeleteItem; {
	case del && a.Deleted():
		return incident.Outcome{}, incident.Errorf(incident.ECONFLICT, "action item #%d is already deleted", id)
	case !del && !a.Deleted():
		return incident.Outcome{}, incident.Errorf(incident.ECONFLICT, "action item #%d is not deleted", id)
	case !del:
		at = time.Time{}
	}
	if err := s.setItemDeleted(ctx, tx, id, at); err != nil {
		return incident.Outcome{}, err
	}
	a, err = findActionItem(ctx, tx, id)
	return incident.Outcome{ActionItem: a}, err
}

// setItemDeleted deletes (at) or restores (zero) an item together with its
// action-item events, which say it exists: undoing "/action …" in the
// timeline removes the item, and deleting the item removes its line.
func (s *Store) setItemDeleted(ctx context.Context, tx *txn, id int64, at time.Time) error {
	now := formatTime(s.now())
	verb, live := "delete", "deleted_at IS NULL"
	if at.IsZero() {
		verb, live = "restore", "deleted_at IS NOT NULL"
	}
	if _, err := tx.ExecContext(ctx, `UPDATE action_items SET deleted_at = ?, updated_at = ?, seq = ? WHERE id = ?`, nullTime(at), now, tx.seq, id); err != nil {
		return fmt.Errorf("%s action item #%d: %w", verb, id, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE events SET deleted_at = ?, updated_at = ?, seq = ?
		WHERE action_item_id = ? AND kind = 'action-item' AND `+live, nullTime(at), now, tx.seq, id); err != nil {
		return fmt.Errorf("%s the timeline event of action item #%d: %w", verb, id, err)
	}
	return nil
}

// insertActionItem writes a validated item, setting ID, CreatedAt and
// UpdatedAt.
func (s *Store) insertActionItem(ctx context.Context, tx *txn, a *incident.ActionItem) error {
	now := s.now()
	a.CreatedAt, a.UpdatedAt = now, now
	var event any
	if a.EventID != 0 {
		event = a.EventID
	}
	g := a.GitHub
	if err := checkStored("sync time", g.SyncedAt); err != nil {
		return err
	}
	if a.UUID == "" {
		a.UUID = newID()
	}
	if err := tx.QueryRowContext(ctx, `INSERT INTO action_items (`+strings.TrimPrefix(actionItemColumns, "id, ")+`, seq)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?) RETURNING id`,
		a.IncidentID, a.UUID, a.Title, a.Description, a.Owner, string(a.Priority), a.Due, string(a.State), event,
		g.Repo, g.Number, g.URL, g.State, g.SyncError, nullTime(g.SyncedAt), formatTime(now), formatTime(now), tx.seq).Scan(&a.ID); err != nil {
		return fmt.Errorf("insert action item: %w", err)
	}
	return nil
}

func findActionItem(ctx context.Context, q querier, id int64) (incident.ActionItem, error) {
	a, err := findActionItemBy(ctx, q, `id = ?`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return a, incident.Errorf(incident.ENOTFOUND, "action item #%d not found", id)
	}
	return a, err
}

// findActionItemBy reads the item where says (one column = ?).
func findActionItemBy(ctx context.Context, q querier, where string, arg any) (incident.ActionItem, error) {
	return scanActionItem(q.QueryRowContext(ctx, `SELECT `+actionItemColumns+` FROM action_items WHERE `+where, arg))
}

// findActionItemByRef reads the item r names.
func findActionItemByRef(ctx context.Context, q querier, r incident.Ref) (incident.ActionItem, error) {
	if r.ID != 0 {
		return findActionItem(ctx, q, r.ID)
	}
	a, err := findActionItemBy(ctx, q, `uuid = ?`, r.UUID)
	if errors.Is(err, sql.ErrNoRows) {
		return a, incident.Errorf(incident.ENOTFOUND, "action item %s not found", r.UUID)
	}
	return a, err
}

func listActionItems(ctx context.Context, q querier, incidentID int64) ([]incident.ActionItem, error) {
	return queryActionItems(ctx, q, incidentID, true)
}

// queryActionItems lists the incident's items, only the live ones when
// live is set.
func queryActionItems(ctx context.Context, q querier, incidentID int64, live bool) ([]incident.ActionItem, error) {
	where := `WHERE incident_id = ?`
	if live {
		where += ` AND deleted_at IS NULL`
	}
	return queryList(ctx, q, fmt.Sprintf("list action items of incident #%d", incidentID), scanActionItem,
		`SELECT `+actionItemColumns+` FROM action_items `+where+` ORDER BY id`, incidentID)
}

// scanActionItem reads a row of actionItemColumns; an unreadable time is
// noted in Invalid (see badRow).
func scanActionItem(r scanner) (incident.ActionItem, error) {
	var (
		a                                 incident.ActionItem
		priority, state                   string
		event                             sql.NullInt64
		synced, created, updated, deleted any
		bad                               badRow
	)
	g := &a.GitHub
	err := r.Scan(&a.ID, &a.IncidentID, &a.UUID, &a.Title, &a.Description, &a.Owner, &priority, &a.Due, &state, &event,
		&g.Repo, &g.Number, &g.URL, &g.State, &g.SyncError, &synced, &created, &updated, &deleted)
	if errors.Is(err, sql.ErrNoRows) {
		return a, err
	}
	if err != nil {
		return a, fmt.Errorf("read action item: %w", err)
	}
	a.Priority, a.State, a.EventID = incident.Priority(priority), incident.ItemState(state), event.Int64
	g.SyncedAt = userTime("github_synced_at", synced, &bad)
	a.CreatedAt = userTime("created_at", created, &bad)
	a.UpdatedAt = userTime("updated_at", updated, &bad)
	a.DeletedAt = userTime("deleted_at", deleted, &bad)
	if incident.CheckDue(a.Due) != nil {
		// Like a time: a due date scribe would never write (year 0, month
		// 13, text) is unreadable, never a date to hold the item to.
		bad.add("due", a.Due, "is not a due date scribe accepts (YYYY-MM-DD, 1970 to 2199)")
		a.Due = ""
	}
	a.Invalid = bad.values()
	return a, nil
}
