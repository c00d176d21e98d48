package tui

// Waking on the team database's notifications: the screen polls the data
// version every half second (pollTick); a store that can also say at once
// when the incident changed (the outbox's Team, through LISTEN/NOTIFY) wakes
// it in between, so another machine's line shows in tens of milliseconds
// rather than up to the poll's half second. The poll stays: it is how the
// header learns the team state, and the fallback where LISTEN is not
// available.

import (
	"context"

	tea "charm.land/bubbletea/v2"
)

// incidentWatcher is a store that tells when an incident may have changed:
// a value on the channel after any write to it (a hint; the screen then
// reads the version as a poll does). The channel closes when ctx ends.
type incidentWatcher interface {
	WatchIncident(ctx context.Context, incidentID int64) (<-chan struct{}, error)
}

// liveWatch is the screen's watch, while one runs.
type liveWatch struct {
	stop context.CancelFunc // nil while not watching
}

// wakeMsg says the incident may have changed; ch is the watch's channel,
// read again for the next one.
type wakeMsg struct {
	id  int64
	gen int
	ch  <-chan struct{}
}

// watchLive starts the watch when the store has one and none runs: at
// open, and again once the team database answers (it fails while the
// database cannot be reached, and the poll alone goes on).
func (s *incidentScreen) watchLive() tea.Cmd {
	w, ok := s.c.st.(incidentWatcher)
	if !ok || s.live.stop != nil || s.exiting {
		return nil
	}
	ctx, cancel := context.WithCancel(s.c.ctx)
	s.live.stop = cancel
	id, gen := s.id, s.gen
	return func() tea.Msg {
		ch, err := w.WatchIncident(ctx, id)
		if err != nil {
			return watchFailedMsg{id: id, gen: gen}
		}
		return awaitWake(ch, id, gen)()
	}
}

// watchFailedMsg: the watch could not start; the next answer of the
// database starts it again.
type watchFailedMsg struct {
	id  int64
	gen int
}

func awaitWake(ch <-chan struct{}, id int64, gen int) tea.Cmd {
	return func() tea.Msg {
		if _, ok := <-ch; !ok {
			return nil // the screen went away (or the store closed)
		}
		return wakeMsg{id: id, gen: gen, ch: ch}
	}
}

// liveMsg handles the watch's messages.
func (s *incidentScreen) liveMsg(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case wakeMsg:
		return s.woken(msg)
	case watchFailedMsg:
		if s.mine(msg.id, msg.gen) && s.live.stop != nil {
			s.live.stop()
			s.live.stop = nil
		}
	}
	return nil
}

// woken reads the version at once, as a poll would but without scheduling
// another poll, and waits for the next wake.
func (s *incidentScreen) woken(msg wakeMsg) tea.Cmd {
	if !s.mine(msg.id, msg.gen) {
		return nil
	}
	return tea.Batch(s.readVersion(true), awaitWake(msg.ch, msg.id, msg.gen))
}

// stopLive ends the watch (the screen is going away).
func (s *incidentScreen) stopLive() {
	if s.live.stop != nil {
		s.live.stop()
	}
}
