package tui

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	tea "charm.land/bubbletea/v2"
)

// A line typed but not sent is a draft: kept on disk a moment after the
// last keystroke and when the screen closes (ctrl+c, /list), and put back
// into the input when the incident is opened again, so that neither a
// quit nor a crash loses it.

// Drafts keeps one unsent line per incident. Its methods do I/O: the TUI
// calls them only inside commands.
type Drafts interface {
	LoadDraft(ctx context.Context, incidentID int64) (string, error)
	// SaveDraft keeps text; "" removes the draft.
	SaveDraft(ctx context.Context, incidentID int64, text string) error
}

// DraftDir keeps drafts as small files in Dir, one per incident of the
// database named by Scope (its path), so that incident 3 of one database
// never gets the draft of incident 3 of another.
type DraftDir struct {
	Dir   string
	Scope string
}

func (d DraftDir) path(id int64) string {
	sum := sha256.Sum256([]byte(d.Scope))
	return filepath.Join(d.Dir, fmt.Sprintf("%s-%d.txt", hex.EncodeToString(sum[:8]), id))
}

// LoadDraft reads incident id's draft; none is "".
func (d DraftDir) LoadDraft(_ context.Context, id int64) (string, error) {
	b, err := os.ReadFile(d.path(id))
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read the draft: %w", err)
	}
	return string(b), nil
}

// SaveDraft writes the draft whole or not at all (a new file renamed over
// the old one, synced first), so a crash mid-write leaves the last draft.
func (d DraftDir) SaveDraft(_ context.Context, id int64, text string) error {
	p := d.path(id)
	if fi, err := os.Lstat(p); err == nil && !fi.Mode().IsRegular() {
		return fmt.Errorf("save the draft: %s is not a regular file: remove it", p)
	}
	if text == "" {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("remove the draft: %w", err)
		}
		return nil
	}
	if err := os.MkdirAll(d.Dir, 0o700); err != nil {
		return fmt.Errorf("save the draft: %w", err)
	}
	f, err := os.CreateTemp(d.Dir, ".draft-*")
	if err != nil {
		return fmt.Errorf("save the draft: %w", err)
	}
	_, err = f.WriteString(text)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), p)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("save the draft: %w", err)
	}
	return nil
}

// draftDelay is how long after the last keystroke the draft is saved.
const draftDelay = time.Second

// draft is the screen's bookkeeping of its draft.
type draft struct {
	seq   int    // the latest save scheduled; older timers do nothing
	saved string // what the store of drafts holds (as far as we know)
	// resume is a correction read from the draft, opened again once the
	// incident is loaded (correctiondraft.go).
	resume *fixDraft
}

// failed forgets what was saved, so the next chance saves again.
func (d *draft) failed() { d.saved = "\x00unknown" }

// draftLoadedMsg is the incident's draft, read when it opened.
type draftLoadedMsg struct {
	id   int64
	gen  int
	text string
	err  error
}

// draftDueMsg asks for a save after the typing paused.
type draftDueMsg struct {
	id  int64
	gen int
	seq int
}

func (s *incidentScreen) loadDraft() tea.Cmd {
	drafts := s.c.opts.Drafts
	if drafts == nil {
		return nil
	}
	ctx, id, gen := s.c.ctx, s.id, s.gen
	return func() tea.Msg {
		text, err := drafts.LoadDraft(ctx, id)
		return draftLoadedMsg{id: id, gen: gen, text: text, err: err}
	}
}

// draftLoaded puts a draft back into the input, or, when something was
// typed already, into the history.
func (s *incidentScreen) draftLoaded(msg draftLoadedMsg) tea.Cmd {
	if msg.err != nil {
		s.status.Error(msg.err)
		return nil
	}
	s.draft.saved = msg.text
	d := decodeDraft(msg.text)
	if d.Fix != nil {
		s.draft.resume = d.Fix
	}
	if d.Line == "" {
		return s.resumeCorrection()
	}
	line := Sanitize(d.Line)
	if d.Fix == nil && s.input.empty() && s.input.fixing == nil {
		s.input.SetValue(line)
		return s.info("your unsent line from last time is back · enter logs it, ctrl+u clears it")
	}
	// With a correction to open again, the line waits in the history.
	s.input.remember(line)
	if d.Fix != nil {
		s.input.failed = line
	}
	return tea.Batch(s.resumeCorrection(), s.info("your unsent line from last time is in the history: ctrl+p brings it back"))
}

// draftSoon schedules a save for when typing pauses.
func (s *incidentScreen) draftSoon() tea.Cmd {
	if s.c.opts.Drafts == nil {
		return nil
	}
	s.draft.seq++
	id, gen, seq := s.id, s.gen, s.draft.seq
	return s.c.after(draftDelay, func(time.Time) tea.Msg { return draftDueMsg{id: id, gen: gen, seq: seq} })
}

// sentDraft brings the draft up to date once a typed line is in the store
// (or the outbox): the draft may still hold that line, saved while it was
// typed, and a crash before typing next pauses would offer it again as
// unsent.
func (s *incidentScreen) sentDraft(msg writtenMsg) tea.Cmd {
	if msg.line == "" {
		return nil
	}
	return s.saveDraft()
}

// saveDraft saves the unsent line if it changed, as a write (so quitting
// waits for it); nil when there is nothing to save.
func (s *incidentScreen) saveDraft() tea.Cmd {
	drafts := s.c.opts.Drafts
	text := s.draftText()
	if drafts == nil || text == s.draft.saved {
		return nil
	}
	s.draft.saved = text
	id := s.id
	return s.writes.run("", func(ctx context.Context, _ Store) (change, error) {
		return change{quiet: true}, drafts.SaveDraft(ctx, id, text)
	})
}
