package cli

// `scribe export` and `scribe lint`: the commands of the export work, wired
// here; what they render is the export package's.

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"scribe/export"
	"scribe/incident"
	"scribe/store"
)

const (
	exportUsage = "export N [--format markdown|json|html] [-o FILE] [--tz ZONE] [--names] [--template FILE] [--strict]"
	lintUsage   = "lint N [--tz ZONE] [--strict] [--json]"
)

// exportOptions is what `scribe export` was asked to do, parsed and checked.
type exportOptions struct {
	IncidentID int64
	JSON       bool
	HTML       bool   // --format html: the self-contained page
	Out        string // "" or "-": stdout
	Markdown   export.Options
	Template   string // --template FILE, read when running
	Strict     bool
	ZoneText   string
}

// maxTemplate bounds a --template file: a postmortem template is a few
// KiB; /dev/zero or a wrong path must not be read for ever.
const maxTemplate = 1 << 20

func (a *App) exportCmd(runF func(context.Context, *exportOptions) error) *cobra.Command {
	opts := &exportOptions{}
	var format, tz string
	cmd := &cobra.Command{
		Use:   exportUsage,
		Short: "Write the blameless postmortem (Markdown or HTML) or the JSON document",
		Long: `Write incident N's postmortem as Markdown (the default), as a self-contained
HTML page (--format html), or its JSON document.

The postmortem is blameless: people named in the timeline and the narrative are
replaced by the role they held at that moment ("the incident commander",
otherwise "a responder"), and the Responders section lists roles and times
only. Action item owners stay named. --names keeps names everywhere.

Times are shown in the incident's zone unless --tz names another (an IANA
name, UTC or an abbreviation such as PT or CET).

Lint warnings (blaming language, named people and possible names, empty
sections, action items without owner or due date, milestones missing or out
of order, events before the start, unclosed code fences) are printed to
stderr as "warning: …" lines, and what needs no fix (milestones legitimately
out of order, a neutralised link) as "note: …" lines; the export is still
written and the exit status is 0. With --strict, any warning (notes do not
count) makes scribe exit 1 WITHOUT writing anything, so a CI step never
publishes a postmortem that fails the lint.
JSON exports are not linted.

-o FILE writes atomically (a temporary file renamed into place): FILE is
either the complete new export or left as it was; a temporary file left by a
killed run is removed by the next export to FILE. -o naming a FIFO or a
device writes into it, waiting for a reader until Ctrl+C. -o never writes
over the database or its -wal, -shm or -journal file, whatever the path.
"-o -" or no -o writes to stdout.

--template FILE (at most 1 MiB) renders the Markdown with a Go text/template
of your own; the data it receives is documented in export/TEMPLATE.md.

--format html writes the same postmortem as one self-contained web page: the
phases drawn as bands on a time axis with the key events marked, inline CSS
and SVG, no script, nothing loaded from the network, and a print stylesheet.
It is blameless and linted like the Markdown.`,
		Example: `  scribe export 7 -o postmortem-7.md
  scribe export 7 --tz UTC --names
  scribe export 7 --format json > incident-7.json
  scribe export 7 --strict -o docs/postmortems/7.md`,
		Args: rangeArgs(1, 1, exportUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := incidentArg(args, exportUsage)
			if err != nil {
				return err
			}
			opts.IncidentID = id
			if opts.JSON, opts.HTML, err = exportFormat(format); err != nil {
				return err
			}
			if opts.JSON && (opts.Template != "" || opts.Markdown.Names) {
				return usageError{fmt.Errorf("--template and --names apply to Markdown only: drop them or use --format markdown")}
			}
			if opts.HTML && opts.Template != "" {
				return usageError{fmt.Errorf("--template applies to Markdown only: drop it or use --format markdown")}
			}
			if err := checkPathFlag("-o", opts.Out); err != nil {
				return err
			}
			if err := checkPathFlag("--template", opts.Template); err != nil {
				return err
			}
			opts.ZoneText = tz
			if opts.Markdown.Zone, err = exportZone(tz); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return a.runExport(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&format, "format", "markdown", "markdown, json or html")
	f.StringVarP(&opts.Out, "output", "o", "", "write to FILE atomically instead of stdout")
	f.StringVar(&tz, "tz", "", "show times in ZONE instead of the incident's zone")
	f.BoolVar(&opts.Markdown.Names, "names", false, "keep people's names instead of their roles")
	f.StringVar(&opts.Template, "template", "", "render the Markdown with this Go text/template file")
	f.BoolVar(&opts.Strict, "strict", false, "exit 1 and write nothing when lint finds warnings")
	cmd.ValidArgsFunction = a.completeIncidentThen()
	_ = cmd.RegisterFlagCompletionFunc("format", completeWords([]string{"markdown", "json"}))
	return cmd
}

func (a *App) runExport(ctx context.Context, o *exportOptions) error {
	a.zoneNote(o.ZoneText)
	if o.Template != "" {
		src, err := readFileBounded(ctx, o.Template, maxTemplate, "--template "+o.Template)
		if err != nil {
			return err
		}
		if o.Markdown.Template, err = export.ParseTemplate(filepath.Base(o.Template), string(src)); err != nil {
			return err
		}
	}
	dbPath, err := a.localDatabase()
	if err != nil {
		return err
	}
	toFile := o.Out != "" && o.Out != "-"
	if toFile {
		if err := refuseDatabase(o.Out, dbPath); err != nil {
			return err
		}
	}
	return a.withReader(ctx, func(st *store.Store) error {
		snap, err := a.snapshotWithPolicy(ctx, st, o.IncidentID) // the cadence from config.toml (cli/config.go)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if o.JSON {
			if err := export.JSON(&buf, snap); err != nil {
				return err
			}
		} else {
			render := export.Markdown
			if o.HTML {
				render = export.HTML
			}
			if err := render(&buf, snap, o.Markdown); err != nil {
				return err
			}
			warnings := export.Lint(snap, o.Markdown)
			for _, w := range warnings {
				fmt.Fprintln(a.Stderr, w.Level+": "+oneLine(w.String()))
			}
			if n := export.Failing(warnings); o.Strict && n > 0 {
				return exitError{fmt.Errorf("%s with --strict: nothing written", countWarnings(n)), 1}
			}
		}
		if !toFile {
			return a.writeOut(ctx, buf.Bytes())
		}
		// Again now that the database is open: its -wal and -shm exist.
		if err := refuseDatabase(o.Out, dbPath); err != nil {
			return err
		}
		return writeFileAtomic(ctx, o.Out, buf.Bytes())
	})
}

// lintOptions is what `scribe lint` was asked to do, parsed and checked.
type lintOptions struct {
	IncidentID int64
	Zone       *time.Location
	ZoneText   string
	Strict     bool
	JSON       bool
}

func (a *App) lintCmd(runF func(context.Context, *lintOptions) error) *cobra.Command {
	opts := &lintOptions{}
	cmd := &cobra.Command{
		Use:   lintUsage,
		Short: "List what to fix before publishing the postmortem",
		Long: `List the postmortem's lint warnings, one "warning: …" or "note: …" line each,
on stdout: blaming language (fault or failure attributed to a person,
hindsight about a person, "human error", judgements of character), people
named in the narrative or timeline and words that may be names, empty
sections, open action items without an owner or a due date, milestones
missing or out of order, events before the incident began, unclosed code
fences and neutralised links.

The exit status is 0 whatever is found, or 1 with --strict when there is at
least one warning (notes do not count). --json prints them as a JSON array of
objects with code, level, section, where, text, phrase and message.`,
		Args: rangeArgs(1, 1, lintUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := incidentArg(args, lintUsage)
			if err != nil {
				return err
			}
			opts.IncidentID = id
			if opts.Zone, err = exportZone(opts.ZoneText); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return a.runLint(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.ZoneText, "tz", "", "quote times in ZONE instead of the incident's zone")
	f.BoolVar(&opts.Strict, "strict", false, "exit 1 when there is any warning")
	f.BoolVar(&opts.JSON, "json", false, "print the warnings as JSON")
	cmd.ValidArgsFunction = a.completeIncidentThen()
	return cmd
}

func (a *App) runLint(ctx context.Context, o *lintOptions) error {
	a.zoneNote(o.ZoneText)
	return a.withReader(ctx, func(st *store.Store) error {
		snap, err := st.Snapshot(ctx, o.IncidentID)
		if err != nil {
			return err
		}
		warnings := export.Lint(snap, export.Options{Zone: o.Zone})
		if o.JSON {
			if warnings == nil {
				warnings = []export.Warning{}
			}
			if err := a.writeJSON(warnings); err != nil {
				return err
			}
		} else {
			for _, w := range warnings {
				fmt.Fprintln(a.Stdout, w.Level+": "+oneLine(w.String()))
			}
			fmt.Fprintf(a.Stderr, "%s for incident #%d\n", countWarnings(export.Failing(warnings)), o.IncidentID)
		}
		if n := export.Failing(warnings); o.Strict && n > 0 {
			return exitError{fmt.Errorf("%s (--strict)", countWarnings(n)), 1}
		}
		return nil
	})
}

// writeFileOrStdout writes data to out atomically, or to stdout when out is
// "" or "-", never over the database (its -wal and -shm exist by now).
func (a *App) writeFileOrStdout(ctx context.Context, out string, data []byte) error {
	if out == "" || out == "-" {
		return a.writeOut(ctx, data)
	}
	dbPath, err := a.localDatabase()
	if err != nil {
		return err
	}
	if err := refuseDatabase(out, dbPath); err != nil {
		return err
	}
	return writeFileAtomic(ctx, out, data)
}

// exportFormat reads --format; it reports whether the format is JSON or HTML
// (neither: Markdown).
func exportFormat(format string) (asJSON, asHTML bool, err error) {
	switch strings.ToLower(strings.TrimSpace(format)) {
	case "markdown", "md", "":
		return false, false, nil
	case "json":
		return true, false, nil
	case "html":
		return false, true, nil
	}
	return false, false, usageError{fmt.Errorf("unknown --format %s: use markdown, json or html", incident.Quote(format))}
}

// exportZone reads --tz; nil means the incident's own zone.
func exportZone(tz string) (*time.Location, error) {
	if strings.TrimSpace(tz) == "" {
		return nil, nil
	}
	return parseZoneFlag("--tz", tz)
}

func countWarnings(n int) string {
	switch n {
	case 0:
		return "no warnings"
	case 1:
		return "1 warning"
	}
	return fmt.Sprintf("%d warnings", n)
}
