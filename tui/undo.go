package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// undoAction is how a change made in this session is reversed.
type undoAction int

const (
	undoRemove  undoAction = iota // the change logged an event: delete it
	undoRestore                   // the change deleted an event: restore it
	undoRevert                    // the change edited an event: put prev back
)

// undoOp is one entry of the session's undo stack. Undo is soft: a removed
// event is deleted the undoable way, so nothing typed is ever lost.
type undoOp struct {
	action undoAction
	prev   incident.Event // the event before the change (or as logged)
}

// run performs the undo as a write.
func (u undoOp) run(s *incidentScreen) tea.Cmd {
	st, ctx := s.c.st, s.c.ctx
	prev := u.prev
	base := writtenMsg{id: s.id, gen: s.gen, isUndo: true}
	op := u
	return func() tea.Msg {
		msg := base
		switch op.action {
		case undoRemove:
			msg.err = st.DeleteEvent(ctx, prev.ID)
			msg.removed = prev.ID
			msg.what = fmt.Sprintf("undone: removed %q", clip(prev.Text))
			if prev.Kind.Structured() {
				msg.what += " (the event only; use /status, /ic or /sev to change the incident itself)"
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

// clip shortens text for a status message.
func clip(s string) string {
	r := []rune(Sanitize(s))
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return string(r)
}
