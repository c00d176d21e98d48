package tui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// The run functions of the command table: each carries out one parsed
// command, the writes through the screen's write helper with their undo.

// origin stamps a write typed on this screen.
func (s *incidentScreen) origin(c Command) incident.Origin {
	return incident.Origin{At: c.At, Author: s.c.opts.Author, Source: incident.SourceTUI}
}

// logged is the change of a write that logged ev.
func logged(ev incident.Event, what string) change {
	return change{what: what, event: &ev, undo: undoLog(ev)}
}

func runLog(s *incidentScreen, c Command, line string) tea.Cmd {
	id, zone, now, o := s.id, s.zone(), s.c.now(), s.origin(c)
	return s.writes.run(line, func(ctx context.Context, st Store) (change, error) {
		ev := incident.Event{IncidentID: id, OccurredAt: c.At, Kind: c.Kind, Text: c.Text, Author: o.Author, Source: o.Source}
		if err := st.LogEvent(ctx, &ev); err != nil {
			return change{}, err
		}
		return logged(ev, fmt.Sprintf("logged %s %s", c.Kind, when(ev.OccurredAt, now, zone))), nil
	})
}

func runRole(s *incidentScreen, c Command, line string) tea.Cmd {
	id, zone, now, o := s.id, s.zone(), s.c.now(), s.origin(c)
	return s.writes.run(line, func(ctx context.Context, st Store) (change, error) {
		ev, err := st.AssignRole(ctx, id, c.Role, c.Person, o)
		if err != nil {
			return change{}, err
		}
		return logged(ev, fmt.Sprintf("%s is now %s %s", c.Person, incident.RoleTitle(c.Role), when(ev.OccurredAt, now, zone))), nil
	})
}

func runStatus(s *incidentScreen, c Command, line string) tea.Cmd {
	id, zone, now, o := s.id, s.zone(), s.c.now(), s.origin(c)
	return s.writes.run(line, func(ctx context.Context, st Store) (change, error) {
		ev, err := st.SetStatus(ctx, id, c.State, c.Text, o)
		if err != nil {
			return change{}, err
		}
		return logged(ev, fmt.Sprintf("status %s %s", c.State, when(ev.OccurredAt, now, zone))), nil
	})
}

// runSeverity changes the severity; a reason is the severity event's
// text, written with it. Undo removes the event, and the store puts the
// severity back to what the remaining severity events say.
func runSeverity(s *incidentScreen, c Command, line string) tea.Cmd {
	id, o, checklist := s.id, s.origin(c), s.c.checklist(c.Severity)
	// What changes with it, said at once: the commander escalating learns
	// the new cadence and that the severity's steps are in the Checklist.
	what := "severity " + s.snap.Incident.Severity.String() + " → " + c.Severity.String()
	if every := s.c.updateEvery(c.Severity); every > 0 {
		what += " · updates every " + incident.FormatDuration(every)
	} else {
		what += " · no update cadence"
	}
	if c.Severity < s.snap.Incident.Severity && len(checklist) > 0 {
		what += " · its checklist steps are in Checklist"
	}
	return s.writes.run(line, func(ctx context.Context, st Store) (change, error) {
		// Escalating attaches the new severity's checklist (policy.go).
		ev, err := st.Escalate(ctx, id, c.Severity, c.Text, checklist, o)
		if err != nil {
			return change{}, err
		}
		return logged(ev, what), nil
	})
}

// runMilestone sets or clears a milestone. Either logs a milestone event;
// undo removes it, and the store puts the milestone back to what the
// remaining milestone events say (the previous value, or none).
func runMilestone(s *incidentScreen, c Command, line string) tea.Cmd {
	id, zone, now, o := s.id, s.zone(), s.c.now(), s.origin(c)
	return s.writes.run(line, func(ctx context.Context, st Store) (change, error) {
		if c.Clear {
			ev, err := st.ClearMilestone(ctx, id, c.Milestone, o)
			if err != nil {
				return change{}, err
			}
			return logged(ev, fmt.Sprintf("milestone %s cleared · ctrl+z puts it back", c.Milestone)), nil
		}
		ev, err := st.SetMilestone(ctx, id, c.Milestone, o)
		if err != nil {
			return change{}, err
		}
		return logged(ev, fmt.Sprintf("milestone %s %s", c.Milestone, when(ev.OccurredAt, now, zone))), nil
	})
}

func runActionItem(s *incidentScreen, c Command, line string) tea.Cmd {
	id, o := s.id, s.origin(c)
	return s.writes.run(line, func(ctx context.Context, st Store) (change, error) {
		item := c.Item
		item.IncidentID = id
		item.State = incident.ItemOpen
		if err := st.AddActionItem(ctx, &item, o); err != nil {
			return change{}, err
		}
		return change{what: fmt.Sprintf("action item #%d added", item.ID), undo: undoItemAdd(item)}, nil
	})
}

func runDone(s *incidentScreen, c Command, line string) tea.Cmd {
	return s.writes.run(line, itemState(s.id, c.ItemID, func(incident.ItemState) incident.ItemState { return incident.ItemDone }))
}

func runRetro(s *incidentScreen, c Command, line string) tea.Cmd {
	id := s.id
	return s.writes.run(line, func(ctx context.Context, st Store) (change, error) {
		n := incident.RetroNote{IncidentID: id, Section: c.Section, Text: c.Text}
		if err := st.AddRetroNote(ctx, &n); err != nil {
			return change{}, err
		}
		return change{what: "retro note added to " + c.Section.Heading(), undo: undoNoteAdd(n)}, nil
	})
}

// runSet sets a narrative field; undo puts the text it had back.
func runSet(s *incidentScreen, c Command, line string) tea.Cmd {
	return s.writes.run(line, setField(s.id, c.Field, s.snap.Incident.Get(c.Field), c.Text))
}

// setField writes text into field f, undoably back to before.
func setField(id int64, f incident.Field, before, text string) writeFunc {
	return func(ctx context.Context, st Store) (change, error) {
		if _, err := st.UpdateIncident(ctx, id, func(inc *incident.Incident) error { return inc.Set(f, text) }); err != nil {
			return change{}, err
		}
		undo := &undoOp{run: func(ctx context.Context, st Store) (change, error) {
			if _, err := st.UpdateIncident(ctx, id, func(inc *incident.Incident) error { return inc.Set(f, before) }); err != nil {
				return change{}, err
			}
			return change{what: "undone: " + f.Label() + " back as it was"}, nil
		}}
		return change{what: f.Label() + " saved", undo: undo}, nil
	}
}

func runEditField(s *incidentScreen, c Command, _ string) tea.Cmd { return s.editField(c.Field) }

func runFile(s *incidentScreen, c Command, _ string) tea.Cmd {
	s.lastRepo = c.Repo
	var only []int64
	if it, ok := s.actions.Selected(); ok && s.panes[s.active] == pane(s.actions) {
		only = []int64{it.ID}
	}
	return s.startFiling(c.Repo, only)
}

func runFilter(s *incidentScreen, c Command, _ string) tea.Cmd {
	s.active = 0
	s.timeline.Filter(c.Text)
	if c.Text == "" {
		return s.info("showing every event")
	}
	return s.info(fmt.Sprintf("%s match %q · /filter alone shows all", incident.Count(len(s.timeline.events), "event"), c.Text))
}

func runUTC(s *incidentScreen, _ Command, _ string) tea.Cmd {
	s.utc = !s.utc
	s.applyData()
	return s.info("times shown and typed in " + s.zone().String())
}

func runUndo(s *incidentScreen, _ Command, _ string) tea.Cmd { return s.undoLast() }

func runList(s *incidentScreen, _ Command, _ string) tea.Cmd {
	return s.leave()
}

func runHelp(s *incidentScreen, _ Command, _ string) tea.Cmd {
	s.toggleHelp(true)
	return nil
}
