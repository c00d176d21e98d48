package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"scribe/incident"
	"scribe/store"
)

const logUsage = "log N TEXT... [--at WHEN] [--kind KIND] [--by NAME] [--pin]"

func (a *App) logCmd() *cobra.Command {
	var kind, by string
	var at whenFlag
	var pin bool
	cmd := &cobra.Command{
		Use:   logUsage,
		Short: "Append an event to the timeline; prints its id",
		Long: `Append an event. The text is the rest of the command line.
Kinds: note (default), action, decision, observation, comms (short: n a d o c).
--at backdates it: now, -5m, 5m ago, 14:05, 2:05pm, 2026-11-21 14:05, RFC3339,
optionally followed by a zone (UTC, ET, PT, Europe/Berlin).`,
		Example: `  scribe log 7 "Paged the database on-call"
  scribe log 7 Rolled back the payments deploy --kind action --at 14:05
  scribe log 7 --kind comms --at "2022-12-15 12:23 ET" Status page updated`,
		Args: minArgs(2, logUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := incidentArg(args, logUsage)
			if err != nil {
				return err
			}
			text := strings.TrimSpace(strings.Join(args[1:], " "))
			k, err := incident.ParseKind(kind, false)
			if err != nil {
				return err
			}
			if err := incident.ValidateText("event text", text, true); err != nil {
				return err
			}
			return a.withStore(cmd.Context(), func(st *store.Store) error {
				// The incident's zone matters only to read --at; without it the
				// store checks that the incident exists inside the insert's
				// transaction, and a log costs one statement.
				occurred := a.Now().UTC()
				if at.set {
					inc, err := st.Incident(cmd.Context(), id)
					if err != nil {
						return err
					}
					if occurred, err = a.when(at, inc); err != nil {
						return err
					}
				}
				o := a.origin(occurred, by)
				e := incident.Event{IncidentID: id, OccurredAt: occurred, Kind: k, Text: text, Author: o.Author, Pinned: pin, Source: o.Source}
				if err := st.LogEvent(cmd.Context(), &e); err != nil {
					return err
				}
				a.printID(e.ID)
				return nil
			})
		},
	}
	cmd.Flags().Var(&at, "at", "when it happened (default now)")
	cmd.Flags().StringVar(&kind, "kind", "note", "note, action, decision, observation or comms")
	cmd.Flags().StringVar(&by, "by", "", "who logged it (default $SCRIBE_AUTHOR)")
	cmd.Flags().BoolVar(&pin, "pin", false, "mark it as a key moment")
	cmd.ValidArgsFunction = a.completeIncidentThen()
	_ = cmd.RegisterFlagCompletionFunc("kind", completeWords(vocabulary(incident.FreeKinds)))
	return cmd
}
