package export

import (
	"strings"
	"time"

	"scribe/incident"
)

// PhaseStrip is the HTML page's phase drawing in text, for a terminal (the
// TUI's Preview pane): two lines of width cells. Bands shows the phases,
// █ impact not yet handled, ▒ response, ░ recovery (readable without
// colour; a UI may colour them too); Marks puts each milestone's letter
// under the cell where it happened: S started, D detected, C declared
// (the incident was called), M mitigated, R resolved. The strip spans from
// the first milestone to the last, or on to until when the incident is not
// resolved (pass the time of the latest event, or now while it runs).
// It is empty (ok false) when fewer than two moments can be placed or
// width is under 10 cells. It is a pure function, cheap enough for every
// frame.
type PhaseStrip struct {
	Bands string
	Marks string
}

// StripLegend explains the strip's characters in one line.
const StripLegend = "█ impact  ▒ response  ░ recovery   S started  D detected  C declared  M mitigated  R resolved"

// stripLetter is a milestone's letter on the strip.
func stripLetter(m incident.Milestone) rune {
	switch m {
	case incident.MilestoneStarted:
		return 'S'
	case incident.MilestoneDetected:
		return 'D'
	case incident.MilestoneDeclared:
		return 'C'
	case incident.MilestoneMitigated:
		return 'M'
	}
	return 'R'
}

// stripFill is a phase's character.
func stripFill(k phaseKind) rune {
	switch k {
	case phaseImpact:
		return '█'
	case phaseRecovery:
		return '░'
	}
	return '▒'
}

// NewPhaseStrip draws the strip of ms in width cells.
func NewPhaseStrip(ms incident.Milestones, until time.Time, width int) (PhaseStrip, bool) {
	pts := milestonePoints(ms)
	if width < 10 || len(pts) == 0 {
		return PhaseStrip{}, false
	}
	first, last := pts[0].T, pts[len(pts)-1].T
	if _, resolved := ms.Get(incident.MilestoneResolved); !resolved && until.After(last) {
		last = until
	}
	if !last.After(first) {
		return PhaseStrip{}, false
	}
	span := last.Sub(first)
	cell := func(t time.Time) int {
		c := int(float64(t.Sub(first)) / float64(span) * float64(width-1))
		return min(max(c, 0), width-1)
	}
	bands := []rune(strings.Repeat(" ", width))
	for _, b := range phaseBands(ms, last) {
		from, to := cell(b.From), cell(b.To)
		if to == from {
			to = from + 1 // a short phase still shows
		}
		for i := from; i < to && i < width; i++ {
			bands[i] = stripFill(b.Kind)
		}
	}
	marks := []rune(strings.Repeat(" ", width))
	for _, p := range pts {
		c := cell(p.T)
		for c < width-1 && marks[c] != ' ' {
			c++
		}
		// At the right edge, a crowded mark steps left instead.
		for c > 0 && marks[c] != ' ' {
			c--
		}
		marks[c] = stripLetter(p.M)
	}
	return PhaseStrip{Bands: string(bands), Marks: strings.TrimRight(string(marks), " ")}, true
}
