package tui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// checklistPane lists the incident's checklist: the steps of its severity's
// checklist, and of any severity it was escalated to. x ticks the selected
// step (or opens it again), s skips it; each is a checklist event.
type checklistPane struct {
	c      *common
	h      host
	keys   checklistKeys
	items  []incident.ChecklistItem
	zone   *time.Location
	sel    int
	top    int
	width  int
	height int
}

type checklistKeys struct {
	Up, Down, PageUp, PageDown, Home, End key.Binding
	Tick, Skip, Undo, Escape              key.Binding
}

func newChecklistPane(c *common, h host) *checklistPane {
	k := c.keys
	p := &checklistPane{c: c, h: h, sel: -1, zone: time.UTC, keys: checklistKeys{
		Up: rebind(k.Up, "select"), Down: rebind(k.Down, "select"), PageUp: k.PageUp, PageDown: k.PageDown,
		Home: rebind(k.Home, "first step"), End: rebind(k.End, "last step"),
		Tick:   rebind(k.Done, "done/reopen"),
		Skip:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "skip")),
		Undo:   rebind(k.Undo, "undo"),
		Escape: rebind(k.Escape, "unselect"),
	}}
	p.syncKeys()
	return p
}

func (p *checklistPane) Title() string {
	if len(p.items) == 0 {
		return "Checklist"
	}
	done := 0
	for _, it := range p.items {
		if it.State != incident.ChecklistOpen {
			done++
		}
	}
	return fmt.Sprintf("Checklist %d/%d", done, len(p.items))
}

func (p *checklistPane) ShortHelp() []key.Binding {
	k := &p.keys
	return []key.Binding{k.Tick, k.Skip, k.Undo, k.Escape, k.Up}
}

func (p *checklistPane) FullHelp() [][]key.Binding {
	k := &p.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{k.Tick, k.Skip, k.Undo, k.Escape},
	}
}

func (p *checklistPane) syncKeys() {
	k := &p.keys
	selected := p.sel >= 0
	for _, b := range []*key.Binding{&k.Tick, &k.Skip, &k.Undo, &k.Escape} {
		b.SetEnabled(selected)
	}
	any := len(p.items) > 0
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Home, &k.End} {
		b.SetEnabled(any)
	}
}

func (p *checklistPane) SetSize(w, h int) { p.width, p.height = w, h; p.ensureVisible() }

func (p *checklistPane) SetData(d paneData) {
	defer p.syncKeys()
	var selID int64
	if p.sel >= 0 && p.sel < len(p.items) {
		selID = p.items[p.sel].ID
	}
	p.items, p.zone = d.snap.Checklist, d.zone
	if selID != 0 {
		p.sel = -1
		for i, it := range p.items {
			if it.ID == selID {
				p.sel = i
			}
		}
	}
	p.ensureVisible()
}

func (p *checklistPane) Update(msg tea.Msg) tea.Cmd {
	m, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	defer p.syncKeys()
	k := &p.keys
	switch {
	case key.Matches(m, k.Up):
		p.move(-1)
	case key.Matches(m, k.Down):
		p.move(1)
	case key.Matches(m, k.PageUp):
		p.move(-max(p.height-2, 1))
	case key.Matches(m, k.PageDown):
		p.move(max(p.height-2, 1))
	case key.Matches(m, k.Home):
		p.move(-len(p.items))
	case key.Matches(m, k.End):
		p.move(len(p.items))
	case key.Matches(m, k.Escape):
		p.sel = -1
	case key.Matches(m, k.Undo):
		return p.h.undoLast()
	case key.Matches(m, k.Tick) && p.sel >= 0:
		it := p.items[p.sel]
		next := incident.ChecklistDone
		if it.State == incident.ChecklistDone {
			next = incident.ChecklistOpen
		}
		return p.h.write("", checklistSet(it, next, p.origin()))
	case key.Matches(m, k.Skip) && p.sel >= 0:
		it := p.items[p.sel]
		next := incident.ChecklistSkipped
		if it.State == incident.ChecklistSkipped {
			next = incident.ChecklistOpen
		}
		return p.h.write("", checklistSet(it, next, p.origin()))
	}
	return nil
}

func (p *checklistPane) origin() incident.Origin {
	return incident.Origin{Author: p.c.opts.Author, Source: incident.SourceTUI}
}

// checklistSet moves a step to state, logging the checklist event; undo
// moves it back (which the timeline records too).
func checklistSet(it incident.ChecklistItem, state incident.ChecklistState, o incident.Origin) writeFunc {
	return func(ctx context.Context, st Store) (change, error) {
		done, ev, err := st.SetChecklistItem(ctx, it.ID, state, o)
		if err != nil {
			return change{}, err
		}
		undo := &undoOp{run: checklistSet(done, it.State, o)}
		return change{what: "checklist: " + checklistWord(state) + " " + clip(it.Text), event: &ev, undo: undo}, nil
	}
}

func checklistWord(s incident.ChecklistState) string {
	switch s {
	case incident.ChecklistDone:
		return "done —"
	case incident.ChecklistSkipped:
		return "skipped —"
	}
	return "reopened —"
}

func (p *checklistPane) move(delta int) {
	if len(p.items) == 0 {
		return
	}
	if p.sel < 0 {
		p.sel = 0
		if delta < 0 {
			p.sel = len(p.items) - 1
		}
	} else {
		p.sel = min(max(p.sel+delta, 0), len(p.items)-1)
	}
	p.ensureVisible()
}

func (p *checklistPane) ensureVisible() {
	if p.sel >= len(p.items) {
		p.sel = len(p.items) - 1
	}
	rows := max(p.height-1, 1)
	if p.sel >= 0 {
		if p.sel < p.top {
			p.top = p.sel
		}
		if p.sel >= p.top+rows {
			p.top = p.sel - rows + 1
		}
	}
	p.top = min(p.top, max(len(p.items)-rows, 0))
}

func (p *checklistPane) View() string {
	st := p.c.styles
	if len(p.items) == 0 {
		return st.Muted.Render(fit("No checklist: this severity has none in config.toml (scribe config).", p.width))
	}
	done, skipped := 0, 0
	for _, it := range p.items {
		switch it.State {
		case incident.ChecklistDone:
			done++
		case incident.ChecklistSkipped:
			skipped++
		}
	}
	head := fmt.Sprintf("%d of %d done", done, len(p.items))
	if skipped > 0 {
		head += fmt.Sprintf(", %d skipped", skipped)
	}
	lines := []string{st.Muted.Render(fit(head+" · select with ↑↓: x done/reopen, s skip", p.width))}
	for i := p.top; i < len(p.items) && len(lines) < p.height; i++ {
		lines = append(lines, p.row(p.items[i], i == p.sel))
	}
	return strings.Join(lines, "\n")
}

// row draws a step: a box that says its state without colour (☐ open,
// ☑ done, ⊘ skipped), the step, when and by whom.
func (p *checklistPane) row(it incident.ChecklistItem, selected bool) string {
	box := "☐"
	switch it.State {
	case incident.ChecklistDone:
		box = "☑"
	case incident.ChecklistSkipped:
		box = "⊘"
	}
	line := box + " " + Sanitize(it.Text)
	if it.State != incident.ChecklistOpen && !it.At.IsZero() {
		note := string(it.State) + " " + it.At.In(p.zone).Format("15:04")
		if it.By != "" {
			note += " by " + Sanitize(it.By)
		}
		line += "  " + note
	}
	if selected {
		return p.c.styles.Selected.Render(padRight(fit(line, p.width), p.width))
	}
	if it.State != incident.ChecklistOpen {
		return p.c.styles.Muted.Render(fit(line, p.width))
	}
	return fit(line, p.width)
}
