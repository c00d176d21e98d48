package tui

import (
	"context"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// Every write the incident screen makes (a logged line, a correction, an
// undo, a draft) goes through writes.run: it counts the write as pending
// until its writtenMsg comes back, so quitting can wait for all of them,
// and builds that message, so no write has its own boilerplate.

// writeFunc is one write, run in a command off the UI goroutine: it
// captures values, never the model, and says what changed.
type writeFunc func(ctx context.Context, st Store) (change, error)

// change is what a write did.
type change struct {
	what    string          // what to say in the status line
	event   *incident.Event // an event to show or refresh in the timeline
	removed int64           // an event no longer live
	undo    *undoOp         // how to reverse it
	quiet   bool            // a draft save: no status line, no reload
	// clipboard is text to copy (OSC 52) once the write has landed.
	clipboard string
}

// writtenMsg ends a write.
type writtenMsg struct {
	id   int64
	gen  int
	line string // the typed line, given back to the user if the write failed
	change
	undone *undoOp // the undo this write ran, kept for another try if it failed
	err    error
}

// writes tracks one screen's writes in flight.
type writes struct {
	c       *common
	id      int64
	gen     int
	pending int
}

// run starts fn as a write; line is what the user typed for it ("" when
// it came from a key).
func (w *writes) run(line string, fn writeFunc) tea.Cmd {
	return w.start(line, nil, fn)
}

// runUndo starts an undo; if it fails it goes back on the stack.
func (w *writes) runUndo(op undoOp) tea.Cmd {
	return w.start("", &op, op.run)
}

func (w *writes) start(line string, undone *undoOp, fn writeFunc) tea.Cmd {
	w.pending++
	st, ctx := w.c.st, w.c.ctx
	base := writtenMsg{id: w.id, gen: w.gen, line: line, undone: undone}
	return func() tea.Msg {
		msg := base
		msg.change, msg.err = fn(ctx, st)
		if msg.err != nil && undone != nil {
			msg.err = fmt.Errorf("undo: %w", msg.err)
		}
		return msg
	}
}

// finished counts a write as landed.
func (w *writes) finished() { w.pending = max(w.pending-1, 0) }

// when says when something was filed, for a confirmation: the time, and the
// date too whenever it is not today, so a line filed on another day is seen.
func when(at, now time.Time, zone *time.Location) string {
	at, now = at.In(zone), now.In(zone)
	clock := "at " + at.Format("15:04")
	ay, am, ad := at.Date()
	ny, nm, nd := now.Date()
	if ay == ny && am == nm && ad == nd {
		return clock
	}
	day := at.Format("Mon 2 Jan")
	if ay != ny {
		day = at.Format("Mon 2 Jan 2006")
	}
	switch d := time.Date(ay, am, ad, 0, 0, 0, 0, time.UTC).Sub(time.Date(ny, nm, nd, 0, 0, 0, 0, time.UTC)); d {
	case -24 * time.Hour:
		day += ", yesterday"
	case 24 * time.Hour:
		day += ", tomorrow"
	}
	return clock + " on " + day
}
