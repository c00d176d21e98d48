package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// A correction half typed when ctrl+c quits is kept as the incident's
// draft, with the row it corrects, and opened again on that row, with what
// was typed, when the incident is opened again; saving it then corrects the
// row, and the draft goes.
func TestCtrlCKeepsAHalfTypedCorrection(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, true, withDrafts(dir))
	h.enter("paged the DB tem")
	h.press(tea.KeyUp) // select the line just logged
	h.typeText("e")
	if !strings.HasSuffix(h.input(), " paged the DB tem") {
		t.Fatalf("e prefilled %q", h.input())
	}
	h.press(tea.KeyBackspace)
	h.press(tea.KeyBackspace)
	h.typeText("eam about lag")
	typed := h.input()
	h.press('c', tea.ModCtrl)
	if !h.quit {
		t.Fatal("ctrl+c did not quit")
	}
	if d := decodeDraft(h.draft(1)); d.Fix == nil || d.Fix.Kind != fixEvent || d.Fix.Text != typed {
		t.Fatalf("draft = %q, want the correction of the event with %q", h.draft(1), typed)
	}

	h.start() // scribe open 1, again
	h.mustSee("your unfinished correction of the event is back")
	if h.m.inc.input.fixing == nil || h.input() != typed {
		t.Fatalf("reopened: correcting %v, input %q; want the correction with %q", h.m.inc.input.fixing != nil, h.input(), typed)
	}
	h.mustSee("edit › ")
	h.press(tea.KeyEnter)
	if got := h.lastEvent().Text; got != "paged the DB team about lag" {
		t.Fatalf("the event reads %q after saving the correction", got)
	}
	h.tick(draftDelay)
	if got := h.draft(1); got != "" {
		t.Errorf("the draft of a saved correction is still kept: %q", got)
	}
}

// A correction of an action item, a retro note or a narrative field is
// kept the same way; one whose row is gone when the incident is opened
// again comes back as history, never lost, and esc on a reopened
// correction drops the draft.
func TestCorrectionDraftsOfEveryKind(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, true, withDrafts(dir))
	h.enter("/action Add a canary stage @ken")
	h.toPane("Actions")
	h.press(tea.KeyDown)
	h.typeText("e")
	h.typeText(" p1")
	h.press('c', tea.ModCtrl)
	h.start()
	h.mustSee("your unfinished correction of action item #1 is back")
	if h.input() != "Add a canary stage @ken p1" || h.m.inc.input.fixing == nil {
		t.Fatalf("item correction reopened with %q", h.input())
	}
	if got := h.m.inc.panes[h.m.inc.active].Title(); !strings.HasPrefix(got, "Actions") {
		t.Errorf("the item's correction reopened over the %s pane, not Actions", got)
	}
	h.press(tea.KeyEnter)
	if it := h.snapshot().ActionItems[0]; it.Priority != incident.P1 {
		t.Fatalf("item after the reopened correction: %+v", it)
	}

	h.enter("/set summary Checkout failed")
	h.toPane("Retro")
	h.press(tea.KeyDown) // Summary
	h.typeText("e")
	h.typeText(" for 40 minutes")
	h.press('c', tea.ModCtrl)
	h.start()
	h.mustSee("your unfinished correction of the summary is back")
	if h.input() != "Checkout failed for 40 minutes" {
		t.Fatalf("field correction reopened with %q", h.input())
	}
	if got := h.m.inc.panes[h.m.inc.active].Title(); got != "Retro" {
		t.Errorf("the field's correction reopened over the %s pane, not Retro", got)
	}
	h.press(tea.KeyEscape)
	h.mustSee("correction cancelled")
	h.tick(draftDelay)
	if got := h.draft(1); got != "" {
		t.Errorf("a dropped correction is still kept: %q", got)
	}

	// The row goes while the correction waits: its text is not lost.
	h.enter("/action Page on pool wait")
	h.toPane("Actions")
	h.press(tea.KeyDown)
	h.press(tea.KeyDown)
	h.typeText("e")
	h.typeText(" @rosa")
	h.press('c', tea.ModCtrl)
	if err := h.st.DeleteActionItem(h.ctx, 2); err != nil {
		t.Fatal(err)
	}
	h.start()
	h.mustSee("your unfinished correction of action item #2 cannot be opened again")
	if h.m.inc.input.fixing != nil || h.input() != "" {
		t.Fatalf("a correction of a deleted item was opened: %q", h.input())
	}
	h.press(tea.KeyUp)
	if h.input() != "Page on pool wait @rosa" {
		t.Errorf("↑ brought back %q, want the correction's text", h.input())
	}
}

// A draft written by an earlier scribe (the line alone) reads as before,
// and one that cannot be read is kept whole as the line.
func TestDecodeDraft(t *testing.T) {
	if d := decodeDraft("paged the DB team"); d.Line != "paged the DB team" || d.Fix != nil {
		t.Errorf("a plain draft: %+v", d)
	}
	d := draftState{Line: "a line", Fix: &fixDraft{fixTarget: fixTarget{Kind: fixNote, ID: 4}, Text: "note \" text"}}
	if got := decodeDraft(d.encode()); got.Line != "a line" || got.Fix == nil || *got.Fix != *d.Fix {
		t.Errorf("round trip: %+v", got)
	}
	if d := decodeDraft(draftMark + "{broken"); d.Line != "{broken" || d.Fix != nil {
		t.Errorf("a broken draft: %+v", d)
	}
}

// The declare form's title survives ctrl+c and a crash: the list opens the
// form again with it; declaring, or esc, lets the draft go.
func TestDeclarationHalfTypedIsKept(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, false, withDrafts(dir))
	h.press('n', tea.ModCtrl)
	h.typeText("Checkout errors after the dep")
	h.press('c', tea.ModCtrl)
	if !h.quit {
		t.Fatal("ctrl+c did not quit once the declaration was kept")
	}
	if got := h.draft(declareDraftID); got != "Checkout errors after the dep" {
		t.Fatalf("declare draft = %q", got)
	}

	h.start()
	h.mustSee("your unfinished declaration is back")
	h.mustSee("Declare · title › Checkout errors after the dep")
	h.typeText("loy")
	// A crash after a pause in the typing loses nothing either.
	h.tick(draftDelay)
	if got := h.draft(declareDraftID); got != "Checkout errors after the deploy" {
		t.Fatalf("after a pause the declare draft is %q", got)
	}
	h.press(tea.KeyEnter) // the title
	h.press('c', tea.ModCtrl)
	h.start()
	h.mustSee("Declare · title › Checkout errors after the deploy")
	h.press(tea.KeyEnter)
	h.typeText("2")
	h.press(tea.KeyEnter) // declares SEV2 and opens it
	if h.m.inc == nil || h.m.inc.snap.Incident.Title != "Checkout errors after the deploy" || h.m.inc.snap.Incident.Severity != 2 {
		t.Fatal("the declaration did not open the new incident")
	}
	if got := h.draft(declareDraftID); got != "" {
		t.Errorf("the draft of a declaration that was made is still kept: %q", got)
	}

	h.enter("/list")
	h.press('n', tea.ModCtrl)
	h.typeText("Queue backlog")
	h.tick(draftDelay)
	h.press(tea.KeyEscape)
	if got := h.draft(declareDraftID); got != "" {
		t.Errorf("a declaration dropped with esc is still kept: %q", got)
	}
	h.press('c', tea.ModCtrl)
	if !h.quit {
		t.Error("ctrl+c on the list with nothing to keep did not quit")
	}
}
