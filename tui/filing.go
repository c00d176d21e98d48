package tui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// FileFunc files an incident's open action items as GitHub issues in repo
// (OWNER/NAME), only those in only when it is not empty, reporting each
// step through progress. It returns a one-line summary. The CLI wires
// integrations/github in.
type FileFunc func(ctx context.Context, incidentID int64, repo string, only []int64, progress func(string)) (summary string, err error)

// fileProgressMsg is one step of a filing run; more follow on ch.
type fileProgressMsg struct {
	id   int64
	gen  int
	text string
	ch   <-chan tea.Msg
}

// fileDoneMsg ends a filing run.
type fileDoneMsg struct {
	id      int64
	gen     int
	summary string
	err     error
}

// startFiling runs the filer on its own goroutine and listens to its
// progress, one message at a time, for as long as the screen lives.
func (s *incidentScreen) startFiling(repo string, only []int64) tea.Cmd {
	fn := s.c.opts.File
	if fn == nil {
		s.status.Error(incident.Errorf(incident.EINVALID, "filing on GitHub is not available here: use scribe github file"))
		return nil
	}
	if s.filing {
		s.status.Error(incident.Errorf(incident.ECONFLICT, "already filing: wait for it to finish"))
		return nil
	}
	s.filing = true
	ctx, id, gen := s.c.ctx, s.id, s.gen
	ch := make(chan tea.Msg, 32)
	return func() tea.Msg {
		go func() {
			summary, err := fn(ctx, id, repo, only, func(text string) {
				select {
				case ch <- fileProgressMsg{id: id, gen: gen, text: text, ch: ch}:
				default: // nobody is keeping up: progress is news, not state
				}
			})
			ch <- fileDoneMsg{id: id, gen: gen, summary: summary, err: err}
			close(ch)
		}()
		return <-ch
	}
}

// listen waits for the next message of a filing run.
func listen(ch <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		msg, ok := <-ch
		if !ok {
			return nil
		}
		return msg
	}
}

// fileItems files the given items where /file last filed (the Actions
// pane's f).
func (s *incidentScreen) fileItems(only []int64) tea.Cmd {
	if s.lastRepo == "" {
		s.status.Error(incident.Errorf(incident.EINVALID, "type /file OWNER/NAME once: after that f files the selected item there"))
		return nil
	}
	return s.startFiling(s.lastRepo, only)
}

// filed ends a filing run: its summary, or what went wrong.
func (s *incidentScreen) filed(msg fileDoneMsg) tea.Cmd {
	s.filing = false
	if msg.err != nil {
		if msg.summary != "" {
			msg.err = fmt.Errorf("%s: %w", msg.summary, msg.err)
		}
		s.status.Error(msg.err)
		return s.load()
	}
	return tea.Batch(s.info("GitHub: "+msg.summary), s.load())
}
