package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"scribe/incident"
	"scribe/store"
)

const (
	actionAddUsage  = "action add N TITLE [--owner WHO] [--due DATE] [--priority P0-P3]"
	actionDoneUsage = "action done ID [--wontdo]"
	actionListUsage = "action list N [--json]"
)

func (a *App) actionCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "action",
		Short: "Capture and close action items (follow-ups)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return usageError{fmt.Errorf("missing subcommand: usage: scribe %s | %s | %s", actionAddUsage, actionDoneUsage, actionListUsage)}
		},
	}
	cmd.AddCommand(a.actionAddCmd(), a.actionDoneCmd(), a.actionListCmd())
	return cmd
}

func (a *App) actionAddCmd() *cobra.Command {
	var owner, due, priority, description, by string
	cmd := &cobra.Command{
		Use:   strings.TrimPrefix(actionAddUsage, "action "),
		Short: "Add an action item; prints its id",
		Long: `Add an action item. The title is the rest of the command line. --due takes
YYYY-MM-DD or any time the --at grammar accepts (its date in the incident's zone).
An owner written @login is assigned on GitHub when the item is filed.`,
		Example: `  scribe action add 7 "Add a canary stage for config pushes" --owner @kenA --priority P1 --due 2026-12-05`,
		Args:    minArgs(2, actionAddUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := incidentArg(args, actionAddUsage)
			if err != nil {
				return err
			}
			p, err := incident.ParsePriority(priority)
			if err != nil {
				return err
			}
			item := incident.ActionItem{
				IncidentID: id, Title: strings.TrimSpace(strings.Join(args[1:], " ")), Description: strings.TrimSpace(description),
				Owner: strings.TrimSpace(owner), Priority: p, State: incident.ItemOpen,
			}
			return a.withStore(cmd.Context(), func(st *store.Store) error {
				inc, err := st.Incident(cmd.Context(), id)
				if err != nil {
					return err
				}
				if item.Due, err = a.dueDate(due, inc); err != nil {
					return err
				}
				if err := item.Validate(); err != nil {
					return err
				}
				if err := st.AddActionItem(cmd.Context(), &item, a.origin(a.Now(), by)); err != nil {
					return err
				}
				a.printID(item.ID)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&owner, "owner", "", "who owns it (a name, or @login to assign on GitHub)")
	cmd.Flags().StringVar(&due, "due", "", "due date: YYYY-MM-DD")
	cmd.Flags().StringVar(&priority, "priority", "", "P0 (most urgent) to P3")
	cmd.Flags().StringVar(&description, "description", "", "longer description")
	cmd.Flags().StringVar(&by, "by", "", "who recorded it (default $SCRIBE_AUTHOR)")
	cmd.ValidArgsFunction = a.completeIncidentThen()
	_ = cmd.RegisterFlagCompletionFunc("priority", completeWords(vocabulary(incident.Priorities)))
	return cmd
}

// dueDate reads a due date: YYYY-MM-DD, or a time in the --at grammar whose
// date (in the incident's zone) is used.
func (a *App) dueDate(in string, inc incident.Incident) (string, error) {
	in = strings.TrimSpace(in)
	if in == "" {
		return "", nil
	}
	if _, err := parseDate(in); err == nil {
		return in, nil
	}
	t, err := incident.ParseWhen(in, a.Now(), inc.Location())
	if err != nil {
		return "", incident.Errorf(incident.EINVALID, "invalid due date %q: use YYYY-MM-DD, e.g. 2026-12-05", in)
	}
	return t.In(inc.Location()).Format(incident.DateLayout), nil
}

func (a *App) actionDoneCmd() *cobra.Command {
	var wontdo, reopen bool
	cmd := &cobra.Command{
		Use:   strings.TrimPrefix(actionDoneUsage, "action "),
		Short: "Mark an action item done (or won't do)",
		Args:  rangeArgs(1, 1, actionDoneUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID("action item", args[0])
			if err != nil {
				return err
			}
			state := incident.ItemDone
			switch {
			case wontdo && reopen:
				return usageError{fmt.Errorf("--wontdo and --reopen exclude each other")}
			case wontdo:
				state = incident.ItemWontDo
			case reopen:
				state = incident.ItemOpen
			}
			return a.withStore(cmd.Context(), func(st *store.Store) error {
				item, err := st.UpdateActionItem(cmd.Context(), id, func(it *incident.ActionItem) error {
					it.State = state
					return nil
				})
				if err != nil {
					return err
				}
				fmt.Fprintf(a.Stderr, "action item %d is %s: %s\n", item.ID, item.State.Label(), oneLine(item.Title))
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&wontdo, "wontdo", false, "close it as won't do")
	cmd.Flags().BoolVar(&reopen, "reopen", false, "open it again")
	return cmd
}

// actionJSON is one item in `action list --json`: the export document's
// shape plus the incident number.
type actionJSON struct {
	Incident int64 `json:"incident"`
	incident.DocActionItem
}

func (a *App) actionListCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   strings.TrimPrefix(actionListUsage, "action "),
		Short: "List an incident's action items",
		Args:  rangeArgs(1, 1, actionListUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := incidentArg(args, actionListUsage)
			if err != nil {
				return err
			}
			return a.withStore(cmd.Context(), func(st *store.Store) error {
				if _, err := st.Incident(cmd.Context(), id); err != nil {
					return err
				}
				items, err := st.ActionItems(cmd.Context(), id)
				if err != nil {
					return err
				}
				if asJSON {
					doc := incident.NewDocument(incident.Snapshot{ActionItems: items})
					out := make([]actionJSON, 0, len(items))
					for _, d := range doc.ActionItems {
						out = append(out, actionJSON{Incident: id, DocActionItem: d})
					}
					enc := json.NewEncoder(a.Stdout)
					enc.SetIndent("", "  ")
					return enc.Encode(out)
				}
				if len(items) == 0 {
					fmt.Fprintf(a.Stderr, "incident #%d has no action items: add one with scribe action add %d TITLE\n", id, id)
					return nil
				}
				tw := tabwriter.NewWriter(a.Stdout, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tSTATE\tPRI\tOWNER\tDUE\tISSUE\tTITLE")
				for _, it := range items {
					issue := "-"
					switch {
					case it.GitHub.Filed():
						issue = fmt.Sprintf("%s#%d", it.GitHub.Repo, it.GitHub.Number)
						if it.GitHub.State != "" && it.GitHub.State != "open" {
							issue += " (" + it.GitHub.State + ")"
						}
					case it.GitHub.SyncError != "":
						issue = "not filed: " + oneLine(it.GitHub.SyncError)
					}
					fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", it.ID, it.State.Label(), dash(string(it.Priority)),
						dash(oneLine(it.Owner)), dash(it.Due), issue, oneLine(it.Title))
				}
				return tw.Flush()
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.ValidArgsFunction = a.completeIncidentThen()
	return cmd
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
