package cli

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"scribe/incident"
	"scribe/store"
)

// listItem is one incident in `list --json`.
type listItem struct {
	ID       int64     `json:"id"`
	Title    string    `json:"title"`
	Severity int       `json:"severity"`
	State    string    `json:"state"`
	Timezone string    `json:"timezone"`
	Declared *jsonTime `json:"declared"`
}

type jsonTime = string

func (a *App) listCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list [--json]",
		Short: "List incidents, newest first",
		Args:  maxArgs(0, "list [--json]"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withStore(cmd.Context(), func(st *store.Store) error {
				incs, err := st.Incidents(cmd.Context())
				if err != nil {
					return err
				}
				if asJSON {
					items := make([]listItem, 0, len(incs))
					for _, inc := range incs {
						it := listItem{ID: inc.ID, Title: inc.Title, Severity: int(inc.Severity), State: string(inc.State), Timezone: inc.Timezone}
						if t, ok := inc.Milestones.Get(incident.MilestoneDeclared); ok {
							s := t.UTC().Format(rfc3339)
							it.Declared = &s
						}
						items = append(items, it)
					}
					enc := json.NewEncoder(a.Stdout)
					enc.SetIndent("", "  ")
					return enc.Encode(items)
				}
				if len(incs) == 0 {
					fmt.Fprintln(a.Stderr, `no incidents yet: declare one with scribe new "TITLE"`)
					return nil
				}
				tw := tabwriter.NewWriter(a.Stdout, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "#\tSEV\tSTATE\tDECLARED\tTITLE")
				for _, inc := range incs {
					declared := "-"
					if t, ok := inc.Milestones.Get(incident.MilestoneDeclared); ok {
						declared = t.In(inc.Location()).Format("2006-01-02 15:04 MST")
					}
					fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", inc.ID, inc.Severity, inc.State, declared, clean(inc.Title))
				}
				return tw.Flush()
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// rfc3339 is how the CLI prints instants in JSON: UTC, seconds precision
// unless finer is present.
const rfc3339 = "2006-01-02T15:04:05.999999999Z07:00"
