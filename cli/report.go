package cli

// `scribe report`.

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"scribe/incident"
	"scribe/report"
	"scribe/store"
)

const reportUsage = "report [--since DATE] [--until DATE] [--tz ZONE] [--json] [--format text|html|json] [-o FILE]"

func (a *App) reportCmd() *cobra.Command {
	var since, until, tz, format, out string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   reportUsage,
		Short: "Measure incidents together: counts, response times, follow-ups",
		Long: `Report on the incidents that began in a window: how many per severity and per
month, the median and p90 time to detect, mitigate and resolve and duration of
impact, and how many follow-ups were opened, done and overdue.

An incident began at its first set milestone among started, detected and
declared (else when it was recorded). --since and --until take dates
(YYYY-MM-DD) and both include their day. Days and months are in UTC unless
--tz names another zone, so that everyone running the report gets the same
numbers. Months run from the first incident's to the last's, quiet ones
included, over at most 36 months; over a longer span only the months with
incidents are listed. An incident none of whose dates can be read from the
database (a value written by hand or by an older scribe) is counted apart
under "Date unreadable" and in nothing else; scribe show N says what the
database holds.

Response times come from the milestones, defined as in the postmortem: from
started (or detected, when the start of impact is unknown) to detected,
mitigated and resolved; impact lasts from started to mitigated (else
resolved). An incident missing a milestone is counted under "missing", one
whose milestones contradict each other under "out of order": never as zero.
Median and p90 interpolate linearly between closest ranks (the median of an
even count is the mean of the middle two).

Follow-ups are the action items of those incidents; open ones are overdue by
their due date, else by their priority's deadline (see scribe followups). The
completion rate is done / (opened - won't do).

--format html writes a self-contained page with SVG charts (nothing loaded
from the network); --json (or --format json) the numbers for scripts, with
durations in seconds.`,
		Example: `  scribe report
  scribe report --since 2025-01-01 --until 2025-06-30
  scribe report --format html -o incidents-h1.html
  scribe report --json | jq '.metrics.time_to_mitigate.median_seconds'`,
		Args: maxArgs(0, reportUsage),
		RunE: func(cmd *cobra.Command, _ []string) error {
			kind, err := reportFormat(format, asJSON, cmd.Flags().Changed("format"))
			if err != nil {
				return err
			}
			if err := checkPathFlag("-o", out); err != nil {
				return err
			}
			pol, err := a.followUpPolicy() // config.toml's [followups] (cli/followups.go)
			if err != nil {
				return err
			}
			opts := report.Options{Zone: time.UTC, Now: a.Now(), Policy: pol}
			if strings.TrimSpace(tz) != "" {
				if opts.Zone, err = incident.ParseZone(tz); err != nil {
					return usageError{fmt.Errorf("--tz: %w", err)}
				}
				a.zoneNote(tz)
			}
			if opts.Since, err = reportDay("--since", since, opts.Zone, 0); err != nil {
				return err
			}
			if opts.Until, err = reportDay("--until", until, opts.Zone, 1); err != nil {
				return err
			}
			if !opts.Since.IsZero() && !opts.Until.IsZero() && !opts.Until.After(opts.Since) {
				return usageError{fmt.Errorf("--until %s is before --since %s: the window would be empty", until, since)}
			}
			return a.withStore(cmd.Context(), func(st *store.Store) error {
				ins, err := reportInput(cmd.Context(), st)
				if err != nil {
					return err
				}
				r := report.Build(ins, opts)
				var buf bytes.Buffer
				switch kind {
				case "json":
					err = report.JSON(&buf, r)
				case "html":
					err = report.HTML(&buf, r, report.HTMLOptions{Generated: a.Now()})
				default:
					err = report.Text(&buf, r)
				}
				if err != nil {
					return err
				}
				return a.writeFileOrStdout(cmd.Context(), out, buf.Bytes())
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&since, "since", "", "only incidents that began on or after DATE (YYYY-MM-DD)")
	f.StringVar(&until, "until", "", "only incidents that began on or before DATE (YYYY-MM-DD)")
	f.StringVar(&tz, "tz", "", "days and months in ZONE (default UTC)")
	f.BoolVar(&asJSON, "json", false, "print JSON (same as --format json)")
	f.StringVar(&format, "format", "text", "text, html or json")
	f.StringVarP(&out, "output", "o", "", "write to FILE atomically instead of stdout")
	_ = cmd.RegisterFlagCompletionFunc("format", completeWords([]string{"text", "html", "json"}))
	return cmd
}

// reportFormat reads --format and --json into text, html or json.
func reportFormat(format string, asJSON, formatSet bool) (string, error) {
	f := strings.ToLower(strings.TrimSpace(format))
	switch f {
	case "text", "txt", "":
		f = "text"
	case "html", "json":
	default:
		return "", usageError{fmt.Errorf("unknown --format %s: use text, html or json", incident.Quote(format))}
	}
	if asJSON {
		if formatSet && f != "json" {
			return "", usageError{fmt.Errorf("--json and --format %s disagree: give one of them", f)}
		}
		return "json", nil
	}
	return f, nil
}

// reportDay reads a --since or --until date as the start of that day in
// loc, plus days (1 makes --until include its whole day). "" is unbounded.
func reportDay(flag, in string, loc *time.Location, days int) (time.Time, error) {
	in = strings.TrimSpace(in)
	if in == "" {
		return time.Time{}, nil
	}
	d, err := time.ParseInLocation(incident.DateLayout, in, loc)
	if err != nil {
		return time.Time{}, usageError{fmt.Errorf("%s %s is not a date: use YYYY-MM-DD, e.g. 2025-06-01", flag, incident.Quote(in))}
	}
	d = d.AddDate(0, 0, days)
	if err := incident.CheckInstant(flag, d); err != nil {
		return time.Time{}, usageError{err}
	}
	return d, nil
}

// reportInput reads every incident with its live action items.
func reportInput(ctx context.Context, st *store.Store) ([]report.Input, error) {
	incs, err := st.Incidents(ctx)
	if err != nil {
		return nil, err
	}
	ins := make([]report.Input, 0, len(incs))
	for _, inc := range incs {
		items, err := st.ActionItems(ctx, inc.ID)
		if err != nil {
			return nil, fmt.Errorf("action items of incident #%d: %w", inc.ID, err)
		}
		ins = append(ins, report.Input{Incident: inc, ActionItems: items})
	}
	return ins, nil
}
