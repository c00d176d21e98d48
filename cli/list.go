package cli

import (
	"bufio"
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"scribe/incident"
	"scribe/store"
)

const listUsage = "list [--json]"

// listItem is one incident in `list --json`.
type listItem struct {
	ID       int64   `json:"id"`
	Title    string  `json:"title"`
	Severity int     `json:"severity"`
	State    string  `json:"state"`
	Timezone string  `json:"timezone"`
	Declared *string `json:"declared"`
	// Invalid lists the incident's stored values scribe could not read
	// (declared is null when its time is among them).
	Invalid incident.Unreadable `json:"invalid,omitempty"`
}

// listOptions is what `scribe list` was asked to do.
type listOptions struct {
	JSON bool
}

func (a *App) listCmd(runF func(context.Context, *listOptions) error) *cobra.Command {
	opts := &listOptions{}
	cmd := &cobra.Command{
		Use:   listUsage,
		Short: "List incidents, newest first",
		Args:  maxArgs(0, listUsage),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return a.runList(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	return cmd
}

func (a *App) runList(ctx context.Context, o *listOptions) error {
	return a.withReader(ctx, func(st *store.Store) error {
		incs, err := st.Incidents(ctx)
		if err != nil {
			return err
		}
		if o.JSON {
			items := make([]listItem, 0, len(incs))
			for _, inc := range incs {
				it := listItem{ID: inc.ID, Title: inc.Title, Severity: int(inc.Severity), State: string(inc.State), Timezone: inc.Timezone, Invalid: inc.Invalid}
				if t, ok := inc.Milestones.Get(incident.MilestoneDeclared); ok {
					s := t.UTC().Format(rfc3339)
					it.Declared = &s
				}
				items = append(items, it)
			}
			return a.writeJSON(items)
		}
		if len(incs) == 0 {
			fmt.Fprintln(a.Stderr, `no incidents yet: declare one with scribe new "TITLE"`)
			return nil
		}
		out := bufio.NewWriter(a.Stdout)
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "#\tSEV\tSTATE\tDECLARED\tTITLE")
		for _, inc := range incs {
			declared := "-"
			if inc.Invalid.Has("declared_at") {
				declared = "unreadable" // show 1 says what the database holds
			}
			if t, ok := inc.Milestones.Get(incident.MilestoneDeclared); ok {
				declared = t.In(inc.Location()).Format("2006-01-02 15:04 MST")
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", inc.ID, inc.Severity, oneLine(string(inc.State)), declared, oneLine(inc.Title))
		}
		if err := tw.Flush(); err != nil {
			return fmt.Errorf("write the list: %w", err)
		}
		return out.Flush()
	})
}

// rfc3339 is how the CLI prints instants in JSON: UTC, seconds precision
// unless finer is present.
const rfc3339 = "2006-01-02T15:04:05.999999999Z07:00"
