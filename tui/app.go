// Package tui is scribe's terminal interface (Bubble Tea v2): the incident
// list and the incident screen where a live incident is run from the
// keyboard. All I/O happens in tea.Cmds; Update and View only move data.
//
// The incident screen is made of components in soft-serve's shape (see
// component.go): each pane owns its Update, View, size and keys; the screen
// routes messages to them and sends every write through one helper
// (write.go). A new pane is a file and one line in newIncidentScreen.
// Slash commands are one table (command.go), each row with its parse and
// run functions.
//
// Where this differs from DESIGN.md: the list declares with ctrl+n, not n,
// because its input line takes every letter as text; Esc never leaves an
// incident (/list does); u undoes only with a row selected, ctrl+z always
// (issue #10 decided these). There is a sixth pane, Checklist, and a banner
// under the header for due reminders (reminder.go); the header counts down
// to the next stakeholder update (incidentcadence.go), which /update
// drafts in $EDITOR (updatedraft.go). A pasted timeline or postmortem is
// offered for import before anything is written (pasteimport.go).
package tui

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// Model is the whole program: the incident list and, when one is open, the
// incident screen.
type Model struct {
	c    *common
	list *listScreen
	inc  *incidentScreen
	gen  int
}

// New returns the TUI over st. ctx bounds every store call.
func New(ctx context.Context, st Store, opts Options) *Model {
	c := &common{ctx: ctx, st: st, styles: NewStyles(), keys: DefaultKeyMap(), opts: opts, width: 80, height: 24}
	m := &Model{c: c, list: newListScreen(c)}
	if opts.IncidentID != 0 {
		m.gen++
		m.inc = newIncidentScreen(c, opts.IncidentID, m.gen)
	}
	return m
}

func (m *Model) open(id int64, found string) tea.Cmd {
	m.gen++
	m.inc = newIncidentScreen(m.c, id, m.gen)
	return tea.Batch(m.inc.Init(), m.inc.keepFound(found))
}

// Init loads the first screen.
func (m *Model) Init() tea.Cmd {
	if m.inc != nil {
		return m.inc.Init()
	}
	return m.list.load()
}

// Update routes a message to the screen it belongs to.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.width, m.c.height = max(msg.Width, 1), max(msg.Height, 1)
		m.list.SetSize(m.c.width, m.c.height)
		if m.inc != nil {
			m.inc.SetSize(m.c.width, m.c.height)
			return m, m.inc.shown()
		}
		return m, nil
	case tea.KeyPressMsg:
		if key.Matches(msg, m.c.keys.Quit) {
			return m, m.quit()
		}
	case openIncidentMsg:
		return m, m.open(msg.id, msg.found)
	case backToListMsg:
		m.inc = nil
		return m, m.list.load()
	case incidentsMsg, createdMsg, declareDraftMsg, declareDraftDueMsg, declareDraftSavedMsg:
		return m, m.list.Update(msg)
	case statusExpiredMsg:
		m.list.Update(msg)
	}
	if m.inc != nil {
		return m, m.inc.Update(msg)
	}
	return m, m.list.Update(msg)
}

// quit ends the program once nothing typed can be lost: the writes in
// flight land and the unsent line is saved as a draft. A second ctrl+c
// quits at once.
func (m *Model) quit() tea.Cmd {
	s := m.inc
	if s == nil {
		return m.list.quit() // keeping a declaration half typed
	}
	if s.exiting {
		return tea.Quit
	}
	cmd := s.exit(tea.Quit)
	if s.writes.pending > 0 {
		s.status.Error(incident.Errorf(incident.ECONFLICT, "saving, then quitting (ctrl+c again quits now)"))
	}
	return cmd
}

// View draws the active screen in the alternate screen buffer.
func (m *Model) View() tea.View {
	var s string
	if m.inc != nil {
		s = m.inc.View()
	} else {
		s = m.list.View()
	}
	v := tea.NewView(s)
	v.AltScreen = true
	return v
}
