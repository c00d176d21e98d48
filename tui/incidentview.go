package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"scribe/incident"
)

// compact reports whether the screen is too small for the second header
// line and the rule above the input.
func (s *incidentScreen) compact() bool { return s.c.height < 20 }

func (s *incidentScreen) chromeHeight() int {
	h := 6 // header ×2, tabs, rule, input, footer
	if s.compact() {
		h = 4 // header, tabs, input, footer
	}
	if s.banner {
		h++ // a due reminder (reminder.go)
	}
	return h
}

// paneHeight is the height of the pane area between the tabs and the input.
func (s *incidentScreen) paneHeight() int { return max(s.c.height-s.chromeHeight(), 1) }

func (s *incidentScreen) SetSize(w, h int) {
	ph := s.paneHeight()
	for _, p := range s.panes {
		p.SetSize(w, ph)
	}
	s.input.SetWidth(w)
	s.help.SetWidth(w)
	if s.helpPage != nil {
		s.toggleHelp(true)
	}
}

// View draws the incident screen, exactly the terminal's size.
func (s *incidentScreen) View() string {
	w, h := s.c.width, s.c.height
	st := s.c.styles
	if !s.loaded {
		msg := fmt.Sprintf("Loading incident #%d…", s.id)
		if s.loadErr != nil {
			msg = st.Error.Render("✗ "+Sanitize(incident.ErrorMessage(s.loadErr))) + "\n\n" + st.Muted.Render("/list back to the incident list · ctrl+c quit")
		}
		return fitLines(msg+"\n\n"+fit(s.input.View(), w), w, h)
	}
	var b strings.Builder
	b.WriteString(s.header.line1(w))
	b.WriteByte('\n')
	if !s.compact() {
		b.WriteString(s.header.line2(w))
		b.WriteByte('\n')
	}
	if s.banner {
		b.WriteString(s.bannerLine(w))
		b.WriteByte('\n')
	}
	b.WriteString(s.tabBar(w))
	b.WriteByte('\n')
	ph := s.paneHeight()
	switch {
	case s.importing != nil:
		b.WriteString(s.importing.view(&s.c.styles, w, ph))
	case s.helpPage != nil:
		b.WriteString(fitLines(s.helpPage.View(), w, ph))
	default:
		// Panes fit their own rows to the width.
		b.WriteString(padLines(s.panes[s.active].View(), w, ph, false))
	}
	b.WriteByte('\n')
	foot := s.footer(w)
	// A message too long for one line takes the rule's row as well.
	if !s.compact() && len(foot) == 1 {
		b.WriteString(st.Rule.Render(strings.Repeat("─", w)))
		b.WriteByte('\n')
	}
	b.WriteString(fit(s.input.View(), w))
	for _, l := range foot {
		b.WriteByte('\n')
		b.WriteString(l)
	}
	return b.String()
}

func (s *incidentScreen) tabBar(w int) string {
	titles := make([]string, len(s.panes))
	for i, p := range s.panes {
		titles[i] = p.Title()
	}
	k := fmt.Sprint("tabs", s.active, titles, w)
	if v, ok := s.frames[k]; ok {
		return v
	}
	st := s.c.styles
	var parts []string
	for i, name := range titles {
		if w < narrowWidth {
			name = string([]rune(name)[:min(len([]rune(name)), 4)])
		}
		if i == s.active {
			parts = append(parts, st.TabActive.Render("["+name+"]"))
		} else {
			parts = append(parts, st.TabPassive.Render(" "+name+" "))
		}
	}
	bar := strings.Join(parts, st.Rule.Render("─"))
	if rest := w - lipWidth(bar); rest > 0 {
		bar += st.Rule.Render(strings.Repeat("─", rest))
	}
	v := fit(bar, w)
	s.remember(k, v)
	return v
}

// remember keeps a drawn fragment that depends only on the key's inputs
// (tab bar, help line): lipgloss rendering is the costliest part of a frame.
func (s *incidentScreen) remember(k, v string) {
	if s.frames == nil || len(s.frames) > 64 {
		s.frames = map[string]string{}
	}
	s.frames[k] = v
}

// footer is the status line, wrapped onto a second line when it needs one
// (and the screen has the rule's row to give), or the keys that work now.
func (s *incidentScreen) footer(w int) []string {
	if v := s.status.View(s.c.styles); v != "" {
		if s.compact() || lipWidth(v) <= w {
			return []string{fit(v, w)}
		}
		lines := strings.Split(ansi.Wrap(v, w, " "), "\n")
		if len(lines) > 2 {
			// Two lines at most: the message is cut, never its hint.
			lines = strings.Split(ansi.Wrap(s.status.fitted(s.c.styles, 2*w-w/4), w, " "), "\n")
			if len(lines) > 2 {
				lines = lines[:2]
				lines[1] = fit(lines[1]+"…", w)
			}
		}
		return lines
	}
	return []string{fit(s.keyHelp(), w)}
}

func (s *incidentScreen) keyHelp() string {
	b := func(k, desc string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, desc)) }
	var keys []key.Binding
	switch {
	case s.importing != nil:
		return s.help.ShortHelpView(importHelp(s.c.width < narrowWidth))
	case s.input.fixing != nil:
		keys = []key.Binding{b("enter", "save"), b("esc", "cancel"), b(s.input.fixing.hint, "")}
	case s.helpPage != nil:
		keys = []key.Binding{s.c.keys.Up, s.c.keys.PageDown, b("esc", "close help")}
	case s.selected():
		keys = s.panes[s.active].ShortHelp()
	default:
		// Nothing selected: the keys that start things.
		k := &s.c.keys
		keys = append(append([]key.Binding{k.Submit}, s.panes[s.active].ShortHelp()...), k.NextPane, k.UndoAny, k.Help)
	}
	if s.writes.pending > 0 {
		keys = append([]key.Binding{b("…", "saving")}, keys...)
	}
	var id strings.Builder
	for _, k := range keys {
		if k.Enabled() {
			id.WriteString(k.Help().Key + "\x00" + k.Help().Desc + "\x00")
		}
	}
	k := fmt.Sprint("help", id.String(), s.c.width)
	if v, ok := s.frames[k]; ok {
		return v
	}
	v := s.help.ShortHelpView(keys)
	s.remember(k, v)
	return v
}
