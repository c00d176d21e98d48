package tui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"scribe/incident"
)

// retroPane shows the narrative fields and the retro notes, set with /set
// FIELD text, /edit FIELD and /retro SECTION text; a selected field or
// note is edited with e.
type retroPane struct {
	c      *common
	h      host
	keys   retroKeys
	snap   *incident.Snapshot
	blocks []retroBlock
	sel    int // index of the selected block; -1 means none
	offset int // first line shown
	width  int
	height int
}

// retroBlock is one thing the pane shows: a heading, a field, a note. Only
// fields and notes can be selected.
type retroBlock struct {
	lines []string
	field incident.Field      // a narrative field, or ""
	note  *incident.RetroNote // a note, or nil
}

func (b *retroBlock) selectable() bool { return b.field != "" || b.note != nil }

// retroKeys are the Retro pane's bindings. Its moving keys are a list's,
// but a page scrolls lines, not blocks.
type retroKeys struct {
	listKeys
	Edit, Delete, Undo, Escape key.Binding
}

func newRetroPane(c *common, h host) *retroPane {
	k := c.keys
	p := &retroPane{c: c, h: h, sel: -1, keys: retroKeys{
		listKeys: newListKeys(k, "top", "bottom"),
		Edit:     rebind(k.Edit, "edit"),
		Delete:   rebind(k.Delete, "delete a note"),
		Undo:     rebind(k.Undo, "undo"),
		Escape:   rebind(k.Escape, "unselect"),
	}}
	p.syncKeys()
	return p
}

func (p *retroPane) Title() string { return "Retro" }

func (p *retroPane) ShortHelp() []key.Binding {
	k := &p.keys
	return []key.Binding{k.Edit, k.Delete, k.Undo, k.Escape, k.Up}
}

func (p *retroPane) FullHelp() [][]key.Binding {
	k := &p.keys
	return [][]key.Binding{k.help(), {k.Edit, k.Delete, k.Undo, k.Escape}}
}

func (p *retroPane) syncKeys() {
	k := &p.keys
	_, note, ok := p.selected()
	for _, b := range []*key.Binding{&k.Edit, &k.Undo, &k.Escape} {
		b.SetEnabled(ok)
	}
	k.Delete.SetEnabled(note != nil)
}

func (p *retroPane) SetData(d paneData) {
	p.snap = d.snap
	p.render()
}

func (p *retroPane) SetSize(w, h int) {
	p.width, p.height = w, h
	p.render()
}

// selected is the selected field or note.
func (p *retroPane) selected() (incident.Field, *incident.RetroNote, bool) {
	if p.sel < 0 || p.sel >= len(p.blocks) {
		return "", nil, false
	}
	b := &p.blocks[p.sel]
	return b.field, b.note, b.selectable()
}

func (p *retroPane) Update(msg tea.Msg) tea.Cmd {
	m, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	defer p.syncKeys()
	k := &p.keys
	switch {
	case key.Matches(m, k.Up):
		p.step(-1)
	case key.Matches(m, k.Down):
		p.step(1)
	case key.Matches(m, k.PageUp):
		p.scroll(-max(p.height-1, 1))
	case key.Matches(m, k.PageDown):
		p.scroll(max(p.height-1, 1))
	case key.Matches(m, k.Home):
		p.sel, p.offset = -1, 0
	case key.Matches(m, k.End):
		p.sel = -1
		p.scroll(len(p.blocks) * 1000)
	case key.Matches(m, k.Escape):
		p.sel = -1
	case key.Matches(m, k.Undo):
		return p.h.undoLast()
	case key.Matches(m, k.Edit):
		return p.edit()
	case key.Matches(m, k.Delete):
		if _, note, ok := p.selected(); ok && note != nil {
			p.sel = -1
			return p.h.write("", noteDelete(*note))
		}
	}
	return nil
}

// step selects the next selectable block in direction dir.
func (p *retroPane) step(dir int) {
	i := p.sel
	if i < 0 && dir < 0 {
		i = len(p.blocks)
	}
	for i += dir; i >= 0 && i < len(p.blocks); i += dir {
		if p.blocks[i].selectable() {
			p.sel = i
			p.ensureVisible()
			return
		}
	}
}

func (p *retroPane) scroll(delta int) {
	p.offset = max(min(p.offset+delta, p.lineCount()-p.height), 0)
}

func (p *retroPane) lineCount() int {
	n := 0
	for _, b := range p.blocks {
		n += len(b.lines)
	}
	return n
}

// ensureVisible scrolls the selected block into view.
func (p *retroPane) ensureVisible() {
	if p.sel < 0 {
		return
	}
	start := 0
	for i := 0; i < p.sel; i++ {
		start += len(p.blocks[i].lines)
	}
	end := start + len(p.blocks[p.sel].lines)
	if start < p.offset {
		p.offset = start
	}
	if end > p.offset+p.height {
		p.offset = max(end-p.height, 0)
	}
}

// edit corrects the selected field or note in the input line; a field of
// several lines goes to $EDITOR, which keeps its lines.
func (p *retroPane) edit() tea.Cmd {
	f, note, ok := p.selected()
	if !ok {
		return nil
	}
	if note != nil {
		p.editNote(*note)
		return nil
	}
	return p.editFieldLine(f)
}

// reopen corrects a retro note or a one-line field again.
func (p *retroPane) reopen(t fixTarget, snap *incident.Snapshot) bool {
	switch t.Kind {
	case fixField:
		if strings.Contains(strings.TrimSpace(snap.Incident.Get(t.Field)), "\n") {
			return false // it goes to $EDITOR now, where a line would not fit
		}
		p.editFieldLine(t.Field)
		return true
	case fixNote:
		for _, n := range snap.Retro {
			if n.ID == t.ID {
				p.editNote(n)
				return true
			}
		}
	}
	return false
}

// editFieldLine corrects field f in the input line.
func (p *retroPane) editFieldLine(f incident.Field) tea.Cmd {
	text := p.snap.Incident.Get(f)
	if strings.Contains(strings.TrimSpace(text), "\n") {
		return p.h.editField(f)
	}
	id := p.snap.Incident.ID
	p.h.correct(correction{
		prompt: f.Label() + " › ",
		text:   Sanitize(text),
		hint:   "the text (/edit " + string(f) + " for several lines)",
		save: func(line string) (tea.Cmd, error) {
			return p.h.write(line, setField(id, f, text, strings.TrimSpace(line))), nil
		},
		target: fixTarget{Kind: fixField, Field: f},
	})
	return nil
}

// editNote corrects a note's text in the input line.
func (p *retroPane) editNote(n incident.RetroNote) {
	p.h.correct(correction{
		prompt: "edit note › ",
		text:   Sanitize(n.Text),
		hint:   "the note (" + n.Section.Heading() + ")",
		target: fixTarget{Kind: fixNote, ID: n.ID},
		save: func(line string) (tea.Cmd, error) {
			text := strings.TrimSpace(line)
			if text == "" {
				return nil, incident.Errorf(incident.EINVALID, "the note is empty: to remove it press esc, select it and press d")
			}
			return p.h.write(line, func(ctx context.Context, st Store) (change, error) {
				if _, err := st.UpdateRetroNote(ctx, n.ID, func(r *incident.RetroNote) error {
					r.Text = text
					return nil
				}); err != nil {
					return change{}, err
				}
				return change{what: "retro note saved", undo: undoNoteEdit(n)}, nil
			}), nil
		},
	})
}

// render lays the blocks out for the width, keeping the selection on the
// same field or note.
func (p *retroPane) render() {
	if p.snap == nil {
		return
	}
	var selField incident.Field
	var selNote int64
	if f, n, ok := p.selected(); ok {
		selField = f
		if n != nil {
			selNote = n.ID
		}
	}
	st := p.c.styles
	width := max(p.width-2, 10)
	wrap := func(text string) []string {
		var out []string
		for _, l := range strings.Split(ansi.Wordwrap(text, width, " "), "\n") {
			out = append(out, "  "+l)
		}
		return out
	}
	var blocks []retroBlock
	inc := &p.snap.Incident
	for _, f := range incident.NarrativeFields {
		head := st.Bold.Render(f.Label()) + st.Muted.Render("  /set "+string(f)+" text · /edit "+string(f))
		b := retroBlock{field: f, lines: []string{head}}
		if v := strings.TrimSpace(inc.Get(f)); v != "" {
			b.lines = append(b.lines, wrap(SanitizeBlock(v))...)
		} else {
			b.lines = append(b.lines, st.Muted.Render("  (empty)"))
		}
		blocks = append(blocks, b)
	}
	if len(inc.Services) > 0 {
		blocks = append(blocks, retroBlock{lines: append([]string{st.Bold.Render("Affected services")}, wrap(Sanitize(strings.Join(inc.Services, ", ")))...)})
	}
	for _, sec := range incident.RetroSections {
		blocks = append(blocks, retroBlock{lines: []string{st.Bold.Render(sec.Heading()) + st.Muted.Render("  /retro "+string(sec)+" …")}})
		n := 0
		for i := range p.snap.Retro {
			if note := &p.snap.Retro[i]; note.Section == sec {
				blocks = append(blocks, retroBlock{note: note, lines: wrap("• " + SanitizeBlock(note.Text))})
				n++
			}
		}
		if n == 0 {
			blocks = append(blocks, retroBlock{lines: []string{st.Muted.Render("  (none yet)")}})
		}
	}
	p.blocks, p.sel = blocks, -1
	for i := range blocks {
		if b := &blocks[i]; selField != "" && b.field == selField || selNote != 0 && b.note != nil && b.note.ID == selNote {
			p.sel = i
		}
	}
	p.scroll(0)
	p.ensureVisible()
	p.syncKeys()
}

func (p *retroPane) View() string {
	out := make([]string, 0, p.height)
	line := 0
	for i := range p.blocks {
		b := &p.blocks[i]
		for _, l := range b.lines {
			if line >= p.offset && len(out) < p.height {
				if i == p.sel {
					l = p.c.styles.Selected.Render(padRight(fit(ansi.Strip(l), p.width), p.width))
				} else {
					l = fit(l, p.width)
				}
				out = append(out, l)
			}
			line++
		}
		if len(out) >= p.height {
			break
		}
	}
	return strings.Join(out, "\n")
}

// undoNoteAdd removes a note this session added.
func undoNoteAdd(n incident.RetroNote) *undoOp {
	return &undoOp{run: func(ctx context.Context, st Store) (change, error) {
		if err := st.DeleteRetroNote(ctx, n.ID); err != nil {
			return change{}, err
		}
		return change{what: fmt.Sprintf("undone: removed the retro note %q", clip(n.Text))}, nil
	}}
}

// undoNoteEdit puts a note back as it was.
func undoNoteEdit(prev incident.RetroNote) *undoOp {
	return &undoOp{run: func(ctx context.Context, st Store) (change, error) {
		if _, err := st.UpdateRetroNote(ctx, prev.ID, func(r *incident.RetroNote) error {
			r.Text, r.Section = prev.Text, prev.Section
			return nil
		}); err != nil {
			return change{}, err
		}
		return change{what: fmt.Sprintf("undone: the retro note %q is back as it was", clip(prev.Text))}, nil
	}}
}

// noteDelete soft-deletes a note; undo restores it in its place.
func noteDelete(n incident.RetroNote) writeFunc {
	return func(ctx context.Context, st Store) (change, error) {
		if err := st.DeleteRetroNote(ctx, n.ID); err != nil {
			return change{}, err
		}
		undo := &undoOp{run: func(ctx context.Context, st Store) (change, error) {
			if err := st.RestoreRetroNote(ctx, n.ID); err != nil {
				return change{}, err
			}
			return change{what: fmt.Sprintf("undone: the retro note %q is back", clip(n.Text))}, nil
		}}
		return change{what: fmt.Sprintf("deleted the retro note %q · ctrl+z or /undo brings it back", clip(n.Text)), undo: undo}, nil
	}
}
