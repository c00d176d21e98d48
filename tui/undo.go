package tui

import (
	"context"
	"fmt"
	"strings"
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

// undoImport removes what an import added: its events, action items and
// retro notes, and the narrative fields it filled, unless someone changed
// one since (it is theirs then). Roles a JSON document added stay: their
// events go, as with any role event.
func undoImport(id int64, out incident.Imported, doc incident.Incident) *undoOp {
	return &undoOp{run: func(ctx context.Context, st Store) (change, error) {
		for _, r := range []struct {
			ids    []int64
			noun   string
			remove func(context.Context, int64) error
		}{{out.Events, "event", st.DeleteEvent}, {out.ActionItems, "action item", st.DeleteActionItem}, {out.RetroNotes, "retro note", st.DeleteRetroNote}} {
			for i, rid := range r.ids {
				// One removed by an earlier try, or by hand, is gone already.
				if err := r.remove(ctx, rid); err != nil && incident.ErrorCode(err) != incident.ECONFLICT {
					return change{}, fmt.Errorf("the import, %d of %d %ss removed: %w", i, len(r.ids), r.noun, err)
				}
			}
		}
		var emptied []incident.Field
		if len(out.Filled) > 0 {
			if _, err := st.UpdateIncident(ctx, id, func(inc *incident.Incident) error {
				emptied = emptied[:0]
				for _, f := range out.Filled {
					if strings.TrimSpace(inc.Get(f)) == strings.TrimSpace(doc.Get(f)) {
						emptied = append(emptied, f)
						if err := inc.Set(f, ""); err != nil {
							return err
						}
					}
				}
				return nil
			}); err != nil {
				return change{}, fmt.Errorf("the import's events, items and notes are removed; its narrative is not: %w", err)
			}
		}
		what := "undone: removed the import's " + importedWhat(incident.Imported{Events: out.Events, ActionItems: out.ActionItems, RetroNotes: out.RetroNotes})
		if len(emptied) > 0 {
			what += ", and emptied the " + incident.FieldList(emptied)
		}
		return change{what: what}, nil
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
