package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// How the incident screen routes a key, in order: an open import preview
// takes every key; the full help takes its scroll keys; then the screen's
// own keys (enter with text, tab, esc, ctrl+z, history); then the active
// pane's enabled bindings, only while the input is empty (page keys
// always); anything else is typing.

func (s *incidentScreen) key(msg tea.KeyPressMsg) tea.Cmd {
	var esc tea.Cmd
	if s.input.escThenKey(msg) {
		// Esc and the next key arrived together and were read as alt+key
		// (any terminal does that when typing follows Esc at once): do the
		// Esc, then type the key.
		esc = s.escape()
		msg = plainKey(msg)
	}
	cmd := s.handleKey(msg)
	if s.input.empty() { // the placeholder shows only then
		s.input.setPlaceholder(s.selectionHint())
	}
	return tea.Batch(esc, cmd)
}

func (s *incidentScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	s.status.KeyPressed()
	if s.importing != nil {
		return s.importKey(msg)
	}
	if cmd, ok := s.helpKey(msg); ok {
		return cmd
	}
	if cmd, ok := s.screenKey(msg); ok {
		return cmd
	}
	if cmd, ok := s.paneKey(msg); ok {
		return cmd
	}
	return s.typed(msg)
}

// screenKey handles the keys that belong to the screen whatever the pane.
func (s *incidentScreen) screenKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := &s.c.keys
	in := s.input
	switch {
	case key.Matches(msg, k.Submit) && (!in.empty() || in.fixing != nil):
		return s.submit(), true
	case key.Matches(msg, k.NextPane):
		return s.switchPane(1), true
	case key.Matches(msg, k.PrevPane):
		return s.switchPane(-1), true
	case key.Matches(msg, k.Escape):
		return s.escape(), true
	case key.Matches(msg, k.UndoAny):
		return s.undoLast(), true
	case key.Matches(msg, k.HistPrev) || key.Matches(msg, k.Up) && in.wantsArrows():
		return s.recall(in.historyPrev()), true
	case key.Matches(msg, k.HistNext) || key.Matches(msg, k.Down) && in.wantsArrows():
		return s.recall(in.historyNext()), true
	case key.Matches(msg, k.Help) && in.empty() && in.fixing == nil:
		s.toggleHelp(s.helpPage == nil)
		s.helpByKey = s.helpPage != nil && msg.Text == "?"
		return nil, true
	}
	return nil, false
}

// recall keeps the draft in step with a line brought back from history.
func (s *incidentScreen) recall(changed bool) tea.Cmd {
	if !changed {
		return nil
	}
	return s.draftSoon()
}

// paneKey hands a key to the active pane when one of its enabled bindings
// names it.
func (s *incidentScreen) paneKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	if s.input.fixing != nil {
		return nil, false
	}
	if !s.input.empty() && !key.Matches(msg, s.c.keys.PageUp, s.c.keys.PageDown) {
		return nil, false
	}
	p := s.panes[s.active]
	if !bound(msg, p.FullHelp()...) {
		return nil, false
	}
	return p.Update(msg), true
}

// typed gives a key to the input line.
func (s *incidentScreen) typed(msg tea.KeyPressMsg) tea.Cmd {
	// A correction is kept as a draft too (correctiondraft.go).
	return tea.Batch(s.input.Update(msg), s.draftSoon())
}

// helpKey scrolls or closes the full help while it is open.
func (s *incidentScreen) helpKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	h := s.helpPage
	if h == nil {
		return nil, false
	}
	k := &s.c.keys
	if s.helpByKey && s.input.empty() && msg.Text != "" && !key.Matches(msg, k.Help) {
		// "?" opened the help, but the user went on typing: it was the
		// first character of a line, so it becomes text after all.
		s.toggleHelp(false)
		s.input.SetValue("?")
		return nil, false
	}
	switch {
	case key.Matches(msg, k.Up):
		h.Move(-1)
	case key.Matches(msg, k.Down):
		h.Move(1)
	case key.Matches(msg, k.PageUp):
		h.Move(-h.PageSize())
	case key.Matches(msg, k.PageDown):
		h.Move(h.PageSize())
	case key.Matches(msg, k.Home) && s.input.empty():
		h.Home()
	case key.Matches(msg, k.End) && s.input.empty():
		h.End()
	default:
		return nil, false
	}
	return nil, true
}

// escape cancels the first of: an import preview, a correction, the full
// help; and with a correction or the help, or alone, the pane's selection
// (a row shown whole is folded too), so that what is typed after any Esc
// is text. It never leaves the incident: that takes /list, so an Esc
// followed by a sentence always types the sentence here.
func (s *incidentScreen) escape() tea.Cmd {
	switch {
	case s.importing != nil:
		return s.cancelImport()
	case s.input.fixing != nil:
		s.input.endCorrection()
		// The row goes with the correction: a sentence typed next is
		// text, its first letter never a key on the row (d deleting it).
		return tea.Batch(s.info("correction cancelled"), s.draftSoon(), s.unselect())
	case s.helpPage != nil:
		s.toggleHelp(false)
		return s.unselect()
	case s.selected():
		return s.unselect()
	case s.input.empty():
		return s.info("nothing to cancel · /list goes to the incident list")
	}
	return nil
}

// unselect clears the active pane's selection (its esc binding): after
// any Esc, the letters typed next are text.
func (s *incidentScreen) unselect() tea.Cmd {
	esc := tea.KeyPressMsg{Code: tea.KeyEscape}
	if p := s.panes[s.active]; bound(esc, p.FullHelp()...) {
		return p.Update(esc)
	}
	return nil
}

// toggleHelp shows or hides the full help in place of the pane.
func (s *incidentScreen) toggleHelp(on bool) {
	s.helpByKey = false
	if !on {
		s.helpPage = nil
		return
	}
	s.helpPage = &scroller{}
	s.helpPage.SetSize(s.c.width, s.paneHeight())
	s.helpPage.SetLines(strings.Split(s.fullHelp(), "\n"))
}

func (s *incidentScreen) switchPane(step int) tea.Cmd {
	s.active = (s.active + step + len(s.panes)) % len(s.panes)
	s.helpPage = nil
	return s.shown()
}

// selected reports whether the active pane has something selected: its
// esc binding (unselect) is on.
func (s *incidentScreen) selected() bool {
	return bound(tea.KeyPressMsg{Code: tea.KeyEscape}, s.panes[s.active].ShortHelp())
}

// selectionHint is the empty input's placeholder: while something is
// selected it says which letters act on it, where the user looks.
func (s *incidentScreen) selectionHint() string {
	if !s.selected() {
		return ""
	}
	short := s.panes[s.active].ShortHelp()
	var parts []string
	for _, b := range short {
		if h := b.Help(); b.Enabled() && (len(h.Key) == 1 || h.Key == "enter") {
			parts = append(parts, h.Key+" "+h.Desc)
		}
	}
	return "selected: " + strings.Join(parts, " · ") + " · esc back to typing"
}

// submit handles Enter: a correction, a slash command or a line to log.
// The full help closes: what was typed is what the user wants to see land.
func (s *incidentScreen) submit() tea.Cmd {
	line := s.input.Value()
	s.toggleHelp(false)
	if fix := s.input.fixing; fix != nil {
		cmd, err := fix.save(line)
		if err != nil {
			s.status.Error(err) // a correction stays in the input to be fixed
			return nil
		}
		s.input.endCorrection()
		return tea.Batch(cmd, s.draftSoon())
	}
	c, err := ParseCommand(line, s.c.now(), s.zone())
	if !s.loaded && (err != nil || c.Op != "list") {
		// Only /list works before the incident is there (it may never be).
		s.status.Error(incident.Errorf(incident.EINVALID, "the incident is not loaded (yet): press enter again in a moment, or /list"))
		return nil
	}
	s.input.remember(line)
	s.input.Reset()
	if err != nil {
		s.failed(line, err)
		return s.draftSoon()
	}
	s.timeline.Clear()
	return tea.Batch(findCommand(string(c.Op)).run(s, c, line), s.draftSoon())
}
