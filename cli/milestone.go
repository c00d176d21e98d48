package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"scribe/incident"
)

const milestoneUsage = "milestone N NAME [--at WHEN | --clear]"

// milestoneOptions is what `scribe milestone` was asked to do, parsed and
// checked.
type milestoneOptions struct {
	IncidentID int64
	Milestone  incident.Milestone
	At         whenFlag
	Clear      bool
	By         string
}

func (a *App) milestoneCmd(runF func(context.Context, *milestoneOptions) error) *cobra.Command {
	opts := &milestoneOptions{}
	cmd := &cobra.Command{
		Use:   milestoneUsage,
		Short: "Record (or clear) a milestone; prints the event id",
		Long: `Record when a milestone happened: started (impact began), detected,
declared, mitigated, resolved. Setting one again corrects it; milestones out of
order are flagged by show and export, not refused. --clear removes a milestone
set by mistake; the timeline keeps an event saying so.`,
		Example: `  scribe milestone 7 started --at 09:02
  scribe milestone 7 mitigated
  scribe milestone 7 mitigated --clear`,
		Args: rangeArgs(2, 2, milestoneUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := incidentArg(args, milestoneUsage)
			if err != nil {
				return err
			}
			opts.IncidentID = id
			if opts.Milestone, err = incident.ParseMilestone(args[1]); err != nil {
				return err
			}
			if opts.Clear && opts.At.set {
				return usageError{fmt.Errorf("--clear and --at exclude each other: a cleared milestone has no time")}
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return a.runMilestone(cmd.Context(), opts)
		},
	}
	cmd.Flags().Var(&opts.At, "at", "when it happened (default now)")
	cmd.Flags().BoolVar(&opts.Clear, "clear", false, "remove the milestone (it was set by mistake)")
	cmd.Flags().StringVar(&opts.By, "by", "", "who recorded it (default $SCRIBE_AUTHOR, git user.name, login name)")
	cmd.ValidArgsFunction = a.completeIncidentThen(vocabulary(incident.MilestoneOrder))
	return cmd
}

func (a *App) runMilestone(ctx context.Context, o *milestoneOptions) error {
	return a.withWriter(ctx, o.IncidentID, o.At.set, func(st writer, inc incident.Incident) error {
		origin, err := a.originAt(o.At, o.By, inc)
		if err != nil {
			return err
		}
		if o.Clear {
			e, err := st.ClearMilestone(ctx, inc.ID, o.Milestone, origin)
			if err != nil {
				return err
			}
			if err := a.printSavedID("milestone event", e.ID); err != nil {
				return err
			}
			fmt.Fprintf(a.Stderr, "cleared the %s milestone of incident #%d\n", o.Milestone, inc.ID)
			return nil
		}
		e, err := st.SetMilestone(ctx, inc.ID, o.Milestone, origin)
		if err != nil {
			return err
		}
		if err := a.printSavedID("milestone event", e.ID); err != nil {
			return err
		}
		a.dayNote(fmt.Sprintf("milestone %s", o.Milestone), origin.At, inc)
		return nil
	})
}
