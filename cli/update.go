package cli

// `scribe update`.

import (
	"fmt"

	"github.com/spf13/cobra"

	"scribe/store"
	"scribe/update"
)

const updateUsage = "update N [--format text|markdown|slack] [--tz ZONE] [--names]"

func (a *App) updateCmd() *cobra.Command {
	var format, tz string
	var names bool
	cmd := &cobra.Command{
		Use:   updateUsage,
		Short: "Draft the stakeholder update of an incident",
		Long: `Print a stakeholder update drafted from incident N: its title and severity,
the state and its latest status message, the impact, how long it has lasted,
what changed since the last update (status changes, actions taken, milestones
and pinned lines), and when the next update is due if this one is sent now
("Next update by 10:23 PDT", from the severity's cadence in config.toml).

A comms event or a status change counts as an update. This command only
reads: once the update is sent, log it so the clock restarts:

  scribe log N --kind comms "Posted the 10:03 update to #incidents"

Like the postmortem, the draft names no one: people in the timeline's lines
become the role they held. --names keeps names. --format slack writes Slack
mrkdwn (*bold*, with &, < and > escaped so that no line can ping a channel);
markdown writes GitHub Markdown. The [update] template of config.toml
replaces the wording.`,
		Example: `  scribe update 7
  scribe update 7 --format slack | pbcopy`,
		Args: rangeArgs(1, 1, updateUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := incidentArg(args, updateUsage)
			if err != nil {
				return err
			}
			f, err := update.ParseFormat(format)
			if err != nil {
				return usageError{fmt.Errorf("--format: %w", err)}
			}
			zone, err := exportZone(tz)
			if err != nil {
				return err
			}
			a.zoneNote(tz)
			cfg, err := a.loadConfig()
			if err != nil {
				return err
			}
			return a.withStore(cmd.Context(), func(st *store.Store) error {
				snap, err := policySnapshot(cmd.Context(), st, id, cfg)
				if err != nil {
					return err
				}
				d := update.Build(snap, update.Options{Format: f, Now: a.Now(), Zone: zone, Names: names})
				return update.Render(a.Stdout, d, cfg.UpdateTemplate)
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "text, markdown or slack")
	cmd.Flags().StringVar(&tz, "tz", "", "show times in ZONE instead of the incident's zone")
	cmd.Flags().BoolVar(&names, "names", false, "keep people's names instead of their roles")
	cmd.ValidArgsFunction = a.completeIncidentThen()
	_ = cmd.RegisterFlagCompletionFunc("format", completeWords([]string{"text", "markdown", "slack"}))
	return cmd
}
