package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"scribe/incident"
)

// errReplayed ends the transaction of an operation that was applied
// before: nothing is written, not even the sequence number.
var errReplayed = errors.New("operation applied before")

// Apply applies op in one transaction, exactly once: an operation the
// database has applied before changes nothing again, and comes back with
// Replayed set and what it wrote then. This is what makes a write safe to
// send again after its answer was lost, and the outbox's replays exactly
// once. Every public write method of the store is a thin wrapper around
// one operation.
func (s *Store) Apply(ctx context.Context, op incident.Operation) (incident.Outcome, error) {
	if err := op.Validate(); err != nil {
		return incident.Outcome{}, err
	}
	var out incident.Outcome
	err := s.write(ctx, func(tx *txn) error {
		id, err := s.operationIncident(ctx, tx, op)
		if err != nil {
			return err
		}
		if err := tx.lock(ctx, id); err != nil {
			return err
		}
		out, err = s.applyIn(ctx, tx, op)
		return err
	})
	if errors.Is(err, errReplayed) {
		return s.replayed(ctx, op)
	}
	return out, err
}

// applyIn applies op inside tx, which holds its incident's lock, or fails
// with errReplayed (and the transaction must be rolled back) when it was
// applied before. An operation that writes a row of its own UUID (an event
// it logs, a retro note it adds) finds out when it inserts that row, which
// costs nothing more; any other is recorded in operations first.
func (s *Store) applyIn(ctx context.Context, tx *txn, op incident.Operation) (incident.Outcome, error) {
	if op.Kind.WritesOwnRow() && op.Kind != incident.OpLogEvent && op.Kind != incident.OpAddRetroNote {
		// These check the incident before they log (a role held already, a
		// milestone not set): a replay must not be judged by those checks.
		if _, err := findEventBy(ctx, tx, `uuid = ?`, op.ID); err == nil {
			return incident.Outcome{}, errReplayed
		} else if !errors.Is(err, sql.ErrNoRows) {
			return incident.Outcome{}, fmt.Errorf("look up operation %s: %w", op.ID, err)
		}
	}
	if !op.Kind.WritesOwnRow() {
		res, err := tx.ExecContext(ctx, `INSERT INTO operations (uuid, incident_id, kind, seq, created_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (uuid) DO NOTHING`, op.ID, tx.incident, string(op.Kind), tx.seq, formatTime(s.now()))
		if err != nil {
			return incident.Outcome{}, fmt.Errorf("record %s operation %s: %w", op.Kind, op.ID, err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			if err != nil {
				return incident.Outcome{}, fmt.Errorf("record %s operation %s: %w", op.Kind, op.ID, err)
			}
			return incident.Outcome{}, errReplayed
		}
	}
	out, err := s.applyOp(ctx, tx, op)
	out.IncidentID, out.Seq = tx.incident, tx.seq
	return out, err
}

// applyOp does what op says, inside tx.
func (s *Store) applyOp(ctx context.Context, tx *txn, op incident.Operation) (incident.Outcome, error) {
	switch op.Kind {
	case incident.OpCreateIncident:
		return s.applyCreateIncident(ctx, tx, op)
	case incident.OpLogEvent:
		return s.applyLogEvent(ctx, tx, op)
	case incident.OpSetStatus:
		return s.applySetStatus(ctx, tx, op)
	case incident.OpAssignRole:
		return s.applyAssignRole(ctx, tx, op)
	case incident.OpSetMilestone:
		return s.applySetMilestone(ctx, tx, op)
	case incident.OpClearMilestone:
		return s.applyClearMilestone(ctx, tx, op)
	case incident.OpSetSeverity:
		return s.applySetSeverity(ctx, tx, op)
	case incident.OpEditIncident:
		return s.applyEditIncident(ctx, tx, op)
	case incident.OpEditEvent:
		return s.applyEditEvent(ctx, tx, op)
	case incident.OpDeleteEvent, incident.OpRestoreEvent:
		return s.applyDeleteEvent(ctx, tx, op)
	case incident.OpAddActionItem:
		return s.applyAddActionItem(ctx, tx, op)
	case incident.OpEditActionItem:
		return s.applyEditActionItem(ctx, tx, op)
	case incident.OpDeleteItem, incident.OpRestoreItem:
		return s.applyDeleteActionItem(ctx, tx, op)
	case incident.OpAddRetroNote:
		return s.applyAddRetroNote(ctx, tx, op)
	case incident.OpEditRetroNote:
		return s.applyEditRetroNote(ctx, tx, op)
	case incident.OpDeleteNote, incident.OpRestoreNote:
		return s.applyDeleteRetroNote(ctx, tx, op)
	case incident.OpSetChecklistItem:
		return s.applySetChecklistItem(ctx, tx, op)
	case incident.OpAddReminder:
		return s.applyAddReminder(ctx, tx, op)
	case incident.OpSetReminder:
		return s.applySetReminder(ctx, tx, op)
	}
	return incident.Outcome{}, incident.Errorf(incident.EINVALID, "unknown operation %q", op.Kind)
}

// operationIncident is the id of the incident op changes; a new incident
// is created here (so that it can be locked like any other), unless an
// earlier try created it.
func (s *Store) operationIncident(ctx context.Context, tx *txn, op incident.Operation) (int64, error) {
	if op.Kind == incident.OpCreateIncident {
		return s.createIncidentRow(ctx, tx, op)
	}
	return resolveIncident(ctx, tx, op.Incident)
}

// resolveIncident finds the incident r names.
func resolveIncident(ctx context.Context, q querier, r incident.Ref) (int64, error) {
	if r.ID != 0 {
		return r.ID, nil
	}
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM incidents WHERE uuid = ?`, r.UUID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, incident.Errorf(incident.ENOTFOUND, "incident %s not found", r.UUID)
	}
	if err != nil {
		return 0, fmt.Errorf("find incident %s: %w", r.UUID, err)
	}
	return id, nil
}

// resolveRow finds the row of table that r names, and checks that it
// belongs to the transaction's incident.
func resolveRow(ctx context.Context, tx *txn, table, what string, r incident.Ref) (int64, error) {
	query, arg := `SELECT id, incident_id FROM `+table+` WHERE id = ?`, any(r.ID)
	if r.ID == 0 {
		query, arg = `SELECT id, incident_id FROM `+table+` WHERE uuid = ?`, r.UUID
	}
	var id, inc int64
	err := tx.QueryRowContext(ctx, query, arg).Scan(&id, &inc)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, incident.Errorf(incident.ENOTFOUND, "%s %s not found", what, r)
	}
	if err != nil {
		return 0, fmt.Errorf("find %s %s: %w", what, r, err)
	}
	if inc != tx.incident {
		return 0, incident.Errorf(incident.EINVALID, "%s %s belongs to incident #%d, not #%d", what, r, inc, tx.incident)
	}
	return id, nil
}

// replayed is the outcome of an operation applied before: the rows it
// wrote, as they are now.
func (s *Store) replayed(ctx context.Context, op incident.Operation) (incident.Outcome, error) {
	out := incident.Outcome{Replayed: true}
	err := s.read(ctx, func(q *rconn) error {
		var err error
		if out.IncidentID, err = resolveIncident(ctx, q, op.Incident); err != nil {
			return err
		}
		if out.Incident, err = findIncident(ctx, q, out.IncidentID); err != nil {
			return err
		}
		out.Seq = out.Incident.Seq
		if e, err := findEventBy(ctx, q, `uuid = ?`, op.ID); err == nil {
			out.Event = e
		}
		switch {
		case op.Kind == incident.OpAddActionItem && op.Item != nil:
			out.ActionItem, err = findActionItemBy(ctx, q, `uuid = ?`, op.Item.UUID)
		case op.Kind == incident.OpAddRetroNote:
			out.RetroNote, err = findRetroNoteBy(ctx, q, `uuid = ?`, op.ID)
		case op.Kind == incident.OpEditEvent || op.Kind == incident.OpDeleteEvent || op.Kind == incident.OpRestoreEvent:
			out.Event, err = findEventByRef(ctx, q, op.Target)
		case op.Kind == incident.OpEditActionItem || op.Kind == incident.OpDeleteItem || op.Kind == incident.OpRestoreItem:
			out.ActionItem, err = findActionItemByRef(ctx, q, op.Target)
		case op.Kind == incident.OpEditRetroNote || op.Kind == incident.OpDeleteNote || op.Kind == incident.OpRestoreNote:
			out.RetroNote, err = findRetroNoteByRef(ctx, q, op.Target)
		default:
			err = replayedRunbook(ctx, q, op, &out) // runbook.go
		}
		return err
	})
	return out, err
}

// Preview is what op will write, as far as it can be known before a
// database has it: the event it logs (by its UUID, with the text the store
// will give it), the item or note it adds. The TUI shows a queued
// operation so, marked as pending.
func Preview(op incident.Operation) incident.Outcome {
	var out incident.Outcome
	at := op.At
	if at.IsZero() {
		at = op.Logged
	}
	ev := incident.Event{UUID: op.ID, IncidentID: op.Incident.ID, OccurredAt: at, LoggedAt: op.Logged, Author: op.Author, Source: op.Source}
	switch op.Kind {
	case incident.OpLogEvent:
		ev.Kind, ev.Text, ev.Pinned = op.Event.Kind, op.Event.Text, op.Event.Pinned
	case incident.OpSetStatus:
		ev.Kind, ev.State, ev.Text = incident.KindStatus, op.State, strings.TrimSpace(op.Message)
	case incident.OpAssignRole:
		role, err := incident.CanonicalRole(op.Role)
		if err != nil {
			role = op.Role
		}
		ev.Kind, ev.Role, ev.Person = incident.KindRole, role, strings.TrimSpace(op.Person)
		ev.Text = fmt.Sprintf("%s is %s", ev.Person, incident.RoleTitle(role))
	case incident.OpSetMilestone:
		m, _ := incident.ParseMilestone(string(op.Milestone))
		ev.Kind, ev.Milestone, ev.Text = incident.KindMilestone, m, milestoneText(m)
	case incident.OpClearMilestone:
		m, _ := incident.ParseMilestone(string(op.Milestone))
		ev.Kind, ev.Milestone, ev.State, ev.Text = incident.KindMilestone, m, incident.MilestoneCleared, clearedText(m)
	case incident.OpSetSeverity:
		// The severity it replaces is the database's to know.
		ev.Kind, ev.Severity, ev.Text = incident.KindSeverity, op.Severity, strings.TrimSpace(op.Message)
	case incident.OpAddActionItem:
		out.ActionItem = *op.Item
		ev.Kind, ev.Text = incident.KindActionItem, actionItemText(*op.Item)
	case incident.OpAddRetroNote:
		out.RetroNote = *op.Note
		out.RetroNote.UUID = op.ID
		return out
	case incident.OpAddReminder:
		// The zone of the due time is the incident's, which the store
		// knows: a queued reminder says what it asks (reminder.go).
		out.Reminder = *op.Reminder
		out.Reminder.UUID = op.ID
		ev.Kind, ev.Text = incident.KindReminder, "Reminder set: "+strings.TrimSpace(op.Reminder.Text)
	default:
		return out
	}
	out.Event = ev
	return out
}
