package tui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// undoAction is how a change made in this session is reversed.
type undoAction int

const (
	undoRemove       undoAction = iota // the change logged an event: delete it
	undoRestore                        // the change deleted an event: restore it
	undoRevert                         // the change edited an event: put prev back
	undoRemoveImport                   // the change imported a pasted timeline: delete its events
)

// undoOp is one entry of the session's undo stack. Undo is soft: a removed
// event is deleted the undoable way, so nothing typed is ever lost.
type undoOp struct {
	action undoAction
	prev   incident.Event // the event before the change (or as logged)
	// batch marks the events of an import: they share this LoggedAt,
	// which the store keeps to the nanosecond.
	batch time.Time
}

// run performs the undo as a write.
func (u undoOp) run(s *incidentScreen) tea.Cmd {
	st, ctx := s.c.st, s.c.ctx
	prev := u.prev
	base := writtenMsg{id: s.id, gen: s.gen, isUndo: true}
	op := u
	if op.action == undoRemoveImport {
		return op.removeImport(s)
	}
	return func() tea.Msg {
		msg := base
		switch op.action {
		case undoRemove:
			msg.err = st.DeleteEvent(ctx, prev.ID)
			msg.removed = prev.ID
			msg.what = fmt.Sprintf("undone: removed %q", clip(prev.Text))
			switch prev.Kind {
			case incident.KindStatus:
				msg.what += " (the status is back to the one before)"
			case incident.KindRole, incident.KindMilestone, incident.KindActionItem:
				msg.what += " (the event only; use /ic, /role or /milestone to change the incident itself)"
			}
		case undoRestore:
			msg.err = st.RestoreEvent(ctx, prev.ID)
			restored := prev
			restored.DeletedAt = incident.Event{}.DeletedAt
			msg.event = &restored
			msg.what = fmt.Sprintf("undone: restored %q", clip(prev.Text))
		case undoRevert:
			ev, err := st.EditEvent(ctx, prev.ID, func(e *incident.Event) error {
				e.OccurredAt, e.Text, e.Kind, e.Pinned = prev.OccurredAt, prev.Text, prev.Kind, prev.Pinned
				return nil
			})
			msg.err = err
			msg.event = &ev
			msg.what = fmt.Sprintf("undone: %q back as it was", clip(prev.Text))
		}
		if msg.err != nil {
			msg.err = fmt.Errorf("undo: %w", msg.err)
			msg.undo = &op // keep it for another try
			msg.event, msg.removed = nil, 0
		}
		return msg
	}
}

// removeImport deletes the events of one pasted import, as the last
// snapshot shows them; until that snapshot has them, it asks for a moment.
func (u undoOp) removeImport(s *incidentScreen) tea.Cmd {
	st, ctx := s.c.st, s.c.ctx
	var ids []int64
	for _, e := range s.snap.Events {
		if e.Source == incident.SourceImport && e.LoggedAt.Equal(u.batch) {
			ids = append(ids, e.ID)
		}
	}
	msg := writtenMsg{id: s.id, gen: s.gen, isUndo: true}
	op := u
	return func() tea.Msg {
		if len(ids) == 0 {
			msg.err = incident.Errorf(incident.ECONFLICT, "undo: the imported events are still loading: undo again in a moment")
			msg.undo = &op
			return msg
		}
		for i, id := range ids {
			if err := st.DeleteEvent(ctx, id); err != nil {
				msg.err = fmt.Errorf("undo the import (%d of %d events removed): %w", i, len(ids), err)
				msg.undo = &op // the rest go on another try
				return msg
			}
		}
		msg.what = "undone: removed " + counted(len(ids), "imported event")
		return msg
	}
}

// clip shortens text for a status message.
func clip(s string) string {
	r := []rune(Sanitize(s))
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return string(r)
}
