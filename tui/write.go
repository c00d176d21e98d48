package tui

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// apply turns a parsed command into the store write that carries it out.
// Every write runs in its command; Update only sees the writtenMsg.
func (s *incidentScreen) apply(c Command, line string) tea.Cmd {
	// Commands run on their own goroutine: they capture values, never s.
	st, ctx, id, zone := s.c.st, s.c.ctx, s.id, s.zone
	o := incident.Origin{At: c.At, Author: s.c.opts.Author, Source: incident.SourceTUI}
	base := writtenMsg{id: id, gen: s.gen, line: line}
	logged := func(msg writtenMsg, ev incident.Event, err error, what string) tea.Msg {
		if err != nil {
			msg.err = err
			return msg
		}
		msg.event = &ev
		msg.undo = &undoOp{action: undoRemove, prev: ev}
		msg.what = what
		return msg
	}
	switch c.Op {
	case OpLog:
		return func() tea.Msg {
			ev := incident.Event{IncidentID: id, OccurredAt: c.At, Kind: c.Kind, Text: c.Text, Author: o.Author, Source: o.Source}
			err := st.LogEvent(ctx, &ev)
			return logged(base, ev, err, fmt.Sprintf("logged %s at %s", c.Kind, ev.OccurredAt.In(zone).Format("15:04")))
		}
	case OpRole:
		return func() tea.Msg {
			ev, err := st.AssignRole(ctx, id, c.Role, c.Person, o)
			return logged(base, ev, err, fmt.Sprintf("%s is now %s", c.Person, incident.RoleTitle(c.Role)))
		}
	case OpStatus:
		return func() tea.Msg {
			ev, err := st.SetStatus(ctx, id, c.State, c.Text, o)
			return logged(base, ev, err, "status: "+string(c.State))
		}
	case OpSeverity:
		return func() tea.Msg {
			ev, err := st.SetSeverity(ctx, id, c.Severity, o)
			return logged(base, ev, err, "severity: "+c.Severity.String())
		}
	case OpMilestone:
		return func() tea.Msg {
			ev, err := st.SetMilestone(ctx, id, c.Milestone, o)
			return logged(base, ev, err, fmt.Sprintf("milestone %s at %s", c.Milestone, ev.OccurredAt.In(zone).Format("15:04")))
		}
	case OpActionItem:
		return func() tea.Msg {
			item := c.Item
			item.IncidentID = id
			item.State = incident.ItemOpen
			msg := base
			if err := st.AddActionItem(ctx, &item, o); err != nil {
				msg.err = err
				return msg
			}
			msg.what = fmt.Sprintf("action item #%d added", item.ID)
			if item.EventID != 0 {
				msg.undo = &undoOp{action: undoRemove, prev: incident.Event{ID: item.EventID, Kind: incident.KindActionItem, Text: item.Title}}
			}
			return msg
		}
	case OpDone:
		return s.setItemState(c.ItemID, incident.ItemDone, line)
	case OpRetro:
		return func() tea.Msg {
			msg := base
			n := incident.RetroNote{IncidentID: id, Section: c.Section, Text: c.Text}
			if err := st.AddRetroNote(ctx, &n); err != nil {
				msg.err = err
				return msg
			}
			msg.what = "retro note added to " + c.Section.Heading()
			return msg
		}
	case OpSet:
		return func() tea.Msg {
			msg := base
			_, err := st.UpdateIncident(ctx, id, func(inc *incident.Incident) error { return inc.Set(c.Field, c.Text) })
			if err != nil {
				msg.err = err
				return msg
			}
			msg.what = c.Field.Label() + " saved"
			return msg
		}
	}
	return nil
}

// setItemState marks an action item of this incident done, open or won't do.
func (s *incidentScreen) setItemState(itemID int64, state incident.ItemState, line string) tea.Cmd {
	st, ctx, id := s.c.st, s.c.ctx, s.id
	base := writtenMsg{id: id, gen: s.gen, line: line}
	return func() tea.Msg {
		msg := base
		_, err := st.UpdateActionItem(ctx, itemID, func(it *incident.ActionItem) error {
			if it.IncidentID != id {
				return incident.Errorf(incident.ENOTFOUND, "action item #%d belongs to another incident: see the Actions pane for this one's numbers", itemID)
			}
			it.State = state
			return nil
		})
		if err != nil {
			msg.err = err
			return msg
		}
		msg.what = fmt.Sprintf("action item #%d: %s", itemID, state.Label())
		return msg
	}
}

// editEvent saves a correction typed as "[WHEN] text". A time left as it
// was prefilled keeps the event's exact time (seconds included).
func (s *incidentScreen) editEvent(orig incident.Event, line string) (tea.Cmd, error) {
	now := s.c.now()
	at := orig.OccurredAt
	text := strings.TrimSpace(line)
	if t, rest, ok := incident.SplitLeadingTime(text, now, s.zone); ok {
		if !t.Equal(orig.OccurredAt.Truncate(time.Minute)) {
			at = t
		}
		text = strings.TrimSpace(rest)
	} else if f := strings.Fields(text); len(f) > 0 && looksLikeTime(f[0]) {
		if _, err := incident.ParseWhen(f[0], now, s.zone); err != nil {
			return nil, err
		}
	}
	if text == "" && !orig.Kind.Structured() {
		return nil, incident.Errorf(incident.EINVALID, "the text is empty: to remove the event press esc, select it and press d")
	}
	st, ctx := s.c.st, s.c.ctx
	base := writtenMsg{id: s.id, gen: s.gen, line: line}
	return func() tea.Msg {
		msg := base
		ev, err := st.EditEvent(ctx, orig.ID, func(e *incident.Event) error {
			e.OccurredAt, e.Text = at, text
			return nil
		})
		if err != nil {
			msg.err = err
			return msg
		}
		msg.event = &ev
		msg.undo = &undoOp{action: undoRevert, prev: orig}
		msg.what = "event corrected"
		return msg
	}, nil
}

// togglePin pins or unpins an event.
func (s *incidentScreen) togglePin(orig incident.Event) tea.Cmd {
	st, ctx := s.c.st, s.c.ctx
	base := writtenMsg{id: s.id, gen: s.gen}
	return func() tea.Msg {
		msg := base
		ev, err := st.EditEvent(ctx, orig.ID, func(e *incident.Event) error {
			e.Pinned = !orig.Pinned
			return nil
		})
		if err != nil {
			msg.err = err
			return msg
		}
		msg.event = &ev
		msg.undo = &undoOp{action: undoRevert, prev: orig}
		msg.what = "pinned"
		if !ev.Pinned {
			msg.what = "unpinned"
		}
		return msg
	}
}

// deleteEvent soft-deletes an event; u brings it back.
func (s *incidentScreen) deleteEvent(orig incident.Event) tea.Cmd {
	st, ctx := s.c.st, s.c.ctx
	base := writtenMsg{id: s.id, gen: s.gen}
	return func() tea.Msg {
		msg := base
		if err := st.DeleteEvent(ctx, orig.ID); err != nil {
			msg.err = err
			return msg
		}
		msg.removed = orig.ID
		msg.undo = &undoOp{action: undoRestore, prev: orig}
		msg.what = fmt.Sprintf("deleted %q · u or /undo brings it back", clip(orig.Text))
		return msg
	}
}

// looksLikeTime reports whether a word was probably meant as a time, so a
// mistyped one ("25:70") is reported rather than kept as text.
func looksLikeTime(w string) bool {
	if strings.HasPrefix(w, "-") && len(w) > 1 && w[1] >= '0' && w[1] <= '9' {
		return true
	}
	return len(w) > 0 && w[0] >= '0' && w[0] <= '9' && strings.Contains(w, ":")
}
