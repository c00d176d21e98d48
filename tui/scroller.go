package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// scroller shows pre-rendered lines with an offset: the Roles and Preview
// panes and the full help, whose content is small or already laid out.
// Only the visible slice is joined on each frame.
type scroller struct {
	lines  []string
	offset int
	width  int
	height int
	keys   listKeys
}

func newScroller(k KeyMap) scroller {
	return scroller{keys: listKeys{
		Up: rebind(k.Up, "scroll up"), Down: rebind(k.Down, "scroll down"),
		PageUp: k.PageUp, PageDown: k.PageDown, Home: rebind(k.Home, "top"), End: rebind(k.End, "bottom"),
	}}
}

func (s *scroller) SetSize(w, h int) {
	s.width, s.height = w, h
	s.clamp()
}

func (s *scroller) SetLines(lines []string) {
	s.lines = lines
	s.clamp()
}

func (s *scroller) clamp() {
	s.offset = min(s.offset, max(len(s.lines)-s.height, 0))
	s.offset = max(s.offset, 0)
}

func (s *scroller) Move(delta int) {
	s.offset += delta
	s.clamp()
}

func (s *scroller) PageSize() int { return max(s.height-1, 1) }
func (s *scroller) Home()         { s.offset = 0 }
func (s *scroller) End()          { s.offset = len(s.lines); s.clamp() }

func (s *scroller) ShortHelp() []key.Binding { return []key.Binding{s.keys.Up, s.keys.PageDown} }

func (s *scroller) FullHelp() [][]key.Binding {
	return [][]key.Binding{s.keys.help()}
}

// Update scrolls on the scroll keys.
func (s *scroller) Update(msg tea.Msg) tea.Cmd {
	m, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	k := &s.keys
	switch {
	case key.Matches(m, k.Up):
		s.Move(-1)
	case key.Matches(m, k.Down):
		s.Move(1)
	case key.Matches(m, k.PageUp):
		s.Move(-s.PageSize())
	case key.Matches(m, k.PageDown):
		s.Move(s.PageSize())
	case key.Matches(m, k.Home):
		s.Home()
	case key.Matches(m, k.End):
		s.End()
	}
	return nil
}

func (s *scroller) View() string {
	end := min(s.offset+s.height, len(s.lines))
	if s.offset >= end {
		return ""
	}
	out := make([]string, 0, end-s.offset)
	for _, l := range s.lines[s.offset:end] {
		out = append(out, fit(l, s.width))
	}
	return strings.Join(out, "\n")
}
