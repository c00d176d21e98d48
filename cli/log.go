package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"scribe/incident"
	"scribe/store"
)

const logUsage = "log N TEXT... [--at WHEN] [--kind KIND] [--by NAME] [--pin]"

// logOptions is what `scribe log` was asked to do, parsed and checked.
type logOptions struct {
	IncidentID int64
	Text       string
	Kind       incident.Kind
	At         whenFlag
	By         string
	Pin        bool
}

// logCmd builds `scribe log`; runF, when not nil, receives the parsed
// options instead of running them (tests of the flag parsing).
func (a *App) logCmd(runF func(context.Context, *logOptions) error) *cobra.Command {
	opts := &logOptions{}
	var kind string
	cmd := &cobra.Command{
		Use:   logUsage,
		Short: "Append an event to the timeline; prints its id",
		Long: `Append an event. The text is the rest of the command line.
Kinds: note (default), action, decision, observation, comms (short: n a d o c).
--at backdates it: now, -5m, 5m ago, 14:05, 2:05pm, 2026-11-21 14:05, RFC3339,
optionally followed by a zone (UTC, ET, PT, Europe/Berlin). A clock time is
the nearest such moment (23:50 typed at 00:05 is yesterday's); a time ahead
of the clock is refused. When the event lands on another day than today,
stderr says which.

The author is --by, else $SCRIBE_AUTHOR, else git's user.name, else the login
name. Exit status 74 means the event was saved but its id could not be
printed: do not log it again. With a team database (a postgres:// URL in --db
or SCRIBE_DB) that cannot be reached, the line is kept in the local outbox and
sent, once, when it can be: stdout is empty, stderr says so in one line, and
the exit status is 75.`,
		Example: `  scribe log 7 "Paged the database on-call"
  scribe log 7 Rolled back the payments deploy --kind action --at 14:05
  scribe log 7 --kind comms --at "2022-12-15 12:23 ET" Status page updated`,
		Args: minArgs(2, logUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := incidentArg(args, logUsage)
			if err != nil {
				return err
			}
			opts.IncidentID = id
			opts.Text = strings.TrimSpace(strings.Join(args[1:], " "))
			if opts.Kind, err = incident.ParseKind(kind, false); err != nil {
				return err
			}
			if err := incident.ValidateText("event text", opts.Text, true); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return a.runLog(cmd.Context(), opts)
		},
	}
	cmd.Flags().Var(&opts.At, "at", "when it happened (default now)")
	cmd.Flags().StringVar(&kind, "kind", "note", "note, action, decision, observation or comms")
	cmd.Flags().StringVar(&opts.By, "by", "", "who logged it (default $SCRIBE_AUTHOR, git user.name, login name)")
	cmd.Flags().BoolVar(&opts.Pin, "pin", false, "mark it as a key moment")
	cmd.ValidArgsFunction = a.completeIncidentThen()
	_ = cmd.RegisterFlagCompletionFunc("kind", completeWords(vocabulary(incident.FreeKinds)))
	return cmd
}

func (a *App) runLog(ctx context.Context, o *logOptions) error {
	origin, err := a.origin(a.Now().UTC(), o.By)
	if err != nil {
		return err
	}
	if dsn, err := a.DBPath(); err == nil && store.IsPostgres(dsn) {
		ctx, stop := a.interruptible(ctx)
		defer stop()
		return a.runLogTeam(ctx, o, origin, dsn)
	}
	// A log to a SQLite file listens for no signal (a third of its time
	// went to listening): Ctrl+C or SIGTERM before the commit ends it as a
	// crash would, with nothing written, and from the commit on they are
	// ignored, so that a saved line has its id printed and exit status 0.
	return a.withStore(ctx, func(st *store.Store) error {
		// The incident's zone matters only to read --at; without it the
		// store checks that the incident exists inside the insert's
		// transaction, and a log costs one statement.
		var inc incident.Incident
		if o.At.set {
			if inc, err = st.Incident(ctx, o.IncidentID); err != nil {
				return err
			}
			if origin.At, err = a.when(o.At, inc); err != nil {
				return err
			}
		}
		e := incident.Event{IncidentID: o.IncidentID, OccurredAt: origin.At, Kind: o.Kind, Text: o.Text,
			Author: origin.Author, Pinned: o.Pin, Source: origin.Source}
		if err := st.LogEvent(ctx, &e); err != nil {
			return err
		}
		a.ignoreInterrupts()
		if err := a.printSavedID("event", e.ID); err != nil {
			return err
		}
		if o.At.set {
			a.dayNote(fmt.Sprintf("event %d filed", e.ID), e.OccurredAt, inc)
		}
		return nil
	})
}
