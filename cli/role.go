package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"scribe/incident"
)

const roleUsage = "role N ROLE PERSON [--at WHEN]"

// roleOptions is what `scribe role` was asked to do, parsed and checked.
type roleOptions struct {
	IncidentID int64
	Role       string
	Person     string
	At         whenFlag
	By         string
}

func (a *App) roleCmd(runF func(context.Context, *roleOptions) error) *cobra.Command {
	opts := &roleOptions{}
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
			id, err := incidentArg(args, roleUsage)
			if err != nil {
				return err
			}
			opts.IncidentID = id
			if opts.Role, err = incident.CanonicalRole(args[1]); err != nil {
				return err
			}
			opts.Person = strings.TrimSpace(strings.Join(args[2:], " "))
			if err := incident.ValidatePerson(opts.Person); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return a.runRole(cmd.Context(), opts)
		},
	}
	cmd.Flags().Var(&opts.At, "at", "when the role was taken (default now)")
	cmd.Flags().StringVar(&opts.By, "by", "", "who recorded it (default $SCRIBE_AUTHOR, git user.name, login name)")
	cmd.ValidArgsFunction = a.completeIncidentThen(incident.Roles)
	return cmd
}

func (a *App) runRole(ctx context.Context, o *roleOptions) error {
	return a.withWriter(ctx, o.IncidentID, o.At.set, func(st writer, inc incident.Incident) error {
		origin, err := a.originAt(o.At, o.By, inc)
		if err != nil {
			return err
		}
		e, err := st.AssignRole(ctx, inc.ID, o.Role, o.Person, origin)
		if err != nil {
			return err
		}
		if err := a.printSavedID("role change", e.ID); err != nil {
			return err
		}
		a.dayNote(fmt.Sprintf("role change %d filed", e.ID), origin.At, inc)
		return nil
	})
}
