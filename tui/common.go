package tui

import (
	"context"
	"time"
)

// Options configure the TUI.
type Options struct {
	// IncidentID opens that incident directly; 0 starts at the list.
	IncidentID int64
	// Author is recorded on every event typed here.
	Author string
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Zone is the display zone given to incidents declared here (an IANA
	// name); empty means UTC.
	Zone string
	// Preview renders the postmortem for the Preview pane; nil shows a
	// placeholder.
	Preview PreviewFunc
	// PollInterval is how often the database is checked for changes made by
	// other processes; zero means 500ms.
	PollInterval time.Duration
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
