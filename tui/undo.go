package tui

import (
	"context"
	"fmt"
	"time"

	"scribe/incident"
)

// undoOp reverses one change made in this session. Each write says how it
// is undone when it succeeds; undo is soft (a removed event, item or note is
// deleted the undoable way), so nothing typed is ever lost.
type undoOp struct {
	run writeFunc
}

// undoStack is the session's changes, last on top.
type undoStack []undoOp

func (u *undoStack) push(op undoOp) { *u = append(*u, op) }

func (u *undoStack) pop() (undoOp, bool) {
	if len(*u) == 0 {
		return undoOp{}, false
	}
	op := (*u)[len(*u)-1]
	*u = (*u)[:len(*u)-1]
	return op, true
}

// undoLog removes an event this session logged. The store moves the
// incident's state, milestone or severity back with a status, milestone or
// severity event.
func undoLog(ev incident.Event) *undoOp {
	return &undoOp{run: func(ctx context.Context, st Store) (change, error) {
		if err := st.DeleteEvent(ctx, ev.ID); err != nil {
			return change{}, err
		}
		what := fmt.Sprintf("undone: removed %q", clip(eventText(ev)))
		switch ev.Kind {
		case incident.KindStatus:
			what += " (the status is back to the one before)"
		case incident.KindMilestone:
			what += " (the milestone is back to what it was)"
		case incident.KindSeverity:
			what += " (the severity is back to the one before)"
		case incident.KindRole:
			what += " (the event only: /role hands the role on)"
		}
		return change{what: what, removed: ev.ID}, nil
	}}
}

// undoDelete restores an event this session deleted.
func undoDelete(ev incident.Event) *undoOp {
	return &undoOp{run: func(ctx context.Context, st Store) (change, error) {
		if err := st.RestoreEvent(ctx, ev.ID); err != nil {
			return change{}, err
		}
		restored := ev
		restored.DeletedAt = time.Time{}
		return change{what: fmt.Sprintf("undone: restored %q", clip(eventText(ev))), event: &restored}, nil
	}}
}

// undoEdit puts an event back as it was before a correction or a pin.
func undoEdit(prev incident.Event) *undoOp {
	return &undoOp{run: func(ctx context.Context, st Store) (change, error) {
		ev, err := st.EditEvent(ctx, prev.ID, func(e *incident.Event) error {
			e.OccurredAt, e.Text, e.Kind, e.Pinned = prev.OccurredAt, prev.Text, prev.Kind, prev.Pinned
			return nil
		})
		if err != nil {
			return change{}, err
		}
		return change{what: fmt.Sprintf("undone: %q back as it was", clip(eventText(prev))), event: &ev}, nil
	}}
}

// undoImport removes the events of one pasted import: those of this
// incident imported with batch as their LoggedAt, which the store keeps to
// the nanosecond.
func undoImport(id int64, batch time.Time) *undoOp {
	return &undoOp{run: func(ctx context.Context, st Store) (change, error) {
		snap, err := st.Snapshot(ctx, id)
		if err != nil {
			return change{}, err
		}
		var ids []int64
		for _, e := range snap.Events {
			if e.Source == incident.SourceImport && e.LoggedAt.Equal(batch) {
				ids = append(ids, e.ID)
			}
		}
		for i, eid := range ids {
			if err := st.DeleteEvent(ctx, eid); err != nil {
				// The rest go on another try: the ones removed are gone from
				// the snapshot that try reads.
				return change{}, fmt.Errorf("the import, %d of %d events removed: %w", i, len(ids), err)
			}
		}
		return change{what: "undone: removed " + counted(len(ids), "imported event")}, nil
	}}
}

// clip shortens text for a status message.
func clip(s string) string {
	r := []rune(Sanitize(s))
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return string(r)
}
