package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"scribe/incident"
)

// PushResult says what a push copied.
type PushResult struct {
	IncidentID int64 // the incident's number in the target database
	Created    bool  // the incident was new there
	Events     int   // rows added, by kind
	Roles      int
	Items      int
	Notes      int
	Filled     int // fields and hand-offs the target had empty and got
	// Checklist and Reminders: rows added, or open in the target and
	// ticked or closed in the source (runbook.go).
	Checklist int
	Reminders int
}

// Push copies incident id of from (typically a local SQLite file written
// while the team database was out of reach) into to (the team database),
// in one transaction of to, and returns what it did.
//
// Rows are matched by their UUIDs, so a push is idempotent and incremental:
// the first one creates the incident with everything it has (events,
// deleted ones included, roles, action items, retro notes, narrative,
// milestones); a later one adds only the rows the target does not have, and
// fills in what the target still has empty (a narrative field, a milestone,
// the end of a role assignment that was handed off since). What the target
// has already is the team's and is left as it is there; edit history stays
// in the database it was written in.
func Push(ctx context.Context, from *Store, id int64, to *Store) (PushResult, error) {
	var src pushSource
	if err := from.read(ctx, func(q *rconn) error { return src.load(ctx, q, id) }); err != nil {
		return PushResult{}, err
	}
	var res PushResult
	err := to.bulkWrite(ctx, func(tx *txn) error {
		var err error
		res, err = to.pushInto(ctx, tx, &src)
		return err
	})
	return res, err
}

// pushSource is everything of one incident, deleted rows included.
type pushSource struct {
	inc    incident.Incident
	events []incident.Event
	roles  []incident.RoleAssignment
	items  []incident.ActionItem
	notes  []incident.RetroNote
	// The runbook's rows (runbook.go).
	checklist []incident.ChecklistItem
	reminders []incident.Reminder
}

func (p *pushSource) load(ctx context.Context, q *rconn, id int64) error {
	var err error
	if p.inc, err = findIncident(ctx, q, id); err != nil {
		return err
	}
	if p.inc.UUID == "" {
		return fmt.Errorf("incident #%d has no UUID", id)
	}
	if p.events, err = queryEvents(ctx, q, eventRead, nil, `SELECT `+eventSelect+` FROM events WHERE incident_id = ? ORDER BY id`, id); err != nil {
		return fmt.Errorf("read the events of incident #%d: %w", id, err)
	}
	if p.roles, err = listRoles(ctx, q, id); err != nil {
		return err
	}
	if p.items, err = queryActionItems(ctx, q, id, false); err != nil {
		return err
	}
	if p.notes, err = queryRetroNotes(ctx, q, id, false); err != nil {
		return err
	}
	return p.loadRunbook(ctx, q, id)
}

// pushInto writes src into the target through tx.
func (s *Store) pushInto(ctx context.Context, tx *txn, src *pushSource) (PushResult, error) {
	var res PushResult
	id, err := resolveIncident(ctx, tx, incident.Ref{UUID: src.inc.UUID})
	switch {
	case incident.ErrorCode(err) == incident.ENOTFOUND:
		c := cloneIncident(src.inc)
		c.ID = 0
		if err := s.insertIncident(ctx, tx, &c); err != nil {
			return res, err
		}
		id, res.Created = c.ID, true
	case err != nil:
		return res, err
	}
	res.IncidentID = id
	if err := tx.lock(ctx, id); err != nil {
		return res, err
	}
	if !res.Created {
		if res.Filled, err = s.fillIncident(ctx, tx, src.inc); err != nil {
			return res, err
		}
	} else if _, err := tx.ExecContext(ctx, `UPDATE incidents SET changed_seq = ? WHERE id = ?`, tx.seq, id); err != nil {
		return res, fmt.Errorf("push incident: %w", err)
	}
	have, err := targetIDs(ctx, tx, id)
	if err != nil {
		return res, err
	}
	if res.Items, err = s.pushItems(ctx, tx, src, have); err != nil {
		return res, err
	}
	if res.Events, err = s.pushEvents(ctx, tx, src, have); err != nil {
		return res, err
	}
	if !res.Created && res.Events > 0 {
		// Severity and status changes made locally since the last push:
		// the incident follows its timeline, as after an undo (the latest
		// change wins, the team's included).
		if err := s.followLatestSeverity(ctx, tx, incident.Event{}); err != nil {
			return res, err
		}
		if err := s.followLatestStatus(ctx, tx, ""); err != nil {
			return res, err
		}
	}
	if err := linkItems(ctx, tx, src, have); err != nil {
		return res, err
	}
	var filled int
	if res.Roles, filled, err = s.pushRoles(ctx, tx, src, have); err != nil {
		return res, err
	}
	res.Filled += filled
	if res.Notes, err = s.pushNotes(ctx, tx, src, have); err != nil {
		return res, err
	}
	return res, s.pushRunbook(ctx, tx, src, &res)
}

// fillIncident sets the target's empty narrative fields and unset
// milestones from the pushed incident.
func (s *Store) fillIncident(ctx context.Context, tx *txn, from incident.Incident) (int, error) {
	filled := 0
	_, err := s.changeIncident(ctx, tx, func(c *incident.Incident) error {
		for _, f := range []struct{ dst, src *string }{
			{&c.Summary, &from.Summary}, {&c.Impact, &from.Impact}, {&c.RootCause, &from.RootCause},
			{&c.Trigger, &from.Trigger}, {&c.Resolution, &from.Resolution},
		} {
			if *f.dst == "" && *f.src != "" {
				*f.dst = *f.src
				filled++
			}
		}
		if len(c.Services) == 0 && len(from.Services) > 0 {
			c.Services = append([]string(nil), from.Services...)
			filled++
		}
		for m, t := range from.Milestones {
			if _, ok := c.Milestones.Get(m); !ok && !t.IsZero() {
				c.Milestones[m] = t
				filled++
			}
		}
		return nil
	})
	return filled, err
}

// uuidIDs maps the UUIDs of one table's rows of the target incident to
// their ids there.
type uuidIDs map[string]int64

// targetRows is what the target incident has, by table.
type targetRows struct {
	events, roles, items, notes uuidIDs
}

func targetIDs(ctx context.Context, tx *txn, id int64) (targetRows, error) {
	var t targetRows
	for _, x := range []struct {
		table string
		into  *uuidIDs
	}{{"events", &t.events}, {"role_assignments", &t.roles}, {"action_items", &t.items}, {"retro_notes", &t.notes}} {
		m := uuidIDs{}
		rows, err := tx.QueryContext(ctx, `SELECT uuid, id FROM `+x.table+` WHERE incident_id = ?`, id)
		if err != nil {
			return t, fmt.Errorf("push: read %s: %w", x.table, err)
		}
		for rows.Next() {
			var u sql.NullString
			var rid int64
			if err := rows.Scan(&u, &rid); err != nil {
				rows.Close()
				return t, fmt.Errorf("push: read %s: %w", x.table, err)
			}
			m[u.String] = rid
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return t, fmt.Errorf("push: read %s: %w", x.table, err)
		}
		*x.into = m
	}
	return t, nil
}

// pushItems inserts the items the target lacks (without their event link,
// which linkItems sets once the events are there).
func (s *Store) pushItems(ctx context.Context, tx *txn, src *pushSource, have targetRows) (int, error) {
	n := 0
	for _, a := range src.items {
		if _, ok := have.items[a.UUID]; ok {
			continue
		}
		c := a
		c.ID, c.IncidentID, c.EventID = 0, tx.incident, 0
		if err := s.insertActionItem(ctx, tx, &c); err != nil {
			return n, fmt.Errorf("push action item %s: %w", a.UUID, err)
		}
		if a.Deleted() {
			if _, err := tx.ExecContext(ctx, `UPDATE action_items SET deleted_at = ? WHERE id = ?`, formatTime(a.DeletedAt), c.ID); err != nil {
				return n, fmt.Errorf("push action item %s: %w", a.UUID, err)
			}
		}
		have.items[a.UUID] = c.ID
		n++
	}
	return n, nil
}

// pushEvents inserts the events the target lacks, with their UUIDs,
// through the import's writer.
func (s *Store) pushEvents(ctx context.Context, tx *txn, src *pushSource, have targetRows) (int, error) {
	itemUUID := map[int64]string{}
	for _, a := range src.items {
		itemUUID[a.ID] = a.UUID
	}
	var fresh []incident.Event
	for _, e := range src.events {
		if _, ok := have.events[e.UUID]; !ok && e.UUID != "" {
			fresh = append(fresh, e)
		}
	}
	if len(fresh) == 0 {
		return 0, nil
	}
	newIDs, err := eventIDs(ctx, tx, len(fresh))
	if err != nil {
		return 0, fmt.Errorf("push events: %w", err)
	}
	now := s.now()
	err = tx.conn.Raw(func(dc any) error {
		w, err := newEventSink(dc, tx, now)
		if err != nil {
			return err
		}
		defer w.close()
		for i, e := range fresh {
			c := e
			c.ID, c.IncidentID, c.UpdatedAt = newIDs(i), tx.incident, now
			c.ActionItemID = have.items[itemUUID[e.ActionItemID]]
			if c.OccurredAt.IsZero() || c.LoggedAt.IsZero() {
				// An unreadable time (see Event.Invalid) cannot be copied.
				return incident.Errorf(incident.EINVALID, "event %s cannot be pushed: %s; correct its time first", e.UUID, e.Invalid)
			}
			have.events[e.UUID] = c.ID
			if err := w.add(ctx, &c); err != nil {
				return err
			}
		}
		return w.flush(ctx)
	})
	if err != nil {
		return 0, fmt.Errorf("push events: %w", err)
	}
	return len(fresh), nil
}

// linkItems sets the event links of the target's items that have none,
// from the pushed ones.
func linkItems(ctx context.Context, tx *txn, src *pushSource, have targetRows) error {
	eventUUID := map[int64]string{}
	for _, e := range src.events {
		eventUUID[e.ID] = e.UUID
	}
	for _, a := range src.items {
		ev, ok := have.events[eventUUID[a.EventID]]
		if a.EventID == 0 || !ok {
			continue
		}
		if _, err := tx.ExecContext(ctx, `UPDATE action_items SET event_id = ?, seq = ? WHERE id = ? AND event_id IS NULL`,
			ev, tx.seq, have.items[a.UUID]); err != nil {
			return fmt.Errorf("push action item %s: link its event: %w", a.UUID, err)
		}
	}
	return nil
}

// pushRoles inserts the assignments the target lacks, and ends the ones
// the target still has open that were handed off since.
func (s *Store) pushRoles(ctx context.Context, tx *txn, src *pushSource, have targetRows) (added, ended int, err error) {
	eventUUID := map[int64]string{}
	for _, e := range src.events {
		eventUUID[e.ID] = e.UUID
	}
	for _, a := range src.roles {
		if rid, ok := have.roles[a.UUID]; ok {
			if a.Until.IsZero() {
				continue
			}
			res, err := tx.ExecContext(ctx, `UPDATE role_assignments SET until_at = ?, seq = ? WHERE id = ? AND until_at IS NULL`,
				formatTime(a.Until), tx.seq, rid)
			if err != nil {
				return added, ended, fmt.Errorf("push role assignment %s: %w", a.UUID, err)
			}
			if n, _ := res.RowsAffected(); n > 0 {
				ended++
			}
			continue
		}
		c := a
		c.ID, c.IncidentID, c.EventID = 0, tx.incident, have.events[eventUUID[a.EventID]]
		if err := s.insertRole(ctx, tx, &c); err != nil {
			return added, ended, fmt.Errorf("push role assignment %s: %w", a.UUID, err)
		}
		added++
	}
	return added, ended, nil
}

// pushNotes inserts the notes the target lacks, after the target's own in
// each section.
func (s *Store) pushNotes(ctx context.Context, tx *txn, src *pushSource, have targetRows) (int, error) {
	n := 0
	for _, note := range src.notes {
		if _, ok := have.notes[note.UUID]; ok {
			continue
		}
		c := note
		c.ID, c.IncidentID = 0, tx.incident
		err := s.insertRetroNote(ctx, tx, &c)
		if errors.Is(err, errReplayed) {
			continue // the UUID is taken by another incident's note
		}
		if err != nil {
			return n, fmt.Errorf("push retro note %s: %w", note.UUID, err)
		}
		n++
	}
	return n, nil
}
