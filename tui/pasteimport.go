package tui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"scribe/incident"
	"scribe/ingest"
)

// A pasted block of several lines may be a timeline copied from notes, a
// chat or a status page, or a whole postmortem. When ingest finds something
// to import in it, the screen shows what the import would add (events,
// action items, retro notes, the narrative fields it would fill) and waits
// for a yes before writing anything; the import is the one `scribe import
// N` makes (ingest's Whole, the store's Import). A paste with nothing to
// import goes into the input folded onto one line, as any paste.

// syncParseLimit is the largest paste parsed inside Update: ingest reads
// this much in about two milliseconds (BenchmarkPasteSyncLimit), less than
// a frame; anything longer is parsed in a command so that a pasted document
// cannot stall the screen.
const syncParseLimit = 16 << 10

// pasteImport is a pasted block waiting for the user's answer: import what
// it holds, log it as one note, or cancel.
type pasteImport struct {
	block    string // the paste, sanitized, line breaks kept
	zone     *time.Location
	snap     incident.Snapshot // what the import adds
	filled   []incident.Field  // the narrative fields it fills (empty here)
	kept     []incident.Field  // the ones it leaves as this incident has them
	problems []ingest.Problem
	sections []previewSection // the body, after the heading line
	offset   int              // first body row shown
}

// previewSection is a run of the preview's body rows: a heading (none for
// the events, which the first line announces) and n rows drawn by row,
// only when on screen.
type previewSection struct {
	head  string
	error bool // the heading is a problem's
	n     int
	row   func(st *Styles, i, w int) string
}

// pasteParsedMsg carries a large paste's parse back from its command: what
// ingest read, and what importing it would add (or why it cannot be).
type pasteParsedMsg struct {
	id      int64
	gen     int
	block   string
	zone    *time.Location
	res     ingest.Result
	snap    incident.Snapshot
	snapErr error
}

// parsePaste reads a paste as `scribe import N` would read a file; it runs
// in Update for a short paste, in a command for a long one.
// A scribe JSON document imports whole too; one that is not valid is
// refused with the reason (the paste then goes into the input).
func parsePaste(id int64, gen int, block, author string, opts ingest.Options) pasteParsedMsg {
	msg := pasteParsedMsg{id: id, gen: gen, block: block, zone: opts.Zone}
	if msg.res, msg.snapErr = ingest.ParseBytes([]byte(block), opts); msg.snapErr == nil && msg.res.Offers() {
		msg.snap, msg.snapErr = msg.res.Whole(id, author, "", opts.Zone.String())
	}
	return msg
}

// paste handles a tea.PasteMsg: a block of two lines or more is read as a
// possible timeline; anything else goes straight into the input.
func (s *incidentScreen) paste(content string) tea.Cmd {
	block := SanitizeBlock(content)
	if !s.loaded || s.input.fixing != nil || s.importing != nil || len(block) > ingest.MaxInput ||
		!strings.Contains(strings.TrimSpace(block), "\n") {
		return s.pasteAsText(block)
	}
	opts := s.importOptions()
	id, gen, author := s.id, s.gen, s.c.opts.Author
	if len(block) <= syncParseLimit {
		return s.pasteParsed(parsePaste(id, gen, block, author, opts))
	}
	parse := func() tea.Msg { return parsePaste(id, gen, block, author, opts) }
	return tea.Batch(s.status.Info(s.c, "reading the pasted text…"), parse)
}

// importOptions are the fallbacks for what a pasted timeline does not say:
// times are read in the zone typed times are read in (the incident's, or
// UTC under /utc), and time-only entries fall on the incident's day.
func (s *incidentScreen) importOptions() ingest.Options {
	inc := &s.snap.Incident
	opts := ingest.Options{Zone: s.zone(), Reference: inc.CreatedAt, Now: s.c.now()}
	if t, ok := inc.Milestones.Get(incident.MilestoneDeclared); ok {
		opts.Reference = t
	}
	if opts.Reference.IsZero() {
		opts.Reference = s.c.now()
	}
	return opts
}

// pasteAsText puts a paste into the input as one line (escape sequences
// dropped, line breaks folded into spaces).
func (s *incidentScreen) pasteAsText(block string) tea.Cmd {
	cmd := s.input.Update(tea.PasteMsg{Content: Sanitize(block)})
	if s.input.fixing != nil {
		return cmd
	}
	return tea.Batch(cmd, s.draftSoon())
}

// pasteParsed offers the import when the paste holds something to import.
func (s *incidentScreen) pasteParsed(msg pasteParsedMsg) tea.Cmd {
	if !s.mine(msg.id, msg.gen) {
		return nil
	}
	if s.importing != nil || s.input.fixing != nil || msg.snapErr == nil && !msg.res.Offers() {
		return s.pasteAsText(msg.block)
	}
	if msg.snapErr != nil {
		// A scribe JSON document this incident cannot take: say why, and
		// keep the paste as text.
		return tea.Batch(s.pasteAsText(msg.block), s.status.Info(s.c, "the pasted document cannot be imported: "+incident.ErrorMessage(msg.snapErr)))
	}
	here := s.snap.Incident
	filled, kept := incident.FillNarrative(&here, msg.snap.Incident)
	s.importing = newPasteImport(msg.block, msg.zone, msg.snap, filled, kept, msg.res.Problems)
	s.toggleHelp(false)
	return nil
}

// importKey answers the import preview: it takes every key while it is open.
func (s *incidentScreen) importKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.c.keys
	p := s.importing
	page := max(s.paneHeight()-2, 1)
	switch {
	case key.Matches(msg, k.Submit), msg.Text == "y", msg.Text == "Y":
		return s.confirmImport()
	case key.Matches(msg, k.Escape), msg.Text == "n", msg.Text == "N":
		return s.cancelImport()
	case msg.Text == "e", msg.Text == "E":
		return s.logPasteAsNote()
	case key.Matches(msg, k.Up):
		p.offset--
	case key.Matches(msg, k.Down):
		p.offset++
	case key.Matches(msg, k.PageUp):
		p.offset -= page
	case key.Matches(msg, k.PageDown):
		p.offset += page
	case key.Matches(msg, k.Home):
		p.offset = 0
	case key.Matches(msg, k.End):
		p.offset = p.rows()
	}
	p.offset = min(p.offset, max(p.rows()-max(s.paneHeight()-p.headRows(), 1), 0))
	p.offset = max(p.offset, 0)
	return nil
}

// cancelImport closes the preview without writing, and puts the paste into
// the input as a paste without a timeline would have gone.
func (s *incidentScreen) cancelImport() tea.Cmd {
	p := s.importing
	s.importing = nil
	before := s.input.Value()
	cmd := s.pasteAsText(p.block)
	what := "import cancelled: the pasted text is in the input"
	// The input holds a line's worth: a long paste is cut, and says so.
	if added := len([]rune(s.input.Value())) - len([]rune(before)); added < len([]rune(Sanitize(p.block))) {
		what = fmt.Sprintf("import cancelled: the input holds the first %d characters of the paste", added)
	}
	return tea.Batch(cmd, s.status.Info(s.c, what))
}

// confirmImport writes what the preview showed into this incident, in one
// transaction: the same import as `scribe import N`.
func (s *incidentScreen) confirmImport() tea.Cmd {
	p := s.importing
	s.importing = nil
	id, snap := s.id, p.snap
	return s.writes.run(Sanitize(p.block), func(ctx context.Context, st Store) (change, error) {
		out, err := st.Import(ctx, snap, id)
		if err != nil {
			return change{}, fmt.Errorf("import the pasted text: %w", err)
		}
		return change{what: "imported " + importedWhat(out) + " · /undo removes them", undo: undoImport(id, out, snap.Incident)}, nil
	})
}

// importedWhat says what an import added: "5 events, 2 action items and
// the summary".
func importedWhat(out incident.Imported) string {
	return addsWhat(len(out.Events), len(out.ActionItems), len(out.RetroNotes), out.Filled)
}

// addsWhat words what an import adds, from its counts.
func addsWhat(events, items, notes int, filled []incident.Field) string {
	var parts []string
	for _, c := range []struct {
		n    int
		noun string
	}{{events, "event"}, {items, "action item"}, {notes, "retro note"}} {
		if c.n > 0 {
			parts = append(parts, incident.Count(c.n, c.noun))
		}
	}
	if len(filled) > 0 {
		parts = append(parts, "the "+incident.FieldList(filled))
	}
	if len(parts) == 0 {
		return "nothing new"
	}
	return joinAnd(parts)
}

// joinAnd joins "a", "b" and "c" as "a, b and c".
func joinAnd(parts []string) string {
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// logPasteAsNote logs the whole paste, folded onto one line, as a single
// note at now: what the paste would have been without the offer.
func (s *incidentScreen) logPasteAsNote() tea.Cmd {
	p := s.importing
	s.importing = nil
	text := strings.TrimSpace(Sanitize(p.block))
	s.timeline.Clear()
	return runLog(s, Command{Op: OpLog, Kind: incident.KindNote, At: s.c.now(), Text: text}, text)
}

// newPasteImport lays out the preview of what snap adds.
func newPasteImport(block string, zone *time.Location, snap incident.Snapshot, filled, kept []incident.Field, problems []ingest.Problem) *pasteImport {
	p := &pasteImport{block: block, zone: zone, snap: snap, filled: filled, kept: kept, problems: problems}
	events, items, notes := snap.Events, snap.ActionItems, snap.Retro
	p.sections = append(p.sections, previewSection{n: len(events), row: func(st *Styles, i, w int) string {
		e := events[i]
		mark, label := marker(e.Kind)
		prefix := st.Time.Render(e.OccurredAt.In(zone).Format("2006-01-02 15:04")) + "  " + st.Kind(e.Kind).Render(mark+" "+padRight(label, 7)) + " "
		return prefix + fit(eventText(e), w-lipWidth(prefix))
	}})
	if len(items) > 0 {
		p.sections = append(p.sections, previewSection{head: incident.Count(len(items), "action item") + ":", n: len(items),
			row: func(_ *Styles, i, w int) string { return fit("  ☐ "+itemLine(items[i]), w) }})
	}
	if len(notes) > 0 {
		p.sections = append(p.sections, previewSection{head: incident.Count(len(notes), "retro note") + ":", n: len(notes),
			row: func(_ *Styles, i, w int) string {
				return fit("  "+notes[i].Section.Heading()+": "+Sanitize(notes[i].Text), w)
			}})
	}
	if len(filled) > 0 {
		inc := snap.Incident
		p.sections = append(p.sections, previewSection{head: "Fills this incident's empty " + incident.FieldList(filled) + ":", n: len(filled),
			row: func(_ *Styles, i, w int) string {
				return fit("  "+filled[i].Label()+": "+Sanitize(inc.Get(filled[i])), w)
			}})
	}
	if len(kept) > 0 {
		p.sections = append(p.sections, previewSection{head: "Keeps this incident's own " + incident.FieldList(kept) + " (the pasted one differs)."})
	}
	p.sections = append(p.sections, problemSections(problems)...)
	return p
}

// problemSections list what the import leaves out, then what it imports
// with a change (a text cut to what an event holds, a JSON document's entry
// without a value its database could not read), each under a heading that
// says which.
func problemSections(problems []ingest.Problem) []previewSection {
	var left, changed []ingest.Problem
	for _, pr := range problems {
		if pr.Changed {
			changed = append(changed, pr)
		} else {
			left = append(left, pr)
		}
	}
	t := ingest.Tally(problems)
	var out []previewSection
	for _, part := range []struct {
		list  []ingest.Problem
		head  string
		error bool
	}{{left, t.NotImportedPhrase() + " (not imported):", true}, {changed, t.ChangedPhrase() + ":", false}} {
		if len(part.list) == 0 {
			continue
		}
		list := part.list
		out = append(out, previewSection{head: part.head, error: part.error, n: len(list),
			row: func(_ *Styles, i, w int) string { return fit("  "+Sanitize(list[i].String()), w) }})
	}
	return out
}

// rows counts the body rows: each section's rows, and a blank line and a
// heading before every section but the events.
func (p *pasteImport) rows() int {
	n := 0
	for _, sec := range p.sections {
		n += sec.n
		if sec.head != "" {
			n += 2
		}
	}
	return n
}

// row draws body row i; only the rows on screen are ever drawn.
func (p *pasteImport) row(st *Styles, i, w int) string {
	for _, sec := range p.sections {
		if sec.head != "" {
			switch {
			case i == 0:
				return ""
			case i == 1 && sec.error:
				return st.Error.Render(fit(sec.head, w))
			case i == 1:
				return st.Bold.Render(fit(sec.head, w))
			}
			i -= 2
		}
		if i < sec.n {
			return sec.row(st, i, w)
		}
		i -= sec.n
	}
	return ""
}

// view draws the preview into the pane area, w×h: a heading, then the
// rows from offset. A second heading line says what the import leaves out
// or brings in changed, each listed below.
func (p *pasteImport) view(st *Styles, w, h int) string {
	head := fmt.Sprintf("Import %s from the pasted text? Times in %s.", p.adds(), p.zone)
	lines := []string{st.Bold.Render(fit(head, w))}
	if t := ingest.Tally(p.problems); t.NotImported+t.Changed > 0 {
		style := st.Bold
		if t.NotImported > 0 {
			style = st.Error
		}
		lines = append(lines, style.Render(fit(t.Short()+" (listed below).", w)))
	}
	end := min(p.offset+h-len(lines), p.rows())
	for i := p.offset; i < end; i++ {
		lines = append(lines, p.row(st, i, w))
	}
	return padLines(strings.Join(lines, "\n"), w, h, false)
}

// headRows is how many lines the heading takes.
func (p *pasteImport) headRows() int {
	if len(p.problems) > 0 {
		return 2
	}
	return 1
}

// adds is what the heading says the import adds: "5 events, 2 action
// items and the summary".
func (p *pasteImport) adds() string {
	return addsWhat(len(p.snap.Events), len(p.snap.ActionItems), len(p.snap.Retro), p.filled)
}

// importHelp is the footer while the preview is open; on a narrow screen,
// the three answers alone.
func importHelp(narrow bool) []key.Binding {
	b := func(help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(help), key.WithHelp(help, desc))
	}
	if narrow {
		return []key.Binding{b("y", "import"), b("n", "cancel"), b("e", "one note")}
	}
	return []key.Binding{b("enter/y", "import"), b("esc/n", "cancel (text to input)"), b("e", "log as one note"), b("↑↓ pgup pgdn", "scroll")}
}
