package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"scribe/incident"
)

// View draws the incident screen, exactly the terminal's size.
func (s *incidentScreen) View() string {
	w, h := s.c.width, s.c.height
	st := s.c.styles
	if !s.loaded {
		msg := fmt.Sprintf("Loading incident #%d…", s.id)
		if s.loadErr != nil {
			msg = st.Error.Render("✗ "+Sanitize(incident.ErrorMessage(s.loadErr))) + "\n\n" + st.Muted.Render("esc back · ctrl+c quit")
		}
		return fitLines(msg, w, h)
	}
	var b strings.Builder
	b.WriteString(s.headerLine1(w))
	b.WriteByte('\n')
	if !s.compact() {
		b.WriteString(s.headerLine2(w))
		b.WriteByte('\n')
	}
	b.WriteString(s.tabBar(w))
	b.WriteByte('\n')
	ph := max(h-s.chromeHeight(), 1)
	switch {
	case s.importing != nil:
		b.WriteString(s.importing.view(&s.c.styles, w, ph))
	case s.showHelp:
		b.WriteString(fitLines(s.helpView.View(), w, ph))
	default:
		// Panes fit their own rows to the width.
		b.WriteString(padLines(s.pane(s.active).View(), w, ph, false))
	}
	b.WriteByte('\n')
	if !s.compact() {
		b.WriteString(st.Rule.Render(strings.Repeat("─", w)))
		b.WriteByte('\n')
	}
	b.WriteString(fit(s.input.View(), w))
	b.WriteByte('\n')
	b.WriteString(fit(s.footer(), w))
	return b.String()
}

// elapsed is how long the incident has run: from its declaration (or the
// start of impact, when earlier) to now, or to its resolution.
func (s *incidentScreen) elapsed() time.Duration {
	ms := s.snap.Incident.Milestones
	from := s.snap.Incident.CreatedAt
	if t, ok := ms.Get(incident.MilestoneDeclared); ok {
		from = t
	}
	if t, ok := ms.Get(incident.MilestoneStarted); ok && t.Before(from) {
		from = t
	}
	to := s.now
	if t, ok := ms.Get(incident.MilestoneResolved); ok && s.snap.Incident.State == incident.Resolved {
		to = t
	}
	return to.Sub(from)
}

func (s *incidentScreen) headerLine1(w int) string {
	st := s.c.styles
	inc := &s.snap.Incident
	stateMark := "●"
	if inc.State == incident.Resolved {
		stateMark = "✔"
	}
	right := st.State(inc.State).Render(stateMark+" "+strings.ToUpper(string(inc.State))) + "  " + st.Clock.Render("⏱ "+formatClock(s.elapsed()))
	if w < 60 {
		right = st.State(inc.State).Render(stateMark+" "+strings.ToUpper(string(inc.State))) + " " + st.Clock.Render(formatClock(s.elapsed()))
	}
	left := st.Severity(inc.Severity).Render(" "+inc.Severity.String()+" ") + " " + st.Title.Render(fmt.Sprintf("#%d ", inc.ID)) + st.Title.Render(Sanitize(inc.Title))
	return spread(left, right, w)
}

func (s *incidentScreen) headerLine2(w int) string {
	st := s.c.styles
	var holders []string
	for _, role := range orderedRoles(s.snap.Roles) {
		for _, a := range s.snap.Roles {
			if a.Role == role && a.Active() {
				holders = append(holders, incident.RoleShort(Sanitize(role))+" "+Sanitize(a.Person))
			}
		}
	}
	left := strings.Join(holders, " · ")
	if left == "" {
		left = st.Muted.Render("no roles yet: /ic NAME")
	}
	comms := "no comms update yet"
	if !s.lastComms.IsZero() {
		comms = "last update " + formatAgo(s.now.Sub(s.lastComms))
	}
	items := fmt.Sprintf("%d open actions", s.openItems)
	if s.openItems == 1 {
		items = "1 open action"
	}
	right := st.Muted.Render(items + " · " + comms)
	return spread(left, right, w)
}

// spread puts left and right on one line of width w, truncating left.
func spread(left, right string, w int) string {
	rw := lipWidth(right)
	if rw+4 > w {
		return fit(left, w)
	}
	left = fit(left, w-rw-2)
	return left + strings.Repeat(" ", max(w-lipWidth(left)-rw, 1)) + right
}

func (s *incidentScreen) tabBar(w int) string {
	k := fmt.Sprint("tabs", s.active, s.openItems, w, s.timeline.query)
	if v, ok := s.frames[k]; ok {
		return v
	}
	v := s.drawTabBar(w)
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

func (s *incidentScreen) drawTabBar(w int) string {
	st := s.c.styles
	var parts []string
	for id := paneTimeline; id < paneCount; id++ {
		name := paneNames[id]
		if id == paneActions && s.openItems > 0 {
			name = fmt.Sprintf("%s %d", name, s.openItems)
		}
		if id == paneTimeline && s.timeline.query != "" {
			name += " (" + clip(s.timeline.query) + ")"
		}
		if w < 60 {
			name = name[:min(len(name), 4)]
		}
		if id == s.active {
			parts = append(parts, st.TabActive.Render("["+name+"]"))
		} else {
			parts = append(parts, st.TabPassive.Render(" "+name+" "))
		}
	}
	bar := strings.Join(parts, st.Rule.Render("─"))
	if rest := w - lipWidth(bar); rest > 0 {
		bar += st.Rule.Render(strings.Repeat("─", rest))
	}
	return fit(bar, w)
}

func (s *incidentScreen) footer() string {
	if v := s.status.View(s.c.styles); v != "" {
		return v
	}
	if s.importing != nil {
		return s.help.ShortHelpView(importHelp(s.c.width < 60))
	}
	if s.editing != nil {
		return s.help.ShortHelpView([]key.Binding{
			key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
			key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
			key.NewBinding(key.WithKeys("x"), key.WithHelp("WHEN text", "same time grammar as logging")),
		})
	}
	keys := s.pane(s.active).HelpKeys(s.c.keys)
	if s.pending > 0 {
		keys = append([]key.Binding{key.NewBinding(key.WithKeys("x"), key.WithHelp("…", "saving"))}, keys...)
	}
	var id strings.Builder
	for _, b := range keys {
		id.WriteString(b.Help().Key + "\x00")
	}
	k := fmt.Sprint("help", id.String(), s.c.width)
	if v, ok := s.frames[k]; ok {
		return v
	}
	v := s.help.ShortHelpView(keys)
	s.remember(k, v)
	return v
}

func (s *incidentScreen) fullHelp() string {
	k := s.c.keys
	var b strings.Builder
	b.WriteString(s.c.styles.Bold.Render("Type what happened and press enter. Commands:"))
	b.WriteByte('\n')
	for _, l := range CommandHelp {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	b.WriteString(s.c.styles.Bold.Render("Keys"))
	b.WriteByte('\n')
	groups := [][]key.Binding{
		{k.Submit, k.NextPane, k.PrevPane, k.Escape, k.Quit},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{k.Edit, k.Pin, k.Delete, k.Undo, k.Done, k.Help},
	}
	b.WriteString(s.help.FullHelpView(groups))
	b.WriteString("\n\n")
	b.WriteString(ansi.Wordwrap("Letters (e, p, d, u, x, ?) act on the selected row only while the input is empty; "+
		"otherwise they are text. ↑ selects, esc returns to the newest events. ↑↓ scroll this help; esc closes it.", max(s.c.width-1, 20), " "))
	return b.String()
}
