package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// formatClock renders an elapsed duration as a running clock: 01:43:12,
// or 2d 03:12:00 past a day.
func formatClock(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int64(d / time.Second)
	days := s / 86400
	s %= 86400
	clock := fmt.Sprintf("%02d:%02d:%02d", s/3600, s%3600/60, s%60)
	if days > 0 {
		return fmt.Sprintf("%dd %s", days, clock)
	}
	return clock
}

// formatAgo renders how long ago something happened, coarsely.
func formatAgo(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return fmt.Sprintf("%dm ago", int(d/time.Minute))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh%02dm ago", int(d/time.Hour), int(d%time.Hour/time.Minute))
	}
	return fmt.Sprintf("%dd ago", int(d/(24*time.Hour)))
}

// fit truncates s (which may be styled) to width cells with an ellipsis.
func fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	// A cell never takes less than a byte, so short strings fit as they
	// are; plain ASCII is cut by bytes. Grapheme-aware measuring is the
	// slow path, and the timeline calls fit on every row of every frame.
	if len(s) <= width {
		return s
	}
	if isPlainASCII(s) {
		return s[:width-1] + "…"
	}
	if ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, "…")
}

// padRight pads s (which may be styled) with spaces to width cells.
func padRight(s string, width int) string {
	w := len(s)
	if !isPlainASCII(s) {
		w = ansi.StringWidth(s)
	}
	if w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}

// fitLines makes text exactly height lines, each at most width cells, so a
// pane can never push the input line off the screen.
func fitLines(text string, width, height int) string {
	return padLines(text, width, height, true)
}

// padLines makes text exactly height lines; with clip, lines wider than
// width are cut (panes whose rows are already fitted pass false).
func padLines(text string, width, height int, clip bool) string {
	if height <= 0 {
		return ""
	}
	lines := strings.Split(text, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	if clip {
		for i, l := range lines {
			lines[i] = fit(l, width)
		}
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// cells is the display width of plain text, ASCII counted by bytes.
func cells(s string) int {
	if isPlainASCII(s) {
		return len(s)
	}
	return ansi.StringWidth(s)
}

// lipWidth is the display width of a possibly styled string.
func lipWidth(s string) int { return ansi.StringWidth(s) }

// isPlainASCII reports printable ASCII only: one byte, one cell.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}
