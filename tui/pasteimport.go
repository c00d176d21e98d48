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
// chat or a status page. When ingest finds entries in it, the screen shows
// what it would import and waits for a yes before writing anything; a paste
// with no entries goes into the input folded onto one line, as any paste.

// syncParseLimit is the largest paste parsed inside Update: ingest reads
// this much in about two milliseconds (BenchmarkPasteSyncLimit), less than
// a frame; anything longer is parsed in a command so that a pasted document
// cannot stall the screen.
const syncParseLimit = 16 << 10

// pasteImport is a pasted block waiting for the user's answer: import its
// entries, log it as one note, or cancel.
type pasteImport struct {
	block    string // the paste, sanitized, line breaks kept
	zone     *time.Location
	entries  []ingest.Entry
	problems []ingest.Problem
	offset   int // first body row shown
}

// pasteParsedMsg carries a large paste's parse back from its command.
type pasteParsedMsg struct {
	id    int64
	gen   int
	block string
	zone  *time.Location
	res   ingest.Result
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
	if len(block) <= syncParseLimit {
		return s.pasteParsed(pasteParsedMsg{id: s.id, gen: s.gen, block: block, zone: opts.Zone, res: ingest.ParseText(block, opts)})
	}
	id, gen := s.id, s.gen
	parse := func() tea.Msg {
		return pasteParsedMsg{id: id, gen: gen, block: block, zone: opts.Zone, res: ingest.ParseText(block, opts)}
	}
	return tea.Batch(s.status.Info(s.c, "reading the pasted text…"), parse)
}

// importOptions are the fallbacks for what a pasted timeline does not say:
// times are read in the zone typed times are read in (the incident's, or
// UTC under /utc), and time-only entries fall on the incident's day.
func (s *incidentScreen) importOptions() ingest.Options {
	inc := &s.snap.Incident
	opts := ingest.Options{Zone: s.zone(), Reference: inc.CreatedAt}
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

// pasteParsed offers the import when the paste holds timeline entries.
func (s *incidentScreen) pasteParsed(msg pasteParsedMsg) tea.Cmd {
	if !s.mine(msg.id, msg.gen) {
		return nil
	}
	if len(msg.res.Entries) == 0 || msg.res.Document != nil || s.importing != nil || s.input.fixing != nil {
		return s.pasteAsText(msg.block)
	}
	s.importing = &pasteImport{block: msg.block, zone: msg.zone, entries: msg.res.Entries, problems: msg.res.Problems}
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
	p.offset = min(p.offset, max(p.rows()-max(s.paneHeight()-1, 1), 0))
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

// confirmImport writes the previewed entries as import events of this
// incident, in one transaction.
func (s *incidentScreen) confirmImport() tea.Cmd {
	p := s.importing
	s.importing = nil
	id := s.id
	events := ingest.Result{Entries: p.entries}.Events(id, s.c.opts.Author)
	batch := s.importStamp()
	for i := range events {
		events[i].LoggedAt = batch
	}
	snap := incident.Snapshot{Incident: s.snap.Incident, Events: events}
	return s.writes.run(Sanitize(p.block), func(ctx context.Context, st Store) (change, error) {
		if _, err := st.ImportSnapshot(ctx, snap, id); err != nil {
			return change{}, fmt.Errorf("import the pasted timeline: %w", err)
		}
		return change{what: "imported " + counted(len(events), "event") + " · /undo removes them", undo: undoImport(id, batch)}, nil
	})
}

// importStamp is the LoggedAt shared by one import's events, distinct from
// every earlier import of this session so that undo finds exactly its own
// (a test's clock, or a coarse one, may give the same now twice).
func (s *incidentScreen) importStamp() time.Time {
	t := s.c.now().UTC()
	if !t.After(s.lastImport) {
		t = s.lastImport.Add(time.Nanosecond)
	}
	s.lastImport = t
	return t
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

// rows counts the body rows: the entries, then the lines not read under
// their own heading.
func (p *pasteImport) rows() int {
	n := len(p.entries)
	if len(p.problems) > 0 {
		n += 2 + len(p.problems)
	}
	return n
}

// row draws body row i; only the rows on screen are ever drawn.
func (p *pasteImport) row(st *Styles, i, w int) string {
	if i < len(p.entries) {
		e := p.entries[i]
		mark, label := marker(e.Kind)
		text := Sanitize(e.Text)
		if e.Kind == incident.KindStatus {
			text = strings.ToUpper(Sanitize(string(e.State))) + " — " + text
		}
		prefix := st.Time.Render(e.At.In(p.zone).Format("2006-01-02 15:04")) + "  " + st.Kind(e.Kind).Render(mark+" "+padRight(label, 7)) + " "
		return prefix + fit(text, w-lipWidth(prefix))
	}
	i -= len(p.entries)
	switch {
	case i == 0:
		return ""
	case i == 1:
		return st.Error.Render(counted(len(p.problems), "line") + " could not be read (not imported):")
	}
	return fit("  "+Sanitize(p.problems[i-2].String()), w)
}

// view draws the preview into the pane area, w×h: a heading, then the
// rows from offset.
func (p *pasteImport) view(st *Styles, w, h int) string {
	head := fmt.Sprintf("Import %s from the pasted text? Times in %s.", counted(len(p.entries), "event"), p.zone)
	if len(p.problems) > 0 {
		head += " " + counted(len(p.problems), "line") + " not read."
	}
	lines := []string{st.Bold.Render(fit(head, w))}
	end := min(p.offset+h-1, p.rows())
	for i := p.offset; i < end; i++ {
		lines = append(lines, p.row(st, i, w))
	}
	return padLines(strings.Join(lines, "\n"), w, h, false)
}

// counted is "1 event", "2 events".
func counted(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
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
