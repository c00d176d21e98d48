package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"scribe/incident"
)

const statusUsage = "status N STATE [MESSAGE] [--at WHEN]"

// statusOptions is what `scribe status` was asked to do, parsed and checked.
type statusOptions struct {
	IncidentID int64
	State      incident.State
	Message    string
	At         whenFlag
	By         string
}

func (a *App) statusCmd(runF func(context.Context, *statusOptions) error) *cobra.Command {
	opts := &statusOptions{}
	cmd := &cobra.Command{
		Use:   statusUsage,
		Short: "Change the incident's status; prints the event id",
		Long: `Change the status: investigating, identified, monitoring or resolved. The
message (the rest of the command line) is what a status page would say.
Resolving sets the resolved milestone unless it is already set.`,
		Example: `  scribe status 7 identified "Bad config in the payments deploy"
  scribe status 7 resolved --at 16:20`,
		Args: minArgs(2, statusUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := incidentArg(args, statusUsage)
			if err != nil {
				return err
			}
			opts.IncidentID = id
			if opts.State, err = incident.ParseState(args[1]); err != nil {
				return err
			}
			opts.Message = strings.TrimSpace(strings.Join(args[2:], " "))
			if err := incident.ValidateText("status message", opts.Message, false); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return a.runStatus(cmd.Context(), opts)
		},
	}
	cmd.Flags().Var(&opts.At, "at", "when the status changed (default now)")
	cmd.Flags().StringVar(&opts.By, "by", "", "who changed it (default $SCRIBE_AUTHOR, git user.name, login name)")
	cmd.ValidArgsFunction = a.completeIncidentThen(vocabulary(incident.States))
	return cmd
}

func (a *App) runStatus(ctx context.Context, o *statusOptions) error {
	return a.withWriter(ctx, o.IncidentID, o.At.set, func(st writer, inc incident.Incident) error {
		origin, err := a.originAt(o.At, o.By, inc)
		if err != nil {
			return err
		}
		e, err := st.SetStatus(ctx, inc.ID, o.State, o.Message, origin)
		if err != nil {
			return err
		}
		if err := a.printSavedID("status update", e.ID); err != nil {
			return err
		}
		a.dayNote(fmt.Sprintf("status update %d filed", e.ID), origin.At, inc)
		return nil
	})
}
