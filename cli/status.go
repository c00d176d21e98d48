package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"scribe/incident"
	"scribe/store"
)

const statusUsage = "status N STATE [MESSAGE] [--at WHEN]"

func (a *App) statusCmd() *cobra.Command {
	var by string
	var at whenFlag
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
			state, err := incident.ParseState(args[1])
			if err != nil {
				return err
			}
			message := strings.TrimSpace(strings.Join(args[2:], " "))
			if err := incident.ValidateText("status message", message, false); err != nil {
				return err
			}
			return a.withStore(cmd.Context(), func(st *store.Store) error {
				inc, err := loadIncident(cmd.Context(), st, args, statusUsage)
				if err != nil {
					return err
				}
				t, err := a.when(at, inc)
				if err != nil {
					return err
				}
				e, err := st.SetStatus(cmd.Context(), inc.ID, state, message, a.origin(t, by))
				if err != nil {
					return err
				}
				a.printID(e.ID)
				return nil
			})
		},
	}
	cmd.Flags().Var(&at, "at", "when the status changed (default now)")
	cmd.Flags().StringVar(&by, "by", "", "who changed it (default $SCRIBE_AUTHOR)")
	cmd.ValidArgsFunction = a.completeIncidentThen(vocabulary(incident.States))
	return cmd
}
