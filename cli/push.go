package cli

// `scribe push`: a local incident copied into the team database.

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"scribe/incident"
	"scribe/store"
)

const pushUsage = "push N --to URL"

// pushOptions is what `scribe push` was asked to do, parsed and checked.
type pushOptions struct {
	IncidentID int64
	To         string
}

func (a *App) pushCmd(runF func(context.Context, *pushOptions) error) *cobra.Command {
	opts := &pushOptions{}
	cmd := &cobra.Command{
		Use:   pushUsage,
		Short: "Copy an incident into the team database; prints its number there",
		Long: `Copy incident N of this database (--db, SCRIBE_DB or the default file)
into the team database --to (a postgres:// URL; the password from PGPASSWORD or
~/.pgpass) and print its number there. Use it for an incident recorded while the
team database was out of reach.

Rows are matched by their UUIDs, so pushing again is safe: the first push copies
everything (events, deleted ones included, roles, action items, retro notes,
narrative, milestones); a later one adds only what the team copy lacks and fills
in what it still has empty. What the team copy has is left as it is there.`,
		Example: `  scribe push 3 --to postgres://ida@db.internal/incidents`,
		Args:    rangeArgs(1, 1, pushUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := incidentArg(args, pushUsage)
			if err != nil {
				return err
			}
			opts.IncidentID = id
			if strings.TrimSpace(opts.To) == "" {
				return usageError{fmt.Errorf("push needs --to URL, the team database: %s", pushUsage)}
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return a.runPush(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.To, "to", "", "the team database (postgres://USER@HOST:PORT/DATABASE)")
	cmd.ValidArgsFunction = a.completeIncidentThen()
	return cmd
}

func (a *App) runPush(ctx context.Context, o *pushOptions) error {
	from, err := a.DBPath()
	if err != nil {
		return err
	}
	if store.Redact(from) == store.Redact(o.To) {
		return usageError{fmt.Errorf("--to names the database the incident is in already (%s)", store.Describe(o.To))}
	}
	if !store.IsPostgres(o.To) {
		// A local file as --to copies between two SQLite databases, which
		// is fine; a mistyped URL must not become a new file instead.
		if _, err := os.Stat(o.To); err != nil {
			return usageError{fmt.Errorf("--to %s: no such database: give the team database's postgres://USER@HOST/DATABASE URL, or an existing scribe database file", incident.Quote(o.To))}
		}
	}
	return a.withStore(ctx, func(local *store.Store) error {
		team, err := store.Open(ctx, o.To)
		if err != nil {
			return err
		}
		defer team.Close()
		res, err := store.Push(ctx, local, o.IncidentID, team)
		if err != nil {
			return err
		}
		if err := a.printSavedID("the pushed incident", res.IncidentID); err != nil {
			return err
		}
		fmt.Fprintln(a.Stderr, "scribe: "+pushSummary(o.IncidentID, team.Location(), res))
		return nil
	})
}

// pushSummary says what a push did, in one line.
func pushSummary(id int64, where string, r store.PushResult) string {
	var parts []string
	for _, p := range []struct {
		n    int
		what string
	}{{r.Events, "event"}, {r.Roles, "role assignment"}, {r.Items, "action item"}, {r.Notes, "retro note"}, {r.Filled, "empty field filled"}} {
		if p.n > 0 {
			parts = append(parts, incident.Count(p.n, p.what))
		}
	}
	verb := "pushed to"
	if r.Created {
		verb = "copied to"
	}
	what := "nothing new"
	if len(parts) > 0 {
		what = strings.Join(parts, ", ")
	}
	return incident.PlainText(fmt.Sprintf("incident %d %s %s as #%d: %s", id, verb, where, r.IncidentID, what))
}
