package incident

import "time"

// Origin says when, by whom and from where a change was made: the TUI, the
// CLI and imports stamp every write with one. A zero At means now.
type Origin struct {
	At     time.Time
	Author string
	Source Source
}
