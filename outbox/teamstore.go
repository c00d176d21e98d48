package outbox

import (
	"context"
	"fmt"
	"slices"
	"time"

	"scribe/incident"
	"scribe/store"
)

// The Team as the TUI's store (tui.Store, checked where the CLI wires it):
// the writes that are one operation (a line, a status, a hand-off, a
// milestone, a severity, an action item, a retro note, a new incident) are
// queued while the database is out of reach, and fail with a *QueuedError
// the TUI shows as pending; reads then show the last incident read, with
// the lines that wait (negative ids, see Snapshot). Corrections (edits,
// deletes, restores, imports) need the database: they name rows by number,
// and are refused, with the reason, while it cannot be reached.

// TeamState sends what waits when the database can be reached (at most
// once per quiet spell after a failure), and reports whether it can be and
// how many writes wait: the TUI's "offline · N pending".
func (t *Team) TeamState(ctx context.Context) (online bool, pending int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	n, _ := t.queue.Count(ctx, t.target)
	if t.Now().After(t.retryAfter) && (n > 0 || t.db == nil) {
		if err := t.connectLocked(ctx); err == nil && n > 0 {
			t.deliverLocked(ctx, incident.Operation{}, nil)
			n, _ = t.queue.Count(ctx, t.target)
		}
	}
	return t.db != nil && t.lastErr == nil, n
}

// online is the database for a write that needs it, with what waits sent
// first (a correction must not overtake the line it corrects).
func (t *Team) online(ctx context.Context) (*store.Store, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := t.connectLocked(ctx); err != nil {
		return nil, t.needed(err)
	}
	if n, err := t.queue.Count(ctx, t.target); err != nil || n > 0 {
		if err != nil {
			return nil, err
		}
		if _, _, err := t.deliverLocked(ctx, incident.Operation{}, nil); err != nil {
			return nil, t.needed(err)
		}
	}
	return t.db, nil
}

// needed says why a correction cannot be made now.
func (t *Team) needed(err error) error {
	if !store.Unreachable(err) {
		return err
	}
	return fmt.Errorf("%w; corrections wait for it (new lines, status, roles, milestones and severity are kept and sent later)", err)
}

// DataVersion is the database's, or while it cannot be reached the last
// one seen: the TUI then shows what it has, and the header says offline.
func (t *Team) DataVersion(ctx context.Context) (int64, error) {
	st, err := t.reader(ctx)
	if err == nil {
		var v int64
		actx, cancel := context.WithTimeout(ctx, answerTimeout)
		v, err = st.DataVersion(actx)
		cancel()
		if err == nil {
			t.mu.Lock()
			t.version = v
			// The database answers again: the header stops saying offline
			// and TeamState may send what waits at once.
			t.lastErr, t.retryAfter = nil, time.Time{}
			t.mu.Unlock()
			return v, nil
		}
	}
	if !store.Unreachable(err) {
		return 0, err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.offlineLocked(err)
	return t.version, nil
}

// reader is the database for a read, without asking it during the quiet
// spell after a failure: neither a reconnect nor a connection the pool
// still holds, which may be one that hangs (the reload that shows a line
// as pending would wait for readTimeout).
func (t *Team) reader(ctx context.Context) (*store.Store, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.lastErr != nil && t.Now().Before(t.retryAfter) {
		return nil, t.lastErr
	}
	if err := t.connectLocked(ctx); err != nil {
		return nil, err
	}
	return t.db, nil
}

// WatchIncident tells when incident id may have changed, woken by the team
// database's notifications (store.Store.Watch: LISTEN/NOTIFY, polling where
// LISTEN is unavailable), so that the TUI shows another machine's line at
// once rather than at its next poll. It fails while the database cannot be
// reached; the TUI then polls, and tries again once it answers.
func (t *Team) WatchIncident(ctx context.Context, id int64) (<-chan struct{}, error) {
	st, err := t.reader(ctx)
	if err != nil {
		return nil, err
	}
	return st.Watch(ctx, id)
}

// Incidents lists the incidents, or the last list read while the database
// cannot be reached.
func (t *Team) Incidents(ctx context.Context) ([]incident.Incident, error) {
	st, err := t.reader(ctx)
	if err == nil {
		var list []incident.Incident
		rctx, cancel := context.WithTimeout(ctx, readTimeout)
		list, err = st.Incidents(rctx)
		cancel()
		if err == nil {
			t.mu.Lock()
			t.list = list
			t.mu.Unlock()
			return list, nil
		}
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if store.Unreachable(err) && t.list != nil {
		t.offlineLocked(err)
		return t.list, nil
	}
	return nil, err
}

// Snapshot reads the incident, or while the database cannot be reached
// the last read of it; either way with the lines that wait for the
// database, as events with negative ids (the TUI marks them pending).
func (t *Team) Snapshot(ctx context.Context, id int64) (incident.Snapshot, error) {
	st, err := t.reader(ctx)
	var snap incident.Snapshot
	if err == nil {
		rctx, cancel := context.WithTimeout(ctx, readTimeout)
		snap, err = st.Snapshot(rctx, id)
		cancel()
		if err == nil {
			// The cache is the Team's own: the caller may change its copy
			// in place (the TUI merges others' events into it).
			cached := snap
			cached.Events = slices.Clone(snap.Events)
			t.mu.Lock()
			t.snap = cached
			t.mu.Unlock()
		}
	}
	if err != nil {
		t.mu.Lock()
		cached := t.snap
		if store.Unreachable(err) {
			t.offlineLocked(err)
		}
		t.mu.Unlock()
		switch {
		case !store.Unreachable(err):
			return snap, err
		case cached.Incident.ID == id:
			snap = cached
		default:
			// Never read in this run: a placeholder, so that lines can
			// still be typed, kept and sent later.
			snap = incident.Snapshot{Incident: incident.Incident{ID: id, Severity: 3, State: incident.Investigating,
				Timezone: time.Local.String(), Title: "(not loaded: the team database is out of reach)",
				Milestones: incident.Milestones{}}}
		}
	}
	lines, err := t.pendingLines(ctx, snap.Incident)
	if err != nil || len(lines) == 0 {
		return snap, err
	}
	// The timeline's copy is the snapshot's own: the cached one stays as
	// read.
	snap.Events = slices.Clone(snap.Events)
	for _, e := range lines {
		i, _ := slices.BinarySearchFunc(snap.Events, e, func(a, b incident.Event) int {
			return a.OccurredAt.Compare(b.OccurredAt)
		})
		for i < len(snap.Events) && !snap.Events[i].OccurredAt.After(e.OccurredAt) {
			i++
		}
		snap.Events = slices.Insert(snap.Events, i, e)
	}
	return snap, nil
}

// pendingLines are the events the queued operations on inc will log, with
// negative ids in queue order.
func (t *Team) pendingLines(ctx context.Context, inc incident.Incident) ([]incident.Event, error) {
	ops, err := t.PendingOperations(ctx)
	if err != nil {
		return nil, err
	}
	var out []incident.Event
	for _, op := range ops {
		if op.Incident.ID != inc.ID && (op.Incident.UUID == "" || op.Incident.UUID != inc.UUID) {
			continue
		}
		e := store.Preview(op).Event
		if e.Kind == "" {
			continue
		}
		e.ID, e.IncidentID = -int64(len(out)+1), inc.ID
		out = append(out, e)
	}
	return out, nil
}

// op starts an operation on incident id from o, typed now.
func (t *Team) op(kind incident.OpKind, id int64, o incident.Origin) incident.Operation {
	return NewOperation(kind, incident.Ref{ID: id}, o, t.Now())
}

// CreateIncident declares an incident; queued, it has no number yet.
func (t *Team) CreateIncident(ctx context.Context, inc *incident.Incident, o incident.Origin) error {
	c := *inc
	op := NewOperation(incident.OpCreateIncident, incident.Ref{UUID: store.NewID()}, o, t.Now())
	op.New = &c
	out, err := t.Apply(ctx, op)
	if err == nil {
		*inc = out.Incident
	}
	return err
}

// LogEvent logs a line: see store.Store.LogEvent.
func (t *Team) LogEvent(ctx context.Context, e *incident.Event) error {
	op := t.op(incident.OpLogEvent, e.IncidentID, incident.Origin{At: e.OccurredAt, Author: e.Author, Source: e.Source})
	c := *e
	op.Event = &c
	out, err := t.Apply(ctx, op)
	*e = out.Event
	return err
}

// SetSeverity: see store.Store.SetSeverity.
func (t *Team) SetSeverity(ctx context.Context, id int64, sev incident.Severity, reason string, o incident.Origin) (incident.Event, error) {
	op := t.op(incident.OpSetSeverity, id, o)
	op.Severity, op.Message = sev, reason
	out, err := t.Apply(ctx, op)
	return out.Event, err
}

// SetStatus: see store.Store.SetStatus.
func (t *Team) SetStatus(ctx context.Context, id int64, st incident.State, message string, o incident.Origin) (incident.Event, error) {
	op := t.op(incident.OpSetStatus, id, o)
	op.State, op.Message = st, message
	out, err := t.Apply(ctx, op)
	return out.Event, err
}

// SetMilestone: see store.Store.SetMilestone.
func (t *Team) SetMilestone(ctx context.Context, id int64, m incident.Milestone, o incident.Origin) (incident.Event, error) {
	op := t.op(incident.OpSetMilestone, id, o)
	op.Milestone = m
	out, err := t.Apply(ctx, op)
	return out.Event, err
}

// ClearMilestone: see store.Store.ClearMilestone.
func (t *Team) ClearMilestone(ctx context.Context, id int64, m incident.Milestone, o incident.Origin) (incident.Event, error) {
	op := t.op(incident.OpClearMilestone, id, o)
	op.Milestone = m
	out, err := t.Apply(ctx, op)
	return out.Event, err
}

// AssignRole: see store.Store.AssignRole.
func (t *Team) AssignRole(ctx context.Context, id int64, role, person string, o incident.Origin) (incident.Event, error) {
	op := t.op(incident.OpAssignRole, id, o)
	op.Role, op.Person = role, person
	out, err := t.Apply(ctx, op)
	return out.Event, err
}

// AddActionItem: see store.Store.AddActionItem.
func (t *Team) AddActionItem(ctx context.Context, item *incident.ActionItem, o incident.Origin) error {
	op := t.op(incident.OpAddActionItem, item.IncidentID, o)
	c := *item
	if c.UUID == "" {
		c.UUID = store.NewID()
	}
	op.Item = &c
	out, err := t.Apply(ctx, op)
	*item = out.ActionItem
	return err
}

// AddRetroNote: see store.Store.AddRetroNote.
func (t *Team) AddRetroNote(ctx context.Context, n *incident.RetroNote) error {
	op := t.op(incident.OpAddRetroNote, n.IncidentID, incident.Origin{})
	c := *n
	op.Note = &c
	out, err := t.Apply(ctx, op)
	*n = out.RetroNote
	return err
}

// UpdateIncident needs the database (see the package's note on
// corrections).
func (t *Team) UpdateIncident(ctx context.Context, id int64, fn func(*incident.Incident) error) (incident.Incident, error) {
	st, err := t.online(ctx)
	if err != nil {
		return incident.Incident{}, err
	}
	actx, cancel := context.WithTimeout(ctx, answerTimeout)
	defer cancel()
	return st.UpdateIncident(actx, id, fn)
}

// EditEvent needs the database.
func (t *Team) EditEvent(ctx context.Context, id int64, fn func(*incident.Event) error) (incident.Event, error) {
	st, err := t.online(ctx)
	if err != nil {
		return incident.Event{}, err
	}
	actx, cancel := context.WithTimeout(ctx, answerTimeout)
	defer cancel()
	return st.EditEvent(actx, id, fn)
}

// DeleteEvent needs the database.
func (t *Team) DeleteEvent(ctx context.Context, id int64) error {
	return t.onRow(ctx, id, (*store.Store).DeleteEvent)
}

// RestoreEvent needs the database.
func (t *Team) RestoreEvent(ctx context.Context, id int64) error {
	return t.onRow(ctx, id, (*store.Store).RestoreEvent)
}

// UpdateActionItem needs the database.
func (t *Team) UpdateActionItem(ctx context.Context, id int64, fn func(*incident.ActionItem) error) (incident.ActionItem, error) {
	st, err := t.online(ctx)
	if err != nil {
		return incident.ActionItem{}, err
	}
	actx, cancel := context.WithTimeout(ctx, answerTimeout)
	defer cancel()
	return st.UpdateActionItem(actx, id, fn)
}

// DeleteActionItem needs the database.
func (t *Team) DeleteActionItem(ctx context.Context, id int64) error {
	return t.onRow(ctx, id, (*store.Store).DeleteActionItem)
}

// RestoreActionItem needs the database.
func (t *Team) RestoreActionItem(ctx context.Context, id int64) error {
	return t.onRow(ctx, id, (*store.Store).RestoreActionItem)
}

// UpdateRetroNote needs the database.
func (t *Team) UpdateRetroNote(ctx context.Context, id int64, fn func(*incident.RetroNote) error) (incident.RetroNote, error) {
	st, err := t.online(ctx)
	if err != nil {
		return incident.RetroNote{}, err
	}
	actx, cancel := context.WithTimeout(ctx, answerTimeout)
	defer cancel()
	return st.UpdateRetroNote(actx, id, fn)
}

// DeleteRetroNote needs the database.
func (t *Team) DeleteRetroNote(ctx context.Context, id int64) error {
	return t.onRow(ctx, id, (*store.Store).DeleteRetroNote)
}

// RestoreRetroNote needs the database.
func (t *Team) RestoreRetroNote(ctx context.Context, id int64) error {
	return t.onRow(ctx, id, (*store.Store).RestoreRetroNote)
}

// ImportSnapshot needs the database.
func (t *Team) ImportSnapshot(ctx context.Context, snap incident.Snapshot, into int64) (int64, error) {
	out, err := t.Import(ctx, snap, into)
	return out.IncidentID, err
}

// Import needs the database: see store.Store.Import.
func (t *Team) Import(ctx context.Context, snap incident.Snapshot, into int64) (incident.Imported, error) {
	st, err := t.online(ctx)
	if err != nil {
		return incident.Imported{}, err
	}
	return st.Import(ctx, snap, into)
}

// onRow runs a change of one row that needs the database.
func (t *Team) onRow(ctx context.Context, id int64, fn func(*store.Store, context.Context, int64) error) error {
	if id < 0 {
		return incident.Errorf(incident.ECONFLICT, "this line is not in the team database yet: it can be changed once it is")
	}
	st, err := t.online(ctx)
	if err != nil {
		return err
	}
	actx, cancel := context.WithTimeout(ctx, answerTimeout)
	defer cancel()
	return fn(st, actx, id)
}

// Changes is the database's: see store.Store.Changes. The incident kept
// for offline reads follows, when it was read at since, so that going
// offline does not go back to an older read.
func (t *Team) Changes(ctx context.Context, id, since int64) (incident.Changes, error) {
	st, err := t.reader(ctx)
	if err != nil {
		return incident.Changes{}, err
	}
	rctx, cancel := context.WithTimeout(ctx, readTimeout)
	c, err := st.Changes(rctx, id, since)
	cancel()
	if err != nil {
		return c, err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.snap.Incident.ID != id || t.snap.Incident.Seq != since {
		return c, nil
	}
	t.snap.Apply(c)
	return c, nil
}
