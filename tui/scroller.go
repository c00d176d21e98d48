package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
)

// scroller shows pre-rendered lines with an offset: the Roles, Retro and
// Preview panes, whose content is small or already laid out. Only the
// visible slice is joined on each frame.
type scroller struct {
	lines  []string
	offset int
	width  int
	height int
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
func (s *scroller) Clear() bool   { return false }

func (s *scroller) HelpKeys(k KeyMap) []key.Binding {
	return []key.Binding{k.Up, k.Down, k.PageUp, k.NextPane}
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
