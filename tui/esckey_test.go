package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// altKey is Esc and key read together, as tmux (escape-time) and any
// terminal deliver them when typing follows Esc at once.
func altKey(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Mod: tea.ModAlt} }

// Esc then a sentence that starts with b, d or f (the word keys alt+b,
// alt+d, alt+f) loses no letter while the input is empty: the Esc is done
// and the letter typed.
func TestEscThenWordKeyLetterIsTyped(t *testing.T) {
	h := newHarness(t, true)
	for _, r := range []rune{'d', 'b', 'f'} {
		h.send(altKey(r))
		h.enter("ns answers again")
		if got := h.lastEvent().Text; got != string(r)+"ns answers again" {
			t.Errorf("esc+%c then the rest logged %q, want the whole sentence", r, got)
		}
	}
	// Where they can act they stay the word keys.
	h.typeText("two words")
	h.send(altKey('b'))
	h.send(altKey('d'))
	if h.input() != "two " {
		t.Errorf("alt+b alt+d in %q left %q", "two words", h.input())
	}
	// At the end of the text alt+d and alt+f can do nothing: a correction
	// half typed, then Esc and a sentence, cancels it and types the
	// sentence as a new line, never onto the correction.
	h.press('u', tea.ModCtrl)
	h.enter("rollback started")
	h.press(tea.KeyUp)
	h.typeText("e")
	if h.m.inc.input.fixing == nil {
		t.Fatal("e did not open the correction")
	}
	h.send(altKey('d'))
	if h.m.inc.input.fixing != nil {
		t.Fatalf("esc+d at the end of a correction left it open: %q", h.input())
	}
	h.enter("ns flapping")
	if got := h.lastEvent().Text; got != "dns flapping" {
		t.Errorf("logged %q, want the sentence as its own line", got)
	}
}

// The list's find line and the declaration form take Esc+key the same way:
// in the form the Esc cancels it (the letter goes to the find line, where
// it can declare nothing), on the find line the letter is typed.
func TestEscThenKeyOnTheList(t *testing.T) {
	h := newHarness(t, false)
	h.send(altKey('d'))
	h.typeText("ns back")
	if got := h.m.list.find.Value(); got != "dns back" {
		t.Errorf("find line %q after esc+d and the rest, want %q", got, "dns back")
	}
	h.press(tea.KeyEscape) // clears the find line
	h.press('n', tea.ModCtrl)
	h.typeText("Cache hit ratio collapsed")
	h.send(altKey('q'))
	h.typeText("uit now")
	if h.m.list.declare != nil {
		t.Fatalf("esc+q left the declaration form open with %q", h.m.list.declare.in.Value())
	}
	if got := h.m.list.find.Value(); got != "quit now" {
		t.Errorf("find line %q after esc+q in the form, want %q", got, "quit now")
	}
	h.press(tea.KeyEnter)
	h.press(tea.KeyEnter)
	if h.quit || h.m.inc != nil {
		t.Errorf("enter twice after the sentence quit (%v) or opened an incident", h.quit)
	}
	if incs, err := h.st.Incidents(h.ctx); err != nil || len(incs) != 0 {
		t.Errorf("incidents after the sentence: %d (%v), want none", len(incs), err)
	}
}

// After one Esc, whatever it closed (a correction, the help, a row shown
// whole), nothing is selected: a sentence starting with d, p or x is a
// line, never a delete, pin or tick of the row that was selected.
func TestOneEscLeavesNothingSelected(t *testing.T) {
	h := newHarness(t, true)
	h.enter("rollback started")
	for _, open := range []struct {
		name string
		keys func()
	}{
		{"a correction", func() { h.typeText("e") }},
		{"the help", func() { h.typeText("?") }},
		{"a row shown whole", func() { h.press(tea.KeyEnter) }},
	} {
		h.press(tea.KeyUp)
		open.keys()
		h.press(tea.KeyEscape)
		h.enter("done with " + open.name)
		ev := h.lastEvent()
		if ev.Text != "done with "+open.name {
			t.Errorf("after esc on %s, logged %q", open.name, ev.Text)
		}
		kept := false
		for _, e := range h.events() {
			kept = kept || (e.Text == "rollback started" && !e.Deleted())
		}
		if !kept {
			t.Fatalf("after esc on %s, the sentence deleted the row that was selected", open.name)
		}
	}
}
