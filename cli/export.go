package cli

// Owned by the export work: `scribe export`, `scribe lint`.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/template"
	"time"

	"github.com/spf13/cobra"

	"scribe/export"
	"scribe/incident"
	"scribe/store"
)

const (
	exportUsage = "export N [--format markdown|json] [-o FILE] [--tz ZONE] [--names] [--template FILE] [--strict]"
	lintUsage   = "lint N [--tz ZONE] [--strict] [--json]"
)

func (a *App) exportCmd() *cobra.Command {
	var format, out, tz, tmplPath string
	var names, strict bool
	cmd := &cobra.Command{
		Use:   exportUsage,
		Short: "Write the blameless postmortem (Markdown) or the JSON document",
		Long: `Write incident N's postmortem as Markdown (the default) or its JSON document.

The Markdown is blameless: people named in the timeline and the narrative are
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
either the complete new export or left as it was. "-o -" or no -o writes
to stdout.

--template FILE renders the Markdown with a Go text/template of your own; the
data it receives is documented in export/TEMPLATE.md.`,
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
			asJSON, err := exportFormat(format)
			if err != nil {
				return err
			}
			if asJSON && (tmplPath != "" || names) {
				return usageError{fmt.Errorf("--template and --names apply to Markdown only: drop them or use --format markdown")}
			}
			opts := export.Options{Names: names}
			if opts.Zone, err = exportZone(tz); err != nil {
				return err
			}
			a.zoneNote(tz)
			if tmplPath != "" {
				if opts.Template, err = readTemplate(tmplPath); err != nil {
					return err
				}
			}
			return a.withStore(cmd.Context(), func(st *store.Store) error {
				snap, err := a.snapshotWithPolicy(cmd.Context(), st, id) // the cadence from config.toml (cli/config.go)
				if err != nil {
					return err
				}
				var buf bytes.Buffer
				if asJSON {
					if err := export.JSON(&buf, snap); err != nil {
						return err
					}
				} else {
					if err := export.Markdown(&buf, snap, opts); err != nil {
						return err
					}
					warnings := export.Lint(snap, opts)
					for _, w := range warnings {
						fmt.Fprintln(a.Stderr, w.Level+": "+w.String())
					}
					if n := export.Failing(warnings); strict && n > 0 {
						return exitError{fmt.Errorf("%s with --strict: nothing written", countWarnings(n)), 1}
					}
				}
				return a.writeExport(out, buf.Bytes())
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&format, "format", "markdown", "markdown or json")
	f.StringVarP(&out, "output", "o", "", "write to FILE atomically instead of stdout")
	f.StringVar(&tz, "tz", "", "show times in ZONE instead of the incident's zone")
	f.BoolVar(&names, "names", false, "keep people's names instead of their roles")
	f.StringVar(&tmplPath, "template", "", "render the Markdown with this Go text/template file")
	f.BoolVar(&strict, "strict", false, "exit 1 and write nothing when lint finds warnings")
	cmd.ValidArgsFunction = a.completeIncidentThen()
	_ = cmd.RegisterFlagCompletionFunc("format", completeWords([]string{"markdown", "json"}))
	return cmd
}

func (a *App) lintCmd() *cobra.Command {
	var tz string
	var strict, asJSON bool
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
			zone, err := exportZone(tz)
			if err != nil {
				return err
			}
			a.zoneNote(tz)
			return a.withStore(cmd.Context(), func(st *store.Store) error {
				snap, err := st.Snapshot(cmd.Context(), id)
				if err != nil {
					return err
				}
				warnings := export.Lint(snap, export.Options{Zone: zone})
				if asJSON {
					if warnings == nil {
						warnings = []export.Warning{}
					}
					enc := json.NewEncoder(a.Stdout)
					enc.SetIndent("", "  ")
					if err := enc.Encode(warnings); err != nil {
						return fmt.Errorf("write warnings: %w", err)
					}
				} else {
					for _, w := range warnings {
						fmt.Fprintln(a.Stdout, w.Level+": "+w.String())
					}
					fmt.Fprintf(a.Stderr, "%s for incident #%d\n", countWarnings(export.Failing(warnings)), id)
				}
				if n := export.Failing(warnings); strict && n > 0 {
					return exitError{fmt.Errorf("%s (--strict)", countWarnings(n)), 1}
				}
				return nil
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&tz, "tz", "", "quote times in ZONE instead of the incident's zone")
	f.BoolVar(&strict, "strict", false, "exit 1 when there is any warning")
	f.BoolVar(&asJSON, "json", false, "print the warnings as JSON")
	cmd.ValidArgsFunction = a.completeIncidentThen()
	return cmd
}

// exportFormat reads --format; it reports whether the format is JSON.
func exportFormat(format string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(format)) {
	case "markdown", "md", "":
		return false, nil
	case "json":
		return true, nil
	}
	return false, usageError{fmt.Errorf("unknown --format %q: use markdown or json", format)}
}

// exportZone reads --tz; nil means the incident's own zone.
func exportZone(tz string) (*time.Location, error) {
	if strings.TrimSpace(tz) == "" {
		return nil, nil
	}
	loc, err := incident.ParseZone(tz)
	if err != nil {
		return nil, usageError{fmt.Errorf("--tz: %w", err)}
	}
	return loc, nil
}

// readTemplate loads and parses a --template file.
func readTemplate(path string) (*template.Template, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read --template: %w", err)
	}
	return export.ParseTemplate(filepath.Base(path), string(src))
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

// writeExport writes data to stdout ("" or "-") or atomically to path.
func (a *App) writeExport(path string, data []byte) error {
	if path == "" || path == "-" {
		if _, err := a.Stdout.Write(data); err != nil {
			return fmt.Errorf("write export: %w", err)
		}
		return nil
	}
	return writeFileAtomic(path, data)
}

// writeFileAtomic replaces path with data through a temporary file in the
// same directory, synced and renamed, so that a crash or a full disk leaves
// either the old file or the new one, never half of one. An existing
// file's permissions are kept; a new file gets 0644.
func writeFileAtomic(path string, data []byte) error {
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		if fi.IsDir() {
			return fmt.Errorf("-o %s is a directory: give a file name such as %s", path, filepath.Join(path, "postmortem.md"))
		}
		if !fi.Mode().IsRegular() {
			// A device, pipe or socket (-o /dev/null, -o /dev/stdout, a FIFO)
			// is written in place: renaming a file over it would replace
			// the device itself.
			return writeInPlace(path, data)
		}
		mode = fi.Mode().Perm()
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	defer func() {
		if tmp != "" {
			os.Remove(tmp)
		}
	}()
	if err := writeAndSync(f, data); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp, mode); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp = ""
	if d, err := os.Open(dir); err == nil {
		// Best effort: the rename is durable once the directory is synced.
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// writeInPlace writes data to an existing non-regular file.
func writeInPlace(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func writeAndSync(f *os.File, data []byte) error {
	_, err := io.Copy(f, bytes.NewReader(data))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
