package cli

import (
	"github.com/spf13/cobra"

	"scribe/incident"
	"scribe/store"
)

const milestoneUsage = "milestone N NAME [--at WHEN]"

func (a *App) milestoneCmd() *cobra.Command {
	var by string
	var at whenFlag
	cmd := &cobra.Command{
		Use:   milestoneUsage,
		Short: "Record a milestone; prints the event id",
		Long: `Record when a milestone happened: started (impact began), detected,
declared, mitigated, resolved. Setting one again corrects it; milestones out of
order are flagged by show and export, not refused.`,
		Example: `  scribe milestone 7 started --at 09:02
  scribe milestone 7 mitigated`,
		Args: rangeArgs(2, 2, milestoneUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			m, err := incident.ParseMilestone(args[1])
			if err != nil {
				return err
			}
			return a.withStore(cmd.Context(), func(st *store.Store) error {
				inc, err := loadIncident(cmd.Context(), st, args, milestoneUsage)
				if err != nil {
					return err
				}
				t, err := a.when(at, inc)
				if err != nil {
					return err
				}
				e, err := st.SetMilestone(cmd.Context(), inc.ID, m, a.origin(t, by))
				if err != nil {
					return err
				}
				a.printID(e.ID)
				return nil
			})
		},
	}
	cmd.Flags().Var(&at, "at", "when it happened (default now)")
	cmd.Flags().StringVar(&by, "by", "", "who recorded it (default $SCRIBE_AUTHOR)")
	cmd.ValidArgsFunction = a.completeIncidentThen(vocabulary(incident.MilestoneOrder))
	return cmd
}
