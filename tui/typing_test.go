package tui

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"scribe/incident"
	"scribe/store"
)

// The class of issue #10's first item: no key typed into the TUI, in any
// order, turns a sentence into commands.

func TestEscThenASentenceIsLoggedNotObeyed(t *testing.T) {
	h := newHarness(t, false)
	inc := incident.Incident{Title: "Checkout errors", Severity: 2, Timezone: "UTC"}
	if err := h.st.CreateIncident(h.ctx, &inc, store.Origin{At: h.now.Add(-time.Hour)}); err != nil {
		t.Fatal(err)
	}
	h.run(h.m.list.load())
	h.press(tea.KeyEnter) // open it from the list
	if h.m.inc == nil {
		t.Fatal("enter did not open the incident")
	}
	h.press(tea.KeyEscape)
	h.typeText("now seeing recovery quick update: rollback done")
	h.press(tea.KeyEnter)
	h.press(tea.KeyEnter)
	if h.quit || h.m.inc == nil {
		t.Fatalf("quit %v, left the incident %v", h.quit, h.m.inc == nil)
	}
	if got := h.lastEvent().Text; got != "now seeing recovery quick update: rollback done" {
		t.Errorf("logged %q", got)
	}
	list, _ := h.st.Incidents(h.ctx)
	if len(list) != 1 {
		t.Errorf("%d incidents: a sentence declared one", len(list))
	}
}

func TestTheListTakesASentenceAsText(t *testing.T) {
	h := newHarness(t, true)
	h.enter("/list")
	if h.m.inc != nil {
		t.Fatal("/list did not leave")
	}
	h.typeText("now quit quickly: nq q n")
	h.press(tea.KeyEnter)
	h.press(tea.KeyEnter)
	if h.quit || h.m.inc != nil {
		t.Fatalf("a sentence on the list quit (%v) or opened an incident (%v)", h.quit, h.m.inc != nil)
	}
	if list, _ := h.st.Incidents(h.ctx); len(list) != 1 {
		t.Errorf("%d incidents: the sentence declared one", len(list))
	}
	h.mustSee("find › now quit quickly: nq q n")
	h.mustSee("nothing was logged or declared")
	// The find line is a find line: part of a title finds the incident.
	h.press(tea.KeyEscape)
	h.typeText("checkout")
	h.press(tea.KeyEnter)
	if h.m.inc == nil {
		t.Fatal("finding by title and enter did not open the incident")
	}
}

// A line typed on the list by a commander who thinks the incident is
// open: its words match a title, Enter opens that incident, and the line
// is neither logged nor lost.
func TestAFindLineThatOpensAnIncidentIsKept(t *testing.T) {
	h := newHarness(t, true)
	before := len(h.events())
	h.enter("/list")
	h.typeText("payments deploy rolled back")
	h.press(tea.KeyEnter)
	if h.m.inc != nil {
		t.Fatal("a sentence whose words do not all match opened an incident")
	}
	h.press('u', tea.ModCtrl)
	h.typeText("payments deploy")
	h.press(tea.KeyEnter)
	if h.m.inc == nil {
		t.Fatal("finding by title and enter did not open the incident")
	}
	if n := len(h.events()); n != before {
		t.Fatalf("%d events, want %d: the find text was logged", n, before)
	}
	h.mustSee(`"payments deploy" was not logged`)
	if h.input() != "" {
		t.Errorf("input %q: the find text must not wait in the input, where Enter would log it", h.input())
	}
	h.press(tea.KeyUp)
	if h.input() != "payments deploy" {
		t.Errorf("↑ gives %q, want the find text", h.input())
	}
	h.press('u', tea.ModCtrl)
	h.enter("/list")
	if got := h.m.list.find.Value(); got != "" {
		t.Errorf("back on the list, the find line still holds %q", got)
	}
}

func TestATimeAheadOfNowIsRefused(t *testing.T) {
	h := newHarness(t, true)
	before := len(h.events())
	h.enter("2026-11-21 15:50 paged the DB team")
	if n := len(h.events()); n != before {
		t.Fatalf("%d events, want %d: a time 20 minutes ahead was logged", n, before)
	}
	h.mustSee("in the future")
	h.press(tea.KeyUp)
	if h.input() != "2026-11-21 15:50 paged the DB team" {
		t.Errorf("the refused line is not kept: %q", h.input())
	}
}

func TestAClockAheadIsRefusedNotFiledYesterday(t *testing.T) {
	h := newHarness(t, true) // 15:30
	before := len(h.events())
	h.enter("15:50 paged the DB team")
	if evs := h.events(); len(evs) != before {
		t.Errorf("logged %q at %v: a clock 20 minutes ahead is a typo, not yesterday", evs[0].Text, evs[0].OccurredAt)
	}
	h.mustSee("Sat 21 Nov") // the date it would have had
}

func TestALineOnAnotherDayIsConfirmedWithItsDate(t *testing.T) {
	h := newHarness(t, true)
	h.now = time.Date(2026, 11, 22, 0, 5, 0, 0, time.UTC)
	h.enter("23:50 the replica caught up")
	ev := h.lastEvent()
	if want := time.Date(2026, 11, 21, 23, 50, 0, 0, time.UTC); !ev.OccurredAt.Equal(want) {
		t.Fatalf("23:50 typed at 00:05 is %v, want %v", ev.OccurredAt, want)
	}
	h.mustSee("at 23:50 on Sat 21 Nov, yesterday")
	// A correction onto another day says so too.
	h.press(tea.KeyUp)
	h.typeText("e")
	h.m.inc.input.SetValue("2026-11-20 09:00 the replica caught up")
	h.press(tea.KeyEnter)
	h.mustSee("event corrected: at 09:00 on Fri 20 Nov")
}

func TestHistoryWithArrowsAndCtrlP(t *testing.T) {
	h := newHarness(t, true)
	h.enter("first line")
	h.enter("second line")
	h.press(tea.KeyUp) // empty input: selects the newest row
	if _, ok := h.m.inc.timeline.Selected(); !ok {
		t.Fatal("↑ on an empty input should select a row")
	}
	h.press(tea.KeyEscape)
	h.press('p', tea.ModCtrl)
	if h.input() != "second line" {
		t.Fatalf("ctrl+p gave %q", h.input())
	}
	h.press(tea.KeyUp) // text in the input: history
	if h.input() != "first line" {
		t.Fatalf("↑ with text gave %q", h.input())
	}
	h.press(tea.KeyDown)
	h.press(tea.KeyDown)
	if h.input() != "" {
		t.Fatalf("↓ past the newest should come back to the empty line, got %q", h.input())
	}
}

func TestDeleteTwiceNeverDeletesTheNextRow(t *testing.T) {
	h := newHarness(t, true)
	h.enter("keep this one")
	h.enter("delete this one")
	keep := h.lastEvent().ID - 1
	h.press(tea.KeyUp)
	h.typeText("d")
	h.typeText("d")
	if ev, _ := h.st.Event(h.ctx, keep); ev.Deleted() {
		t.Fatal("a second d deleted the row the selection slid onto")
	}
	if h.input() != "d" {
		t.Errorf("after a delete nothing is selected, so d is text: input %q", h.input())
	}
	h.mustSee("ctrl+z or /undo brings it back")
}

func TestUndoWithoutASelection(t *testing.T) {
	h := newHarness(t, true)
	h.enter("a line logged by mistake")
	id := h.lastEvent().ID
	h.press('z', tea.ModCtrl)
	if ev, _ := h.st.Event(h.ctx, id); !ev.Deleted() {
		t.Fatal("ctrl+z with nothing selected did not undo")
	}
	h.typeText("u")
	if h.input() != "u" {
		t.Errorf("u with nothing selected is text (a sentence may start with it): %q", h.input())
	}
}

func TestHelpClosesWhenALineIsLogged(t *testing.T) {
	h := newHarness(t, true)
	h.enter("/help")
	if h.m.inc.helpPage == nil {
		t.Fatal("/help did not open the help")
	}
	h.enter("paged the DB team")
	if h.m.inc.helpPage != nil {
		t.Error("the help stayed open over the line just logged")
	}
	h.mustSee("· note      paged the DB team")
}

func TestAFilteredOutLineSaysWhereItWent(t *testing.T) {
	h := newHarness(t, true)
	h.enter("replica lag on orders-db")
	h.enter("/filter replica")
	h.enter("checkout is fine")
	h.mustSee("hidden by the filter")
	if ev := h.lastEvent(); ev.Text != "checkout is fine" {
		t.Errorf("last event %q", ev.Text)
	}
}

func TestEnterShowsARowWhole(t *testing.T) {
	h := newHarness(t, true)
	h.send(tea.WindowSizeMsg{Width: 80, Height: 12})
	long := strings.Repeat("the replica fell behind again and again ", 8) + "END-OF-LINE"
	h.enter(long)
	h.press(tea.KeyUp)
	if strings.Contains(h.view(), "END-OF-LINE") {
		t.Fatal("the test needs a line longer than a third of the pane")
	}
	h.press(tea.KeyEnter)
	h.mustSee("END-OF-LINE")
	h.mustSee("by tester")
	h.press(tea.KeyEscape)
	if strings.Contains(h.view(), "END-OF-LINE") {
		t.Error("esc should fold the row again")
	}
}

func TestAt80x24TheHeaderKeepsTheRolesAndHelpItsKeys(t *testing.T) {
	h := newHarness(t, true)
	h.enter("/ic Rosa Martinez")
	h.enter("/role ops Ken Anderson")
	h.enter("/role comms Ida Fernandez")
	h.enter("/c status page updated")
	h.enter("/action Add a canary stage")
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.mustSee("IC Rosa Martinez · Ops Ken Anderson · Comms Ida Fernandez")
	h.enter("/help")
	var all strings.Builder
	for range 40 {
		all.WriteString(h.view())
		h.press(tea.KeyPgDown)
	}
	for _, want := range []string{"/milestone NAME [WHEN]", "shift+tab", "ctrl+z", "/action TITLE [@owner] [due:WHEN] [p0-p3] [-- description]"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("the help at 80x24 never shows %q whole", want)
		}
	}
	for _, l := range strings.Split(h.view(), "\n") {
		if ansi.StringWidth(l) > 80 {
			t.Errorf("line wider than 80: %q", l)
		}
	}
}

func TestOthersLinesNameTheirAuthor(t *testing.T) {
	h := newHarness(t, true)
	ev := incident.Event{IncidentID: 1, Kind: incident.KindObservation, Text: "errors only on new pods", Author: "Ken A.", Source: incident.SourceCLI}
	if err := h.st.LogEvent(h.ctx, &ev); err != nil {
		t.Fatal(err)
	}
	h.tick(time.Second)
	h.enter("my own line")
	h.mustSee("errors only on new pods — Ken A.")
	if strings.Contains(h.view(), "my own line — tester") {
		t.Error("the user's own lines should not carry their name")
	}
}

func TestSeverityWithAReasonLooksLikeASeverityChange(t *testing.T) {
	h := newHarness(t, true)
	h.enter("/sev 1 checkout fully down in two regions")
	snap, _ := h.st.Snapshot(h.ctx, 1)
	if snap.Incident.Severity != 1 {
		t.Fatalf("severity %d, want 1", snap.Incident.Severity)
	}
	ev := h.lastEvent()
	if ev.Kind != incident.KindSeverity || ev.Severity != 1 || ev.PreviousSeverity != 2 || ev.Text != "checkout fully down in two regions" {
		t.Errorf("the severity event is %s SEV%d from SEV%d %q, want severity SEV1 from SEV2 with the reason", ev.Kind, ev.Severity, ev.PreviousSeverity, ev.Text)
	}
	if revs, err := h.st.Revisions(h.ctx, ev.ID); err != nil || len(revs) != 0 {
		t.Errorf("the reason should be written with the change, not by an edit after it: revisions %+v, %v", revs, err)
	}
	h.mustSee("◈ severity  SEV2 → SEV1 — checkout fully down")
	h.press('z', tea.ModCtrl)
	snap, _ = h.st.Snapshot(h.ctx, 1)
	if snap.Incident.Severity != 2 {
		t.Errorf("undo left severity %d, want 2", snap.Incident.Severity)
	}
	if got, _ := h.st.Event(h.ctx, ev.ID); !got.Deleted() {
		t.Error("undo left the severity event in the timeline")
	}
}

func TestStatusWithoutAMessageReadsWell(t *testing.T) {
	h := newHarness(t, true)
	h.enter("/status identified")
	if ev := h.lastEvent(); ev.Kind != incident.KindStatus || ev.Text != "" {
		t.Errorf("a status without a message is stored as %s %q, want an empty message", ev.Kind, ev.Text)
	}
	v := h.view()
	if !strings.Contains(v, "● status    IDENTIFIED") || strings.Contains(v, "Status: identified") {
		t.Errorf("a status change without a message should read IDENTIFIED alone:\n%s", v)
	}
}

func TestEditorThatFailsKeepsTheText(t *testing.T) {
	h := newHarness(t, true)
	h.m.c.opts.Editor = "false"
	var ready editorReadyMsg
	for _, msg := range h.exec(h.m.inc.editField(incident.FieldSummary)) {
		ready = msg.(editorReadyMsg)
	}
	if ready.path == "" {
		t.Fatal("no file for the editor")
	}
	t.Cleanup(func() { os.Remove(ready.path) })
	if err := os.WriteFile(ready.path, []byte("half a summary"), 0o600); err != nil {
		t.Fatal(err)
	}
	h.send(editorDoneMsg{id: ready.id, gen: ready.gen, field: ready.field, path: ready.path, err: errors.New("exit status 1")})
	h.mustSee("your text is in " + ready.path[:20])
	if b, err := os.ReadFile(ready.path); err != nil || string(b) != "half a summary" {
		t.Errorf("the file the message names is gone or changed: %q %v", b, err)
	}
}

func TestListWorksWhenTheIncidentCannotBeLoaded(t *testing.T) {
	h := newHarness(t, false, func(o *Options) { o.IncidentID = 42 })
	h.mustSee("incident #42")
	h.enter("/list")
	if h.m.inc != nil {
		t.Fatalf("/list did not leave an incident that does not exist:\n%s", h.view())
	}
	h.mustSee("scribe — incidents")
}

func TestALongErrorKeepsItsHintAt80Columns(t *testing.T) {
	h := newHarness(t, true)
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.enter("15:50 paged the DB team about the replica lag on orders-db")
	h.mustSee("in the future")
	h.mustSee("↑ brings the line back")
	lines := strings.Split(h.view(), "\n")
	if len(lines) != 24 {
		t.Errorf("%d lines at 80x24", len(lines))
	}
	for _, l := range lines {
		if ansi.StringWidth(l) > 80 {
			t.Errorf("line wider than 80: %q", l)
		}
	}
}

func TestACorrectionFitsItsPrompt(t *testing.T) {
	h := newHarness(t, true)
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.enter("/action Add a canary stage to the payments deploy @ken due:2026-12-01 p1")
	h.toPane("Actions")
	h.press(tea.KeyDown)
	h.typeText("e")
	h.mustSee("edit #1 › Add a canary stage to the payments deploy @ken due:2026-12-01 p1")
}
