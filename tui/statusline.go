package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// statusLine is the footer's message: information clears itself after a few
// seconds, an error stays until the next key (gh-dash's footer).
type statusLine struct {
	gen   int // the screen it belongs to, so an old screen's timer is ignored
	text  string
	hint  string // what to do about an error; never cut, unlike the text
	isErr bool
	seq   int
}

const statusTTL = 4 * time.Second

// Info shows a message and returns the command that clears it.
func (s *statusLine) Info(c *common, text string) tea.Cmd {
	s.seq++
	s.text, s.isErr = text, false
	seq := s.seq
	gen := s.gen
	return c.after(statusTTL, func(time.Time) tea.Msg { return statusExpiredMsg{gen: gen, seq: seq} })
}

// Error shows an error until the next key.
func (s *statusLine) Error(err error) {
	s.seq++
	s.text, s.hint, s.isErr = incident.ErrorMessage(err), "", true
}

// ErrorHint shows an error and what to do about it.
func (s *statusLine) ErrorHint(err error, hint string) {
	s.Error(err)
	s.hint = hint
}

// Expire clears the line if msg is about the message still shown.
func (s *statusLine) Expire(msg statusExpiredMsg) {
	if msg.gen == s.gen && msg.seq == s.seq && !s.isErr {
		s.text = ""
	}
}

// KeyPressed clears an error: the user has seen it.
func (s *statusLine) KeyPressed() {
	if s.isErr {
		s.text, s.hint, s.isErr = "", "", false
	}
}

func (s *statusLine) View(st Styles) string { return s.fitted(st, 0) }

// fitted is the line with its text cut to room cells (0: whole), so that
// the hint after it always shows.
func (s *statusLine) fitted(st Styles, room int) string {
	if s.text == "" {
		return ""
	}
	text := Sanitize(s.text)
	if s.hint != "" {
		if room > 0 {
			text = fit(text, max(room-lipWidth(s.hint)-5, 10))
		}
		text += " · " + s.hint
	}
	if s.isErr {
		return st.Error.Render("✗ " + text)
	}
	return st.Info.Render("✓ " + text)
}
