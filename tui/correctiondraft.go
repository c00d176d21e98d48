package tui

import (
	"encoding/json"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// A correction half typed (an event's `e`, an action item's, a retro note's
// or a narrative field's) is kept in the incident's draft with the row or
// field it corrects, as the unsent line is, and opened again on that row
// when the incident is: ctrl+c in the middle of fixing a time loses nothing.

// fixTarget names what a correction corrects.
type fixTarget struct {
	Kind  string         `json:"kind"` // fixEvent, fixItem, fixNote, fixField
	ID    int64          `json:"id,omitempty"`
	Field incident.Field `json:"field,omitempty"`
}

// The kinds of fixTarget.
const (
	fixEvent = "event"
	fixItem  = "item"
	fixNote  = "note"
	fixField = "field"
)

// what names the target in a message: "event #12", "the summary".
func (t fixTarget) what() string {
	switch t.Kind {
	case fixItem:
		return fmt.Sprintf("action item #%d", t.ID)
	case fixNote:
		return "the retro note"
	case fixField:
		return "the " + strings.ToLower(t.Field.Label())
	}
	return "the event"
}

// fixDraft is a correction in progress: its target and what was typed.
type fixDraft struct {
	fixTarget
	Text string `json:"text"`
}

// draftState is what an incident's draft holds: the unsent line, and a
// correction in progress.
type draftState struct {
	Line string    `json:"line,omitempty"`
	Fix  *fixDraft `json:"fix,omitempty"`
}

// draftMark starts a draft that holds a correction (JSON after it). A
// draft of a line alone is the line, as drafts always were; a typed line
// never starts with a control character (the input drops them).
const draftMark = "\x1dscribe-draft "

// encode is the draft as the Drafts store keeps it.
func (d draftState) encode() string {
	if d.Fix == nil {
		return d.Line
	}
	b, err := json.Marshal(d)
	if err != nil {
		return d.Line // cannot happen: strings and numbers only
	}
	return draftMark + string(b)
}

// decodeDraft reads a kept draft; one that cannot be read is kept whole as
// the line, so that nothing in it is lost.
func decodeDraft(text string) draftState {
	rest, ok := strings.CutPrefix(text, draftMark)
	if !ok {
		return draftState{Line: text}
	}
	var d draftState
	if err := json.Unmarshal([]byte(rest), &d); err != nil || (d.Fix != nil && d.Fix.Kind == "") {
		return draftState{Line: rest}
	}
	return d
}

// draftText is what the screen's draft should hold now.
func (s *incidentScreen) draftText() string {
	d := draftState{Line: s.input.unsent()}
	if fix := s.input.fixing; fix != nil && fix.target.Kind != "" {
		d.Fix = &fixDraft{fixTarget: fix.target, Text: s.input.Value()}
	} else if s.draft.resume != nil {
		// Read from the draft but not yet opened again: keep it.
		d.Fix = s.draft.resume
	}
	return d.encode()
}

// resumeCorrection opens the kept correction again, on its row or field as
// the incident has it now, with what was typed; one whose row is gone
// goes to the input's history instead, and the screen says so.
func (s *incidentScreen) resumeCorrection() tea.Cmd {
	f := s.draft.resume
	if f == nil || !s.loaded || s.input.fixing != nil {
		return nil
	}
	s.draft.resume = nil
	text := Sanitize(f.Text)
	if !s.reopen(f.fixTarget) {
		s.input.giveBack(text)
		return s.info(fmt.Sprintf("your unfinished correction of %s cannot be opened again (it is gone or no longer one line): ctrl+p brings its text back", f.what()))
	}
	s.input.SetValue(text)
	return s.info(fmt.Sprintf("your unfinished correction of %s is back · enter saves it, esc drops it", f.what()))
}

// reopen starts the correction of t in the pane that has it, as that
// pane's e would, and shows that pane: the row being corrected is in
// view, as when e was pressed.
func (s *incidentScreen) reopen(t fixTarget) bool {
	for i, p := range s.panes {
		if r, ok := p.(reopener); ok && r.reopen(t, &s.snap) {
			s.active = i
			return true
		}
	}
	return false
}
