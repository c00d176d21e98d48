package tui

// Catching up with what others wrote (issues #9 and #16): a store that can
// say what changed since a sequence number lets the screen read only that,
// instead of the whole incident again on every outside write; at 1,000,000
// events a whole reload took gigabytes and seconds.

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// changesStore is a store that tells what changed in an incident after a
// sequence number (store.Store and the outbox's Team have it).
type changesStore interface {
	Changes(ctx context.Context, incidentID, since int64) (incident.Changes, error)
}

// changesMsg is what changed since the snapshot's sequence number.
type changesMsg struct {
	id      int64
	gen     int
	seq     int   // the load's number, as snapshotMsg's
	since   int64 // the snapshot's sequence it was read against
	changes incident.Changes
	version int64
	err     error
}

// catchUp is load's command when only the changes need reading, nil when
// the whole incident must be read (none loaded yet, a store that cannot
// tell, or a reload asked for in full).
func (s *incidentScreen) catchUp(seq int) tea.Cmd {
	cs, ok := s.c.st.(changesStore)
	if !ok || !s.loaded || s.fullReload || s.snap.Incident.Seq <= 0 {
		return nil
	}
	st, ctx, id, gen, since := s.c.st, s.c.ctx, s.id, s.gen, s.snap.Incident.Seq
	return func() tea.Msg {
		v, verr := st.DataVersion(ctx)
		c, err := cs.Changes(ctx, id, since)
		if err == nil && verr != nil {
			v = -1 // unknown: the next poll looks again
		}
		return changesMsg{id: id, gen: gen, seq: seq, since: since, changes: c, version: v, err: err}
	}
}

// changesLoaded merges what changed into the snapshot and the panes.
func (s *incidentScreen) changesLoaded(msg changesMsg) tea.Cmd {
	if !s.mine(msg.id, msg.gen) || msg.seq <= s.appliedSeq {
		return nil
	}
	s.appliedSeq = msg.seq
	s.loading = false
	if msg.err != nil || msg.since != s.snap.Incident.Seq {
		// Read the whole incident instead; an error shows as a reload's.
		s.fullReload = true
		s.reloadDue = false
		return s.load()
	}
	var again tea.Cmd
	if s.reloadDue {
		s.reloadDue = false
		again = s.load()
	}
	s.version = msg.version
	c := msg.changes
	zone := s.snap.Incident.Timezone
	// The snapshot is the screen's own (the preview renders from a copy).
	s.snap.Apply(c)
	s.applyPolicy() // a severity change brings its cadence
	if s.snap.Incident.Timezone != zone {
		return tea.Batch(again, s.applyData())
	}
	// The timeline keeps its own copy: it takes the events one by one; the
	// other parts read the snapshot again, which costs nothing per event.
	for _, ev := range c.Events {
		if ev.Deleted() {
			s.timeline.Remove(ev.ID)
		} else {
			s.timeline.Upsert(ev)
		}
	}
	d := paneData{snap: &s.snap, zone: s.zone()}
	s.header.SetData(d)
	for _, p := range s.panes {
		if p != pane(s.timeline) {
			p.SetData(d)
		}
	}
	return tea.Batch(again, s.shown())
}
