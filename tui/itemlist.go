package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// itemList is the selection and scroll of a pane that shows one row per
// item under a heading line (the Actions and Checklist panes). Nothing is
// selected until ↑ or ↓ (sel is -1); a reload keeps the selection on the
// same item, by id, wherever it has moved.
type itemList[T any] struct {
	keys   listKeys
	items  []T
	id     func(T) int64
	sel    int
	top    int
	height int // of the pane, heading included
}

// listKeys are the bindings that move through a list or scroll a pane.
type listKeys struct {
	Up, Down, PageUp, PageDown, Home, End key.Binding
}

// newListKeys copies the shared bindings with this pane's words for the
// first and last row.
func newListKeys(k KeyMap, first, last string) listKeys {
	return listKeys{
		Up: rebind(k.Up, "select"), Down: rebind(k.Down, "select"), PageUp: k.PageUp, PageDown: k.PageDown,
		Home: rebind(k.Home, first), End: rebind(k.End, last),
	}
}

// help is the keys as one column of the full help.
func (k *listKeys) help() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End}
}

func (k *listKeys) setEnabled(on bool) {
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Home, &k.End} {
		b.SetEnabled(on)
	}
}

func newItemList[T any](keys listKeys, id func(T) int64) itemList[T] {
	l := itemList[T]{keys: keys, id: id, sel: -1}
	l.syncKeys()
	return l
}

// syncKeys enables the moving keys while there is something to move over.
func (l *itemList[T]) syncKeys() { l.keys.setEnabled(len(l.items) > 0) }

func (l *itemList[T]) Selected() (T, bool) {
	if l.sel < 0 || l.sel >= len(l.items) {
		var zero T
		return zero, false
	}
	return l.items[l.sel], true
}

// unselect leaves nothing selected.
func (l *itemList[T]) unselect() { l.sel = -1 }

// setItems shows items, keeping the selection on the item it was on.
func (l *itemList[T]) setItems(items []T) {
	var selID int64
	if it, ok := l.Selected(); ok {
		selID = l.id(it)
	}
	l.items = items
	if selID != 0 {
		l.sel = -1
		for i, it := range l.items {
			if l.id(it) == selID {
				l.sel = i
			}
		}
	}
	l.ensureVisible()
	l.syncKeys()
}

func (l *itemList[T]) setHeight(h int) { l.height = h; l.ensureVisible() }

// navigate moves the selection on a moving key, and reports whether msg
// was one.
func (l *itemList[T]) navigate(m tea.KeyPressMsg) bool {
	k := &l.keys
	switch {
	case key.Matches(m, k.Up):
		l.move(-1)
	case key.Matches(m, k.Down):
		l.move(1)
	case key.Matches(m, k.PageUp):
		l.move(-max(l.height-2, 1))
	case key.Matches(m, k.PageDown):
		l.move(max(l.height-2, 1))
	case key.Matches(m, k.Home):
		l.move(-len(l.items))
	case key.Matches(m, k.End):
		l.move(len(l.items))
	default:
		return false
	}
	return true
}

// move selects delta rows on; the first move selects the first row, or
// the last one when going up.
func (l *itemList[T]) move(delta int) {
	if len(l.items) == 0 {
		return
	}
	if l.sel < 0 {
		l.sel = 0
		if delta < 0 {
			l.sel = len(l.items) - 1
		}
	} else {
		l.sel = min(max(l.sel+delta, 0), len(l.items)-1)
	}
	l.ensureVisible()
}

func (l *itemList[T]) ensureVisible() {
	if l.sel >= len(l.items) {
		l.sel = len(l.items) - 1
	}
	rows := max(l.height-1, 1)
	if l.sel >= 0 {
		if l.sel < l.top {
			l.top = l.sel
		}
		if l.sel >= l.top+rows {
			l.top = l.sel - rows + 1
		}
	}
	l.top = min(l.top, max(len(l.items)-rows, 0))
}

// rows appends the rows on screen to lines (which holds the heading) until
// the pane is full.
func (l *itemList[T]) rows(lines []string, row func(it T, selected bool) string) []string {
	for i := l.top; i < len(l.items) && len(lines) < l.height; i++ {
		lines = append(lines, row(l.items[i], i == l.sel))
	}
	return lines
}
