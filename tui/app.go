// Package tui is scribe's terminal interface (Bubble Tea v2): the incident
// list and the incident screen where a live incident is run from the
// keyboard. All I/O happens in tea.Cmds; Update and View only move data.
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
	c        *common
	list     *listScreen
	inc      *incidentScreen
	gen      int
	quitting bool // ctrl+c came while writes were in flight
}

// New returns the TUI over st. ctx bounds every store call.
func New(ctx context.Context, st Store, opts Options) *Model {
	c := &common{ctx: ctx, st: st, styles: NewStyles(), keys: DefaultKeyMap(), opts: opts, width: 80, height: 24}
	m := &Model{c: c, list: newListScreen(c)}
	if opts.IncidentID != 0 {
		m.gen++
		m.inc = newIncidentScreen(c, opts.IncidentID, m.gen, false)
	}
	return m
}

func (m *Model) open(id int64, fromList bool) tea.Cmd {
	m.gen++
	m.inc = newIncidentScreen(m.c, id, m.gen, fromList)
	return m.inc.Init()
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
			if m.inc.active == panePreview && m.inc.loaded && m.inc.previewW == 0 {
				return m, m.inc.renderPreview()
			}
		}
		return m, nil
	case tea.KeyPressMsg:
		if key.Matches(msg, m.c.keys.Quit) {
			// A line whose write is still in flight is not lost: quit when
			// it has landed (a second ctrl+c quits at once).
			if m.inc != nil && m.inc.pending > 0 && !m.quitting {
				m.quitting = true
				m.inc.status.Error(incident.Errorf(incident.ECONFLICT, "saving, then quitting (ctrl+c again to quit now)"))
				return m, nil
			}
			return m, tea.Quit
		}
	case openIncidentMsg:
		return m, m.open(msg.id, true)
	case backToListMsg:
		m.inc = nil
		return m, m.list.load()
	case incidentsMsg, createdMsg:
		return m, m.list.Update(msg)
	}
	if m.inc != nil {
		cmd := m.inc.Update(msg)
		if m.quitting && m.inc.pending == 0 {
			return m, tea.Quit
		}
		return m, cmd
	}
	return m, m.list.Update(msg)
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
