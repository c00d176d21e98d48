package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func withDrafts(dir string) func(*Options) {
	return func(o *Options) { o.Drafts = DraftDir{Dir: dir, Scope: "/tmp/test.db"} }
}

func (h *harness) draft(id int64) string {
	h.t.Helper()
	text, err := h.opts.Drafts.LoadDraft(h.ctx, id)
	if err != nil {
		h.t.Fatalf("load draft: %v", err)
	}
	return text
}

func TestCtrlCKeepsTheHalfTypedLineAsADraft(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, true, withDrafts(dir))
	h.typeText("paged the DB team about replica")
	h.press('c', tea.ModCtrl)
	if !h.quit {
		t.Fatal("ctrl+c did not quit once the draft was saved")
	}
	if got := h.draft(1); got != "paged the DB team about replica" {
		t.Fatalf("draft = %q", got)
	}

	h.start() // scribe open 1, again
	if h.input() != "paged the DB team about replica" {
		t.Fatalf("reopened with %q in the input, want the draft", h.input())
	}
	h.mustSee("your unsent line from last time is back")
	h.typeText(" lag")
	h.press(tea.KeyEnter)
	if got := h.lastEvent().Text; got != "paged the DB team about replica lag" {
		t.Errorf("logged %q", got)
	}
	h.tick(draftDelay)
	if got := h.draft(1); got != "" {
		t.Errorf("the draft of a line that was logged is still kept: %q", got)
	}
}

func TestDraftIsSavedWhenTypingPauses(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, true, withDrafts(dir))
	h.typeText("the laptop may die any moment")
	if got := h.draft(1); got != "" {
		t.Fatalf("saved %q on every keystroke; the save waits for a pause", got)
	}
	h.tick(draftDelay)
	if got := h.draft(1); got != "the laptop may die any moment" {
		t.Fatalf("after a pause the draft is %q", got)
	}
	// A crash now: no ctrl+c, the next process finds the draft.
	h.start()
	if h.input() != "the laptop may die any moment" {
		t.Errorf("input after a crash and reopen: %q", h.input())
	}
}

func TestAFailedLineIsKeptAsADraftOnQuit(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, true, withDrafts(dir))
	h.enter("/sev 9 it is bad")
	if h.input() != "" {
		t.Fatalf("input %q", h.input())
	}
	h.press('c', tea.ModCtrl)
	if got := h.draft(1); got != "/sev 9 it is bad" {
		t.Errorf("draft = %q, want the line that failed and was never brought back", got)
	}
}

func TestLeavingSavesTheDraftAndDraftsAreByDatabase(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, true, withDrafts(dir))
	h.typeText("half a thought")
	h.tick(draftDelay)
	h.press('u', tea.ModCtrl) // cleared by hand: nothing unsent any more
	h.enter("/list")
	if h.m.inc != nil {
		t.Fatal("/list did not leave")
	}
	if got := h.draft(1); got != "" {
		t.Errorf("draft %q after the line was cleared and the incident left", got)
	}
	if err := h.opts.Drafts.SaveDraft(h.ctx, 1, "for this database"); err != nil {
		t.Fatal(err)
	}
	if got, _ := (DraftDir{Dir: dir, Scope: "/tmp/other.db"}).LoadDraft(h.ctx, 1); got != "" {
		t.Errorf("incident 1 of another database sees the draft %q", got)
	}
	h.send(openIncidentMsg{id: 1})
	if h.input() != "for this database" {
		t.Errorf("opening from the list: input %q, want the draft", h.input())
	}
}

func TestDraftDirRefusesToReplaceWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	d := DraftDir{Dir: dir, Scope: "x"}
	if err := os.Mkdir(d.path(7), 0o700); err != nil {
		t.Fatal(err)
	}
	err := d.SaveDraft(t.Context(), 7, "text")
	if err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Fatalf("saving over a directory: %v", err)
	}
	if err := d.SaveDraft(t.Context(), 8, "kept"); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".draft-") {
			t.Errorf("a temporary file was left behind: %s", filepath.Join(dir, e.Name()))
		}
	}
}

func TestUnwritableDraftStopsTheQuit(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, true, withDrafts(filepath.Join(blocker, "drafts")))
	h.typeText("do not lose me")
	h.press('c', tea.ModCtrl)
	if h.quit {
		t.Fatal("quit although the line could not be saved")
	}
	h.mustSee("ctrl+c again quits anyway")
	if h.input() != "do not lose me" {
		t.Errorf("input %q", h.input())
	}
	h.press('c', tea.ModCtrl)
	if !h.quit {
		t.Error("a second ctrl+c should quit")
	}
}

// A line that was logged is no longer the draft once the store has it,
// not only when typing next pauses: a crash in that second used to bring
// the logged line back into the input as "your unsent line", where Enter
// logged it twice, or the next words were typed onto its end.
func TestALoggedLineIsNoLongerTheDraftAtOnce(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, true, withDrafts(dir))
	h.typeText("rolled back the cache config")
	h.tick(draftDelay)
	if got := h.draft(1); got != "rolled back the cache config" {
		t.Fatalf("after a pause the draft is %q", got)
	}
	h.press(tea.KeyEnter)
	if got := h.lastEvent().Text; got != "rolled back the cache config" {
		t.Fatalf("logged %q", got)
	}
	if got := h.draft(1); got != "" {
		t.Fatalf("the line is logged, and a crash now would bring it back as the draft %q", got)
	}
	h.start() // the crash, and scribe open 1 again
	if h.input() != "" {
		t.Errorf("reopened with %q in the input", h.input())
	}
}
