package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"scribe/incident"
	"scribe/store"
)

const roleUsage = "role N ROLE PERSON [--at WHEN]"

func (a *App) roleCmd() *cobra.Command {
	var by string
	var at whenFlag
	cmd := &cobra.Command{
		Use:   roleUsage,
		Short: "Assign or hand off a role; prints the event id",
		Long: `Assign a role. When someone already holds it, this is a hand-off: their
assignment closes at --at and the new one opens. The person is the rest of the
command line. Roles: commander (ic, lead), ops (tech lead, tl), comms, scribe,
liaison, or any role of your own.`,
		Example: `  scribe role 7 ic "Rosa M."
  scribe role 7 commander Ken A. --at 15:30`,
		Args: minArgs(3, roleUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			role, err := incident.CanonicalRole(args[1])
			if err != nil {
				return err
			}
			person := strings.TrimSpace(strings.Join(args[2:], " "))
			if err := incident.ValidatePerson(person); err != nil {
				return err
			}
			return a.withStore(cmd.Context(), func(st *store.Store) error {
				inc, err := loadIncident(cmd.Context(), st, args, roleUsage)
				if err != nil {
					return err
				}
				t, err := a.when(at, inc)
				if err != nil {
					return err
				}
				e, err := st.AssignRole(cmd.Context(), inc.ID, role, person, a.origin(t, by))
				if err != nil {
					return err
				}
				a.printID(e.ID)
				return nil
			})
		},
	}
	cmd.Flags().Var(&at, "at", "when the role was taken (default now)")
	cmd.Flags().StringVar(&by, "by", "", "who recorded it (default $SCRIBE_AUTHOR)")
	cmd.ValidArgsFunction = a.completeIncidentThen(incident.Roles)
	return cmd
}
