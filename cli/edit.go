package cli

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"github.com/spf13/cobra"

	"scribe/incident"
	"scribe/store"
)

const editUsage = "edit N"

// editedFields are the sections of the edit file, in order.
var editedFields = []incident.Field{
	incident.FieldTitle, incident.FieldSummary, incident.FieldImpact, incident.FieldServices,
	incident.FieldRootCause, incident.FieldTrigger, incident.FieldResolution,
}

func (a *App) editCmd() *cobra.Command {
	return &cobra.Command{
		Use:               editUsage,
		ValidArgsFunction: a.completeIncidentThen(),
		Short:             "Edit the narrative (summary, impact, root cause, …) in $EDITOR",
		Long: `Open the incident's narrative fields as one Markdown file in $VISUAL or
$EDITOR (vi when neither is set). Saving and quitting stores every changed
section in one go. If something goes wrong, the file is kept and its path
printed, so nothing typed is lost.`,
		Args: rangeArgs(1, 1, editUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := incidentArg(args, editUsage)
			if err != nil {
				return err
			}
			return a.withStore(cmd.Context(), func(st *store.Store) error {
				inc, err := st.Incident(cmd.Context(), id)
				if err != nil {
					return err
				}
				original := renderNarrative(inc)
				f, err := os.CreateTemp("", fmt.Sprintf("scribe-%d-*.md", id))
				if err != nil {
					return fmt.Errorf("create the edit file: %w", err)
				}
				path := f.Name()
				_, werr := f.WriteString(original)
				if cerr := f.Close(); werr == nil {
					werr = cerr
				}
				if werr != nil {
					os.Remove(path)
					return fmt.Errorf("write the edit file %s: %w", path, werr)
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
				_, err = st.UpdateIncident(cmd.Context(), id, func(inc *incident.Incident) error {
					for _, f := range editedFields {
						if v, ok := values[f]; ok && v != inc.Get(f) {
							if err := inc.Set(f, v); err != nil {
								return err
							}
						}
					}
					return nil
				})
				if err != nil {
					return fmt.Errorf("%w (your text is kept in %s)", err, path)
				}
				os.Remove(path)
				fmt.Fprintf(a.Stderr, "saved the narrative of incident #%d\n", id)
				return nil
			})
		},
	}
}

// runEditor runs $VISUAL or $EDITOR (which may carry arguments) on path,
// attached to the terminal.
func (a *App) runEditor(path string) error {
	editor := a.Getenv("VISUAL")
	if editor == "" {
		editor = a.Getenv("EDITOR")
	}
	if editor == "" {
		editor = "vi"
	}
	cmd := exec.Command("sh", "-c", editor+` "$1"`, "scribe-editor", path)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = a.Stdin, a.Stdout, a.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("editor %q failed: %w", editor, err)
	}
	return nil
}

const narrativeHint = "<!-- Edit the sections below and save. Keep the \"## \" headings; an empty section clears the field. -->\n"

// renderNarrative writes the incident's narrative as Markdown sections.
func renderNarrative(inc incident.Incident) string {
	var b strings.Builder
	b.WriteString(narrativeHint)
	for _, f := range editedFields {
		fmt.Fprintf(&b, "\n## %s\n\n", f.Label())
		if v := inc.Get(f); v != "" {
			b.WriteString(v)
			b.WriteString("\n")
		}
	}
	return b.String()
}

// parseNarrative reads the sections back; a heading it does not know is an
// error, so a typo never silently drops text.
func parseNarrative(text string) (map[incident.Field]string, error) {
	byLabel := map[string]incident.Field{}
	for _, f := range editedFields {
		byLabel[strings.ToLower(f.Label())] = f
	}
	values := map[incident.Field]string{}
	var current incident.Field
	var body []string
	flush := func() {
		if current != "" {
			values[current] = strings.TrimSpace(strings.Join(body, "\n"))
		}
		body = body[:0]
	}
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if strings.HasPrefix(line, "## ") {
			name := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(line, "## ")))
			f, ok := byLabel[name]
			if !ok {
				return nil, incident.Errorf(incident.EINVALID, "unknown section %q: the sections are Title, Summary, Impact, Services, Root cause, Trigger, Resolution", strings.TrimPrefix(line, "## "))
			}
			flush()
			current = f
			continue
		}
		if current == "" {
			if t := strings.TrimSpace(line); t != "" && !strings.HasPrefix(t, "<!--") {
				return nil, incident.Errorf(incident.EINVALID, "text before the first section: %q", t)
			}
			continue
		}
		body = append(body, line)
	}
	flush()
	return values, nil
}
