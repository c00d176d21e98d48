package cli

// `scribe remind`.

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

const remindUsage = "remind N [SPAN TEXT... | done ID | dismiss ID | snooze ID SPAN] [--json] [--by NAME]"

func (a *App) remindCmd() *cobra.Command {
	var asJSON bool
	var by string
	cmd := &cobra.Command{
		Use:   remindUsage,
		Short: "Set a time-boxed reminder, list them, or mark one done, dismissed or snoozed",
		Long: `A reminder is a time-boxed ask: "in 15 minutes, check replica lag (@ana)".

  scribe remind N 15m TEXT      set one, due in 15 minutes; prints its id
  scribe remind N               list them, due ones first (--json)
  scribe remind N done ID       it was done
  scribe remind N dismiss ID    it no longer matters
  scribe remind N snooze ID 10m ask again in 10 minutes

The span takes the forms of --at's relative times: 90s, 15m, 1h30m, 2h. An
@name in the text says who is asked. Each change is logged as a reminder
event. When a reminder comes due, the TUI shows it until it is done or
dismissed; show prints the ones due, and show --json carries them all
(state open and due_at past means due).`,
		Example: `  scribe remind 7 15m check replica lag @ana
  scribe remind 7 done 3
  scribe remind 7 snooze 3 10m`,
		Args: minArgs(1, remindUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := incidentArg(args, remindUsage)
			if err != nil {
				return err
			}
			o, err := a.origin(a.Now(), by)
			if err != nil {
				return err
			}
			var verb string
			if len(args) > 1 && !isReminderVerb(args[1], &verb) {
				// A new reminder is one operation the team database's
				// outbox keeps while it is out of reach (cli/writer.go).
				r, err := incident.ParseReminder(strings.Join(args[1:], " "), a.Now())
				if err != nil && len(args) == 2 && len(strings.Fields(args[1])) < 2 {
					// One word and no text: an argument left out, as log N
					// with no text is; a text typed blank fails below.
					return usageError{fmt.Errorf("%w: usage: scribe %s", err, remindUsage)}
				}
				if err != nil {
					return err
				}
				r.IncidentID = id
				return a.withWriter(cmd.Context(), 0, false, func(st writer, _ incident.Incident) error {
					if err := st.AddReminder(cmd.Context(), &r, o); err != nil {
						return err
					}
					return a.printID(r.ID)
				})
			}
			return a.withStore(cmd.Context(), func(st *store.Store) error {
				if len(args) == 1 {
					return a.printReminders(cmd.Context(), st, id, asJSON)
				}
				return a.changeReminder(cmd.Context(), st, id, verb, args[2:], o)
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "list the reminders as JSON")
	cmd.Flags().StringVar(&by, "by", "", "who (default $SCRIBE_AUTHOR)")
	cmd.ValidArgsFunction = a.completeIncidentThen([]string{"done", "dismiss", "snooze"})
	return cmd
}

func isReminderVerb(word string, verb *string) bool {
	switch w := strings.ToLower(word); w {
	case "done", "dismiss", "snooze":
		*verb = w
		return true
	}
	return false
}

// changeReminder marks reminder args[0] of incident id done or dismissed,
// or snoozes it by args[1].
func (a *App) changeReminder(ctx context.Context, st *store.Store, id int64, verb string, args []string, o store.Origin) error {
	usage := fmt.Sprintf("scribe remind %d %s ID", id, verb)
	if verb == "snooze" {
		usage += " SPAN"
	}
	if len(args) == 0 || (verb == "snooze" && len(args) != 2) || (verb != "snooze" && len(args) != 1) {
		return usageError{fmt.Errorf("usage: %s (ids: scribe remind %d)", usage, id)}
	}
	rid, err := parseID("reminder", args[0])
	if err != nil {
		return err
	}
	r, err := st.Reminder(ctx, rid)
	if err != nil {
		return err
	}
	if r.IncidentID != id {
		return incident.Errorf(incident.ENOTFOUND, "reminder #%d belongs to incident #%d, not #%d", rid, r.IncidentID, id)
	}
	switch verb {
	case "done":
		_, err = st.CloseReminder(ctx, rid, incident.ReminderDone, o)
	case "dismiss":
		_, err = st.CloseReminder(ctx, rid, incident.ReminderDismissed, o)
	default:
		span, perr := incident.ParseInterval("snooze", args[1])
		if perr != nil {
			return perr
		}
		_, err = st.SnoozeReminder(ctx, rid, a.Now().Add(span), o)
	}
	return err
}

// reminderJSON is one reminder of `remind N --json`.
type reminderJSON struct {
	ID      int64   `json:"id"`
	UUID    string  `json:"uuid"`
	Text    string  `json:"text"`
	Who     string  `json:"who,omitempty"`
	DueAt   string  `json:"due_at"`
	State   string  `json:"state"`
	Due     bool    `json:"due"`
	By      string  `json:"by,omitempty"`
	Closed  *string `json:"closed_at"`
	Overdue string  `json:"overdue,omitempty"`
}

func (a *App) printReminders(ctx context.Context, st *store.Store, id int64, asJSON bool) error {
	inc, err := st.Incident(ctx, id)
	if err != nil {
		return err
	}
	rs, err := st.Reminders(ctx, id)
	if err != nil {
		return err
	}
	now := a.Now()
	if asJSON {
		out := make([]reminderJSON, 0, len(rs))
		for _, r := range rs {
			j := reminderJSON{ID: r.ID, UUID: r.UUID, Text: r.Text, Who: r.Who, DueAt: r.DueAt.UTC().Format(rfc3339),
				State: string(r.State), Due: r.Due(now), By: r.By}
			if !r.ClosedAt.IsZero() {
				s := r.ClosedAt.UTC().Format(rfc3339)
				j.Closed = &s
			}
			if j.Due {
				j.Overdue = incident.FormatDuration(now.Sub(r.DueAt))
			}
			out = append(out, j)
		}
		return a.writeJSON(out)
	}
	if len(rs) == 0 {
		fmt.Fprintf(a.Stderr, "no reminders on incident #%d: set one with scribe remind %d 15m TEXT\n", id, id)
		return nil
	}
	writeReminders(a.Stdout, rs, now, inc.Location(), true)
	return nil
}

// writeReminders prints reminders, due ones first, then those waiting,
// then (with closed) the done and dismissed ones:
//
//	#3  DUE 14:20, overdue 4m   check replica lag @ana
//	#4  at 14:40 (in 16m)       rotate the on-call
func writeReminders(w io.Writer, rs []incident.Reminder, now time.Time, loc *time.Location, closed bool) {
	line := func(r incident.Reminder, when string) {
		fmt.Fprintf(w, "  #%-3d %-26s %s\n", r.ID, when, oneLine(r.Text))
	}
	for _, r := range rs {
		if r.Due(now) {
			line(r, "DUE "+r.DueAt.In(loc).Format("15:04")+", overdue "+incident.FormatDuration(now.Sub(r.DueAt)))
		}
	}
	for _, r := range rs {
		switch {
		case r.State == incident.ReminderOpen && r.DueAt.IsZero():
			// The database holds a time it cannot read (r.Invalid).
			line(r, "due time unreadable")
		case r.State == incident.ReminderOpen && !r.Due(now):
			line(r, "at "+r.DueAt.In(loc).Format("15:04")+" (in "+incident.FormatDuration(r.DueAt.Sub(now))+")")
		}
	}
	if !closed {
		return
	}
	for _, r := range rs {
		if r.State != incident.ReminderOpen {
			line(r, string(r.State)+" "+r.ClosedAt.In(loc).Format("15:04"))
		}
	}
}
