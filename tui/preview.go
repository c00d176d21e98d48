package tui

import (
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"slices"

	"scribe/incident"
	"scribe/tui/markdown"
)

// PreviewFunc renders an incident's postmortem for a pane width cells
// wide: the Markdown, the lint's findings and the phase strip. The CLI
// wires the export package in; the TUI only shows the result.
type PreviewFunc func(snap incident.Snapshot, width int) (Preview, error)

// Preview is what the Preview pane shows.
type Preview struct {
	Markdown string
	Findings []Finding
	// Strip is the phases drawn in text, a line each (bands, milestone
	// letters, legend), at most the width asked for; none when the
	// incident has too few milestones or the pane is too narrow.
	Strip []string
}

// Finding is one of the lint's: a warning, which asks for a fix, or a
// note, which is true of the postmortem and needs none (a milestone order
// that can happen, say).
type Finding struct {
	Note bool
	Text string
}

// previewPane shows the postmortem as it would export, drawn by the small
// markdown package (glamour's start-up cost would be paid by every scribe
// process), after the blameless warnings.
type previewPane struct {
	scroller
	c        *common
	id       int64
	snap     *incident.Snapshot
	rendered int // the width it was rendered at; 0 = it needs rendering
}

func newPreviewPane(c *common, id int64) *previewPane {
	return &previewPane{c: c, id: id, scroller: newScroller(c.keys)}
}

func (p *previewPane) Title() string { return "Preview" }

// SetData marks the preview stale: it renders when it is shown.
func (p *previewPane) SetData(d paneData) {
	p.snap = d.snap
	p.rendered = 0
}

func (p *previewPane) SetSize(w, h int) {
	p.scroller.SetSize(w, h)
	if p.rendered != w {
		p.rendered = 0
	}
}

// Shown renders the postmortem, off the UI goroutine, when it is stale.
func (p *previewPane) Shown() tea.Cmd {
	if p.rendered != 0 || p.snap == nil {
		return nil
	}
	p.rendered = max(p.c.width, 1)
	fn, snap, w := p.c.opts.Preview, *p.snap, p.rendered
	// The screen merges others' events into its snapshot in place (see
	// changesLoaded): the render, off this goroutine, reads its own copy.
	snap.Events = slices.Clone(snap.Events)
	if len(p.lines) == 0 {
		p.SetLines([]string{"Rendering the postmortem…"})
	}
	st := p.c.styles
	return func() tea.Msg { return renderPreview(fn, snap, w, &st) }
}

// Update takes the rendered preview, and the scroll keys.
func (p *previewPane) Update(msg tea.Msg) tea.Cmd {
	m, ok := msg.(previewMsg)
	if !ok {
		return p.scroller.Update(msg)
	}
	if m.incidentID != p.id {
		return nil
	}
	if m.err != nil {
		p.SetLines([]string{"The preview could not be rendered: " + Sanitize(incident.ErrorMessage(m.err))})
		return nil
	}
	p.SetLines(m.lines)
	return nil
}

// previewMsg carries a rendered preview back from its command.
type previewMsg struct {
	incidentID int64
	width      int
	lines      []string
	err        error
}

// renderPreview builds the preview off the UI goroutine: exporting and
// rendering a long timeline takes a while. The phase strip comes first,
// then the lint's findings, warnings marked apart from notes, then the
// postmortem.
func renderPreview(fn PreviewFunc, snap incident.Snapshot, width int, st *Styles) previewMsg {
	msg := previewMsg{incidentID: snap.Incident.ID, width: width}
	if fn == nil {
		msg.lines = []string{"The postmortem preview is not available in this build.", "", "Export with: scribe export N"}
		return msg
	}
	pv, err := fn(snap, max(width-2, 20))
	if err != nil {
		msg.err = err
		return msg
	}
	var lines []string
	for _, l := range pv.Strip {
		lines = append(lines, " "+Sanitize(l))
	}
	if len(pv.Strip) > 0 {
		lines = append(lines, "")
	}
	lines = append(lines, findingLines(pv.Findings, st)...)
	msg.lines = append(lines, markdown.Render(SanitizeBlock(pv.Markdown), max(width-2, 20), markdownStyles())...)
	return msg
}

// findingLines lists the lint's findings under a count: warnings (⚠, to
// fix) before notes (·, to know), so that a list of notes never reads as
// a list of problems.
func findingLines(fs []Finding, st *Styles) []string {
	var warnings, notes []string
	for _, f := range fs {
		if f.Note {
			notes = append(notes, st.Muted.Render("  · note: "+Sanitize(f.Text)))
		} else {
			warnings = append(warnings, st.Warning.Render("  ⚠ "+Sanitize(f.Text)))
		}
	}
	var head string
	switch {
	case len(warnings) == 0 && len(notes) == 0:
		return []string{"No blameless warnings.", ""}
	case len(warnings) == 0:
		head = "No blameless warnings; " + incident.Count(len(notes), "note") + ":"
	case len(notes) == 0:
		head = incident.Count(len(warnings), "warning") + ":"
	default:
		head = incident.Count(len(warnings), "warning") + " and " + incident.Count(len(notes), "note") + ":"
	}
	lines := append([]string{head}, warnings...)
	return append(append(lines, notes...), "")
}

// markdownStyles is how the preview draws the postmortem's elements.
func markdownStyles() markdown.Styles {
	c := lipgloss.Color
	return markdown.Styles{
		H1:          lipgloss.NewStyle().Bold(true).Foreground(c("6")),
		H2:          lipgloss.NewStyle().Bold(true).Underline(true),
		H3:          lipgloss.NewStyle().Bold(true),
		Bold:        lipgloss.NewStyle().Bold(true),
		Italic:      lipgloss.NewStyle().Italic(true),
		Code:        lipgloss.NewStyle().Foreground(c("3")),
		CodeBlock:   lipgloss.NewStyle().Foreground(c("8")),
		TableHeader: lipgloss.NewStyle().Bold(true),
		Rule:        lipgloss.NewStyle().Foreground(c("8")),
		Link:        lipgloss.NewStyle().Underline(true),
	}
}
