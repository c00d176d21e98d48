package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"github.com/spf13/cobra"

	"scribe/incident"
	"scribe/store"
)

const editUsage = "edit N"

// editOptions is what `scribe edit` was asked to do.
type editOptions struct {
	IncidentID int64
}

func (a *App) editCmd(runF func(context.Context, *editOptions) error) *cobra.Command {
	opts := &editOptions{}
	return &cobra.Command{
		Use:               editUsage,
		ValidArgsFunction: a.completeIncidentThen(),
		Short:             "Edit the narrative (summary, impact, root cause, …) in $EDITOR",
		Long: `Open the incident's narrative fields as one Markdown file in $VISUAL or
$EDITOR (vi when neither is set). Saving and quitting stores every section you
changed in one go.

Sections you did not change keep whatever was saved meanwhile (from the TUI,
another terminal, scribe set). A section changed both in your editor and
elsewhere is a conflict: for a text section both versions are kept in the
field, separated by a line saying so, for you to merge; a title or service
list keeps the other change, and yours stays in the file, whose path is
printed. If anything goes wrong, the file is kept and its path printed, so
nothing typed is lost.`,
		Args: rangeArgs(1, 1, editUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := incidentArg(args, editUsage)
			if err != nil {
				return err
			}
			opts.IncidentID = id
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return a.runEdit(cmd.Context(), opts)
		},
	}
}

func (a *App) runEdit(ctx context.Context, o *editOptions) error {
	id := o.IncidentID
	return a.withStore(ctx, func(st *store.Store) error {
		inc, err := st.Incident(ctx, id)
		if err != nil {
			return err
		}
		original := renderNarrative(inc)
		base, err := parseNarrative(original)
		if err != nil {
			return fmt.Errorf("render the narrative of incident #%d: %w", id, err)
		}
		path, err := writeEditFile(id, original)
		if err != nil {
			return err
		}
		if err := a.runEditor(path); err != nil {
			return fmt.Errorf("%w (your text is kept in %s)", err, path)
		}
		edited, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("read the edit file %s: %w", path, err)
		}
		if bytes.Equal(edited, []byte(original)) || len(bytes.TrimSpace(edited)) == 0 {
			os.Remove(path)
			fmt.Fprintln(a.Stderr, "no changes")
			return nil
		}
		values, err := parseNarrative(string(edited))
		if err != nil {
			return fmt.Errorf("%w (your text is kept in %s)", err, path)
		}
		// The text is what matters now: a Ctrl+C typed in the editor (vi
		// ignores it, scribe does not) must not cancel saving it.
		notes, keep, err := a.saveNarrative(context.WithoutCancel(ctx), st, id, base, values)
		if err != nil {
			return fmt.Errorf("%w (your text is kept in %s)", err, path)
		}
		for _, n := range notes {
			fmt.Fprintln(a.Stderr, n)
		}
		if keep {
			fmt.Fprintf(a.Stderr, "your text is kept in %s\n", path)
		} else {
			os.Remove(path)
		}
		fmt.Fprintf(a.Stderr, "saved the narrative of incident #%d\n", id)
		return nil
	})
}

// saveNarrative merges each edited section with what the database holds
// now, three ways against base (incident.MergeField), in one transaction.
// notes say what conflicted; keep is true when an edited value could not be
// stored beside the other change, so the edit file must stay.
func (a *App) saveNarrative(ctx context.Context, st *store.Store, id int64, base, values map[incident.Field]string) (notes []string, keep bool, err error) {
	_, err = st.UpdateIncident(ctx, id, func(inc *incident.Incident) error {
		notes, keep = nil, false
		for _, f := range editedFields {
			v, ok := values[f]
			if !ok {
				continue
			}
			current := inc.Get(f)
			m := incident.MergeField(f, base[f], current, v)
			if m.Value != strings.TrimSpace(current) {
				if err := inc.Set(f, m.Value); err != nil {
					return err
				}
			}
			switch {
			case m.Conflict && m.BothKept:
				notes = append(notes, fmt.Sprintf("conflict in %s: it was changed elsewhere while you edited; both versions are kept in the field, to merge with scribe edit %d", f.Label(), id))
			case m.Conflict:
				keep = true
				notes = append(notes, fmt.Sprintf("conflict in %s: it was changed elsewhere while you edited to %s; that change stays, and yours was not saved", f.Label(), incident.Quote(oneLine(current))))
			}
		}
		return nil
	})
	return notes, keep, err
}

// writeEditFile writes the narrative to a private temporary file.
func writeEditFile(id int64, text string) (string, error) {
	f, err := os.CreateTemp("", fmt.Sprintf("scribe-%d-*.md", id))
	if err != nil {
		return "", fmt.Errorf("create the edit file: %w", err)
	}
	path := f.Name()
	_, werr := f.WriteString(text)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(path)
		return "", fmt.Errorf("write the edit file %s: %w", path, werr)
	}
	return path, nil
}

// runEditor runs $VISUAL or $EDITOR (which may carry arguments) on path,
// attached to the terminal.
func (a *App) runEditor(path string) error {
	editor := a.editorCommand()
	cmd := exec.Command("sh", "-c", editor+` "$1"`, "scribe-editor", path)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = a.Stdin, a.Stdout, a.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("editor %s failed: %w", incident.Quote(editor), err)
	}
	return nil
}
