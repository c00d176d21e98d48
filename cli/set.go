package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"scribe/incident"
	"scribe/store"
)

const setUsage = "set N FIELD VALUE"

// maxStdin bounds what `set N FIELD -` reads: the longest field holds
// incident.MaxTextLen characters of up to 4 bytes each, and a little more.
const maxStdin = 1 << 20

// setOptions is what `scribe set` was asked to do, parsed and checked.
type setOptions struct {
	IncidentID int64
	Field      incident.Field
	Value      string
	FromStdin  bool // the value is "-": read it from standard input
}

func (a *App) setCmd(runF func(context.Context, *setOptions) error) *cobra.Command {
	opts := &setOptions{}
	cmd := &cobra.Command{
		Use:   setUsage,
		Short: "Set a field: title, severity, summary, impact, root-cause, trigger, resolution, services, tz",
		Long: `Set one field of the incident. The value is the rest of the command line;
"-" reads it from standard input (for long Markdown). services is a
comma-separated list. tz is the display zone (IANA name or abbreviation).

A severity set after the incident is resolved is a correction: the timeline
records it at the incident's declaration, saying when it was made, instead
of adding a line dated today.`,
		Example: `  scribe set 7 summary "For 47 minutes, 4% of checkouts failed."
  scribe set 7 services "checkout, payments-api"
  scribe set 7 severity 1
  scribe set 7 root-cause - < root-cause.md`,
		Args: minArgs(3, setUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := incidentArg(args, setUsage)
			if err != nil {
				return err
			}
			opts.IncidentID = id
			if opts.Field, err = incident.ParseField(args[1]); err != nil {
				return err
			}
			opts.Value = strings.Join(args[2:], " ")
			opts.FromStdin = opts.Value == "-"
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return a.runSet(cmd.Context(), opts)
		},
	}
	cmd.ValidArgsFunction = a.completeIncidentThen(vocabulary(incident.Fields))
	return cmd
}

func (a *App) runSet(ctx context.Context, o *setOptions) error {
	value := o.Value
	if o.FromStdin {
		b, err := readBounded(ctx, a.Stdin, maxStdin, "standard input")
		if err != nil {
			return fmt.Errorf("%w (a %s is at most %d characters)", err, o.Field, incident.MaxTextLen)
		}
		value = string(b)
	}
	// Check the value before the database is opened, with the one
	// validation every way into scribe uses.
	var probe incident.Incident
	if err := probe.Set(o.Field, value); err != nil {
		return err
	}
	if o.Field == incident.FieldSeverity {
		return a.setSeverity(ctx, o.IncidentID, probe.Severity) // cli/checklist.go
	}
	return a.withStore(ctx, func(st *store.Store) error {
		_, err := st.UpdateIncident(ctx, o.IncidentID, func(inc *incident.Incident) error {
			return inc.Set(o.Field, value)
		})
		return err
	})
}
