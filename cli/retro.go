package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"scribe/incident"
	"scribe/store"
)

const retroUsage = "retro N SECTION TEXT"

func (a *App) retroCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   retroUsage,
		Short: "Add a retro note: went-well, went-wrong, lucky, factor, lesson",
		Example: `  scribe retro 7 went-well "The rollback took two minutes"
  scribe retro 7 factor "The canary covered only the EU region"`,
		Args: minArgs(3, retroUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := incidentArg(args, retroUsage)
			if err != nil {
				return err
			}
			section, err := incident.ParseRetroSection(args[1])
			if err != nil {
				return err
			}
			n := incident.RetroNote{IncidentID: id, Section: section, Text: strings.TrimSpace(strings.Join(args[2:], " "))}
			if err := n.Validate(); err != nil {
				return err
			}
			return a.withStore(cmd.Context(), func(st *store.Store) error {
				if err := st.AddRetroNote(cmd.Context(), &n); err != nil {
					return err
				}
				a.printID(n.ID)
				return nil
			})
		},
	}
	cmd.ValidArgsFunction = a.completeIncidentThen(vocabulary(incident.RetroSections))
	return cmd
}
