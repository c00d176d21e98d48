package tui

import "charm.land/bubbles/v2/key"

// KeyMap is every key the TUI answers to (gh-dash's keymap). The screen's
// own keys work whatever the input holds; the panes copy the row keys (Edit,
// Pin, Delete, Undo, Done, File, Show) into their own key maps and enable
// them only while something is selected, and the screen hands a letter to a
// pane only while the input line is empty: letters are text whenever there
// is text, so a sentence full of q, e, p and d is just a sentence.
type KeyMap struct {
	Quit     key.Binding
	Submit   key.Binding
	NextPane key.Binding
	PrevPane key.Binding
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Home     key.Binding
	End      key.Binding
	Escape   key.Binding
	Help     key.Binding
	UndoAny  key.Binding // undo from anywhere: no letter, so never typed by accident
	HistPrev key.Binding
	HistNext key.Binding

	Edit   key.Binding
	Pin    key.Binding
	Delete key.Binding
	Undo   key.Binding
	Done   key.Binding
	File   key.Binding
	Show   key.Binding

	New  key.Binding
	Open key.Binding
}

// DefaultKeyMap returns the standard bindings.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Quit:     b([]string{"ctrl+c"}, "ctrl+c", "quit (the unsent line is kept as a draft)"),
		Submit:   b([]string{"enter"}, "enter", "log the line"),
		NextPane: b([]string{"tab"}, "tab", "next pane"),
		PrevPane: b([]string{"shift+tab"}, "shift+tab", "previous pane"),
		Up:       b([]string{"up"}, "↑", "select earlier"),
		Down:     b([]string{"down"}, "↓", "select later"),
		PageUp:   b([]string{"pgup"}, "pgup", "page up"),
		PageDown: b([]string{"pgdown"}, "pgdn", "page down"),
		Home:     b([]string{"home"}, "home", "first"),
		End:      b([]string{"end"}, "end", "last"),
		Escape:   b([]string{"esc"}, "esc", "cancel / close / unselect"),
		Help:     b([]string{"?", "f1"}, "?", "full help"),
		UndoAny:  b([]string{"ctrl+z"}, "ctrl+z", "undo your last change"),
		HistPrev: b([]string{"ctrl+p"}, "ctrl+p", "earlier line typed"),
		HistNext: b([]string{"ctrl+n"}, "ctrl+n", "later line typed"),

		Edit:   b([]string{"e"}, "e", "edit"),
		Pin:    b([]string{"p"}, "p", "pin/unpin"),
		Delete: b([]string{"d"}, "d", "delete"),
		Undo:   b([]string{"u"}, "u", "undo"),
		Done:   b([]string{"x"}, "x", "done/reopen"),
		File:   b([]string{"f"}, "f", "file on GitHub"),
		Show:   b([]string{"enter"}, "enter", "show whole"),

		New:  b([]string{"ctrl+n"}, "ctrl+n", "declare an incident"),
		Open: b([]string{"enter"}, "enter", "open"),
	}
}

// rebind copies a shared binding for a pane, with the help text that pane
// gives it.
func rebind(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}
