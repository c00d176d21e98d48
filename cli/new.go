package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"scribe/incident"
	"scribe/store"
)

const newUsage = `new TITLE [--sev 1-5] [--at WHEN] [--tz ZONE]`

func (a *App) newCmd() *cobra.Command {
	var sev, tz, by string
	var at whenFlag
	cmd := &cobra.Command{
		Use:   newUsage,
		Short: "Declare an incident; prints its number",
		Long: `Declare an incident. The title is the rest of the command line.
--at sets when it was declared (default now); --tz the zone its times are shown
in (default the machine's zone).`,
		Example: `  scribe new "Checkout errors after the payments deploy" --sev 2
  scribe new "Replica lag on orders-db" --sev 3 --at 14:05 --tz Europe/Berlin`,
		Args: minArgs(1, newUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			title := strings.Join(args, " ")
			if err := incident.ValidateTitle(title); err != nil {
				return err
			}
			severity, err := incident.ParseSeverity(sev)
			if err != nil {
				return err
			}
			zone := tz
			if zone == "" {
				zone = localZoneName(a.Getenv)
			}
			loc, err := incident.ParseZone(zone)
			if err != nil {
				return err
			}
			a.zoneNote(zone)
			inc := incident.Incident{Title: strings.TrimSpace(title), Severity: severity, State: incident.Investigating, Timezone: loc.String()}
			declared, err := a.when(at, inc)
			if err != nil {
				return err
			}
			// The team policy decides the incident's cadence and checklist: a
			// broken config.toml stops the declaration before anything is
			// written (cli/config.go).
			if _, err := a.loadConfig(); err != nil {
				return err
			}
			return a.withStore(cmd.Context(), func(st *store.Store) error {
				if err := st.CreateIncident(cmd.Context(), &inc, a.origin(declared, by)); err != nil {
					return err
				}
				a.printID(inc.ID)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&sev, "sev", "3", "severity, 1 (worst) to 5")
	cmd.Flags().Var(&at, "at", "when it was declared (default now): 14:05, -10m, 2026-11-21 14:05 UTC, RFC3339")
	cmd.Flags().StringVar(&tz, "tz", "", "display time zone: IANA name or abbreviation (default the machine's)")
	cmd.Flags().StringVar(&by, "by", "", "who declared it (default $SCRIBE_AUTHOR)")
	_ = cmd.RegisterFlagCompletionFunc("sev", completeWords([]string{"1", "2", "3", "4", "5"}))
	return cmd
}
