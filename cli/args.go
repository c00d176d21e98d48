package cli

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"scribe/incident"
)

// incidentArg reads the incident number from args[0], naming what is
// missing or wrong.
func incidentArg(args []string, usage string) (int64, error) {
	if len(args) == 0 || strings.TrimSpace(args[0]) == "" {
		return 0, usageError{fmt.Errorf("missing incident number: usage: scribe %s", usage)}
	}
	return parseID("incident", args[0])
}

// parseID reads a positive integer id; "#7" is accepted for incidents.
func parseID(what, s string) (int64, error) {
	n, err := strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(s), "#"), 10, 64)
	if err != nil || n <= 0 {
		return 0, usageError{fmt.Errorf("invalid %s number %s: use a positive number such as 7", what, incident.Quote(s))}
	}
	return n, nil
}

// minArgs is cobra.MinimumNArgs with a message that names what is missing
// and shows the usage.
func minArgs(n int, usage string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) == 0 && strings.Contains(usage, " N ") || strings.HasSuffix(usage, " N") && len(args) == 0 {
			return usageError{fmt.Errorf("missing incident number: usage: scribe %s", usage)}
		}
		if len(args) < n {
			return usageError{fmt.Errorf("missing arguments: usage: scribe %s", usage)}
		}
		return nil
	}
}

func maxArgs(n int, usage string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) > n {
			return usageError{fmt.Errorf("too many arguments: usage: scribe %s", usage)}
		}
		return nil
	}
}

func rangeArgs(lo, hi int, usage string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := minArgs(lo, usage)(cmd, args); err != nil {
			return err
		}
		return maxArgs(hi, usage)(cmd, args)
	}
}

// whenFlag is an --at value. Unset means now; once given, even as "", it
// must parse: a time typed wrong never silently becomes now.
type whenFlag struct {
	value string
	set   bool
}

func (w *whenFlag) String() string     { return w.value }
func (w *whenFlag) Type() string       { return "WHEN" }
func (w *whenFlag) Set(s string) error { w.value, w.set = s, true; return nil }

// when reads an --at value in the incident's zone; unset means now.
// incident.ParseWhen refuses a time ahead of the clock, naming the date it
// would have had, so nothing typed with --at is ever filed on a day the
// user did not mean.
func (a *App) when(at whenFlag, inc incident.Incident) (time.Time, error) {
	now := a.Now()
	if !at.set {
		return now.UTC(), nil
	}
	t, err := incident.ParseWhen(at.value, now, inc.Location())
	if err != nil {
		return time.Time{}, usageError{fmt.Errorf("--at: %w", err)}
	}
	a.zoneNote(at.value)
	return t, nil
}

// dayNote confirms on stderr ("event filed yesterday, Sat 21 Nov 2026, at
// 23:50 CET (not today)"), after what was filed at t is committed, the
// date it was filed on when that is not today in the incident's zone: a
// clock time typed just after midnight lands on yesterday, and the user
// sees it.
func (a *App) dayNote(what string, t time.Time, inc incident.Incident) {
	loc := inc.Location()
	local, today := t.In(loc), a.Now().In(loc)
	if local.Format(incident.DateLayout) == today.Format(incident.DateLayout) {
		return
	}
	day := "on " + local.Format("Mon 2 Jan 2006")
	if local.Format(incident.DateLayout) == today.AddDate(0, 0, -1).Format(incident.DateLayout) {
		day = "yesterday, " + local.Format("Mon 2 Jan 2006") + ","
	}
	fmt.Fprintf(a.Stderr, "%s %s at %s (not today)\n", what, day, local.Format("15:04 MST"))
}

// zoneNote tells the user, on stderr, which meaning an ambiguous zone
// abbreviation (IST, CST, BST, MST) was given.
func (a *App) zoneNote(input string) {
	if note := incident.ZoneNote(input); note != "" {
		fmt.Fprintln(a.Stderr, "note: "+note)
	}
}
