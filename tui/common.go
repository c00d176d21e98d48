package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// Options configure the TUI.
type Options struct {
	// IncidentID opens that incident directly; 0 starts at the list.
	IncidentID int64
	// Author is who is typing: recorded on every event typed here, and the
	// timeline names the author of any line someone else wrote.
	Author string
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Zone is the display zone given to incidents declared here (an IANA
	// name); empty means UTC.
	Zone string
	// Preview renders the postmortem for the Preview pane; nil shows a
	// placeholder.
	Preview PreviewFunc
	// File files action items on GitHub; nil disables /file.
	File FileFunc
	// Editor is the command for long text (/edit FIELD), run through sh
	// with the file as its argument; empty disables /edit.
	Editor string
	// Drafts keeps each incident's unsent line across quits and crashes;
	// nil keeps none.
	Drafts Drafts
	// PollInterval is how often the database is checked for changes made by
	// other processes; zero means 500ms.
	PollInterval time.Duration
	// DraftUpdate drafts the stakeholder update for /update (updatedraft.go);
	// nil disables it.
	DraftUpdate DraftFunc
	// UpdateEvery and Checklist are the team's policy per severity: the
	// stakeholder update cadence the header counts down (0: none), and the
	// checklist attached when an incident is declared here or escalated.
	// nil means none.
	UpdateEvery func(incident.Severity) time.Duration
	Checklist   func(incident.Severity) []string
}

// common is what every screen and pane shares: the store, the size of the
// terminal, styles, keys and the clock (soft-serve's common struct).
type common struct {
	ctx    context.Context
	st     Store
	styles Styles
	keys   KeyMap
	opts   Options
	width  int
	height int

	// timer makes the delayed commands (polls, the clock, status expiry);
	// nil means tea.Tick. Tests replace it to deliver ticks on demand.
	timer func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd
}

// after returns a command that sends fn's message after d.
func (c *common) after(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
	if c.timer != nil {
		return c.timer(d, fn)
	}
	return tea.Tick(d, fn)
}

func (c *common) now() time.Time {
	if c.opts.Now != nil {
		return c.opts.Now()
	}
	return time.Now()
}

func (c *common) pollInterval() time.Duration {
	if c.opts.PollInterval > 0 {
		return c.opts.PollInterval
	}
	return 500 * time.Millisecond
}
