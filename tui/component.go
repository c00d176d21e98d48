package tui

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// pane is one tab of the incident screen, in soft-serve's component shape: a
// model with its own Update, View, size and keys. Its key map is its
// help.KeyMap: the bindings it returns, enabled or not for its current
// state, are at once what the footer shows, what the full help lists and
// what the screen routes to it. The screen hands it a key only while the
// input line is empty (page keys always), so a letter it binds is never
// taken out of a sentence.
//
// A new pane is a new file with a type that satisfies this, and one line in
// newIncidentScreen.
type pane interface {
	help.KeyMap
	// Title is the pane's tab label, with any count or state it wants seen.
	Title() string
	SetSize(w, h int)
	// SetData shows a (re)loaded incident, keeping the pane's selection and
	// scroll position where the same things still are.
	SetData(d paneData)
	Update(msg tea.Msg) tea.Cmd
	View() string
}

// shownPane is a pane with work to do when it comes into view (the
// Preview renders then, not on every reload).
type shownPane interface {
	Shown() tea.Cmd
}

// reopener is a pane whose rows are corrected in the input line: it opens
// again a correction kept in the incident's draft (correctiondraft.go)
// when the target is one of its rows and still there to correct.
type reopener interface {
	reopen(t fixTarget, snap *incident.Snapshot) bool
}

// paneData is what every pane draws from.
type paneData struct {
	snap *incident.Snapshot
	zone *time.Location // times are shown and read in it
}

// host is what a pane may ask of the screen around it: writes go through
// the screen's one write helper, corrections through its input line.
type host interface {
	// write runs fn as a store write in a command and reports its result to
	// the screen; line is given back to the user if it fails.
	write(line string, fn writeFunc) tea.Cmd
	// correct puts a correction into the input line.
	correct(c correction)
	// undoLast undoes the last change made on this screen.
	undoLast() tea.Cmd
	// editField writes a narrative field in $EDITOR.
	editField(f incident.Field) tea.Cmd
	// fileItems files action items on GitHub.
	fileItems(only []int64) tea.Cmd
	info(text string) tea.Cmd
	fail(err error)
	now() time.Time
}

// correction is a change typed into the input line in place of a new line:
// the input shows prompt and text, and Enter hands the line to save, which
// returns the write or an error that keeps the line in the input.
type correction struct {
	prompt string
	text   string
	hint   string // what the line's grammar is, for the footer
	save   func(line string) (tea.Cmd, error)
	// target is what it corrects, so that a correction half typed when
	// the screen closes is kept as a draft and opened again on the same
	// row or field (correctiondraft.go).
	target fixTarget
}

// bound reports whether an enabled binding of groups names the key.
// (key.Matches, called per binding, would name the key again each time.)
func bound(msg tea.KeyPressMsg, groups ...[]key.Binding) bool {
	name := msg.String()
	for _, g := range groups {
		for _, b := range g {
			if !b.Enabled() {
				continue
			}
			for _, k := range b.Keys() {
				if k == name {
					return true
				}
			}
		}
	}
	return false
}
