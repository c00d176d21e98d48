package tui

import (
	"image/color"
	"strings"

	"charm.land/lipgloss/v2"

	"scribe/incident"
)

// Styles holds every style the TUI draws with, built once. Colours are the
// 16 basic ANSI colours (and a few of the 256), which the program downsamples
// on poorer terminals; every distinction they carry is also carried by a
// marker or a word, so a monochrome terminal loses nothing.
type Styles struct {
	Title      lipgloss.Style
	Muted      lipgloss.Style
	Bold       lipgloss.Style
	Selected   lipgloss.Style
	TabActive  lipgloss.Style
	TabPassive lipgloss.Style
	Rule       lipgloss.Style
	Prompt     lipgloss.Style
	Error      lipgloss.Style
	Warning    lipgloss.Style // a lint warning: asks for a fix, less loudly than an error
	Info       lipgloss.Style
	DateLine   lipgloss.Style
	Time       lipgloss.Style
	Pinned     lipgloss.Style
	Clock      lipgloss.Style

	severity [6]lipgloss.Style // indexed by severity 1..5
	state    map[incident.State]lipgloss.Style
	kind     map[incident.Kind]lipgloss.Style

	row rowPaints
}

// rowPaints are the timeline's styles reduced to paints: the timeline draws
// a hundred fragments a frame, and Style.Render costs microseconds each.
type rowPaints struct {
	time, selected, pinned, bold, date paint
	kind                               map[incident.Kind]paint
}

// paint is a style reduced to its opening and closing sequences, applied by
// concatenation. Only for styles that colour or emphasise a single line
// (no width, padding or borders).
type paint struct{ open, close string }

func newPaint(st lipgloss.Style) paint {
	const probe = "\uE000" // a private-use character no style changes
	r := st.Render(probe)
	i := strings.Index(r, probe)
	if i < 0 {
		return paint{}
	}
	return paint{open: r[:i], close: r[i+len(probe):]}
}

// write writes s, painted, to b.
func (p paint) write(b *strings.Builder, s string) {
	b.WriteString(p.open)
	b.WriteString(s)
	b.WriteString(p.close)
}

// Render wraps s in the paint.
func (p paint) Render(s string) string {
	if p.open == "" {
		return s
	}
	return p.open + s + p.close
}

// NewStyles builds the style set.
func NewStyles() Styles {
	c := func(s string) color.Color { return lipgloss.Color(s) }
	s := Styles{
		Title:      lipgloss.NewStyle().Bold(true),
		Muted:      lipgloss.NewStyle().Foreground(c("8")),
		Bold:       lipgloss.NewStyle().Bold(true),
		Selected:   lipgloss.NewStyle().Reverse(true),
		TabActive:  lipgloss.NewStyle().Bold(true).Reverse(true),
		TabPassive: lipgloss.NewStyle().Foreground(c("8")),
		Rule:       lipgloss.NewStyle().Foreground(c("8")),
		Prompt:     lipgloss.NewStyle().Foreground(c("6")).Bold(true),
		Error:      lipgloss.NewStyle().Foreground(c("1")).Bold(true),
		Warning:    lipgloss.NewStyle().Foreground(c("3")),
		Info:       lipgloss.NewStyle().Foreground(c("2")),
		DateLine:   lipgloss.NewStyle().Bold(true).Underline(true),
		Time:       lipgloss.NewStyle().Foreground(c("8")),
		Pinned:     lipgloss.NewStyle().Foreground(c("3")).Bold(true),
		Clock:      lipgloss.NewStyle().Bold(true),
	}
	s.severity = [6]lipgloss.Style{
		lipgloss.NewStyle(),
		lipgloss.NewStyle().Bold(true).Foreground(c("15")).Background(c("1")),
		lipgloss.NewStyle().Bold(true).Foreground(c("0")).Background(c("208")),
		lipgloss.NewStyle().Bold(true).Foreground(c("0")).Background(c("3")),
		lipgloss.NewStyle().Bold(true).Foreground(c("0")).Background(c("7")),
		lipgloss.NewStyle().Foreground(c("8")),
	}
	s.state = map[incident.State]lipgloss.Style{
		incident.Investigating: lipgloss.NewStyle().Bold(true).Foreground(c("1")),
		incident.Identified:    lipgloss.NewStyle().Bold(true).Foreground(c("208")),
		incident.Monitoring:    lipgloss.NewStyle().Bold(true).Foreground(c("3")),
		incident.Resolved:      lipgloss.NewStyle().Bold(true).Foreground(c("2")),
	}
	s.kind = map[incident.Kind]lipgloss.Style{
		incident.KindNote:        lipgloss.NewStyle(),
		incident.KindObservation: lipgloss.NewStyle().Foreground(c("6")),
		incident.KindAction:      lipgloss.NewStyle().Foreground(c("4")),
		incident.KindDecision:    lipgloss.NewStyle().Foreground(c("5")).Bold(true),
		incident.KindComms:       lipgloss.NewStyle().Foreground(c("2")),
		incident.KindStatus:      lipgloss.NewStyle().Foreground(c("208")).Bold(true),
		incident.KindRole:        lipgloss.NewStyle().Foreground(c("5")),
		incident.KindMilestone:   lipgloss.NewStyle().Foreground(c("3")).Bold(true),
		incident.KindActionItem:  lipgloss.NewStyle().Foreground(c("4")),
		incident.KindChecklist:   lipgloss.NewStyle().Foreground(c("2")),
		incident.KindReminder:    lipgloss.NewStyle().Foreground(c("3")),
		incident.KindSeverity:    lipgloss.NewStyle().Foreground(c("1")).Bold(true),
	}
	s.row = rowPaints{
		time: newPaint(s.Time), selected: newPaint(s.Selected), pinned: newPaint(s.Pinned),
		bold: newPaint(s.Bold), date: newPaint(s.DateLine),
		kind: map[incident.Kind]paint{},
	}
	for k, st := range s.kind {
		s.row.kind[k] = newPaint(st)
	}
	return s
}

// Severity styles a severity badge.
func (s Styles) Severity(sev incident.Severity) lipgloss.Style {
	if !sev.Valid() {
		return lipgloss.NewStyle()
	}
	return s.severity[sev]
}

// State styles an incident state.
func (s Styles) State(st incident.State) lipgloss.Style {
	if v, ok := s.state[st]; ok {
		return v
	}
	return lipgloss.NewStyle()
}

// Kind styles a timeline row's marker and kind label.
func (s Styles) Kind(k incident.Kind) lipgloss.Style {
	if v, ok := s.kind[k]; ok {
		return v
	}
	return lipgloss.NewStyle()
}

// kindMarker is the marker and short label of each kind: the marker is what
// tells kinds apart without colour.
var kindMarker = map[incident.Kind][2]string{
	incident.KindNote:        {"·", "note"},
	incident.KindObservation: {"○", "obs"},
	incident.KindAction:      {"▸", "action"},
	incident.KindDecision:    {"◇", "decision"},
	incident.KindComms:       {"»", "comms"},
	incident.KindStatus:      {"●", "status"},
	incident.KindRole:        {"◆", "role"},
	incident.KindMilestone:   {"▲", "milestone"},
	incident.KindActionItem:  {"☐", "todo"},
	incident.KindChecklist:   {"✓", "check"},
	incident.KindReminder:    {"◷", "remind"},
	incident.KindSeverity:    {"◈", "severity"},
}

// marker returns a kind's marker and label; unknown kinds get "?".
func marker(k incident.Kind) (string, string) {
	if m, ok := kindMarker[k]; ok {
		return m[0], m[1]
	}
	return "?", Sanitize(string(k))
}
