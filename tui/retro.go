package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"scribe/incident"
)

// retroPane shows the narrative fields and the retro notes; they are set
// with /set FIELD text and /retro SECTION text.
type retroPane struct {
	scroller
	c    *common
	snap *incident.Snapshot
}

func newRetroPane(c *common) *retroPane { return &retroPane{c: c} }

func (p *retroPane) SetSnapshot(snap *incident.Snapshot) {
	p.snap = snap
	p.render()
}

func (p *retroPane) SetSize(w, h int) {
	p.scroller.SetSize(w, h)
	p.render()
}

func (p *retroPane) render() {
	if p.snap == nil {
		return
	}
	st := p.c.styles
	width := max(p.width-2, 10)
	var lines []string
	add := func(text string) {
		for _, l := range strings.Split(ansi.Wordwrap(text, width, " "), "\n") {
			lines = append(lines, "  "+l)
		}
	}
	inc := &p.snap.Incident
	for _, f := range incident.NarrativeFields {
		lines = append(lines, st.Bold.Render(f.Label())+st.Muted.Render("  /set "+string(f)+" text · /edit "+string(f)))
		if v := strings.TrimSpace(inc.Get(f)); v != "" {
			add(SanitizeBlock(v))
		} else {
			lines = append(lines, st.Muted.Render("  (empty)"))
		}
	}
	if len(inc.Services) > 0 {
		lines = append(lines, st.Bold.Render("Affected services"))
		add(Sanitize(strings.Join(inc.Services, ", ")))
	}
	for _, sec := range incident.RetroSections {
		lines = append(lines, st.Bold.Render(sec.Heading())+st.Muted.Render("  /retro "+string(sec)+" …"))
		n := 0
		for _, note := range p.snap.Retro {
			if note.Section == sec {
				add("• " + SanitizeBlock(note.Text))
				n++
			}
		}
		if n == 0 {
			lines = append(lines, st.Muted.Render("  (none yet)"))
		}
	}
	p.SetLines(lines)
}
