package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"

	"scribe/incident"
)

// actionsPane lists the incident's action items with their GitHub state.
type actionsPane struct {
	c      *common
	items  []incident.ActionItem
	sel    int
	top    int
	width  int
	height int
}

func newActionsPane(c *common) *actionsPane { return &actionsPane{c: c, sel: -1} }

func (p *actionsPane) SetSize(w, h int) { p.width, p.height = w, h; p.ensureVisible() }

func (p *actionsPane) SetSnapshot(snap *incident.Snapshot) {
	var selID int64
	if it, ok := p.Selected(); ok {
		selID = it.ID
	}
	p.items = snap.ActionItems
	if selID != 0 {
		for i, it := range p.items {
			if it.ID == selID {
				p.sel = i
			}
		}
	}
	p.ensureVisible()
}

func (p *actionsPane) Selected() (incident.ActionItem, bool) {
	if p.sel < 0 || p.sel >= len(p.items) {
		return incident.ActionItem{}, false
	}
	return p.items[p.sel], true
}

func (p *actionsPane) Move(delta int) {
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

func (p *actionsPane) PageSize() int { return max(p.height-2, 1) }
func (p *actionsPane) Home()         { p.Move(-len(p.items)) }
func (p *actionsPane) End()          { p.Move(len(p.items)) }
func (p *actionsPane) Clear() bool   { had := p.sel >= 0; p.sel = -1; return had }

func (p *actionsPane) ensureVisible() {
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

func (p *actionsPane) HelpKeys(k KeyMap) []key.Binding {
	if p.sel >= 0 {
		return []key.Binding{k.Done, k.File, k.Up, k.Escape}
	}
	return []key.Binding{k.Up, k.NextPane}
}

func (p *actionsPane) View() string {
	st := p.c.styles
	open := 0
	for _, it := range p.items {
		if it.State == incident.ItemOpen {
			open++
		}
	}
	head := st.Muted.Render(fit(fmt.Sprintf("%d open of %d · /action TITLE @owner due:YYYY-MM-DD p1 · /file OWNER/NAME · select: x done, f file", open, len(p.items)), p.width))
	if len(p.items) == 0 {
		return head + "\n" + st.Muted.Render(fit("No action items yet.", p.width))
	}
	lines := []string{head}
	for i := p.top; i < len(p.items) && len(lines) < p.height; i++ {
		lines = append(lines, p.row(p.items[i], i == p.sel))
	}
	return strings.Join(lines, "\n")
}

func (p *actionsPane) row(it incident.ActionItem, selected bool) string {
	box := "☐"
	switch it.State {
	case incident.ItemDone:
		box = "☑"
	case incident.ItemWontDo:
		box = "☒"
	}
	parts := []string{fmt.Sprintf("%s #%-3d %s", box, it.ID, Sanitize(it.Title))}
	if it.Owner != "" {
		parts = append(parts, "@"+strings.TrimPrefix(Sanitize(it.Owner), "@"))
	} else {
		parts = append(parts, "(no owner)")
	}
	if it.Priority != "" {
		parts = append(parts, string(it.Priority))
	}
	if it.Due != "" {
		parts = append(parts, "due "+it.Due)
	}
	if it.State != incident.ItemOpen {
		parts = append(parts, it.State.Label())
	}
	gh := it.GitHub
	switch {
	case gh.Filed():
		parts = append(parts, fmt.Sprintf("GH %s#%d %s", Sanitize(gh.Repo), gh.Number, Sanitize(gh.State)))
	case gh.SyncError != "":
		parts = append(parts, "GH error: "+Sanitize(gh.SyncError))
	}
	line := strings.Join(parts, "  ")
	if selected {
		return p.c.styles.Selected.Render(padRight(fit(line, p.width), p.width))
	}
	if it.State != incident.ItemOpen {
		return p.c.styles.Muted.Render(fit(line, p.width))
	}
	return fit(line, p.width)
}
