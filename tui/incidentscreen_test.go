package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"scribe/incident"
	"scribe/store"
)

func TestLogNoteFullOfKeyLetters(t *testing.T) {
	h := newHarness(t, true)
	line := "quick q: does e p d u x j k ? quit anything? no."
	h.enter(line)
	if h.quit {
		t.Fatal("typing quit the program")
	}
	ev := h.lastEvent()
	if ev.Kind != incident.KindNote || ev.Text != line {
		t.Fatalf("logged %s %q, want note %q", ev.Kind, ev.Text, line)
	}
	if !ev.OccurredAt.Equal(h.now) || ev.Source != incident.SourceTUI || ev.Author != "tester" {
		t.Errorf("event at %v source %q author %q", ev.OccurredAt, ev.Source, ev.Author)
	}
	if h.input() != "" {
		t.Errorf("input not cleared after logging: %q", h.input())
	}
	if h.activePane() != "Timeline" || h.m.inc.helpPage != nil {
		t.Errorf("typing switched pane (%s) or opened help (%v)", h.activePane(), h.m.inc.helpPage != nil)
	}
	h.mustSee("15:30  · note      " + line)
}

func TestSlashCommandsReachTheDatabase(t *testing.T) {
	h := newHarness(t, true)
	h.enter("/ic Rosa M.")
	h.enter("/role ops Ken A.")
	h.enter("/status identified bad config in the payments deploy")
	h.enter("/action Add a canary stage @ken due:2026-12-01 p1")
	h.enter("14:05 paged the DB team")
	h.enter("/d roll back release 2211")
	h.enter("/sev 1")
	h.enter("/milestone mitigated")

	snap, err := h.st.Snapshot(h.ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	inc := snap.Incident
	if inc.State != incident.Identified || inc.Severity != 1 {
		t.Errorf("incident state %s severity %d, want identified SEV1", inc.State, inc.Severity)
	}
	if got := incident.HolderAt(snap.Roles, incident.RoleCommander, h.now); got != "Rosa M." {
		t.Errorf("commander = %q", got)
	}
	if got := incident.HolderAt(snap.Roles, incident.RoleOps, h.now); got != "Ken A." {
		t.Errorf("ops = %q", got)
	}
	if len(snap.ActionItems) != 1 {
		t.Fatalf("%d action items, want 1", len(snap.ActionItems))
	}
	it := snap.ActionItems[0]
	if it.Title != "Add a canary stage" || it.Owner != "@ken" || it.Due != "2026-12-01" || it.Priority != incident.P1 {
		t.Errorf("action item %+v", it)
	}
	var paged, decision *incident.Event
	for i, e := range snap.Events {
		switch e.Text {
		case "paged the DB team":
			paged = &snap.Events[i]
		case "roll back release 2211":
			decision = &snap.Events[i]
		}
	}
	if paged == nil || !paged.OccurredAt.Equal(time.Date(2026, 11, 21, 14, 5, 0, 0, time.UTC)) {
		t.Errorf("backdated note: %+v", paged)
	}
	if decision == nil || decision.Kind != incident.KindDecision {
		t.Errorf("decision: %+v", decision)
	}
	if _, ok := inc.Milestones.Get(incident.MilestoneMitigated); !ok {
		t.Error("mitigated milestone not set")
	}
	h.mustSee("IDENTIFIED")
	h.mustSee("IC Rosa M. · Ops Ken A.")
	h.mustSee("1 open action")
	h.mustSee("14:05  · note      paged the DB team")
	h.mustSee("SEV1")
}

func TestBadCommandGoesToHistory(t *testing.T) {
	h := newHarness(t, true)
	before := len(h.events())
	h.enter("/frobnicate the cache")
	h.mustSee("unknown command /frobnicate")
	h.mustSee("↑ brings the line back")
	if h.input() != "" {
		t.Errorf("input = %q: the failed line must leave the input, so what is typed next starts a new line", h.input())
	}
	if n := len(h.events()); n != before {
		t.Errorf("%d events, want %d: nothing should be logged", n, before)
	}
	h.press(tea.KeyUp)
	if h.input() != "/frobnicate the cache" {
		t.Fatalf("↑ brought back %q, want the failed line", h.input())
	}
	if strings.Contains(h.view(), "unknown command") {
		t.Error("the error should clear on the next key")
	}
}

func TestTypingAfterAnErrorStartsANewLine(t *testing.T) {
	h := newHarness(t, true)
	h.enter("/sev 9")
	h.enter("rolled back the deploy")
	if got := h.lastEvent().Text; got != "rolled back the deploy" {
		t.Fatalf("logged %q: the keystrokes after an error were appended to the failed line", got)
	}
	h.typeText("half")
	h.press(tea.KeyUp)
	h.press(tea.KeyUp)
	if h.input() != "/sev 9" {
		t.Fatalf("↑↑ with text shows %q, want the failed line from the history", h.input())
	}
	h.press(tea.KeyDown)
	h.press(tea.KeyDown)
	if h.input() != "half" {
		t.Fatalf("↓↓ came back to %q, want the half-typed line", h.input())
	}
}

func TestFailedWriteGoesToHistory(t *testing.T) {
	h := newHarness(t, true)
	h.st.Close()
	h.enter("rolled back the deploy")
	if !strings.Contains(h.view(), "✗") || !strings.Contains(h.view(), "↑ brings the line back") {
		t.Errorf("no error shown, or not where the line went:\n%s", h.view())
	}
	if strings.Contains(h.view(), "· note      rolled back the deploy") {
		t.Error("an event that was not committed is shown as logged")
	}
	h.press(tea.KeyUp)
	if h.input() != "rolled back the deploy" {
		t.Errorf("↑ brought back %q after a failed write, want the line", h.input())
	}
}

func TestCorrectionsEditPinDeleteUndo(t *testing.T) {
	h := newHarness(t, true)
	h.enter("restarted the pods")
	id := h.lastEvent().ID

	h.press(tea.KeyUp) // selects the newest event
	if ev, ok := h.m.inc.timeline.Selected(); !ok || ev.ID != id {
		t.Fatalf("selected %+v, want event %d", ev, id)
	}
	h.typeText("p")
	if ev, _ := h.st.Event(h.ctx, id); !ev.Pinned {
		t.Fatal("p did not pin the selected event")
	}
	h.mustSee("★ note")

	h.typeText("e")
	if got := h.input(); got != "15:30 restarted the pods" {
		t.Fatalf("editor prefilled %q", got)
	}
	for range len("restarted the pods") {
		h.press(tea.KeyBackspace)
	}
	h.press(tea.KeyBackspace) // the space
	for range len("15:30") {
		h.press(tea.KeyBackspace)
	}
	h.enter("15:12 restarted the payment pods")
	ev, _ := h.st.Event(h.ctx, id)
	if ev.Text != "restarted the payment pods" || !ev.OccurredAt.Equal(time.Date(2026, 11, 21, 15, 12, 0, 0, time.UTC)) {
		t.Fatalf("after edit: %q at %v", ev.Text, ev.OccurredAt)
	}

	h.typeText("d")
	if ev, _ := h.st.Event(h.ctx, id); !ev.Deleted() {
		t.Fatal("d did not delete the selected event")
	}
	if strings.Contains(h.view(), "note      restarted the payment pods") {
		t.Error("deleted event still shown")
	}
	h.enter("/undo")
	if ev, _ := h.st.Event(h.ctx, id); ev.Deleted() {
		t.Fatal("/undo did not restore the deleted event")
	}
	h.mustSee("restarted the payment pods")

	h.enter("/undo") // reverts the edit
	if ev, _ := h.st.Event(h.ctx, id); ev.Text != "restarted the pods" {
		t.Fatalf("undo of the edit left %q", ev.Text)
	}
}

func TestUndoRemovesTheLastLoggedEvent(t *testing.T) {
	h := newHarness(t, true)
	h.enter("first")
	h.enter("second")
	h.enter("/undo")
	evs := h.events()
	for _, e := range evs {
		if e.Text == "second" {
			t.Fatal("/undo left the last event live")
		}
	}
	if evs[len(evs)-1].Text != "first" {
		t.Errorf("the earlier event should stay: %+v", evs[len(evs)-1])
	}
	ev, err := h.st.Event(h.ctx, h.lastIDIncludingDeleted())
	if err != nil || !ev.Deleted() {
		t.Errorf("undo must be a soft delete: %+v %v", ev, err)
	}
}

func (h *harness) lastIDIncludingDeleted() int64 {
	var id int64
	for i := int64(1); i < 100; i++ {
		if _, err := h.st.Event(h.ctx, i); err == nil {
			id = i
		}
	}
	return id
}

func TestLetterKeysAreTextWhileTyping(t *testing.T) {
	h := newHarness(t, true)
	h.enter("one")
	h.press(tea.KeyUp)
	h.typeText("x")     // not a timeline key: starts the text
	h.typeText("dpe?u") // now letters are text
	if h.input() != "xdpe?u" {
		t.Fatalf("input = %q", h.input())
	}
	ev := h.lastEvent()
	if ev.Pinned || ev.Deleted() || h.m.inc.input.fixing != nil || h.m.inc.helpPage != nil {
		t.Fatal("a letter typed into text acted as a key")
	}
}

func TestLiveRefreshFromAnotherProcess(t *testing.T) {
	h := newHarness(t, true)
	for i := range 40 {
		h.enter(fmt.Sprintf("event %02d", i))
	}
	h.press(tea.KeyUp)
	h.press(tea.KeyPgUp)
	sel, _ := h.m.inc.timeline.Selected()
	topID := h.m.inc.timeline.events[h.m.inc.timeline.top].ID
	h.typeText("half typed")

	other := openStore(t, h.st.Path())
	other.Now = h.clock
	ev := incident.Event{IncidentID: 1, Kind: incident.KindNote, Text: "logged from another terminal"}
	if err := other.LogEvent(h.ctx, &ev); err != nil {
		t.Fatal(err)
	}
	h.tick(time.Second)
	if h.input() != "half typed" {
		t.Errorf("input = %q after refresh", h.input())
	}
	got, _ := h.m.inc.timeline.Selected()
	tl := h.m.inc.timeline
	if got.ID != sel.ID || tl.events[tl.top].ID != topID {
		t.Errorf("refresh moved the selection (%d→%d) or the scroll (%d→%d)", sel.ID, got.ID, topID, tl.events[tl.top].ID)
	}
	h.press(tea.KeyEscape) // back to the newest
	h.mustSee("logged from another terminal")
}

func TestHostileTextRendersHarmlessly(t *testing.T) {
	h := newHarness(t, true)
	ev := incident.Event{IncidentID: 1, Kind: incident.KindNote, Text: "title\x1b]0;pwned\x07 clear\x1b[2J\x1b[H bidi\u202eevil"}
	if err := h.st.LogEvent(h.ctx, &ev); err != nil {
		t.Fatal(err)
	}
	h.tick(time.Second)
	raw := h.m.View().Content
	for _, bad := range []string{"\x1b]", "\x1b[2J", "\x1b[H", "\u202e", "\a"} {
		if strings.Contains(raw, bad) {
			t.Errorf("the frame carries %q", bad)
		}
	}
	h.mustSee("title clear bidievil")
}

func TestResizeDownAndBack(t *testing.T) {
	h := newHarness(t, true)
	h.enter("/ic Rosa M.")
	for i := range 30 {
		h.enter(fmt.Sprintf("a long line of text number %02d that will not fit in a narrow terminal at all", i))
	}
	for _, size := range [][2]int{{50, 15}, {100, 30}, {80, 24}} {
		h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		v := h.view()
		lines := strings.Split(v, "\n")
		if len(lines) != size[1] {
			t.Errorf("%dx%d: %d lines", size[0], size[1], len(lines))
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > size[0] {
				t.Errorf("%dx%d: line %d is %d wide: %q", size[0], size[1], i, w, l)
			}
		}
		if !strings.Contains(v, "number 29") || !strings.Contains(v, "›") || !strings.Contains(v, "SEV2") {
			t.Errorf("%dx%d: timeline, input or header missing:\n%s", size[0], size[1], v)
		}
	}
	h.send(tea.WindowSizeMsg{Width: 50, Height: 15})
	h.enter("still alive")
	h.mustSee("still alive")
}

func TestTimelineDateLinesAndSelection(t *testing.T) {
	h := newHarness(t, true)
	h.enter("2026-11-20 23:50 late evening")
	h.enter("first today")
	v := h.view()
	if !strings.Contains(v, "Fri 20 Nov 2026 (UTC)") || !strings.Contains(v, "Sat 21 Nov 2026 (UTC)") {
		t.Fatalf("date lines missing:\n%s", v)
	}
	if strings.Index(v, "late evening") > strings.Index(v, "Sat 21 Nov") {
		t.Error("events out of order: newest must be at the bottom")
	}
}

func TestPanesAndHelp(t *testing.T) {
	h := newHarness(t, true)
	h.enter("/action Add a canary stage @ken")
	h.enter("/ic Rosa M.")
	h.enter("/retro well the rollback took five minutes")
	h.press(tea.KeyTab)
	h.mustSee("Add a canary stage")
	h.press(tea.KeyDown)
	h.typeText("x")
	items, _ := h.st.ActionItems(h.ctx, 1)
	if items[0].State != incident.ItemDone {
		t.Fatalf("x did not mark the item done: %s", items[0].State)
	}
	h.press(tea.KeyTab)
	h.mustSee("incident commander")
	h.press(tea.KeyTab)
	h.mustSee("the rollback took five minutes")
	h.press(tea.KeyTab)
	h.mustSee("Preview")
	h.press(tea.KeyTab)
	h.mustSee("[Checklist]")
	h.press(tea.KeyTab)
	if h.activePane() != "Timeline" {
		t.Fatalf("tab did not cycle back to the timeline")
	}
	h.typeText("?")
	h.mustSee("/status STATE [message]")
	h.press(tea.KeyEscape)
	h.enter("/help")
	h.mustSee("/action TITLE")
}

func TestClockTicks(t *testing.T) {
	h := newHarness(t, true)
	h.mustSee("01:00:00")
	h.tick(time.Second)
	h.mustSee("01:00:01")
	h.enter("/c status page updated")
	h.tick(5 * time.Minute)
	h.mustSee("last update 5m ago")
}

func TestListDeclareAndOpen(t *testing.T) {
	h := newHarness(t, false)
	h.mustSee("No incidents yet")
	h.press('n', tea.ModCtrl)
	h.mustSee("title › what is broken")
	h.typeText("Replica lag on orders-db")
	h.mustSee("title › Replica lag on orders-db")
	h.press(tea.KeyEnter)
	h.enter("2")
	if h.m.inc == nil {
		t.Fatalf("the new incident was not opened:\n%s", h.view())
	}
	h.mustSee("SEV2")
	h.mustSee("Replica lag on orders-db")
	h.enter("first note")
	h.press(tea.KeyEscape)
	if h.m.inc == nil {
		t.Fatal("esc left the incident: only /list does")
	}
	h.mustSee("/list goes to the incident list")
	h.enter("/list")
	if h.m.inc != nil {
		t.Fatal("/list should return to the list")
	}
	h.mustSee("#1    SEV2")
	h.typeText("q")
	if h.quit {
		t.Error("q on the list quit: letters are text there")
	}
	h.press('c', tea.ModCtrl)
	if !h.quit {
		t.Error("ctrl+c on the list should quit")
	}
}

func TestReloadsDoNotPileUp(t *testing.T) {
	h := newHarness(t, true)
	s := h.m.inc
	first := s.load()
	if first == nil {
		t.Fatal("an idle screen should load")
	}
	second := s.load()
	third := s.load()
	if second != nil || third != nil {
		t.Fatal("a second load started while one was in flight")
	}
	if !s.reloadDue {
		t.Fatal("the change seen during the load was forgotten")
	}
	msg := first()
	if cmd := s.Update(msg); cmd == nil {
		t.Fatal("no reload after the in-flight load returned, though a change was pending")
	}
}

func TestQuestionMarkStartsALine(t *testing.T) {
	h := newHarness(t, true)
	h.typeText("?")
	if h.m.inc.helpPage == nil {
		t.Fatal("? on an empty input should show the help")
	}
	h.typeText("?")
	if h.m.inc.helpPage != nil || h.input() != "" {
		t.Fatalf("a second ? should close the help (input %q)", h.input())
	}
	h.typeText("?")
	h.enter(" is the DB involved")
	if h.m.inc.helpPage != nil {
		t.Error("typing on should close the help")
	}
	if got := h.lastEvent().Text; got != "? is the DB involved" {
		t.Errorf("logged %q, want the question mark kept", got)
	}
}

func TestSelectionModeIsVisible(t *testing.T) {
	h := newHarness(t, true)
	h.mustSee("type what happened")
	h.press(tea.KeyUp)
	h.mustSee("selected: e edit · p pin · d delete")
	h.press(tea.KeyEscape)
	h.mustSee("type what happened")
}

func TestPreviewRendersTheExportAndWarnings(t *testing.T) {
	h := newHarness(t, true)
	calls := 0
	var widths []int
	h.m.c.opts.Preview = func(snap incident.Snapshot, width int) (Preview, error) {
		calls++
		widths = append(widths, width)
		return Preview{
			Markdown: fmt.Sprintf("# %s\n\nThe summary with **%d events**.\n", snap.Incident.Title, len(snap.Events)),
			Findings: []Finding{{Text: "Timeline: \"Rosa\" is named\x1b]0;x\x07"}, {Note: true, Text: "Key moments: mitigated before detected, which can happen"}},
			Strip:    []string{"Phases 09:02 to 10:33 UTC", "████▒▒▒▒░░", "S  D C M R"},
		}, nil
	}
	h.enter("one more event")
	for range 4 {
		h.press(tea.KeyTab)
	}
	if h.activePane() != "Preview" {
		t.Fatal("four tabs should reach the Preview")
	}
	h.mustSee("1 warning and 1 note:")
	h.mustSee("⚠ Timeline: \"Rosa\" is named")
	h.mustSee("· note: Key moments: mitigated before detected, which can happen")
	h.mustSee("The summary with 2 events.")
	v := h.view()
	strip, warning, note := strings.Index(v, "████▒▒▒▒░░"), strings.Index(v, "⚠ Timeline"), strings.Index(v, "· note: Key")
	if strip < 0 || !(strip < warning && warning < note) || !strings.Contains(v, " S  D C M R") {
		t.Errorf("the strip should come first, then the warning, then the note:\n%s", v)
	}
	if strings.Contains(v, "⚠ Key moments") {
		t.Error("a note is drawn as a warning")
	}
	if strings.Contains(h.m.View().Content, "\x1b]0;") {
		t.Error("a warning's escape sequence reached the frame")
	}
	before := calls
	h.send(tea.WindowSizeMsg{Width: 70, Height: 24})
	if calls != before+1 || widths[len(widths)-1] != 68 {
		t.Errorf("a resize on the Preview should render it again at the new width (%d renders, widths %v)", calls-before, widths)
	}
}

func TestFileActionItemsOnGitHub(t *testing.T) {
	h := newHarness(t, true)
	var gotRepo string
	var gotOnly []int64
	h.m.c.opts.File = func(ctx context.Context, id int64, repo string, only []int64, progress func(string)) (string, error) {
		gotRepo, gotOnly = repo, only
		items, err := h.st.ActionItems(ctx, id)
		if err != nil {
			return "", err
		}
		for i, it := range items {
			progress(fmt.Sprintf("filing %q", it.Title))
			if _, err := h.st.UpdateActionItem(ctx, it.ID, func(a *incident.ActionItem) error {
				a.GitHub = incident.GitHubIssue{Repo: repo, Number: 40 + i, State: "open"}
				return nil
			}); err != nil {
				return "", err
			}
		}
		return fmt.Sprintf("%d filed", len(items)), nil
	}
	h.enter("/action Add a canary stage @ken")
	h.enter("/action Alert on pool wait @rosa")
	h.press(tea.KeyTab)
	h.press(tea.KeyDown)
	h.typeText("f")
	h.mustSee("type /file OWNER/NAME once")
	if h.input() != "" {
		t.Fatalf("f on a selected item typed %q", h.input())
	}
	h.enter("/file acme/payments")
	if gotRepo != "acme/payments" || len(gotOnly) != 1 || gotOnly[0] != 1 {
		t.Errorf("filed in %q only %v, want acme/payments only the selected item 1", gotRepo, gotOnly)
	}
	h.mustSee("GitHub: 2 filed")
	h.mustSee("GH acme/payments#40 open")
	h.mustSee("GH acme/payments#41 open")
	h.press(tea.KeyEscape)
	h.enter("/file acme/payments")
	if gotOnly != nil {
		t.Errorf("without a selection every item is filed, got only %v", gotOnly)
	}
}

func TestSelectingALongEventShowsAllOfIt(t *testing.T) {
	h := newHarness(t, true)
	long := strings.Repeat("the replica fell behind again ", 8) + "END-OF-LINE"
	h.enter(long)
	h.enter("a later short line")
	if strings.Contains(h.view(), "END-OF-LINE") {
		t.Fatal("an unselected long row should be cut to one line")
	}
	h.press(tea.KeyUp)
	h.press(tea.KeyUp)
	h.mustSee("END-OF-LINE")
	h.mustSee("a later short line")
	if lines := strings.Split(h.view(), "\n"); len(lines) != 30 {
		t.Errorf("the frame has %d lines, want 30", len(lines))
	}
}

func TestFilterTheTimeline(t *testing.T) {
	h := newHarness(t, true)
	h.enter("replica lag on orders-db")
	h.enter("checkout errors steady")
	h.enter("/ic Rosa M.")
	h.enter("/filter REPLICA")
	v := h.view()
	if !strings.Contains(v, "replica lag on orders-db") || strings.Contains(v, "checkout errors steady") {
		t.Fatalf("filter shows the wrong events:\n%s", v)
	}
	h.mustSee("Timeline (replica)")
	h.enter("replica caught up")
	h.mustSee("replica caught up")
	h.enter("unrelated line")
	if strings.Contains(h.view(), "note      unrelated line") {
		t.Error("a new event that does not match should stay hidden while filtering")
	}
	h.enter("/filter rosa")
	h.mustSee("Rosa M. is incident commander")
	h.enter("/filter")
	h.mustSee("checkout errors steady")
	h.mustSee("unrelated line")
}

func TestUTCToggle(t *testing.T) {
	h := newHarness(t, false)
	inc := incident.Incident{Title: "Berlin outage", Severity: 3, Timezone: "Europe/Berlin"}
	if err := h.st.CreateIncident(h.ctx, &inc, store.Origin{At: h.now.Add(-time.Hour)}); err != nil {
		t.Fatal(err)
	}
	h.send(openIncidentMsg{id: inc.ID})
	h.enter("16:00 local time note")
	h.mustSee("16:00  · note      local time note")
	h.mustSee("(CET)")
	h.enter("/utc")
	h.mustSee("15:00  · note      local time note")
	h.mustSee("(UTC)")
	h.enter("15:10 typed in utc")
	ev := h.lastEvent()
	if want := time.Date(2026, 11, 21, 15, 10, 0, 0, time.UTC); !ev.OccurredAt.Equal(want) {
		t.Errorf("typed 15:10 under /utc gave %v, want %v", ev.OccurredAt, want)
	}
}

func TestEscFollowedAtOnceByTyping(t *testing.T) {
	h := newHarness(t, true)
	h.enter("first")
	h.press(tea.KeyUp)
	h.send(tea.KeyPressMsg{Code: '/', Mod: tea.ModAlt}) // ESC and "/" in one read
	if _, ok := h.m.inc.timeline.Selected(); ok {
		t.Error("the Esc half did not clear the selection")
	}
	h.enter("n typed right after esc")
	if got := h.lastEvent().Text; got != "typed right after esc" {
		t.Errorf("logged %q", got)
	}
	h.typeText("word")
	h.send(tea.KeyPressMsg{Code: 'b', Mod: tea.ModAlt}) // word back stays an editing key
	if h.input() != "word" {
		t.Errorf("alt+b changed the text to %q", h.input())
	}
}

func TestTinyTerminalsDoNotPanic(t *testing.T) {
	h := newHarness(t, true)
	h.enter("/ic Rosa M.")
	h.enter("a note")
	for _, size := range [][2]int{{1, 1}, {10, 3}, {20, 5}, {0, 0}, {30, 8}} {
		h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for id := range h.m.inc.panes {
			h.m.inc.active = id
			_ = h.view()
		}
		h.m.inc.active = 0
		h.press(tea.KeyUp)
		h.typeText("?")
		_ = h.view()
		h.press(tea.KeyEscape)
		h.press(tea.KeyEscape)
	}
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.mustSee("a note")
}

func TestPastedEscapesNeverReachTheScreen(t *testing.T) {
	h := newHarness(t, true)
	h.send(tea.PasteMsg{Content: "pasted\x1b]0;pwned\x07 line\nwith a break\x1b[2J"})
	if raw := h.m.View().Content; strings.Contains(raw, "\x1b]0;") || strings.Contains(raw, "\x1b[2J") || strings.Contains(raw, "\a") {
		t.Fatalf("pasted escapes reached the frame: %q", raw)
	}
	h.press(tea.KeyEnter)
	got := h.lastEvent().Text
	if got != "pasted line with a break" {
		t.Errorf("logged %q, want the paste without its escape sequences", got)
	}
}

func TestCtrlCWaitsForTheLineInFlight(t *testing.T) {
	h := newHarness(t, true)
	h.typeText("the last line before quitting")
	// Enter without running its command yet: the write is in flight.
	_, write := h.m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	h.send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	if h.quit {
		t.Fatal("quit with a write in flight")
	}
	h.mustSee("saving, then quitting")
	h.run(write)
	if !h.quit {
		t.Fatal("did not quit once the write landed")
	}
	if got := h.lastEvent().Text; got != "the last line before quitting" {
		t.Errorf("last event %q", got)
	}
}
