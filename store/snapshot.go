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

// Snapshot reads an incident with everything attached, in one read
// transaction.
func (s *Store) Snapshot(ctx context.Context, id int64) (incident.Snapshot, error) {
	var snap incident.Snapshot
	err := s.read(ctx, func(q *rconn) error {
		var err error
		if snap.Incident, err = findIncident(ctx, q, id); err != nil {
			return err
		}
		if snap.Events, err = listEvents(ctx, q, id); err != nil {
			return err
		}
		if snap.Roles, err = listRoles(ctx, q, id); err != nil {
			return err
		}
		if snap.ActionItems, err = listActionItems(ctx, q, id); err != nil {
			return err
		}
		if snap.Retro, err = listRetroNotes(ctx, q, id); err != nil {
			return err
		}
		return readRunbook(ctx, q, id, &snap) // runbook.go
	})
	return snap, err
}

// ImportSnapshot is Import, returning the incident's id.
func (s *Store) ImportSnapshot(ctx context.Context, snap incident.Snapshot, into int64) (int64, error) {
	out, err := s.Import(ctx, snap, into)
	return out.IncidentID, err
}

// Import writes a snapshot in one transaction. With into == 0 it creates a
// new incident from snap.Incident (milestones, narrative and all);
// otherwise it appends snap's events, roles, action items and retro notes to
// incident into, and fills the incident's narrative fields and services
// that are empty from snap.Incident's, never changing one the incident has
// (incident.FillNarrative: the outcome names the fields filled and kept).
// IDs in snap are ignored; events keep their times, authors, pins and
// LoggedAt (now when zero); Source is kept, import when empty.
//
// The snapshot's IDs still serve to link its parts: an event's ActionItemID
// and an item's or role's EventID are mapped to the new rows. An item keeps
// its UUID unless the database already has it (importing the same document
// twice), in which case it gets a new one so that both copies can be filed.
func (s *Store) Import(ctx context.Context, snap incident.Snapshot, into int64) (incident.Imported, error) {
	var id int64
	var out incident.Imported
	err := s.bulkWrite(ctx, func(tx *txn) error {
		var err error
		out = incident.Imported{}
		if id, err = s.importIncident(ctx, tx, snap.Incident, into); err != nil {
			return err
		}
		if err := tx.lock(ctx, id); err != nil {
			return err
		}
		if into != 0 {
			if out.Filled, out.Kept, err = s.fillNarrative(ctx, tx, snap.Incident); err != nil {
				return err
			}
		}
		items, err := s.importActionItems(ctx, tx, id, snap.ActionItems, &out)
		if err != nil {
			return err
		}
		// Only the events something links to need their new ids kept.
		wanted := map[int64]bool{}
		for _, a := range snap.ActionItems {
			wanted[a.EventID] = a.EventID != 0
		}
		for _, r := range snap.Roles {
			wanted[r.EventID] = r.EventID != 0
		}
		events, roleEvents, err := s.importEvents(ctx, tx, snap.Events, items, wanted, &out)
		if err != nil {
			return err
		}
		for i, a := range snap.ActionItems {
			if ev := events[a.EventID]; a.EventID != 0 && ev != 0 {
				if _, err := tx.ExecContext(ctx, `UPDATE action_items SET event_id = ?, seq = ? WHERE id = ?`, ev, tx.seq, items[a.ID]); err != nil {
					return fmt.Errorf("import action item %d: link its event: %w", i+1, err)
				}
			}
		}
		for i, r := range snap.Roles {
			c := r
			c.ID, c.UUID, c.IncidentID, c.EventID = 0, "", id, events[r.EventID]
			c.From, c.Until = c.From.UTC(), c.Until.UTC()
			if c.Role, err = incident.CanonicalRole(c.Role); err != nil {
				return fmt.Errorf("role %d: %w", i+1, err)
			}
			if err := incident.ValidatePerson(c.Person); err != nil {
				return fmt.Errorf("role %d: %w", i+1, err)
			}
			if c.From.IsZero() {
				return fmt.Errorf("role %d: %w", i+1, incident.Errorf(incident.EINVALID, "role assignment has no start time"))
			}
			if c.EventID == 0 {
				// A JSON document does not link roles to events; the role
				// event logged with the assignment is found by what it says.
				c.EventID = roleEvents[roleKeyOf(c.Role, c.Person, c.From)]
			}
			if err := s.insertRole(ctx, tx, &c); err != nil {
				return err
			}
		}
		for i, n := range snap.Retro {
			c := n
			c.ID, c.IncidentID = 0, id
			c.Text = strings.TrimSpace(c.Text)
			if err := c.Validate(); err != nil {
				return fmt.Errorf("retro note %d: %w", i+1, err)
			}
			c.Section, _ = incident.ParseRetroSection(string(c.Section))
			c.UUID = ""
			if err := s.insertRetroNote(ctx, tx, &c); err != nil {
				return err
			}
			out.RetroNotes = append(out.RetroNotes, c.ID)
		}
		if err := s.importRunbook(ctx, tx, snap); err != nil { // runbook.go
			return err
		}
		if into != 0 {
			return s.followLatestStatus(ctx, tx, "")
		}
		if _, err := tx.ExecContext(ctx, `UPDATE incidents SET changed_seq = ? WHERE id = ?`, tx.seq, id); err != nil {
			return fmt.Errorf("mark incident #%d changed: %w", id, err)
		}
		return nil
	})
	if err != nil {
		return incident.Imported{}, err
	}
	out.IncidentID = id
	return out, nil
}

// fillNarrative fills the transaction's incident's empty narrative fields
// and services from doc's (incident.FillNarrative).
func (s *Store) fillNarrative(ctx context.Context, tx *txn, doc incident.Incident) (filled, kept []incident.Field, err error) {
	_, err = s.changeIncident(ctx, tx, func(inc *incident.Incident) error {
		filled, kept = incident.FillNarrative(inc, doc)
		if len(filled) == 0 {
			return nil
		}
		if err := inc.Validate(); err != nil {
			return fmt.Errorf("the document's %s: %w", incident.FieldList(filled), err)
		}
		return nil
	})
	return filled, kept, err
}

// followLatestStatus makes the incident's state that of its latest live
// status event. After an import appended events, a pasted status-page log
// that ends in "Resolved" resolves the incident, as typing /status would
// (and sets the resolved milestone when it is unset), while older imported
// updates change nothing. After a status event is deleted or restored, the
// state follows what remains; with none left it becomes fallback ("" keeps
// the state as it is).
func (s *Store) followLatestStatus(ctx context.Context, tx *txn, fallback incident.State) error {
	id := tx.incident
	var state, at string
	err := tx.QueryRowContext(ctx, `SELECT state, occurred_at FROM events
		WHERE incident_id = ? AND kind = 'status' AND deleted_at IS NULL
		ORDER BY occurred_at DESC, id DESC LIMIT 1`, id).Scan(&state, &at)
	if errors.Is(err, sql.ErrNoRows) {
		if fallback == "" {
			return nil
		}
		state = string(fallback)
		err = nil
	}
	if err != nil {
		return fmt.Errorf("read the latest status of incident #%d: %w", id, err)
	}
	latest := incident.State(state)
	_, err = s.changeIncident(ctx, tx, func(inc *incident.Incident) error {
		if latest == inc.State {
			return nil
		}
		if latest == incident.Resolved && at != "" {
			if _, ok := inc.Milestones.Get(incident.MilestoneResolved); !ok {
				var bad badRow
				if t := userTime("occurred_at", at, &bad); !t.IsZero() {
					inc.Milestones[incident.MilestoneResolved] = t
				}
			}
		}
		inc.State = latest
		return nil
	})
	return err
}

// importIncident creates the snapshot's incident, or checks that into exists.
func (s *Store) importIncident(ctx context.Context, tx *txn, inc incident.Incident, into int64) (int64, error) {
	if into != 0 {
		return into, requireIncident(ctx, tx, into)
	}
	c := withDefaults(inc)
	if err := c.Validate(); err != nil {
		return 0, fmt.Errorf("incident: %w", err)
	}
	now := s.now()
	if c.CreatedAt.IsZero() {
		c.CreatedAt = now
	}
	c.UpdatedAt, c.UUID = now, ""
	if err := s.insertIncident(ctx, tx, &c); err != nil {
		return 0, err
	}
	return c.ID, nil
}

// importActionItems inserts the items and maps their snapshot IDs to new
// ones; out lists the new ones.
func (s *Store) importActionItems(ctx context.Context, tx *txn, id int64, items []incident.ActionItem, out *incident.Imported) (map[int64]int64, error) {
	ids := make(map[int64]int64, len(items))
	for i, a := range items {
		c := a
		c.IncidentID, c.EventID = id, 0
		c.Title, c.Owner = strings.TrimSpace(c.Title), strings.TrimSpace(c.Owner)
		if c.State == "" {
			c.State = incident.ItemOpen
		}
		if err := c.Validate(); err != nil {
			return nil, fmt.Errorf("action item %d: %w", i+1, err)
		}
		taken, err := uuidTaken(ctx, tx, c.UUID)
		if err != nil {
			return nil, err
		}
		if c.UUID == "" || taken {
			c.UUID = newID()
		}
		if err := s.insertActionItem(ctx, tx, &c); err != nil {
			return nil, fmt.Errorf("action item %d: %w", i+1, err)
		}
		if a.ID != 0 {
			ids[a.ID] = c.ID
		}
		out.ActionItems = append(out.ActionItems, c.ID)
	}
	return ids, nil
}

func uuidTaken(ctx context.Context, q querier, id string) (bool, error) {
	if id == "" {
		return false, nil
	}
	var one int
	err := q.QueryRowContext(ctx, `SELECT 1 FROM action_items WHERE uuid = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("look up action item %s: %w", id, err)
	}
	return true, nil
}

// roleKey identifies the role event that records an assignment.
type roleKey struct {
	role, person string
	at           time.Time
}

func roleKeyOf(role, person string, at time.Time) roleKey {
	return roleKey{role, strings.ToLower(strings.TrimSpace(person)), at.UTC()}
}

// importEvents inserts the events straight through the driver connection
// (imports run to 100,000 events, and database/sql's per-call and
// per-argument work was most of their cost): on SQLite eventBatch rows per
// INSERT, on PostgreSQL with COPY. Each gets a new UUID: an import is a
// copy. It returns the new ids of the wanted snapshot ids and of the role
// events, by what they record; out lists every new id.
func (s *Store) importEvents(ctx context.Context, tx *txn, events []incident.Event,
	items map[int64]int64, wanted map[int64]bool, out *incident.Imported) (map[int64]int64, map[roleKey]int64, error) {
	newIDs, err := eventIDs(ctx, tx, len(events))
	if err != nil {
		return nil, nil, fmt.Errorf("import events: %w", err)
	}
	now := s.now()
	uuids := newIDSource()
	ids := map[int64]int64{}
	roles := map[roleKey]int64{}
	out.Events = make([]int64, 0, len(events))
	err = tx.conn.Raw(func(dc any) error {
		w, err := newEventSink(dc, tx, now)
		if err != nil {
			return err
		}
		defer w.close()
		for i, e := range events {
			c := e
			c.ID, c.IncidentID, c.UUID = newIDs(i), tx.incident, uuids.next(now)
			if c.ActionItemID != 0 {
				c.ActionItemID = items[e.ActionItemID]
			}
			if c.Source == "" {
				c.Source = incident.SourceImport
			}
			if c.LoggedAt.IsZero() {
				c.LoggedAt = now
			}
			c.OccurredAt, c.LoggedAt = c.OccurredAt.UTC(), c.LoggedAt.UTC()
			c.DeletedAt, c.UpdatedAt = c.DeletedAt.UTC(), now
			if err := c.Validate(); err != nil {
				return fmt.Errorf("event %d: %w", i+1, err)
			}
			if err := checkStored("time", c.OccurredAt, c.LoggedAt, c.DeletedAt); err != nil {
				return fmt.Errorf("event %d: %w", i+1, err)
			}
			if wanted[e.ID] {
				ids[e.ID] = c.ID
			}
			out.Events = append(out.Events, c.ID)
			if c.Kind == incident.KindRole {
				if role, err := incident.CanonicalRole(c.Role); err == nil {
					roles[roleKeyOf(role, c.Person, c.OccurredAt)] = c.ID
				}
			}
			if err := w.add(ctx, &c); err != nil {
				return fmt.Errorf("import: %w", err)
			}
		}
		if err := w.flush(ctx); err != nil {
			return fmt.Errorf("import: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return ids, roles, nil
}

// eventSink is where an import's events go: eventWriter on SQLite,
// copyWriter on PostgreSQL.
type eventSink interface {
	add(ctx context.Context, e *incident.Event) error
	flush(ctx context.Context) error
	close()
}

func newEventSink(dc any, tx *txn, now time.Time) (eventSink, error) {
	if tx.d.postgres {
		return newCopyWriter(dc, tx.seq)
	}
	return newEventWriter(dc, now, tx.seq)
}

// eventIDs picks the ids of n new events, as a function of their index.
// On SQLite they follow the largest one in use (which is what SQLite would
// choose itself): the transaction holds the write lock, and the rows of one
// batch have consecutive ids (see eventWriter). On PostgreSQL they come
// from the table's sequence, which other writers share.
func eventIDs(ctx context.Context, tx *txn, n int) (func(i int) int64, error) {
	if !tx.d.postgres {
		var last int64
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM events`).Scan(&last); err != nil {
			return nil, fmt.Errorf("number the imported events: %w", err)
		}
		return func(i int) int64 { return last + int64(i) + 1 }, nil
	}
	ids := make([]int64, 0, n)
	rows, err := tx.QueryContext(ctx, `SELECT nextval(pg_get_serial_sequence('scribe.events', 'id')) FROM generate_series(1, ?)`, n)
	if err != nil {
		return nil, fmt.Errorf("number the imported events: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("number the imported events: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("number the imported events: %w", err)
	}
	slices.Sort(ids)
	return func(i int) int64 { return ids[i] }, nil
}
