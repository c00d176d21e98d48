package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"scribe/incident"
	"scribe/store"
)

const (
	retroUsage        = "retro N SECTION TEXT"
	retroEditUsage    = "retro edit ID TEXT"
	retroDeleteUsage  = "retro delete ID"
	retroRestoreUsage = "retro restore ID"
)

// retroOptions is what `scribe retro` (add) and `retro edit` were asked to
// do, parsed and checked.
type retroOptions struct {
	IncidentID int64 // add
	NoteID     int64 // edit, delete, restore
	Section    incident.RetroSection
	Text       string
}

func (a *App) retroCmd() *cobra.Command {
	return a.retroCmdWith(nil)
}

// retroCmdWith builds `scribe retro` and its corrections; runF, when not
// nil, receives each command's parsed options (keyed by the command's name)
// instead of running them.
func (a *App) retroCmdWith(runF func(context.Context, string, *retroOptions) error) *cobra.Command {
	opts := &retroOptions{}
	cmd := &cobra.Command{
		Use:   retroUsage,
		Short: "Add a retro note (went-well, went-wrong, lucky, factor, lesson); prints its id",
		Long: `Add a note to a section of the retrospective: went-well, went-wrong, lucky,
factor (contributing factor) or lesson. The text is the rest of the command
line. The note's id, printed on stdout, is what retro edit and retro delete
take.`,
		Example: `  scribe retro 7 went-well "The rollback took two minutes"
  scribe retro 7 factor "The canary covered only the EU region"
  scribe retro edit 12 "The canary covered only eu-west-1"
  scribe retro delete 12`,
		Args: minArgs(3, retroUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := incidentArg(args, retroUsage)
			if err != nil {
				return err
			}
			opts.IncidentID = id
			if opts.Section, err = incident.ParseRetroSection(args[1]); err != nil {
				return err
			}
			opts.Text = strings.TrimSpace(strings.Join(args[2:], " "))
			n := incident.RetroNote{IncidentID: id, Section: opts.Section, Text: opts.Text}
			if err := n.Validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), "add", opts)
			}
			return a.withWriter(cmd.Context(), 0, false, func(st writer, _ incident.Incident) error {
				if err := st.AddRetroNote(cmd.Context(), &n); err != nil {
					return err
				}
				return a.printSavedID("retro note", n.ID)
			})
		},
	}
	cmd.ValidArgsFunction = a.completeIncidentThen(vocabulary(incident.RetroSections))
	cmd.AddCommand(a.retroEditCmd(runF), a.retroDeleteCmd(runF, false), a.retroDeleteCmd(runF, true))
	return cmd
}

func (a *App) retroEditCmd(runF func(context.Context, string, *retroOptions) error) *cobra.Command {
	opts := &retroOptions{}
	return &cobra.Command{
		Use:   strings.TrimPrefix(retroEditUsage, "retro "),
		Short: "Correct the text of a retro note",
		Long: `Replace the text of retro note ID (the id retro printed, or the [ID] show
lists). The previous text is kept in the note's history.`,
		Args: minArgs(2, retroEditUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID("retro note", args[0])
			if err != nil {
				return err
			}
			opts.NoteID = id
			opts.Text = strings.TrimSpace(strings.Join(args[1:], " "))
			if err := incident.ValidateText("retro note", opts.Text, true); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), "edit", opts)
			}
			return a.withStore(cmd.Context(), func(st *store.Store) error {
				n, err := st.UpdateRetroNote(cmd.Context(), id, func(n *incident.RetroNote) error {
					n.Text = opts.Text
					return n.Validate()
				})
				if err != nil {
					return err
				}
				fmt.Fprintf(a.Stderr, "retro note %d (%s) updated\n", n.ID, n.Section)
				return nil
			})
		},
	}
}

// retroDeleteCmd builds retro delete, or retro restore when restore is set.
func (a *App) retroDeleteCmd(runF func(context.Context, string, *retroOptions) error, restore bool) *cobra.Command {
	opts := &retroOptions{}
	usage, short, name := retroDeleteUsage, "Delete a retro note (undo with retro restore)", "delete"
	if restore {
		usage, short, name = retroRestoreUsage, "Bring back a deleted retro note", "restore"
	}
	return &cobra.Command{
		Use:   strings.TrimPrefix(usage, "retro "),
		Short: short,
		Args:  rangeArgs(1, 1, usage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID("retro note", args[0])
			if err != nil {
				return err
			}
			opts.NoteID = id
			if runF != nil {
				return runF(cmd.Context(), name, opts)
			}
			return a.withStore(cmd.Context(), func(st *store.Store) error {
				if restore {
					if err := st.RestoreRetroNote(cmd.Context(), id); err != nil {
						return err
					}
					fmt.Fprintf(a.Stderr, "restored retro note %d\n", id)
					return nil
				}
				if err := st.DeleteRetroNote(cmd.Context(), id); err != nil {
					return err
				}
				fmt.Fprintf(a.Stderr, "deleted retro note %d (scribe retro restore %d brings it back)\n", id, id)
				return nil
			})
		},
	}
}
