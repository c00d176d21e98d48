package tui

import "charm.land/bubbles/v2/key"

// KeyMap is every key the TUI answers to. The letter keys (Edit, Pin,
// Delete, Undo, Done, Help) act only while the input line is empty and a row
// is selected (Help: while the input is empty), so typing a sentence can
// never fire one of them: letters are text whenever there is text.
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

	Edit   key.Binding
	Pin    key.Binding
	Delete key.Binding
	Undo   key.Binding
	Done   key.Binding
	File   key.Binding

	New  key.Binding
	Open key.Binding
}

// DefaultKeyMap returns the standard bindings.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Quit:     b([]string{"ctrl+c"}, "ctrl+c", "quit"),
		Submit:   b([]string{"enter"}, "enter", "log"),
		NextPane: b([]string{"tab"}, "tab", "next pane"),
		PrevPane: b([]string{"shift+tab"}, "shift+tab", "previous pane"),
		Up:       b([]string{"up"}, "↑", "select earlier"),
		Down:     b([]string{"down"}, "↓", "select later"),
		PageUp:   b([]string{"pgup"}, "pgup", "page up"),
		PageDown: b([]string{"pgdown"}, "pgdn", "page down"),
		Home:     b([]string{"home"}, "home", "first (input empty)"),
		End:      b([]string{"end"}, "end", "last (input empty)"),
		Escape:   b([]string{"esc"}, "esc", "clear selection / cancel"),
		Help:     b([]string{"?", "f1"}, "?", "full help (input empty)"),

		Edit:   b([]string{"e"}, "e", "edit selected"),
		Pin:    b([]string{"p"}, "p", "pin/unpin selected"),
		Delete: b([]string{"d"}, "d", "delete selected"),
		Undo:   b([]string{"u"}, "u", "undo last change"),
		Done:   b([]string{"x"}, "x", "done/reopen item"),
		File:   b([]string{"f"}, "f", "file item on GitHub"),

		New:  b([]string{"n"}, "n", "declare incident"),
		Open: b([]string{"enter"}, "enter", "open"),
	}
}
