package cli

// `scribe checklist`, and the severity change that attaches a checklist.

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"scribe/incident"
	"scribe/store"
)

const checklistUsage = "checklist N [check|uncheck|skip ITEM] [--json] [--by NAME] [--at WHEN]"

// checklistVerbs maps what a user types to the state it sets.
var checklistVerbs = map[string]incident.ChecklistState{
	"check": incident.ChecklistDone, "done": incident.ChecklistDone, "tick": incident.ChecklistDone,
	"uncheck": incident.ChecklistOpen, "untick": incident.ChecklistOpen, "reopen": incident.ChecklistOpen,
	"skip": incident.ChecklistSkipped,
}

func (a *App) checklistCmd() *cobra.Command {
	var asJSON bool
	var by string
	var at whenFlag
	cmd := &cobra.Command{
		Use:   checklistUsage,
		Short: "Show the incident's checklist, or tick, untick or skip an item",
		Long: `With only N, list the incident's checklist: the steps of its severity's
checklist in config.toml, attached when it was declared, and those of any
severity it was escalated to (added, never replacing what was there).

  check ITEM     mark a step done
  uncheck ITEM   open it again
  skip ITEM      decide it does not apply (the postmortem lists it as skipped)

ITEM is the step's number in the list or words of its text ("status page").
Each change is logged as a checklist event, with --by (default
$SCRIBE_AUTHOR) and --at (default now); its id is printed.`,
		Example: `  scribe checklist 7
  scribe checklist 7 check 2
  scribe checklist 7 check status page --by ana
  scribe checklist 7 skip customer comms`,
		Args: minArgs(1, checklistUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := incidentArg(args, checklistUsage)
			if err != nil {
				return err
			}
			if len(args) == 1 {
				return a.withStore(cmd.Context(), func(st *store.Store) error {
					return a.printChecklist(cmd.Context(), st, id, asJSON)
				})
			}
			state, ok := checklistVerbs[strings.ToLower(args[1])]
			if !ok {
				return usageError{fmt.Errorf("unknown checklist action %q: use check, uncheck or skip, then the item's number or words of its text", args[1])}
			}
			if len(args) < 3 {
				return usageError{fmt.Errorf("which item? usage: scribe checklist %d %s ITEM (its number or words of its text)", id, args[1])}
			}
			return a.withStore(cmd.Context(), func(st *store.Store) error {
				inc, err := st.Incident(cmd.Context(), id)
				if err != nil {
					return err
				}
				items, err := st.Checklist(cmd.Context(), id)
				if err != nil {
					return err
				}
				if len(items) == 0 {
					return incident.Errorf(incident.ENOTFOUND, "incident #%d has no checklist: its severity's checklist in config.toml is empty", id)
				}
				i, err := incident.FindChecklistItem(items, strings.Join(args[2:], " "))
				if err != nil {
					return err
				}
				origin, err := a.originAt(at, by, inc)
				if err != nil {
					return err
				}
				_, e, err := st.SetChecklistItem(cmd.Context(), items[i].ID, state, origin)
				if err != nil {
					return err
				}
				if err := a.printID(e.ID); err != nil {
					return err
				}
				if at.set {
					a.dayNote(fmt.Sprintf("checklist event %d filed", e.ID), e.OccurredAt, inc)
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the checklist as JSON")
	cmd.Flags().StringVar(&by, "by", "", "who did it (default $SCRIBE_AUTHOR)")
	cmd.Flags().Var(&at, "at", "when (default now)")
	cmd.ValidArgsFunction = a.completeIncidentThen([]string{"check", "uncheck", "skip"})
	return cmd
}

// checklistJSON is one item of `checklist --json`.
type checklistJSON struct {
	N        int     `json:"n"`
	UUID     string  `json:"uuid"`
	Text     string  `json:"text"`
	Severity int     `json:"severity"`
	State    string  `json:"state"`
	At       *string `json:"at"`
	By       string  `json:"by,omitempty"`
}

func (a *App) printChecklist(ctx context.Context, st *store.Store, id int64, asJSON bool) error {
	inc, err := st.Incident(ctx, id)
	if err != nil {
		return err
	}
	items, err := st.Checklist(ctx, id)
	if err != nil {
		return err
	}
	if asJSON {
		out := make([]checklistJSON, 0, len(items))
		for i, c := range items {
			j := checklistJSON{N: i + 1, UUID: c.UUID, Text: c.Text, Severity: int(c.Severity), State: string(c.State), By: c.By}
			if !c.At.IsZero() {
				s := c.At.UTC().Format(rfc3339)
				j.At = &s
			}
			out = append(out, j)
		}
		return a.writeJSON(out)
	}
	if len(items) == 0 {
		fmt.Fprintf(a.Stderr, "incident #%d has no checklist (%s has none in the policy: scribe config)\n", id, inc.Severity)
		return nil
	}
	writeChecklist(a.Stdout, items, inc.Location())
	return nil
}

// writeChecklist prints the list with a progress line:
//
//	3 of 10 done, 1 skipped
//	 1 [x] Name an incident commander        done 09:11 by ana
func writeChecklist(w io.Writer, items []incident.ChecklistItem, loc *time.Location) {
	fmt.Fprintln(w, incident.ChecklistProgress(items))
	width := 0
	for _, c := range items {
		width = max(width, len([]rune(oneLine(c.Text))))
	}
	for i, c := range items {
		mark, note := "[ ]", ""
		switch c.State {
		case incident.ChecklistDone:
			mark, note = "[x]", "done"
		case incident.ChecklistSkipped:
			mark, note = "[-]", "skipped"
		}
		if note != "" && !c.At.IsZero() {
			note += " " + c.At.In(loc).Format("15:04")
			if c.By != "" {
				note += " by " + oneLine(c.By)
			}
		}
		line := fmt.Sprintf("%2d %s %-*s  %s", i+1, mark, width, oneLine(c.Text), note)
		fmt.Fprintln(w, strings.TrimRight(line, " "))
	}
}
