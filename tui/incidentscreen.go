package tui

import (
	"errors"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// incidentScreen runs one incident. It routes messages to its parts — the
// header, the panes (one shown at a time, reached with Tab), the input
// line, the footer — and holds what they share: the snapshot, the writes
// in flight, the undo stack and the unsent line's draft.
type incidentScreen struct {
	c   *common
	id  int64
	gen int

	loaded     bool
	loadErr    error
	snap       incident.Snapshot
	version    int64
	loadSeq    int
	appliedSeq int
	loading    bool // a load is in flight
	reloadDue  bool // something changed while it was: load again after it
	fullReload bool // the next load reads the whole incident (see catchUp)
	utc        bool // /utc: show and read times in UTC
	banner     bool // a due reminder is shown under the header (reminder.go)

	header header
	input  *inputLine
	writes writes
	undo   undoStack
	status statusLine
	help   help.Model
	frames map[string]string // drawn fragments by their inputs; see remember
	draft  draft

	live liveWatch // woken by the team database's notifications (livewatch.go)

	panes    []pane
	active   int
	timeline *timeline
	actions  *actionsPane

	helpPage  *scroller // the full help in place of the pane; nil when closed
	helpByKey bool      // it was opened by typing "?" into an empty input
	// importing is a pasted timeline shown for confirmation, nil when none.
	importing *pasteImport

	filing   bool   // a GitHub filing run is under way
	lastRepo string // where /file last filed, for f

	// then is what to do once every write has landed and the draft is
	// saved: quit, or go back to the list. exiting says it was asked for.
	then    tea.Cmd
	exiting bool
}

func newIncidentScreen(c *common, id int64, gen int) *incidentScreen {
	s := &incidentScreen{c: c, id: id, gen: gen, help: help.New()}
	s.writes = writes{c: c, id: id, gen: gen}
	s.status = statusLine{gen: gen}
	s.header = header{c: c}
	s.input = newInputLine(c)
	s.timeline = newTimeline(c, s)
	s.actions = newActionsPane(c, s)
	// The panes, in tab order: a new pane is one more line here.
	s.panes = []pane{
		s.timeline,
		s.actions,
		newRolesPane(c),
		newRetroPane(c, s),
		newPreviewPane(c, id),
		// Last, so that shift+tab from the timeline reaches it at once.
		newChecklistPane(c, s),
	}
	s.SetSize(c.width, c.height)
	return s
}

func (s *incidentScreen) Init() tea.Cmd {
	return tea.Batch(s.load(), s.pollTick(), s.clockTick(), s.loadDraft(), s.watchLive())
}

// mine reports whether a message is addressed to this screen.
func (s *incidentScreen) mine(id int64, gen int) bool { return id == s.id && gen == s.gen }

// zone is the zone times are shown and read in: the incident's, or UTC
// while /utc is on.
func (s *incidentScreen) zone() *time.Location {
	if s.utc {
		return time.UTC
	}
	return s.snap.Incident.Location()
}

func (s *incidentScreen) Update(msg tea.Msg) tea.Cmd {
	defer s.syncBanner()
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
		return s.snapshotLoaded(msg)
	case changesMsg:
		return s.changesLoaded(msg)
	case pollMsg:
		if s.mine(msg.id, msg.gen) {
			return s.checkVersion()
		}
	case versionMsg:
		return s.versionRead(msg)
	case wakeMsg, watchFailedMsg:
		return s.liveMsg(msg) // livewatch.go
	case clockMsg:
		if s.mine(msg.id, msg.gen) {
			s.header.now = s.c.now()
			return s.clockTick()
		}
	case writtenMsg:
		if s.mine(msg.id, msg.gen) {
			return tea.Batch(s.written(msg), s.settle())
		}
	case fileProgressMsg:
		if s.mine(msg.id, msg.gen) {
			return tea.Batch(s.info("GitHub: "+msg.text), listen(msg.ch))
		}
	case fileDoneMsg:
		if s.mine(msg.id, msg.gen) {
			return s.filed(msg)
		}
	case editorReadyMsg:
		if s.mine(msg.id, msg.gen) {
			return s.runEditor(msg)
		}
	case editorDoneMsg:
		if s.mine(msg.id, msg.gen) {
			return s.saveEdited(msg)
		}
	case draftLoadedMsg:
		if s.mine(msg.id, msg.gen) {
			return s.draftLoaded(msg)
		}
	case draftDueMsg:
		if s.mine(msg.id, msg.gen) && msg.seq == s.draft.seq {
			return s.saveDraft()
		}
	case statusExpiredMsg:
		s.status.Expire(msg)
	default:
		if cmd, ok := s.updateDraftMsg(msg); ok { // updatedraft.go
			return cmd
		}
		// Anything else is a pane's own message (the Preview's render).
		cmds := make([]tea.Cmd, 0, len(s.panes))
		for _, p := range s.panes {
			cmds = append(cmds, p.Update(msg))
		}
		return tea.Batch(cmds...)
	}
	return nil
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
	if cmd := s.catchUp(s.loadSeq); cmd != nil {
		return cmd
	}
	s.fullReload = false
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

func (s *incidentScreen) snapshotLoaded(msg snapshotMsg) tea.Cmd {
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
		} else {
			s.status.Error(msg.err)
		}
		return again
	}
	s.version = msg.version
	s.loaded, s.loadErr = true, nil
	s.snap = msg.snap
	s.applyPolicy() // policy.go
	return tea.Batch(again, s.applyData(), s.resumeCorrection())
}

// applyData shows the snapshot (or the zone) in every part, without
// touching the input, the selection or the scroll position.
func (s *incidentScreen) applyData() tea.Cmd {
	d := paneData{snap: &s.snap, zone: s.zone()}
	s.header.SetData(d)
	for _, p := range s.panes {
		p.SetData(d)
	}
	return s.shown()
}

// shown gives the active pane its chance to prepare what it shows.
func (s *incidentScreen) shown() tea.Cmd {
	if p, ok := s.panes[s.active].(shownPane); ok && s.loaded && s.helpPage == nil {
		return p.Shown()
	}
	return nil
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

func (s *incidentScreen) checkVersion() tea.Cmd { return s.readVersion(false) }

// readVersion reads the data version and the team state; wake says a
// notification asked (livewatch.go), not the poll, which then schedules
// no further poll of its own.
func (s *incidentScreen) readVersion(wake bool) tea.Cmd {
	st, ctx, id, gen := s.c.st, s.c.ctx, s.id, s.gen
	return func() tea.Msg {
		v, err := st.DataVersion(ctx)
		team, isTeam := readTeam(ctx, st)
		return versionMsg{id: id, gen: gen, version: v, err: err, team: team, isTeam: isTeam, wake: wake}
	}
}

func (s *incidentScreen) versionRead(msg versionMsg) tea.Cmd {
	if !s.mine(msg.id, msg.gen) {
		return nil
	}
	next := s.pollTick()
	if msg.wake {
		next = nil // the poll's own chain goes on
	} else if msg.isTeam && msg.team.online {
		next = tea.Batch(next, s.watchLive())
	}
	marks := false
	if msg.isTeam {
		// Lines were sent (or queued elsewhere): their marks change, and
		// only a whole read brings the lines that wait.
		marks = msg.team.pending != s.header.team.pending
		s.fullReload = s.fullReload || marks
		s.header.team = msg.team
		if err := msg.team.refusal(); err != nil {
			s.status.Error(err) // its pending line vanishes: say why
		}
	}
	if msg.err != nil {
		s.status.Error(msg.err)
		return next
	}
	if (msg.version != s.version || marks) && s.loaded {
		s.version = msg.version
		return tea.Batch(next, s.load())
	}
	return next
}

// written shows what a write did, or what went wrong and where the line is.
func (s *incidentScreen) written(msg writtenMsg) tea.Cmd {
	s.writes.finished()
	if errors.Is(msg.err, incident.ErrQueued) {
		// Kept in the outbox: it is not lost, and it shows as pending
		// until the team database has it.
		s.header.team.pending++
		s.fullReload = true // the pending lines come with a whole read
		return tea.Batch(s.info(incident.ErrorMessage(msg.err)), s.load(), s.sentDraft(msg))
	}
	if msg.err != nil {
		if msg.undone != nil {
			s.undo.push(*msg.undone) // for another try
		}
		if msg.change.quiet {
			s.draft.failed()
			s.then = nil // quitting now would lose the line
			s.status.ErrorHint(msg.err, "the unsent line is not saved as a draft (ctrl+c again quits anyway)")
			return nil
		}
		s.failed(msg.line, msg.err)
		return nil
	}
	ch := msg.change
	if ch.quiet {
		return nil
	}
	what := ch.what
	if ch.removed != 0 {
		s.timeline.Remove(ch.removed)
	}
	if ch.event != nil && ch.event.ID != 0 {
		s.header.Observe(*ch.event)
		if !s.timeline.Upsert(*ch.event) {
			what += " · hidden by the filter (/filter alone shows all)"
		}
	}
	if ch.undo != nil && msg.undone == nil {
		s.undo.push(*ch.undo)
	}
	// The header (state, roles, counts) and the other panes follow from a
	// reload; the event itself is already in place.
	cmds := []tea.Cmd{s.info(what), s.load(), s.sentDraft(msg)}
	if ch.clipboard != "" {
		cmds = append(cmds, tea.SetClipboard(ch.clipboard))
	}
	return tea.Batch(cmds...)
}

// keepFound takes the find-line text that opened the incident: not
// logged (it may have been a search), but kept in the input history, and
// said so, for the commander who typed it as a line.
func (s *incidentScreen) keepFound(text string) tea.Cmd {
	if text == "" {
		return nil
	}
	s.input.giveBack(text)
	return s.status.Info(s.c, "opened from the find line: \""+clip(text)+"\" was not logged · ↑ brings it back to log it")
}

// failed says why a typed line was not logged. The line leaves the input
// (keystrokes that follow start a new line, never a longer wrong one) for
// the history, where ↑ brings it back.
func (s *incidentScreen) failed(line string, err error) {
	if line == "" {
		s.status.Error(err)
		return
	}
	s.input.giveBack(line)
	hint := "↑ brings the line back"
	if !s.input.empty() {
		hint = "the line is in the history: ctrl+p brings it back"
	}
	s.status.ErrorHint(err, hint)
}

// undoLast undoes the last change made on this screen.
func (s *incidentScreen) undoLast() tea.Cmd {
	op, ok := s.undo.pop()
	if !ok {
		return s.info("nothing to undo in this session")
	}
	return s.writes.runUndo(op)
}

// write is the panes' way to the write helper.
func (s *incidentScreen) write(line string, fn writeFunc) tea.Cmd { return s.writes.run(line, fn) }

// correct starts a correction in the input line.
func (s *incidentScreen) correct(c correction) {
	s.helpPage = nil
	s.input.startCorrection(c)
}

func (s *incidentScreen) info(text string) tea.Cmd { return s.status.Info(s.c, text) }
func (s *incidentScreen) fail(err error)           { s.status.Error(err) }
func (s *incidentScreen) now() time.Time           { return s.c.now() }

// leave goes back to the incident list once the writes in flight have
// landed and the unsent line is saved.
func (s *incidentScreen) leave() tea.Cmd {
	return s.exit(func() tea.Msg { return backToListMsg{} })
}

// exit does then as soon as nothing typed can be lost by it.
func (s *incidentScreen) exit(then tea.Cmd) tea.Cmd {
	s.stopLive()
	s.then, s.exiting = then, true
	return s.settle()
}

// settle moves an exit along: it waits for the writes in flight, saves the
// draft, then exits.
func (s *incidentScreen) settle() tea.Cmd {
	if s.then == nil || s.writes.pending > 0 {
		return nil
	}
	if cmd := s.saveDraft(); cmd != nil {
		return cmd
	}
	then := s.then
	s.then = nil
	return then
}
