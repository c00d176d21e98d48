package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"scribe/incident"
	"scribe/outbox"
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
	FromStdin  bool   // the value is "-": read it from standard input
	Reason     string // with severity: why, kept in the severity event
}

func (a *App) setCmd(runF func(context.Context, *setOptions) error) *cobra.Command {
	opts := &setOptions{}
	cmd := &cobra.Command{
		Use:   setUsage,
		Short: "Set a field: title, severity, summary, impact, root-cause, trigger, resolution, services, tz",
		Long: `Set one field of the incident. The value is the rest of the command line;
"-" reads it from standard input (for long Markdown). services is a
comma-separated list. tz is the display zone (IANA name or abbreviation).

A severity change is a severity event in the timeline, with --reason as
its text. One set after the incident is resolved is a correction: the
timeline records it at the incident's declaration, saying when it was made,
instead of adding a line dated today.`,
		Example: `  scribe set 7 summary "For 47 minutes, 4% of checkouts failed."
  scribe set 7 services "checkout, payments-api"
  scribe set 7 severity 1 --reason "checkout down in every region"
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
			opts.Reason = strings.TrimSpace(opts.Reason)
			if opts.Reason != "" && opts.Field != incident.FieldSeverity {
				return incident.Errorf(incident.EINVALID, "--reason goes with severity (why it changed), not with %s", opts.Field)
			}
			if err := incident.ValidateText("severity reason", opts.Reason, false); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return a.runSet(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Reason, "reason", "", "with severity: why it changed (kept in the timeline)")
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
	origin, err := a.origin(a.Now(), "")
	if err != nil {
		return err
	}
	var checklist []string
	if o.Field == incident.FieldSeverity {
		// Escalating attaches the new severity's checklist (config.toml).
		cfg, err := a.loadConfig()
		if err != nil {
			return err
		}
		checklist = cfg.For(probe.Severity).Checklist
	}
	return a.withWriter(ctx, 0, false, func(st writer, _ incident.Incident) error {
		if o.Field == incident.FieldSeverity {
			_, err := st.Escalate(ctx, o.IncidentID, probe.Severity, o.Reason, checklist, origin)
			return err
		}
		// The one field as a patch: an operation the outbox can keep,
		// which changes nothing else however late it is delivered.
		op := outbox.NewOperation(incident.OpEditIncident, incident.Ref{ID: o.IncidentID}, origin, a.Now())
		op.Fields = fieldPatch(o.Field, probe)
		_, err := st.Apply(ctx, op)
		return err
	})
}

// fieldPatch is the patch that sets field f to its value in probe.
func fieldPatch(f incident.Field, probe incident.Incident) *incident.IncidentPatch {
	var p incident.IncidentPatch
	switch f {
	case incident.FieldTitle:
		p.Title = &probe.Title
	case incident.FieldSeverity:
		p.Severity = &probe.Severity
	case incident.FieldSummary:
		p.Summary = &probe.Summary
	case incident.FieldImpact:
		p.Impact = &probe.Impact
	case incident.FieldRootCause:
		p.RootCause = &probe.RootCause
	case incident.FieldTrigger:
		p.Trigger = &probe.Trigger
	case incident.FieldResolution:
		p.Resolution = &probe.Resolution
	case incident.FieldServices:
		services := probe.Services
		if services == nil {
			services = []string{}
		}
		p.Services = &services
	case incident.FieldTimezone:
		p.Timezone = &probe.Timezone
	}
	return &p
}
