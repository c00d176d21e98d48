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
	c     *common
	h     host
	keys  checklistKeys
	list  itemList[incident.ChecklistItem]
	zone  *time.Location
	width int
}

// checklistKeys are the step keys, on only while a step is selected.
type checklistKeys struct {
	Tick, Skip, Undo, Escape key.Binding
}

func newChecklistPane(c *common, h host) *checklistPane {
	k := c.keys
	p := &checklistPane{c: c, h: h, zone: time.UTC, keys: checklistKeys{
		Tick:   rebind(k.Done, "done/reopen"),
		Skip:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "skip")),
		Undo:   rebind(k.Undo, "undo"),
		Escape: rebind(k.Escape, "unselect"),
	}}
	p.list = newItemList(newListKeys(k, "first step", "last step"), func(it incident.ChecklistItem) int64 { return it.ID })
	p.syncKeys()
	return p
}

func (p *checklistPane) Title() string {
	items := p.list.items
	if len(items) == 0 {
		return "Checklist"
	}
	done := 0
	for _, it := range items {
		if it.State != incident.ChecklistOpen {
			done++
		}
	}
	return fmt.Sprintf("Checklist %d/%d", done, len(items))
}

func (p *checklistPane) ShortHelp() []key.Binding {
	k := &p.keys
	return []key.Binding{k.Tick, k.Skip, k.Undo, k.Escape, p.list.keys.Up}
}

func (p *checklistPane) FullHelp() [][]key.Binding {
	k := &p.keys
	return [][]key.Binding{p.list.keys.help(), {k.Tick, k.Skip, k.Undo, k.Escape}}
}

func (p *checklistPane) syncKeys() {
	k := &p.keys
	_, selected := p.list.Selected()
	for _, b := range []*key.Binding{&k.Tick, &k.Skip, &k.Undo, &k.Escape} {
		b.SetEnabled(selected)
	}
}

func (p *checklistPane) SetSize(w, h int) { p.width = w; p.list.setHeight(h) }

func (p *checklistPane) SetData(d paneData) {
	p.zone = d.zone
	p.list.setItems(d.snap.Checklist)
	p.syncKeys()
}

func (p *checklistPane) Update(msg tea.Msg) tea.Cmd {
	m, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	defer p.syncKeys()
	k := &p.keys
	it, selected := p.list.Selected()
	switch {
	case p.list.navigate(m):
	case key.Matches(m, k.Escape):
		p.list.unselect()
	case key.Matches(m, k.Undo):
		return p.h.undoLast()
	case key.Matches(m, k.Tick) && selected:
		next := incident.ChecklistDone
		if it.State == incident.ChecklistDone {
			next = incident.ChecklistOpen
		}
		return p.h.write("", checklistSet(it, next, p.origin()))
	case key.Matches(m, k.Skip) && selected:
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

func (p *checklistPane) View() string {
	st := p.c.styles
	items := p.list.items
	if len(items) == 0 {
		return st.Muted.Render(fit("No checklist: this severity has none in config.toml (scribe config).", p.width))
	}
	lines := []string{st.Muted.Render(fit(incident.ChecklistProgress(items)+" · select with ↑↓: x done/reopen, s skip", p.width))}
	return strings.Join(p.list.rows(lines, p.row), "\n")
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
