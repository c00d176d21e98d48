package tui

import (
	"strings"

	"charm.land/glamour/v2"

	"scribe/incident"
)

// PreviewFunc renders an incident's postmortem as Markdown, with the lint
// warnings about it. The CLI wires the export package in; the TUI only
// shows the result.
type PreviewFunc func(snap incident.Snapshot) (markdown string, warnings []string, err error)

// previewPane shows the postmortem as it would export, rendered by glamour,
// after the blameless warnings.
type previewPane struct {
	scroller
	c *common
}

func newPreviewPane(c *common) *previewPane { return &previewPane{c: c} }

// previewMsg carries a rendered preview back from its command.
type previewMsg struct {
	incidentID int64
	width      int
	lines      []string
	err        error
}

// renderPreview builds the preview off the UI goroutine: exporting and
// rendering a long timeline takes a while.
func renderPreview(fn PreviewFunc, snap incident.Snapshot, width int) previewMsg {
	msg := previewMsg{incidentID: snap.Incident.ID, width: width}
	if fn == nil {
		msg.lines = []string{"The postmortem preview is not available in this build.", "", "Export with: scribe export N"}
		return msg
	}
	md, warnings, err := fn(snap)
	if err != nil {
		msg.err = err
		return msg
	}
	var lines []string
	if len(warnings) > 0 {
		lines = append(lines, "Warnings:")
		for _, w := range warnings {
			lines = append(lines, "  ⚠ "+Sanitize(w))
		}
		lines = append(lines, "")
	} else {
		lines = append(lines, "No blameless warnings.", "")
	}
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("dark"), glamour.WithWordWrap(max(width-2, 20)))
	if err != nil {
		msg.err = err
		return msg
	}
	out, err := r.Render(SanitizeBlock(md))
	if err != nil {
		msg.err = err
		return msg
	}
	msg.lines = append(lines, strings.Split(strings.TrimRight(out, "\n"), "\n")...)
	return msg
}
