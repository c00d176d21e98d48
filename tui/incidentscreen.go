package tui

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// paneID names the panes reached with Tab.
type paneID int

const (
	paneTimeline paneID = iota
	paneActions
	paneRoles
	paneRetro
	panePreview
	paneCount
)

var paneNames = [paneCount]string{"Timeline", "Actions", "Roles", "Retro", "Preview"}

// pane is one tab of the incident screen (soft-serve's component shape:
// sized by its parent, drawing itself, naming its own help keys).
type pane interface {
	SetSize(w, h int)
	View() string
	Move(delta int)
	PageSize() int
	Home()
	End()
	Clear() bool
	HelpKeys(k KeyMap) []key.Binding
}

// incidentScreen runs one incident: header, tabs, the active pane, the
// input line and the footer.
type incidentScreen struct {
	c        *common
	id       int64
	gen      int
	fromList bool

	loaded     bool
	loadErr    error
	snap       incident.Snapshot
	zone       *time.Location
	version    int64
	loadSeq    int
	appliedSeq int
	loading    bool // a load is in flight
	reloadDue  bool // something changed while it was: load again after it
	now        time.Time
	lastComms  time.Time
	openItems  int

	input   textinput.Model
	editing *incident.Event // the event being corrected, nil when logging
	// importing is a pasted timeline shown for confirmation, nil when none.
	importing  *pasteImport
	lastImport time.Time // the LoggedAt of this session's last import
	pending    int       // writes in flight

	active   paneID
	timeline *timeline
	actions  *actionsPane
	roles    *rolesPane
	retro    *retroPane
	preview  *previewPane
	previewW int // width of the rendered preview; 0 = needs rendering

	utc      bool   // /utc: show and read times in UTC
	filing   bool   // a GitHub filing run is under way
	lastRepo string // where /file last filed, for f

	showHelp  bool
	helpView  scroller // the full help, scrollable on small screens
	helpByKey bool     // the help was opened by typing "?" into an empty input
	help      help.Model
	frames    map[string]string // drawn fragments by their inputs; see remember
	status    statusLine
	undo      []undoOp
}

func newIncidentScreen(c *common, id int64, gen int, fromList bool) *incidentScreen {
	in := textinput.New()
	in.Prompt = "› "
	in.Placeholder = "type what happened, enter logs it · /help for commands"
	in.CharLimit = incident.MaxTextLen + 64
	styles := textinput.DefaultDarkStyles()
	styles.Cursor.Blink = false
	styles.Focused.Prompt = c.styles.Prompt
	in.SetStyles(styles)
	// Up and down move through the timeline, tab switches panes: the
	// input's suggestion keys would shadow them.
	in.KeyMap.NextSuggestion.SetEnabled(false)
	in.KeyMap.PrevSuggestion.SetEnabled(false)
	in.KeyMap.AcceptSuggestion.SetEnabled(false)
	in.Focus()
	s := &incidentScreen{
		c: c, id: id, gen: gen, fromList: fromList,
		zone:  time.UTC,
		now:   c.now(),
		input: in,
		help:  help.New(),
	}
	s.timeline = newTimeline(c)
	s.actions = newActionsPane(c)
	s.roles = newRolesPane(c)
	s.retro = newRetroPane(c)
	s.preview = newPreviewPane(c)
	s.SetSize(c.width, c.height)
	return s
}

func (s *incidentScreen) Init() tea.Cmd {
	return tea.Batch(s.load(), s.pollTick(), s.clockTick())
}

func (s *incidentScreen) pane(id paneID) pane {
	switch id {
	case paneActions:
		return s.actions
	case paneRoles:
		return s.roles
	case paneRetro:
		return s.retro
	case panePreview:
		return s.preview
	}
	return s.timeline
}

// compact reports whether the screen is too small for the second header
// line and the rule above the input.
func (s *incidentScreen) compact() bool { return s.c.height < 20 }

func (s *incidentScreen) chromeHeight() int {
	if s.compact() {
		return 4 // header, tabs, input, footer
	}
	return 6 // header ×2, tabs, rule, input, footer
}

func (s *incidentScreen) SetSize(w, h int) {
	ph := max(h-s.chromeHeight(), 1)
	for id := paneTimeline; id < paneCount; id++ {
		s.pane(id).SetSize(w, ph)
	}
	s.input.SetWidth(max(w-lipWidth(s.input.Prompt)-2, 4))
	s.help.SetWidth(w)
	s.helpView.SetSize(w, ph)
	if s.showHelp {
		s.helpView.SetLines(strings.Split(s.fullHelp(), "\n"))
	}
	if s.previewW != 0 && s.previewW != w {
		s.previewW = 0
	}
}

// load reads the incident with everything attached, and the data version
// it corresponds to.
//
// At most one load runs at a time: a 100,000-event incident takes most of a
// second to read, and a burst of writes must not start a burst of reads.
func (s *incidentScreen) load() tea.Cmd {
	if s.loading {
		s.reloadDue = true
		return nil
	}
	s.loading = true
	s.loadSeq++
	st, ctx, id, gen, seq := s.c.st, s.c.ctx, s.id, s.gen, s.loadSeq
	return func() tea.Msg {
		v, verr := st.DataVersion(ctx)
		snap, err := st.Snapshot(ctx, id)
		if err == nil && verr != nil {
			v = -1 // unknown: the next poll reloads once more
		}
		return snapshotMsg{id: id, gen: gen, seq: seq, snap: snap, version: v, err: err}
	}
}

func (s *incidentScreen) pollTick() tea.Cmd {
	id, gen := s.id, s.gen
	return s.c.after(s.c.pollInterval(), func(time.Time) tea.Msg { return pollMsg{id: id, gen: gen} })
}

func (s *incidentScreen) clockTick() tea.Cmd {
	id, gen := s.id, s.gen
	// Wake on the next whole second so the clock ticks with the wall clock.
	now := s.c.now()
	d := now.Truncate(time.Second).Add(time.Second).Sub(now)
	return s.c.after(d, func(time.Time) tea.Msg { return clockMsg{id: id, gen: gen} })
}

func (s *incidentScreen) checkVersion() tea.Cmd {
	st, ctx, id, gen := s.c.st, s.c.ctx, s.id, s.gen
	return func() tea.Msg {
		v, err := st.DataVersion(ctx)
		return versionMsg{id: id, gen: gen, version: v, err: err}
	}
}

// mine reports whether a message is addressed to this screen.
func (s *incidentScreen) mine(id int64, gen int) bool { return id == s.id && gen == s.gen }

func (s *incidentScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return s.key(msg)
	case tea.PasteMsg:
		// Escape sequences (from a copied terminal log, say) go whole; a
		// block of lines that holds a timeline is offered for import, any
		// other paste becomes one line, its breaks turned into spaces.
		return s.paste(msg.Content)
	case pasteParsedMsg:
		return s.pasteParsed(msg)
	case snapshotMsg:
		if !s.mine(msg.id, msg.gen) || msg.seq <= s.appliedSeq {
			return nil
		}
		s.appliedSeq = msg.seq
		s.loading = false
		var again tea.Cmd
		if s.reloadDue {
			s.reloadDue = false
			again = s.load()
		}
		if msg.err != nil {
			if !s.loaded {
				s.loadErr = msg.err
				return again
			}
			s.status.Error(msg.err)
			return again
		}
		s.version = msg.version
		s.setSnapshot(msg.snap)
		if s.active == panePreview {
			return tea.Batch(again, s.renderPreview())
		}
		return again
	case pollMsg:
		if !s.mine(msg.id, msg.gen) {
			return nil
		}
		return s.checkVersion()
	case versionMsg:
		if !s.mine(msg.id, msg.gen) {
			return nil
		}
		next := s.pollTick()
		if msg.err != nil {
			s.status.Error(msg.err)
			return next
		}
		if msg.version != s.version && s.loaded {
			s.version = msg.version
			return tea.Batch(next, s.load())
		}
		return next
	case clockMsg:
		if !s.mine(msg.id, msg.gen) {
			return nil
		}
		s.now = s.c.now()
		return s.clockTick()
	case writtenMsg:
		if !s.mine(msg.id, msg.gen) {
			return nil
		}
		return s.written(msg)
	case previewMsg:
		if msg.incidentID != s.id {
			return nil
		}
		if msg.err != nil {
			s.preview.SetLines([]string{"The preview could not be rendered: " + Sanitize(incident.ErrorMessage(msg.err))})
			return nil
		}
		s.preview.SetLines(msg.lines)
		return nil
	case fileProgressMsg:
		if !s.mine(msg.id, msg.gen) {
			return nil
		}
		return tea.Batch(s.status.Info(s.c, "GitHub: "+msg.text), listen(msg.ch))
	case fileDoneMsg:
		if !s.mine(msg.id, msg.gen) {
			return nil
		}
		s.filing = false
		if msg.err != nil {
			if msg.summary != "" {
				msg.err = fmt.Errorf("%s: %w", msg.summary, msg.err)
			}
			s.status.Error(msg.err)
			return s.load()
		}
		return tea.Batch(s.status.Info(s.c, "GitHub: "+msg.summary), s.load())
	case editorReadyMsg:
		if s.mine(msg.id, msg.gen) {
			return s.runEditor(msg)
		}
	case editorDoneMsg:
		if s.mine(msg.id, msg.gen) {
			s.pending++
			return s.saveEdited(msg)
		}
	case statusExpiredMsg:
		s.status.Expire(msg)
	}
	return nil
}

// displayZone is the incident's zone, or UTC while /utc is on; typed
// times are read in the same zone as shown.
func (s *incidentScreen) displayZone() *time.Location {
	if s.utc {
		return time.UTC
	}
	return s.snap.Incident.Location()
}

// setSnapshot shows a (re)loaded incident without touching the input, the
// selection or the scroll position.
func (s *incidentScreen) setSnapshot(snap incident.Snapshot) {
	s.loaded, s.loadErr = true, nil
	s.snap = snap
	s.zone = s.displayZone()
	s.timeline.SetEvents(snap.Events, s.zone)
	s.actions.SetSnapshot(&s.snap)
	s.roles.SetSnapshot(&s.snap, s.zone)
	s.retro.SetSnapshot(&s.snap)
	s.previewW = 0
	s.lastComms = time.Time{}
	for i := len(snap.Events) - 1; i >= 0; i-- {
		if snap.Events[i].Kind == incident.KindComms {
			s.lastComms = snap.Events[i].OccurredAt
			break
		}
	}
	s.openItems = 0
	for _, it := range snap.ActionItems {
		if it.State == incident.ItemOpen {
			s.openItems++
		}
	}
}

func (s *incidentScreen) written(msg writtenMsg) tea.Cmd {
	s.pending = max(s.pending-1, 0)
	if msg.err != nil {
		s.status.Error(msg.err)
		if msg.undo != nil && msg.isUndo {
			s.undo = append(s.undo, *msg.undo)
		}
		if msg.line != "" {
			// Give the line back: an error never loses what was typed.
			if cur := s.input.Value(); cur != "" && cur != msg.line {
				s.input.SetValue(msg.line + " " + cur)
			} else {
				s.input.SetValue(msg.line)
			}
			s.input.CursorEnd()
		}
		return nil
	}
	if msg.removed != 0 {
		s.timeline.Remove(msg.removed)
	}
	if msg.event != nil && msg.event.ID != 0 {
		s.timeline.Upsert(*msg.event)
		if msg.event.Kind == incident.KindComms && msg.event.OccurredAt.After(s.lastComms) {
			s.lastComms = msg.event.OccurredAt
		}
	}
	if msg.undo != nil && !msg.isUndo {
		s.undo = append(s.undo, *msg.undo)
	}
	// The header (state, roles, counts) and the other panes follow from a
	// reload; the event itself is already in place.
	return tea.Batch(s.status.Info(s.c, msg.what), s.load())
}

func (s *incidentScreen) key(msg tea.KeyPressMsg) tea.Cmd {
	var esc tea.Cmd
	if s.escThenKey(msg) {
		// Esc and the next key arrived together and were read as alt+key
		// (any terminal does that when typing follows Esc at once): do the
		// Esc, then type the key.
		esc = s.escape(false)
		msg = tea.KeyPressMsg{Code: msg.Code, Text: string(msg.Code)}
	}
	cmd := s.handleKey(msg)
	s.syncPlaceholder()
	return tea.Batch(esc, cmd)
}

// escThenKey reports an alt+character that the input line has no use for.
func (s *incidentScreen) escThenKey(msg tea.KeyPressMsg) bool {
	if msg.Mod != tea.ModAlt || msg.Text != "" || msg.Code < 0x20 || !unicode.IsPrint(msg.Code) {
		return false
	}
	km := s.input.KeyMap
	return !key.Matches(msg, km.WordForward, km.WordBackward, km.DeleteWordForward, km.DeleteWordBackward)
}

// syncPlaceholder makes the selection mode visible where the user looks:
// while a row is selected, the empty input says which letters act on it.
func (s *incidentScreen) syncPlaceholder() {
	ph := "type what happened, enter logs it · /help for commands"
	if _, ok := s.timeline.Selected(); ok && s.active == paneTimeline && s.editing == nil {
		ph = "row selected: e edit · p pin · d delete · u undo · esc back to typing"
	}
	s.input.Placeholder = ph
}

func (s *incidentScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.c.keys
	s.status.KeyPressed()
	if s.importing != nil {
		return s.importKey(msg)
	}
	empty := s.input.Value() == ""
	if s.helpByKey && s.showHelp && empty && msg.Text != "" && !key.Matches(msg, k.Help) {
		// "?" opened the help, but the user went on typing: it was the
		// first character of a line, so it becomes text after all.
		s.toggleHelp(false)
		s.input.SetValue("?")
		s.input.CursorEnd()
		empty = false
	}
	var p pane = s.pane(s.active)
	if s.showHelp {
		p = &s.helpView
	}
	switch {
	case key.Matches(msg, k.Submit):
		return s.submit()
	case key.Matches(msg, k.NextPane):
		return s.switchPane((s.active + 1) % paneCount)
	case key.Matches(msg, k.PrevPane):
		return s.switchPane((s.active + paneCount - 1) % paneCount)
	case key.Matches(msg, k.Up):
		if s.editing == nil {
			p.Move(-1)
		}
		return nil
	case key.Matches(msg, k.Down):
		if s.editing == nil {
			p.Move(1)
		}
		return nil
	case key.Matches(msg, k.PageUp):
		p.Move(-p.PageSize())
		return nil
	case key.Matches(msg, k.PageDown):
		p.Move(p.PageSize())
		return nil
	case empty && key.Matches(msg, k.Home):
		p.Home()
		return nil
	case empty && key.Matches(msg, k.End):
		p.End()
		return nil
	case key.Matches(msg, k.Escape):
		return s.escape(true)
	case empty && s.editing == nil && key.Matches(msg, k.Help):
		s.toggleHelp(!s.showHelp)
		s.helpByKey = s.showHelp && msg.Text == "?"
		return nil
	case empty && s.editing == nil:
		if cmd, ok := s.selectionKey(msg); ok {
			return cmd
		}
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return cmd
}

// selectionKey handles the letter keys that act on the selected row; they
// are reached only while the input is empty.
func (s *incidentScreen) selectionKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := s.c.keys
	switch s.active {
	case paneTimeline:
		ev, ok := s.timeline.Selected()
		if !ok {
			return nil, false
		}
		switch {
		case key.Matches(msg, k.Edit):
			s.startEdit(ev)
			return nil, true
		case key.Matches(msg, k.Pin):
			s.pending++
			return s.togglePin(ev), true
		case key.Matches(msg, k.Delete):
			s.pending++
			return s.deleteEvent(ev), true
		case key.Matches(msg, k.Undo):
			return s.undoLast(), true
		}
	case paneActions:
		it, ok := s.actions.Selected()
		if ok && key.Matches(msg, k.File) {
			return s.fileSelected(), true
		}
		if ok && key.Matches(msg, k.Done) {
			state := incident.ItemDone
			if it.State != incident.ItemOpen {
				state = incident.ItemOpen
			}
			s.pending++
			return s.setItemState(it.ID, state, ""), true
		}
	}
	return nil, false
}

// escape cancels a correction, closes the help or clears the selection;
// with nothing of that left, it goes back to the list when allowed.
func (s *incidentScreen) escape(allowBack bool) tea.Cmd {
	switch {
	case s.importing != nil:
		return s.cancelImport()
	case s.editing != nil:
		s.editing = nil
		s.input.Prompt = "› "
		s.input.Reset()
		return s.status.Info(s.c, "edit cancelled")
	case s.showHelp:
		s.showHelp = false
	case s.pane(s.active).Clear():
	case allowBack && s.input.Value() == "" && s.fromList:
		return func() tea.Msg { return backToListMsg{} }
	}
	return nil
}

// toggleHelp shows or hides the full help in place of the pane.
func (s *incidentScreen) toggleHelp(on bool) {
	s.showHelp, s.helpByKey = on, false
	if on {
		s.helpView.offset = 0
		s.helpView.SetLines(strings.Split(s.fullHelp(), "\n"))
	}
}

func (s *incidentScreen) switchPane(to paneID) tea.Cmd {
	s.active = to
	s.showHelp = false
	if to == panePreview && s.loaded && s.previewW == 0 {
		return s.renderPreview()
	}
	return nil
}

func (s *incidentScreen) renderPreview() tea.Cmd {
	s.previewW = max(s.c.width, 1)
	fn, snap, w := s.c.opts.Preview, s.snap, s.previewW
	if len(s.preview.lines) == 0 {
		s.preview.SetLines([]string{"Rendering the postmortem…"})
	}
	return func() tea.Msg { return renderPreview(fn, snap, w) }
}

// startEdit puts the selected event into the input as "WHEN text" for
// correction; the time is written in full when it is not today.
func (s *incidentScreen) startEdit(ev incident.Event) {
	at := ev.OccurredAt.In(s.zone)
	now := s.c.now().In(s.zone)
	layout := "15:04"
	if y, m, d := at.Date(); y != now.Year() || m != now.Month() || d != now.Day() {
		layout = "2006-01-02 15:04"
	}
	s.editing = &ev
	s.input.Prompt = "edit › "
	s.input.SetValue(at.Format(layout) + " " + Sanitize(ev.Text))
	s.input.CursorEnd()
	s.SetSize(s.c.width, s.c.height)
}

func (s *incidentScreen) undoLast() tea.Cmd {
	if len(s.undo) == 0 {
		return s.status.Info(s.c, "nothing to undo in this session")
	}
	op := s.undo[len(s.undo)-1]
	s.undo = s.undo[:len(s.undo)-1]
	s.pending++
	return op.run(s)
}

// submit handles Enter: a correction, a slash command or a line to log.
func (s *incidentScreen) submit() tea.Cmd {
	line := s.input.Value()
	if s.editing != nil {
		cmd, err := s.editEvent(*s.editing, line)
		if err != nil {
			s.status.Error(err)
			return nil
		}
		s.editing = nil
		s.input.Prompt = "› "
		s.input.Reset()
		s.pending++
		return cmd
	}
	if strings.TrimSpace(line) == "" {
		return nil
	}
	if !s.loaded {
		s.status.Error(incident.Errorf(incident.EINVALID, "the incident is still loading: press enter again in a moment"))
		return nil
	}
	c, err := ParseCommand(line, s.c.now(), s.zone)
	if err != nil {
		s.status.Error(err)
		return nil
	}
	switch c.Op {
	case OpHelp:
		s.input.Reset()
		s.toggleHelp(true)
		return nil
	case OpUndo:
		s.input.Reset()
		return s.undoLast()
	case OpEdit:
		s.input.Reset()
		return s.openEditor(c.Field)
	case OpUTC:
		s.input.Reset()
		s.utc = !s.utc
		s.zone = s.displayZone()
		s.timeline.SetZone(s.zone)
		s.roles.SetSnapshot(&s.snap, s.zone)
		return s.status.Info(s.c, "times shown and typed in "+s.zone.String())
	case OpFilter:
		s.input.Reset()
		s.active = paneTimeline
		s.timeline.Filter(c.Text)
		if c.Text == "" {
			return s.status.Info(s.c, "showing every event")
		}
		return s.status.Info(s.c, fmt.Sprintf("%d events match %q · /filter alone shows all", len(s.timeline.events), c.Text))
	case OpFile:
		s.input.Reset()
		s.lastRepo = c.Repo
		var only []int64
		if it, ok := s.actions.Selected(); ok && s.active == paneActions {
			only = []int64{it.ID}
		}
		return s.startFiling(c.Repo, only)
	}
	s.input.Reset()
	s.timeline.Clear()
	s.pending++
	return s.apply(c, line)
}
