package cli

import (
	"bufio"
	"context"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"scribe/incident"
	"scribe/store"
)

const (
	actionAddUsage     = "action add N TITLE [--owner WHO] [--due DATE] [--priority P0-P3] [--description TEXT]"
	actionEditUsage    = "action edit ID [--title T] [--owner WHO] [--due DATE] [--priority P0-P3] [--description TEXT]"
	actionDoneUsage    = "action done ID [--wontdo | --reopen]"
	actionDeleteUsage  = "action delete ID"
	actionRestoreUsage = "action restore ID"
	actionListUsage    = "action list N [--json]"
)

// dueHelp is the --due flag's help, shared by add and edit.
const dueHelp = "due date: 2026-12-04, today, tomorrow, friday, next fri, +3d, +2w, in 2 weeks, next month (none clears)"

func (a *App) actionCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "action",
		Short: "Capture, correct and close action items (follow-ups)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return usageError{fmt.Errorf("missing subcommand: usage: scribe %s | %s | %s | %s | %s | %s",
				actionAddUsage, actionEditUsage, actionDoneUsage, actionDeleteUsage, actionRestoreUsage, actionListUsage)}
		},
	}
	cmd.AddCommand(a.actionAddCmd(nil), a.actionEditCmd(nil), a.actionDoneCmd(nil),
		a.actionDeleteCmd(nil), a.actionRestoreCmd(nil), a.actionListCmd(nil))
	return cmd
}

// actionAddOptions is what `scribe action add` was asked to do.
type actionAddOptions struct {
	IncidentID  int64
	Title       string
	Owner       string
	Due         string // as typed; read with incident.ParseDue in the incident's zone
	Priority    incident.Priority
	Description string
	By          string
}

func (a *App) actionAddCmd(runF func(context.Context, *actionAddOptions) error) *cobra.Command {
	opts := &actionAddOptions{}
	var priority string
	cmd := &cobra.Command{
		Use:   strings.TrimPrefix(actionAddUsage, "action "),
		Short: "Add an action item; prints its id",
		Long: `Add an action item. The title is the rest of the command line. --due takes a
date (2026-12-04), today, tomorrow, a weekday (friday, next fri: the first one
after today), +3d, +2w, in 2 weeks, next week or next month; the date it
stands for is confirmed on stderr. An owner written @login is assigned on
GitHub when the item is filed.`,
		Example: `  scribe action add 7 "Add a canary stage for config pushes" --owner @kenA --priority P1 --due 2026-12-05
  scribe action add 7 "Alert on replica lag" --owner "Ida F." --due "next friday"`,
		Args: minArgs(2, actionAddUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := incidentArg(args, actionAddUsage)
			if err != nil {
				return err
			}
			opts.IncidentID = id
			opts.Title = strings.TrimSpace(strings.Join(args[1:], " "))
			opts.Owner = strings.TrimSpace(opts.Owner)
			opts.Description = strings.TrimSpace(opts.Description)
			if opts.Priority, err = incident.ParsePriority(priority); err != nil {
				return err
			}
			// The item's own validation, before the database is opened; the
			// due date needs the incident's zone and is checked there.
			probe := incident.ActionItem{Title: opts.Title, Owner: opts.Owner, Description: opts.Description, Priority: opts.Priority, State: incident.ItemOpen}
			if err := probe.Validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return a.runActionAdd(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Owner, "owner", "", "who owns it (a name, or @login to assign on GitHub)")
	cmd.Flags().StringVar(&opts.Due, "due", "", dueHelp)
	cmd.Flags().StringVar(&priority, "priority", "", "P0 (most urgent) to P3")
	cmd.Flags().StringVar(&opts.Description, "description", "", "longer description")
	cmd.Flags().StringVar(&opts.By, "by", "", "who recorded it (default $SCRIBE_AUTHOR, git user.name, login name)")
	cmd.ValidArgsFunction = a.completeIncidentThen()
	_ = cmd.RegisterFlagCompletionFunc("priority", completeWords(vocabulary(incident.Priorities)))
	return cmd
}

func (a *App) runActionAdd(ctx context.Context, o *actionAddOptions) error {
	origin, err := a.origin(a.Now(), o.By)
	if err != nil {
		return err
	}
	item := incident.ActionItem{
		IncidentID: o.IncidentID, Title: o.Title, Description: o.Description,
		Owner: o.Owner, Priority: o.Priority, State: incident.ItemOpen,
	}
	return a.withWriter(ctx, o.IncidentID, o.Due != "", func(st writer, inc incident.Incident) error {
		var err error
		if item.Due, err = a.dueDate(o.Due, inc); err != nil {
			return err
		}
		if err := item.Validate(); err != nil {
			return err
		}
		if err := st.AddActionItem(ctx, &item, origin); err != nil {
			return err
		}
		if err := a.printSavedID("action item", item.ID); err != nil {
			return err
		}
		a.dueNote(o.Due, item)
		return nil
	})
}

// dueDate reads --due in the incident's zone (incident.ParseDue).
func (a *App) dueDate(in string, inc incident.Incident) (string, error) {
	due, err := incident.ParseDue(in, a.Now(), inc.Location())
	if err != nil {
		return "", usageError{fmt.Errorf("--due: %w", err)}
	}
	return due, nil
}

// dueNote confirms on stderr the date a relative --due stood for.
func (a *App) dueNote(typed string, item incident.ActionItem) {
	if item.Due == "" || strings.TrimSpace(typed) == item.Due {
		return
	}
	if t, err := time.Parse(incident.DateLayout, item.Due); err == nil {
		fmt.Fprintf(a.Stderr, "action item %d is due %s\n", item.ID, t.Format("Mon 2 Jan 2006"))
	}
}

// actionEditOptions is what `scribe action edit` was asked to change: only
// the fields whose flags were given.
type actionEditOptions struct {
	ItemID      int64
	Title       *string
	Owner       *string
	Due         *string
	Priority    *incident.Priority
	Description *string
}

func (a *App) actionEditCmd(runF func(context.Context, *actionEditOptions) error) *cobra.Command {
	opts := &actionEditOptions{}
	var title, owner, due, priority, description string
	cmd := &cobra.Command{
		Use:   strings.TrimPrefix(actionEditUsage, "action "),
		Short: "Correct an action item: title, owner, due date, priority, description",
		Long: `Change the fields of action item ID whose flags are given; the others stay.
An empty value clears an optional field (--owner "", --due none). The
previous values are kept in the item's history.`,
		Example: `  scribe action edit 12 --owner @idaF --due "next friday"
  scribe action edit 12 --title "Alert on replica lag over 30s" --priority P1`,
		Args: rangeArgs(1, 1, actionEditUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID("action item", args[0])
			if err != nil {
				return err
			}
			opts.ItemID = id
			f := cmd.Flags()
			if f.Changed("title") {
				t := strings.TrimSpace(title)
				if err := incident.ValidateTitle(t); err != nil {
					return err
				}
				opts.Title = &t
			}
			if f.Changed("owner") {
				o := strings.TrimSpace(owner)
				if err := incident.ValidateOwner(o); err != nil {
					return err
				}
				opts.Owner = &o
			}
			if f.Changed("due") {
				opts.Due = &due
			}
			if f.Changed("priority") {
				p, err := incident.ParsePriority(priority)
				if err != nil {
					return err
				}
				opts.Priority = &p
			}
			if f.Changed("description") {
				d := strings.TrimSpace(description)
				if err := incident.ValidateText("description", d, false); err != nil {
					return err
				}
				opts.Description = &d
			}
			if opts.Title == nil && opts.Owner == nil && opts.Due == nil && opts.Priority == nil && opts.Description == nil {
				return usageError{fmt.Errorf("nothing to change: give at least one of --title, --owner, --due, --priority, --description: usage: scribe %s", actionEditUsage)}
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return a.runActionEdit(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&title, "title", "", "new title")
	f.StringVar(&owner, "owner", "", "new owner (\"\" for none)")
	f.StringVar(&due, "due", "", dueHelp)
	f.StringVar(&priority, "priority", "", "P0 (most urgent) to P3 (\"\" for none)")
	f.StringVar(&description, "description", "", "new description (\"\" for none)")
	_ = cmd.RegisterFlagCompletionFunc("priority", completeWords(vocabulary(incident.Priorities)))
	return cmd
}

func (a *App) runActionEdit(ctx context.Context, o *actionEditOptions) error {
	return a.withStore(ctx, func(st *store.Store) error {
		current, err := st.ActionItem(ctx, o.ItemID)
		if err != nil {
			return err
		}
		var due string
		if o.Due != nil {
			inc, err := st.Incident(ctx, current.IncidentID)
			if err != nil {
				return err
			}
			if due, err = a.dueDate(*o.Due, inc); err != nil {
				return err
			}
		}
		item, err := st.UpdateActionItem(ctx, o.ItemID, func(it *incident.ActionItem) error {
			set(&it.Title, o.Title)
			set(&it.Owner, o.Owner)
			set(&it.Description, o.Description)
			set(&it.Priority, o.Priority)
			if o.Due != nil {
				it.Due = due
			}
			return it.Validate()
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(a.Stderr, "action item %d updated: %s\n", item.ID, describeItem(item))
		return nil
	})
}

// set copies *v into *dst when v is not nil.
func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// describeItem is one line about an item for confirmations.
func describeItem(it incident.ActionItem) string {
	parts := []string{oneLine(it.Title)}
	if it.Owner != "" {
		parts = append(parts, "owner "+oneLine(it.Owner))
	}
	if it.Priority != "" {
		parts = append(parts, string(it.Priority))
	}
	if t, err := time.Parse(incident.DateLayout, it.Due); err == nil {
		parts = append(parts, "due "+t.Format("Mon 2 Jan 2006"))
	}
	return strings.Join(parts, ", ")
}

// actionIDOptions names one action item (done, delete, restore).
type actionIDOptions struct {
	ItemID int64
	State  incident.ItemState // done: the new state
}

func (a *App) actionDoneCmd(runF func(context.Context, *actionIDOptions) error) *cobra.Command {
	opts := &actionIDOptions{}
	var wontdo, reopen bool
	cmd := &cobra.Command{
		Use:   strings.TrimPrefix(actionDoneUsage, "action "),
		Short: "Mark an action item done (or won't do, or open again)",
		Args:  rangeArgs(1, 1, actionDoneUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID("action item", args[0])
			if err != nil {
				return err
			}
			opts.ItemID, opts.State = id, incident.ItemDone
			switch {
			case wontdo && reopen:
				return usageError{fmt.Errorf("--wontdo and --reopen exclude each other")}
			case wontdo:
				opts.State = incident.ItemWontDo
			case reopen:
				opts.State = incident.ItemOpen
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return a.withStore(cmd.Context(), func(st *store.Store) error {
				item, err := st.UpdateActionItem(cmd.Context(), opts.ItemID, func(it *incident.ActionItem) error {
					it.State = opts.State
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

func (a *App) actionDeleteCmd(runF func(context.Context, *actionIDOptions) error) *cobra.Command {
	return a.actionDeletionCmd(runF, false)
}

func (a *App) actionRestoreCmd(runF func(context.Context, *actionIDOptions) error) *cobra.Command {
	return a.actionDeletionCmd(runF, true)
}

// actionDeletionCmd is `action delete ID`, or with restore `action restore
// ID`: the two ends of a soft delete, as retroDeleteCmd is for notes.
func (a *App) actionDeletionCmd(runF func(context.Context, *actionIDOptions) error, restore bool) *cobra.Command {
	opts := &actionIDOptions{}
	cmd := &cobra.Command{
		Use:   strings.TrimPrefix(actionDeleteUsage, "action "),
		Short: "Delete an action item captured by mistake (undo with action restore)",
		Long: `Delete action item ID: it leaves lists, exports and GitHub filing, and is
kept in the database with its history, so "scribe action restore ID" brings
it back. An item already filed on GitHub keeps its issue.`,
		Args: rangeArgs(1, 1, actionDeleteUsage),
	}
	if restore {
		cmd.Use, cmd.Short, cmd.Long = strings.TrimPrefix(actionRestoreUsage, "action "), "Bring back a deleted action item", ""
		cmd.Args = rangeArgs(1, 1, actionRestoreUsage)
	}
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		id, err := parseID("action item", args[0])
		if err != nil {
			return err
		}
		opts.ItemID = id
		if runF != nil {
			return runF(cmd.Context(), opts)
		}
		return a.withStore(cmd.Context(), func(st *store.Store) error {
			if restore {
				if err := st.RestoreActionItem(cmd.Context(), id); err != nil {
					return err
				}
				fmt.Fprintf(a.Stderr, "restored action item %d\n", id)
				return nil
			}
			if err := st.DeleteActionItem(cmd.Context(), id); err != nil {
				return err
			}
			fmt.Fprintf(a.Stderr, "deleted action item %d (scribe action restore %d brings it back)\n", id, id)
			return nil
		})
	}
	return cmd
}

// actionJSON is one item in `action list --json`: the export document's
// shape plus the incident number.
type actionJSON struct {
	Incident int64 `json:"incident"`
	incident.DocActionItem
}

// actionListOptions is what `scribe action list` was asked to do.
type actionListOptions struct {
	IncidentID int64
	JSON       bool
}

func (a *App) actionListCmd(runF func(context.Context, *actionListOptions) error) *cobra.Command {
	opts := &actionListOptions{}
	cmd := &cobra.Command{
		Use:   strings.TrimPrefix(actionListUsage, "action "),
		Short: "List an incident's action items",
		Args:  rangeArgs(1, 1, actionListUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := incidentArg(args, actionListUsage)
			if err != nil {
				return err
			}
			opts.IncidentID = id
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return a.runActionList(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	cmd.ValidArgsFunction = a.completeIncidentThen()
	return cmd
}

func (a *App) runActionList(ctx context.Context, o *actionListOptions) error {
	id := o.IncidentID
	return a.withReader(ctx, func(st *store.Store) error {
		if _, err := st.Incident(ctx, id); err != nil {
			return err
		}
		items, err := st.ActionItems(ctx, id)
		if err != nil {
			return err
		}
		if o.JSON {
			doc := incident.NewDocument(incident.Snapshot{ActionItems: items})
			out := make([]actionJSON, 0, len(items))
			for _, d := range doc.ActionItems {
				out = append(out, actionJSON{Incident: id, DocActionItem: d})
			}
			return a.writeJSON(out)
		}
		if len(items) == 0 {
			fmt.Fprintf(a.Stderr, "incident #%d has no action items: add one with scribe action add %d TITLE\n", id, id)
			return nil
		}
		out := bufio.NewWriter(a.Stdout)
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tSTATE\tPRI\tOWNER\tDUE\tISSUE\tTITLE")
		for _, it := range items {
			issue := "-"
			switch {
			case it.GitHub.Filed():
				issue = oneLine(fmt.Sprintf("%s#%d", it.GitHub.Repo, it.GitHub.Number))
				if it.GitHub.State != "" && it.GitHub.State != "open" {
					issue += " (" + oneLine(it.GitHub.State) + ")"
				}
			case it.GitHub.SyncError != "":
				issue = "not filed: " + oneLine(it.GitHub.SyncError)
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", it.ID, it.State.Label(), dash(oneLine(string(it.Priority))),
				dash(oneLine(it.Owner)), dash(oneLine(it.Due)), issue, oneLine(it.Title))
		}
		if err := tw.Flush(); err != nil {
			return fmt.Errorf("write the action items: %w", err)
		}
		return out.Flush()
	})
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
