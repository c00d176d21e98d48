package tui

// /update: the stakeholder update, drafted from the incident, written in
// $EDITOR; saving logs it as a comms event (which restarts the update
// clock) and copies it to the clipboard through OSC 52 where the terminal
// allows.

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"scribe/incident"
	"scribe/update"
)

// DraftFunc drafts the stakeholder update of snap as of now, in format
// (text, markdown or slack), with the team's template and cadence.
type DraftFunc func(snap incident.Snapshot, format string, now time.Time) (string, error)

// updateFormats are the words /update takes; any other text after /update
// is logged as a comms update, as /c does.
var updateFormats = []string{"text", "markdown", "md", "slack"}

// draftMarker starts the instruction lines of the draft's file, which are
// dropped when it is saved.
const draftMarker = "# scribe: "

// updateReadyMsg says the draft is in a file for the editor.
type updateReadyMsg struct {
	id    int64
	gen   int
	path  string
	mtime time.Time
	err   error
}

// updateDoneMsg says the editor exited.
type updateDoneMsg struct {
	id    int64
	gen   int
	path  string
	mtime time.Time
	err   error
}

// parseUpdate reads /update [text|markdown|slack], or /update TEXT, which
// logs TEXT as a comms update.
func parseUpdate(in slashInput) (Command, error) {
	for _, f := range updateFormats {
		if strings.EqualFold(in.args, f) {
			return Command{Text: strings.ToLower(f)}, nil
		}
	}
	if in.args == "" {
		return Command{Text: "text"}, nil
	}
	return Command{Kind: incident.KindComms, Text: in.args}, nil
}

// runUpdate drafts the update, or logs a comms line (parseUpdate set its
// kind).
func runUpdate(s *incidentScreen, c Command, line string) tea.Cmd {
	if c.Kind == incident.KindComms {
		return runLog(s, c, line)
	}
	return s.draftUpdate(c.Text)
}

// draftUpdate writes the draft to a temporary file for the editor.
func (s *incidentScreen) draftUpdate(format string) tea.Cmd {
	switch {
	case s.c.opts.DraftUpdate == nil:
		s.status.Error(incident.Errorf(incident.EINVALID, "drafting updates is not available here: scribe update %d prints the draft", s.id))
		return nil
	case s.c.opts.Editor == "":
		s.status.Error(incident.Errorf(incident.EINVALID, "no editor: set $EDITOR, or print the draft with scribe update %d", s.id))
		return nil
	}
	draft, id, gen, snap, now := s.c.opts.DraftUpdate, s.id, s.gen, s.snap, s.c.now()
	return func() tea.Msg {
		msg := updateReadyMsg{id: id, gen: gen}
		text, err := draft(snap, format, now)
		if err != nil {
			msg.err = err
			return msg
		}
		file, err := os.CreateTemp("", "scribe-update-*.txt")
		if err != nil {
			msg.err = fmt.Errorf("create a file for the editor: %w", err)
			return msg
		}
		msg.path = file.Name()
		_, err = file.WriteString(draftInstructions(format) + text)
		if cerr := file.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			var fi os.FileInfo
			if fi, err = os.Stat(msg.path); err == nil {
				msg.mtime = fi.ModTime()
			}
		}
		if err != nil {
			os.Remove(msg.path)
			msg.err = fmt.Errorf("write %s: %w", msg.path, err)
		}
		return msg
	}
}

// draftInstructions head the draft's file.
func draftInstructions(format string) string {
	return draftMarker + "the stakeholder update (" + format + "), drafted from the incident. Edit it and save\n" +
		draftMarker + "to log it as a comms update (the update clock restarts) and copy it to the clipboard.\n" +
		draftMarker + "Quit without saving to send nothing. Lines starting with \"" + strings.TrimSpace(draftMarker) + "\" are dropped.\n"
}

// updateDraftMsg handles /update's messages; ok is false for any other.
func (s *incidentScreen) updateDraftMsg(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case updateReadyMsg:
		if s.mine(msg.id, msg.gen) {
			return s.runUpdateEditor(msg), true
		}
		return nil, true
	case updateDoneMsg:
		if s.mine(msg.id, msg.gen) {
			return s.updateEdited(msg), true
		}
		return nil, true
	}
	return nil, false
}

func (s *incidentScreen) runUpdateEditor(msg updateReadyMsg) tea.Cmd {
	if msg.err != nil {
		s.status.Error(msg.err)
		return nil
	}
	done := updateDoneMsg{id: msg.id, gen: msg.gen, path: msg.path, mtime: msg.mtime}
	return editFile(s.c.opts.Editor, msg.path, func(err error) tea.Msg {
		done.err = err
		return done
	})
}

// updateEdited logs the saved update as a comms event and copies it once
// logged. A file the editor did not save (the same modification time) or
// left empty logs nothing. The file is read in the write's command, not
// here in Update.
func (s *incidentScreen) updateEdited(msg updateDoneMsg) tea.Cmd {
	if msg.err != nil {
		s.status.Error(fmt.Errorf("the editor failed, nothing logged (the draft is in %s): %w", msg.path, msg.err))
		return nil
	}
	id, zone, now, path, mtime := s.id, s.zone(), s.c.now(), msg.path, msg.mtime
	o := s.origin(Command{})
	return s.writes.run("", func(ctx context.Context, st Store) (change, error) {
		data, err := os.ReadFile(path)
		if err != nil {
			return change{}, fmt.Errorf("read %s: %w", path, err)
		}
		if fi, err := os.Stat(path); err == nil && fi.ModTime().Equal(mtime) {
			os.Remove(path)
			return change{what: "update not saved: nothing logged"}, nil
		}
		text := savedUpdate(string(data))
		if text == "" {
			os.Remove(path)
			return change{what: "the update is empty: nothing logged"}, nil
		}
		ev := incident.Event{IncidentID: id, Kind: incident.KindComms, Text: text, Author: o.Author, Source: o.Source}
		if err := st.LogEvent(ctx, &ev); err != nil {
			return change{}, fmt.Errorf("%w (the update is in %s)", err, path)
		}
		os.Remove(path)
		what := "update logged as comms " + when(ev.OccurredAt, now, zone) + " and copied to the clipboard"
		if update.Unfilled(text) {
			// Logged all the same: it may have gone out as saved.
			what += " · ⚠ it still holds a [… not recorded yet] gap: fill it in before it goes out"
		}
		ch := logged(ev, what)
		ch.clipboard = text
		return ch, nil
	})
}

// savedUpdate is the file's text without the instruction lines.
func savedUpdate(data string) string {
	lines := strings.Split(strings.ReplaceAll(data, "\r\n", "\n"), "\n")
	kept := lines[:0]
	for _, l := range lines {
		if !strings.HasPrefix(l, strings.TrimSpace(draftMarker)) {
			kept = append(kept, l)
		}
	}
	return strings.TrimSpace(strings.Join(kept, "\n"))
}
