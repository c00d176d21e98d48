package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"scribe/incident"
	"scribe/store"
)

const newUsage = `new TITLE [--sev 1-5] [--at WHEN] [--tz ZONE]`

// newOptions is what `scribe new` was asked to do, parsed and checked.
type newOptions struct {
	Title    string
	Severity incident.Severity
	Zone     *time.Location
	ZoneText string // as typed, for the note on ambiguous abbreviations
	At       whenFlag
	By       string
}

func (a *App) newCmd(runF func(context.Context, *newOptions) error) *cobra.Command {
	opts := &newOptions{}
	var sev string
	cmd := &cobra.Command{
		Use:   newUsage,
		Short: "Declare an incident; prints its number",
		Long: `Declare an incident. The title is the rest of the command line.
--at sets when it was declared (default now; never ahead of the clock); --tz
the zone its times are shown in (default the machine's zone).`,
		Example: `  scribe new "Checkout errors after the payments deploy" --sev 2
  scribe new "Replica lag on orders-db" --sev 3 --at 14:05 --tz Europe/Berlin`,
		Args: minArgs(1, newUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Title = strings.TrimSpace(strings.Join(args, " "))
			if err := incident.ValidateTitle(opts.Title); err != nil {
				return err
			}
			var err error
			if opts.Severity, err = incident.ParseSeverity(sev); err != nil {
				return usageError{fmt.Errorf("--sev: %w", err)}
			}
			if opts.ZoneText == "" {
				opts.ZoneText = localZoneName(a.Getenv)
			}
			if opts.Zone, err = parseZoneFlag("--tz", opts.ZoneText); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return a.runNew(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&sev, "sev", "3", "severity, 1 (worst) to 5")
	cmd.Flags().Var(&opts.At, "at", "when it was declared (default now): 14:05, -10m, 2026-11-21 14:05 UTC, RFC3339")
	cmd.Flags().StringVar(&opts.ZoneText, "tz", "", "display time zone: IANA name or abbreviation (default the machine's)")
	cmd.Flags().StringVar(&opts.By, "by", "", "who declared it (default $SCRIBE_AUTHOR, git user.name, login name)")
	_ = cmd.RegisterFlagCompletionFunc("sev", completeWords([]string{"1", "2", "3", "4", "5"}))
	return cmd
}

func (a *App) runNew(ctx context.Context, o *newOptions) error {
	a.zoneNote(o.ZoneText)
	inc := incident.Incident{Title: o.Title, Severity: o.Severity, State: incident.Investigating, Timezone: o.Zone.String()}
	declared, err := a.when(o.At, inc)
	if err != nil {
		return err
	}
	origin, err := a.origin(declared, o.By)
	if err != nil {
		return err
	}
	// The team policy decides the incident's cadence and checklist: a
	// broken config.toml stops the declaration before anything is written
	// (cli/config.go).
	cfg, err := a.loadConfig()
	if err != nil {
		return err
	}
	return a.withStore(ctx, func(st *store.Store) error {
		// The severity's checklist is attached with the declaration
		// (store/checklist.go).
		if err := st.DeclareIncident(ctx, &inc, cfg.For(inc.Severity).Checklist, origin); err != nil {
			return err
		}
		if err := a.printSavedID("incident", inc.ID); err != nil {
			return err
		}
		if o.At.set {
			a.dayNote(fmt.Sprintf("incident #%d declared", inc.ID), declared, inc)
		}
		return nil
	})
}

// parseZoneFlag reads a zone flag (--tz), refusing an overlong value
// before the zone table quotes it back.
func parseZoneFlag(flag, value string) (*time.Location, error) {
	if err := incident.ValidateName(flag, value, incident.MaxZoneNameLen, true); err != nil {
		return nil, usageError{err}
	}
	loc, err := incident.ParseZone(value)
	if err != nil {
		return nil, usageError{fmt.Errorf("%s: %w", flag, err)}
	}
	return loc, nil
}
