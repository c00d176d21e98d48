package tui

import (
	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

const (
	linePrompt      = "› "
	linePlaceholder = "type what happened, enter logs it · /help for commands"
	historySize     = 500
)

// inputLine is the one line everything is typed into: new lines, slash
// commands and corrections. It keeps this session's lines (↑ and ctrl+p
// bring them back) and the last line that failed, which ↑ brings back into
// an empty input.
type inputLine struct {
	c      *common
	in     textField
	fixing *correction // the correction being typed, nil when logging

	lines   []string // the lines typed this session, oldest first
	pos     int      // while browsing: index into lines; len(lines) otherwise
	scratch string   // what was being typed when browsing began
	failed  string   // the last line that failed, until it is typed over
	width   int      // the screen's, to fit the line to whatever prompt it has
}

func newInputLine(c *common) *inputLine {
	in := newTextField(c.styles.Prompt, c.styles.Muted)
	in.Prompt = linePrompt
	in.Placeholder = linePlaceholder
	in.CharLimit = incident.MaxTextLen + 64
	return &inputLine{c: c, in: in}
}

func (l *inputLine) Value() string { return l.in.Value() }
func (l *inputLine) empty() bool   { return l.in.Value() == "" }

// SetValue replaces the text, the cursor at its end.
func (l *inputLine) SetValue(v string) { l.in.SetValue(v) }

// Reset empties the line after it was submitted.
func (l *inputLine) Reset() {
	l.in.Reset()
	l.pos, l.scratch = len(l.lines), ""
}

func (l *inputLine) SetWidth(w int) {
	l.width = w
	l.in.SetWidth(max(w-lipWidth(l.in.Prompt)-2, 4))
}

func (l *inputLine) View() string { return l.in.View() }

// Update types a key or a paste into the line. Typing ends browsing: the
// line shown becomes the line being typed.
func (l *inputLine) Update(msg tea.Msg) tea.Cmd {
	before := l.in.Value()
	l.in.Update(msg)
	if l.in.Value() != before {
		l.pos, l.scratch = len(l.lines), ""
		l.failed = ""
	}
	return nil
}

// escThenKey reports an alt+character that the input line has no use for:
// an Esc with the next key read together (textField.escThenKey).
func (l *inputLine) escThenKey(msg tea.KeyPressMsg) bool { return l.in.escThenKey(msg) }

// setPlaceholder shows hint in the empty line, or the usual invitation.
func (l *inputLine) setPlaceholder(hint string) {
	if hint == "" || l.fixing != nil {
		hint = linePlaceholder
	}
	l.in.Placeholder = hint
}

// remember adds a submitted line to the history.
func (l *inputLine) remember(line string) {
	if n := len(l.lines); line != "" && (n == 0 || l.lines[n-1] != line) {
		l.lines = append(l.lines, line)
		if len(l.lines) > historySize {
			l.lines = l.lines[len(l.lines)-historySize:]
		}
	}
	l.pos, l.scratch = len(l.lines), ""
}

// giveBack takes a line that was not logged: it goes to the history, and
// ↑ in an empty input brings it back. What is in the input stays.
func (l *inputLine) giveBack(line string) {
	l.remember(line)
	if l.empty() {
		l.failed = line
	}
}

// wantsArrows reports whether ↑ and ↓ mean history: while there is text
// (letters are text then, so the panes have no use for them), while
// browsing, and while a failed line waits to be brought back.
func (l *inputLine) wantsArrows() bool {
	return l.fixing == nil && (!l.empty() || l.pos < len(l.lines) || l.failed != "")
}

// historyPrev shows the line typed before the one shown; the first step
// keeps what was being typed, to come back to.
func (l *inputLine) historyPrev() bool {
	if l.fixing != nil {
		return false
	}
	if l.failed != "" && l.empty() {
		// It becomes the line being typed again.
		l.SetValue(l.failed)
		l.failed = ""
		l.pos, l.scratch = len(l.lines), ""
		return true
	}
	if l.pos == 0 || len(l.lines) == 0 {
		return false
	}
	if l.pos == len(l.lines) {
		l.scratch = l.in.Value()
	}
	l.pos--
	if l.lines[l.pos] == l.scratch && l.pos > 0 {
		l.pos-- // the line typed is the last one in the history: skip it
	}
	l.SetValue(l.lines[l.pos])
	return true
}

// historyNext shows the line typed after the one shown, and after the last
// one, what was being typed.
func (l *inputLine) historyNext() bool {
	if l.fixing != nil || l.pos >= len(l.lines) {
		return false
	}
	l.pos++
	if l.pos == len(l.lines) {
		l.SetValue(l.scratch)
		l.scratch = ""
		return true
	}
	l.SetValue(l.lines[l.pos])
	return true
}

// startCorrection puts a correction into the line.
func (l *inputLine) startCorrection(c correction) {
	l.fixing = &c
	l.in.Prompt = c.prompt
	l.SetWidth(l.width)
	l.SetValue(c.text)
}

// endCorrection goes back to logging, with an empty line.
func (l *inputLine) endCorrection() {
	l.fixing = nil
	l.in.Prompt = linePrompt
	l.SetWidth(l.width)
	l.Reset()
}

// unsent is the text that would be lost if the screen closed now: the line
// being typed (not a correction, whose target the draft could not keep),
// else a failed line not yet brought back.
func (l *inputLine) unsent() string {
	if l.fixing != nil {
		return ""
	}
	if v := l.in.Value(); v != "" {
		if l.pos < len(l.lines) {
			return l.scratch // browsing: the shown line is already in history
		}
		return v
	}
	return l.failed
}
