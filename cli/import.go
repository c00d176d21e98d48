package cli

// Owned by the ingest work: `scribe import`.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"scribe/export"
	"scribe/incident"
	"scribe/ingest"
	"scribe/store"
)

// bigImport is the input size from which an import collects garbage less
// eagerly (see runImport).
const bigImport = 1 << 20

const importUsage = "import (N|--new) FILE|DIR|ZIP|- [--tz ZONE] [--year YYYY] [--channel NAME] [--dry-run [--json|--document]]"

func (a *App) importCmd() *cobra.Command {
	var isNew, dryRun, asJSON, asDocument bool
	var channel string
	var tz string
	var year int
	cmd := &cobra.Command{
		Use:   importUsage,
		Short: "Import a timeline: notes, a postmortem, a status-page log or a JSON export",
		Long: `Import an existing timeline as events of incident N, or of a new incident
with --new. FILE "-" reads stdin.

Text is read line by line: bullets, numbered lists, Markdown table rows,
headings and bare lines that start with a time or a date and time, sentences
that open with one ("At 07:40 UTC we …", "On June 3 at 09:12 PT …"), and
status-page updates (Investigating/Identified/Monitoring/Resolved with a
"Posted Jun 03, 2021 - 09:12 PDT" line). The zone is the one the text states
("Time (UTC)", "All times PT", a suffix), else --tz, else the incident's (UTC
for --new). Dates without a year take the document's, else --year, else the
incident's. Lines that look like entries but cannot be read are listed on
stderr as "line N: reason: text"; nothing is dropped silently.

A scribe JSON document (export --format json) imports whole: with --new it
recreates the incident (narrative, milestones, roles, action items, retro
notes, events with authors and pins); into N it appends.

Into an existing incident N, a document's summary, impact, root cause,
trigger, resolution and services fill the fields N has empty; the ones N
has are kept as they are. stderr says which were filled and which kept.

--dry-run writes nothing and prints what would be imported; with --json as
[{"at": RFC3339 UTC, "text", "kind", "status"}] ("status" only on status
events). The new incident's number is printed on stdout.`,
		Example: `  scribe import --new postmortem.md --year 2024
  pbpaste | scribe import 7 - --tz Europe/Berlin
  scribe import --new notes.txt --dry-run --json
  scribe export 7 --format json | scribe import --new -`,
		Args: maxArgs(2, importUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runImport(cmd.Context(), args, importFlags{isNew: isNew, dryRun: dryRun, asJSON: asJSON, asDocument: asDocument, tz: tz, year: year, yearGiven: cmd.Flags().Changed("year"), channel: channel})
		},
	}
	cmd.Flags().BoolVar(&isNew, "new", false, "create a new incident from the document")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "print what would be imported and write nothing")
	cmd.Flags().BoolVar(&asJSON, "json", false, "with --dry-run: print the timeline entries as JSON")
	cmd.Flags().BoolVar(&asDocument, "document", false, "with --dry-run: print the whole incident document (export --format json) the import would create")
	cmd.Flags().StringVar(&channel, "channel", "", "the channel to import from a Slack export that holds several")
	cmd.Flags().StringVar(&tz, "tz", "", "zone for times the text gives without one (IANA name or abbreviation)")
	cmd.Flags().IntVar(&year, "year", 0, "year for dates the text gives without one")
	return cmd
}

type importFlags struct {
	isNew, dryRun, asJSON, asDocument bool
	tz, channel                       string
	year                              int
	yearGiven                         bool // --year was given, even as 0 (refused)
}

func (a *App) runImport(ctx context.Context, args []string, f importFlags) error {
	var id int64
	var file string
	switch {
	case f.isNew && len(args) == 1:
		file = args[0]
	case f.isNew:
		return usageError{fmt.Errorf("--new takes one FILE (or - for stdin) and no incident number: usage: scribe %s", importUsage)}
	case len(args) == 2:
		n, err := parseID("incident", args[0])
		if err != nil {
			return err
		}
		id, file = n, args[1]
	case len(args) == 1:
		return usageError{fmt.Errorf("missing FILE or incident number: give N FILE, or --new FILE: usage: scribe %s", importUsage)}
	default:
		return usageError{fmt.Errorf("missing incident number and FILE: usage: scribe %s", importUsage)}
	}
	if (f.asJSON || f.asDocument) && !f.dryRun {
		return usageError{fmt.Errorf("--json and --document go with --dry-run: an import prints the incident number")}
	}
	if f.asJSON && f.asDocument {
		return usageError{fmt.Errorf("--json prints the timeline entries, --document the whole incident: give one")}
	}
	if (f.year != 0 || f.yearGiven) && (f.year < 1970 || f.year > 2199) {
		return usageError{fmt.Errorf("invalid --year %d: give a four-digit year such as 2024", f.year)}
	}
	var zone *time.Location
	if f.tz != "" {
		loc, err := incident.ParseZone(f.tz)
		if err != nil {
			return usageError{fmt.Errorf("--tz: %s", incident.ErrorMessage(err))}
		}
		zone = loc
	}
	in, err := a.openImport(ctx, file, f.channel)
	if errors.Is(err, context.Canceled) {
		return exitError{fmt.Errorf("import %s: interrupted before the input was read; nothing imported", displayName(file)), 130}
	}
	if err != nil {
		return err
	}
	defer in.close()
	if len(in.data) > bigImport {
		// A large import holds the text, its entries and their events in
		// memory until the transaction commits; nothing is garbage until
		// then, so collecting as the heap grows only re-scans it (~10%
		// of a 100,000-line import's CPU time).
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	opts := ingest.Options{Zone: zone, ZoneGiven: zone != nil, Year: f.year, Reference: a.Now(), ReferenceName: "today's date", Now: a.Now()}
	if f.isNew {
		if zone == nil {
			opts.Zone = time.UTC
		}
		return a.importInto(ctx, nil, 0, in, file, opts, f)
	}
	return a.withStore(ctx, func(st *store.Store) error {
		inc, err := st.Incident(ctx, id)
		if err != nil {
			return err
		}
		if zone == nil {
			opts.Zone = inc.Location()
		}
		if t, ok := inc.Milestones.Get(incident.MilestoneDeclared); ok {
			opts.Reference, opts.ReferenceName = t, fmt.Sprintf("incident #%d's declaration", id)
		} else if !inc.CreatedAt.IsZero() {
			opts.Reference, opts.ReferenceName = inc.CreatedAt, fmt.Sprintf("incident #%d's creation", id)
		}
		return a.importInto(ctx, st, id, in, file, opts, f)
	})
}

// readImport reads the input within ingest's limits (a size known up
// front is checked before reading), and gives up when ctx is done: SIGINT
// stops an import waiting on a FIFO with no writer, or on a terminal.
func (a *App) readImport(ctx context.Context, file string) ([]byte, error) {
	if file == "-" {
		return ingest.ReadInput(ctx, a.Stdin, -1, "stdin")
	}
	type opened struct {
		f    *os.File
		size int64
		err  error
	}
	ch := make(chan opened, 1)
	go func() {
		// Opening a FIFO blocks until a writer comes.
		f, err := os.Open(file)
		if err != nil {
			ch <- opened{err: fmt.Errorf("read %s: %w", file, err)}
			return
		}
		size := int64(-1)
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			size = fi.Size()
		}
		ch <- opened{f: f, size: size}
	}()
	var o opened
	select {
	case o = <-ch:
	case <-ctx.Done():
		return nil, fmt.Errorf("open %s: %w", file, ctx.Err())
	}
	if o.err != nil {
		return nil, o.err
	}
	defer o.f.Close()
	return ingest.ReadInput(ctx, o.f, o.size, displayName(file))
}

// importInto parses the document and writes it (st nil: open the store
// only when something is to be written, so that --new --dry-run needs no
// database).
func (a *App) importInto(ctx context.Context, st *store.Store, id int64, in importInput, file string, opts ingest.Options, f importFlags) error {
	res, err := in.parse(opts)
	if err != nil {
		return fmt.Errorf("import %s: %w", displayName(file), err)
	}
	for _, p := range res.Problems {
		// The line comes from the input: no escape in it reaches the terminal.
		fmt.Fprintln(a.Stderr, incident.PlainText(p.String()))
	}
	snap, err := a.importSnapshot(res, id, file, opts)
	if err != nil {
		return err
	}
	for _, note := range res.Notes {
		fmt.Fprintln(a.Stderr, "note: "+incident.PlainText(note))
	}
	if in.slack != nil && st != nil && id != 0 {
		skipped, err := skipImported(ctx, st, id, &snap)
		if err != nil {
			return err
		}
		if skipped > 0 {
			fmt.Fprintln(a.Stderr, repeatNote(id, skipped, len(snap.Events)))
		}
		if skipped > 0 && len(snap.Events) == 0 {
			if !f.dryRun {
				a.printID(id)
			}
			return nil
		}
	}
	if len(snap.Events) == 0 && res.Document == nil {
		// A dry run refuses what the import would refuse.
		return fmt.Errorf("no timeline entries found in %s: nothing imported (lines that start with a time or a date and time are read; see scribe import --help)", displayName(file))
	}
	if f.dryRun && f.asDocument {
		return a.printDocument(snap, res)
	}
	if f.dryRun {
		if st != nil && id != 0 {
			inc, err := st.Incident(ctx, id)
			if err != nil {
				return err
			}
			filled, kept := incident.FillNarrative(&inc, snap.Incident)
			a.narrativeNote("would fill", "would keep", id, filled, kept)
		}
		return a.printPreview(snap, res, f.asJSON, opts.Zone)
	}
	write := func(st *store.Store) error {
		out, err := st.Import(ctx, snap, id)
		if err != nil {
			return fmt.Errorf("import %s: %w", displayName(file), err)
		}
		into := out.IncidentID
		a.printID(into)
		what := "imported"
		if res.Document != nil && id == 0 {
			what = "recreated the incident with"
		}
		fmt.Fprintf(a.Stderr, "%s %s into incident #%d", what, importCounts(snap), into)
		fmt.Fprintln(a.Stderr, problemSummary(res.Problems))
		a.narrativeNote("filled", "kept", into, out.Filled, out.Kept)
		return nil
	}
	if st != nil {
		return write(st)
	}
	return a.withStore(ctx, write)
}

// importSnapshot is what will be written: the JSON document as it is, or
// the text's entries as import events of a new or existing incident.
func (a *App) importSnapshot(res ingest.Result, id int64, file string, opts ingest.Options) (incident.Snapshot, error) {
	zone := "UTC"
	if opts.Zone != nil {
		if _, err := incident.LoadZone(opts.Zone.String()); err == nil {
			zone = opts.Zone.String()
		}
	}
	title := fmt.Sprintf("Imported timeline (%s)", displayName(file))
	snap, err := res.Whole(id, strings.TrimSpace(a.Getenv("SCRIBE_AUTHOR")), title, zone)
	if err != nil {
		return incident.Snapshot{}, fmt.Errorf("import %s: %w", displayName(file), err)
	}
	return snap, nil
}

// displayName names the input in titles and messages: the file's base
// name, "stdin", or a device as given ("/dev/null" rather than "null").
func displayName(file string) string {
	switch {
	case file == "-":
		return "stdin"
	case strings.HasPrefix(file, "/dev/"):
		return file
	}
	return filepath.Base(file)
}

// printPreview shows what an import would write: JSON for scripts, or one
// line per event in the zone the times were read in.
func (a *App) printPreview(snap incident.Snapshot, res ingest.Result, asJSON bool, zone *time.Location) error {
	if asJSON {
		if err := writePreviewJSON(a.Stdout, ingest.Previews(snap.Events)); err != nil {
			return err
		}
		fmt.Fprintln(a.Stderr, "dry run: nothing written"+problemSummary(res.Problems))
		return nil
	}
	loc := zone
	if res.Zone != nil {
		loc = res.Zone
	}
	if res.Document != nil {
		loc = snap.Incident.Location()
	}
	if loc == nil {
		loc = time.UTC
	}
	fmt.Fprintf(a.Stdout, "%s — %s (times in %s)\n", oneLine(snap.Incident.Title), importCounts(snap), loc)
	layout := "2006-01-02 15:04 MST"
	for _, e := range snap.Events {
		if e.OccurredAt.Second() != 0 {
			layout = "2006-01-02 15:04:05 MST" // the text gave seconds: show what will be stored
			break
		}
	}
	importer := strings.TrimSpace(a.Getenv("SCRIBE_AUTHOR"))
	for _, e := range snap.Events {
		label := string(e.Kind)
		if e.Kind == incident.KindStatus {
			label = "status:" + string(e.State)
		}
		pin := " "
		if e.Pinned {
			pin = "★" // a key moment, as show marks it
		}
		by := ""
		if e.Author != "" && e.Author != importer {
			// Who wrote it, as a chat or Slack export says.
			by = "  — " + oneLine(e.Author)
		}
		fmt.Fprintf(a.Stdout, "%s %s %-20s %s%s\n", e.OccurredAt.In(loc).Format(layout), pin, label, oneLine(e.Text), by)
	}
	printPreviewFollowups(a.Stdout, snap)
	fmt.Fprintln(a.Stderr, "dry run: nothing written"+problemSummary(res.Problems))
	return nil
}

// problemSummary counts the lines reported above: those that could not be
// read, and those imported but changed (a text cut to the event limit, a
// JSON document's entry without a value that could not be read).
func problemSummary(problems []ingest.Problem) string {
	parts := ingest.Tally(problems).Phrases()
	if len(parts) == 0 {
		return ""
	}
	return "; " + strings.Join(parts, ", ") + " (listed above)"
}

// writePreviewJSON writes the entries as a JSON array, one entry a line:
// readable, and quick for a 100,000-line timeline.
func writePreviewJSON(w io.Writer, entries []ingest.Preview) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	b.WriteString("[")
	for i, e := range entries {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  ")
		if err := enc.Encode(e); err != nil {
			return fmt.Errorf("encode entry %d: %w", i+1, err)
		}
		b.Truncate(b.Len() - 1) // Encode's newline
	}
	if len(entries) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	if _, err := w.Write(incident.EscapeJSONControls(b.Bytes())); err != nil {
		return fmt.Errorf("write the preview: %w", err)
	}
	return nil
}

// printDocument prints the incident document --new would create, as
// export --format json writes it.
func (a *App) printDocument(snap incident.Snapshot, res ingest.Result) error {
	var b bytes.Buffer
	if err := export.JSON(&b, snap); err != nil {
		return err
	}
	if _, err := a.Stdout.Write(incident.EscapeJSONControls(b.Bytes())); err != nil {
		return fmt.Errorf("write the document: %w", err)
	}
	fmt.Fprintf(a.Stderr, "dry run: nothing written (%s, %s, %s)%s\n",
		incident.Count(len(snap.Events), "event"), incident.Count(len(snap.ActionItems), "action item"), incident.Count(len(snap.Retro), "retro note"), problemSummary(res.Problems))
	return nil
}

// importCounts says what a snapshot adds: "5 events, 4 action items and 2
// retro notes".
func importCounts(snap incident.Snapshot) string {
	parts := []string{incident.Count(len(snap.Events), "event")}
	if n := len(snap.ActionItems); n > 0 {
		parts = append(parts, incident.Count(n, "action item"))
	}
	if n := len(snap.Retro); n > 0 {
		parts = append(parts, incident.Count(n, "retro note"))
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// narrativeNote says which narrative fields an import into incident id
// filled (fill: "filled", or "would fill" in a dry run) and which it kept.
func (a *App) narrativeNote(fill, keep string, id int64, filled, kept []incident.Field) {
	if len(filled) > 0 {
		fmt.Fprintf(a.Stderr, "%s incident #%d's %s from the document (empty until now)\n", fill, id, incident.FieldList(filled))
	}
	if len(kept) > 0 {
		fmt.Fprintf(a.Stderr, "%s incident #%d's own %s (the document's differs: see it with --dry-run --document, change it with scribe edit %d)\n",
			keep, id, incident.FieldList(kept), id)
	}
}
