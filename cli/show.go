package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"scribe/export"
	"scribe/incident"
	"scribe/store"
)

const showUsage = "show N [--json]"

// showOptions is what `scribe show` was asked to do, parsed and checked.
type showOptions struct {
	IncidentID int64
	JSON       bool
}

func (a *App) showCmd(runF func(context.Context, *showOptions) error) *cobra.Command {
	opts := &showOptions{}
	cmd := &cobra.Command{
		Use:   showUsage,
		Short: "Print an incident and its timeline (--json: the export document)",
		Args:  rangeArgs(1, 1, showUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := incidentArg(args, showUsage)
			if err != nil {
				return err
			}
			opts.IncidentID = id
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return a.runShow(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the JSON document (as export --format json)")
	cmd.ValidArgsFunction = a.completeIncidentThen()
	return cmd
}

func (a *App) runShow(ctx context.Context, o *showOptions) error {
	return a.withReader(ctx, func(st *store.Store) error {
		snap, err := a.snapshotWithPolicy(ctx, st, o.IncidentID) // cli/config.go
		if err != nil {
			return err
		}
		var out bytes.Buffer
		if o.JSON {
			if err := export.JSON(&out, snap); err != nil {
				return err
			}
		} else {
			printIncident(&out, snap, a.Now())
		}
		return a.writeOut(ctx, out.Bytes())
	})
}

// printIncident writes a readable view of the incident in its own zone.
func printIncident(w io.Writer, snap incident.Snapshot, now time.Time) {
	inc := snap.Incident
	loc := inc.Location()
	fmt.Fprintf(w, "#%d %s %s\n", inc.ID, inc.Severity, oneLine(inc.Title))
	fmt.Fprintf(w, "State: %s · Times in %s\n", strings.ToUpper(oneLine(string(inc.State))), loc)

	if holders := currentHolders(snap.Roles); holders != "" {
		fmt.Fprintf(w, "Roles: %s\n", holders)
	}
	var ms []string
	for _, m := range incident.MilestoneOrder {
		if t, ok := inc.Milestones.Get(m); ok {
			ms = append(ms, fmt.Sprintf("%s %s", m, t.In(loc).Format("2006-01-02 15:04")))
		}
	}
	if len(ms) > 0 {
		fmt.Fprintf(w, "Milestones: %s\n", strings.Join(ms, " · "))
	}
	if line := metricsLine(inc.Milestones.Metrics()); line != "" {
		fmt.Fprintf(w, "Metrics: %s\n", line)
	}
	printRunbook(w, snap, now) // cli/updateshow.go
	for _, pair := range inc.Milestones.OutOfOrder() {
		if why, ok := incident.PlausibleOrder(pair); ok {
			fmt.Fprintf(w, "Note: %s is before %s: %s\n", pair[1], pair[0], why)
			continue
		}
		fmt.Fprintf(w, "Warning: %s is before %s\n", pair[1], pair[0])
	}
	for _, f := range incident.NarrativeFields {
		if v := inc.Get(f); v != "" {
			fmt.Fprintf(w, "\n%s:\n  %s\n", f.Label(), strings.ReplaceAll(clean(v), "\n", "\n  "))
		}
	}
	if len(inc.Services) > 0 {
		fmt.Fprintf(w, "\nServices: %s\n", oneLine(strings.Join(inc.Services, ", ")))
	}

	printTimeline(w, snap.Events, loc)
	if len(snap.ActionItems) > 0 {
		fmt.Fprintf(w, "\nAction items\n")
		for _, it := range snap.ActionItems {
			extra := actionDetails(it)
			if it.GitHub.Filed() {
				extra = append(extra, fmt.Sprintf("%s#%d", it.GitHub.Repo, it.GitHub.Number))
			}
			details := ""
			if len(extra) > 0 {
				details = "  (" + oneLine(strings.Join(extra, ", ")) + ")"
			}
			fmt.Fprintf(w, "  [%d] %-8s %s%s%s\n", it.ID, it.State.Label(), oneLine(it.Title), details, invalidMark(it.Invalid))
		}
	}
	if len(snap.Retro) > 0 {
		fmt.Fprintf(w, "\nRetro\n")
		for _, n := range snap.Retro {
			fmt.Fprintf(w, "  [%d] %-10s %s%s\n", n.ID, oneLine(string(n.Section)), oneLine(n.Text), invalidMark(n.Invalid))
		}
	}
	printUnreadable(w, snap)
}

// unreadableHeading heads the events whose time could not be read: they
// follow the others instead of being dated 31 December of year 0.
const unreadableHeading = "Time unreadable"

// printTimeline lists the events by day in loc; those whose time could not
// be read come last, under their own heading, with the stored value.
func printTimeline(w io.Writer, events []incident.Event, loc *time.Location) {
	fmt.Fprintf(w, "\nTimeline (%s)\n", incident.Count(len(events), "event"))
	lastDay, unreadable := "", 0
	for i := range events {
		e := &events[i]
		if e.OccurredAt.IsZero() {
			unreadable++
			continue
		}
		t := e.OccurredAt.In(loc)
		if day := t.Format("Mon 2 Jan 2006"); day != lastDay {
			fmt.Fprintf(w, "  %s (%s)\n", day, t.Format("MST"))
			lastDay = day
		}
		printEvent(w, e, t.Format("15:04"), loc)
	}
	if unreadable == 0 {
		return
	}
	fmt.Fprintf(w, "  %s\n", unreadableHeading)
	for i := range events {
		if e := &events[i]; e.OccurredAt.IsZero() {
			printEvent(w, e, "--:--", loc)
		}
	}
}

// printEvent prints one timeline row; a row with unreadable values says
// which, with what the database holds.
func printEvent(w io.Writer, e *incident.Event, clock string, loc *time.Location) {
	pin := " "
	if e.Pinned {
		pin = "★"
	}
	text := oneLine(e.Text)
	switch e.Kind {
	case incident.KindStatus:
		text = oneLine(incident.StatusText(*e))
	case incident.KindSeverity:
		text = oneLine(incident.SeverityText(*e, loc))
	}
	if e.Author != "" {
		text += "  — " + oneLine(e.Author)
	}
	fmt.Fprintf(w, "  %s %s %-12s %s  [%d]%s\n", clock, pin, oneLine(string(e.Kind)), text, e.ID, invalidMark(e.Invalid))
}

// invalidMark flags a row holding values scribe could not read, with
// what the database holds.
func invalidMark(u incident.Unreadable) string {
	if len(u) == 0 {
		return ""
	}
	return "  ⚠ " + unreadableValues(u)
}

// unreadableValues is "unreadable: occurred_at "…" is not a time; …".
func unreadableValues(u incident.Unreadable) string {
	parts := make([]string, len(u))
	for i, v := range u {
		parts[i] = v.String()
	}
	return "unreadable: " + oneLine(strings.Join(parts, "; "))
}

// printUnreadable lists the values of the incident and of its role
// assignments that could not be read (rows show do not print otherwise),
// with how to set them again.
func printUnreadable(w io.Writer, snap incident.Snapshot) {
	var lines []string
	add := func(what string, u incident.Unreadable, fix string) {
		if len(u) > 0 {
			lines = append(lines, fmt.Sprintf("  %s: %s — fix: %s", what, unreadableValues(u), fix))
		}
	}
	n := snap.Incident.ID
	add("incident", snap.Incident.Invalid, fmt.Sprintf("set it again (scribe milestone %d NAME --at TIME, scribe set %d FIELD VALUE)", n, n))
	for _, r := range snap.Roles {
		add("role "+oneLine(r.Role)+" ("+oneLine(r.Person)+")", r.Invalid, fmt.Sprintf("assign the role again (scribe role %d %s NAME --at TIME)", n, oneLine(r.Role)))
	}
	if len(lines) == 0 {
		return
	}
	fmt.Fprintf(w, "\nUnreadable stored values\n")
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
}

// currentHolders renders "IC Rosa M. · Ops Ken A." for open assignments.
func currentHolders(roles []incident.RoleAssignment) string {
	current := map[string]string{}
	var order []string
	for _, r := range roles {
		if !r.Active() {
			continue
		}
		if _, seen := current[r.Role]; !seen {
			order = append(order, r.Role)
		}
		current[r.Role] = r.Person
	}
	var parts []string
	for _, role := range incident.Roles {
		if p, ok := current[role]; ok {
			parts = append(parts, incident.RoleShort(role)+" "+oneLine(p))
			delete(current, role)
		}
	}
	for _, role := range order {
		if p, ok := current[role]; ok {
			parts = append(parts, incident.RoleShort(role)+" "+oneLine(p))
		}
	}
	return strings.Join(parts, " · ")
}

func metricsLine(m incident.Metrics) string {
	var parts []string
	add := func(label string, d *time.Duration) {
		if d != nil {
			parts = append(parts, label+" "+incident.FormatDuration(*d))
		}
	}
	add("time to detect", m.TimeToDetect)
	add("time to mitigate", m.TimeToMitigate)
	add("time to resolve", m.TimeToResolve)
	add("impact", m.ImpactDuration)
	return strings.Join(parts, " · ")
}
