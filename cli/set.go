package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"scribe/incident"
	"scribe/store"
)

const setUsage = "set N FIELD VALUE"

// maxStdin bounds what `set N FIELD -` reads.
const maxStdin = 1 << 20

func (a *App) setCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   setUsage,
		Short: "Set a field: title, severity, summary, impact, root-cause, trigger, resolution, services, tz",
		Long: `Set one field of the incident. The value is the rest of the command line;
"-" reads it from standard input (for long Markdown). services is a
comma-separated list. tz is the display zone (IANA name or abbreviation).`,
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
			field, err := incident.ParseField(args[1])
			if err != nil {
				return err
			}
			value := strings.Join(args[2:], " ")
			if value == "-" {
				b, err := io.ReadAll(io.LimitReader(a.Stdin, maxStdin+1))
				if err != nil {
					return fmt.Errorf("read %s from standard input: %w", field, err)
				}
				if len(b) > maxStdin {
					return fmt.Errorf("standard input is longer than %d KiB: a %s is at most %d characters", maxStdin>>10, field, incident.MaxTextLen)
				}
				value = string(b)
			}
			return a.withStore(cmd.Context(), func(st *store.Store) error {
				if field == incident.FieldSeverity {
					sev, err := incident.ParseSeverity(value)
					if err != nil {
						return err
					}
					_, err = st.SetSeverity(cmd.Context(), id, sev, a.origin(a.Now(), ""))
					return err
				}
				_, err := st.UpdateIncident(cmd.Context(), id, func(inc *incident.Incident) error {
					return inc.Set(field, value)
				})
				return err
			})
		},
	}
	cmd.ValidArgsFunction = a.completeIncidentThen(vocabulary(incident.Fields))
	return cmd
}
