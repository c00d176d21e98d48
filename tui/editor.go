package tui

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"

	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// Long narrative text is written in the user's editor: /edit FIELD writes
// the field to a temporary file, hands the terminal to $EDITOR
// (tea.ExecProcess), and saves the file back when the editor exits.

// editorReadyMsg says the temporary file holds the field's current text.
type editorReadyMsg struct {
	id    int64
	gen   int
	field incident.Field
	path  string
	err   error
}

// editorDoneMsg says the editor exited.
type editorDoneMsg struct {
	id    int64
	gen   int
	field incident.Field
	path  string
	err   error
}

// editField writes narrative field f in $EDITOR.
func (s *incidentScreen) editField(f incident.Field) tea.Cmd {
	if s.c.opts.Editor == "" {
		s.status.Error(incident.Errorf(incident.EINVALID, "no editor: set $EDITOR, or use /set %s text", f))
		return nil
	}
	id, gen, value := s.id, s.gen, s.snap.Incident.Get(f)
	return func() tea.Msg {
		msg := editorReadyMsg{id: id, gen: gen, field: f}
		file, err := os.CreateTemp("", "scribe-"+string(f)+"-*.md")
		if err != nil {
			msg.err = fmt.Errorf("create a file for the editor: %w", err)
			return msg
		}
		msg.path = file.Name()
		_, err = file.WriteString(value)
		if cerr := file.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(msg.path)
			msg.err = fmt.Errorf("write %s: %w", msg.path, err)
		}
		return msg
	}
}

// editFile hands the terminal to editor on path; done makes the message
// of its exit. The editor command may carry arguments ("code -w"), so it
// runs through sh as in `scribe edit`.
func editFile(editor, path string, done func(err error) tea.Msg) tea.Cmd {
	return tea.ExecProcess(exec.Command("sh", "-c", editor+` "$1"`, "scribe-editor", path), done)
}

// runEditor hands the terminal to the editor on a narrative field's file.
func (s *incidentScreen) runEditor(msg editorReadyMsg) tea.Cmd {
	if msg.err != nil {
		s.status.Error(msg.err)
		return nil
	}
	done := editorDoneMsg{id: msg.id, gen: msg.gen, field: msg.field, path: msg.path}
	return editFile(s.c.opts.Editor, msg.path, func(err error) tea.Msg {
		done.err = err
		return done
	})
}

// saveEdited reads the edited file back into the field. The file is
// removed only once its text is saved (or was not changed): when the editor
// failed, or the save did, the message names the file that holds the text.
func (s *incidentScreen) saveEdited(msg editorDoneMsg) tea.Cmd {
	id, before := s.id, s.snap.Incident.Get(msg.field)
	return s.writes.run("", func(ctx context.Context, st Store) (change, error) {
		if msg.err != nil {
			return change{}, fmt.Errorf("the editor failed, nothing saved (your text is in %s): %w", msg.path, msg.err)
		}
		data, err := os.ReadFile(msg.path)
		if err != nil {
			return change{}, fmt.Errorf("read %s: %w", msg.path, err)
		}
		text := strings.TrimSpace(string(data))
		if text == strings.TrimSpace(before) {
			os.Remove(msg.path)
			return change{what: msg.field.Label() + " unchanged"}, nil
		}
		ch, err := setField(id, msg.field, before, text)(ctx, st)
		if err != nil {
			return change{}, fmt.Errorf("%w (your text is in %s)", err, msg.path)
		}
		os.Remove(msg.path)
		return ch, nil
	})
}
