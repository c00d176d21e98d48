package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// inBerlin moves incident #1 to Europe/Berlin (UTC+1 in November) and lets
// the screen reload it, so that a wrong zone shows as an hour's error.
func inBerlin(h *harness) {
	h.t.Helper()
	if _, err := h.st.UpdateIncident(h.ctx, 1, func(inc *incident.Incident) error {
		inc.Timezone = "Europe/Berlin"
		return nil
	}); err != nil {
		h.t.Fatalf("set zone: %v", err)
	}
	h.tick(time.Second)
	if got := h.m.inc.snap.Incident.Timezone; got != "Europe/Berlin" {
		h.t.Fatalf("the screen did not reload the zone: %q", got)
	}
}

func imported(h *harness) []incident.Event {
	h.t.Helper()
	var out []incident.Event
	for _, e := range h.events() {
		if e.Source == incident.SourceImport {
			out = append(out, e)
		}
	}
	return out
}

const pastedTable = `| Time  | Event |
|-------|-------|
| 14:02 | pager fired for checkout 5xx |
| 14:10 | rolled back the payments deploy |
`

func TestPastedTableIsPreviewedThenImported(t *testing.T) {
	h := newHarness(t, true)
	inBerlin(h)
	h.send(tea.PasteMsg{Content: pastedTable})
	h.mustSee("Import 2 events from the pasted text? Times in Europe/Berlin.")
	h.mustSee("2026-11-21 14:02")
	h.mustSee("rolled back the payments deploy")
	h.mustSee("enter/y import")
	if n := len(imported(h)); n != 0 {
		t.Fatalf("%d events written before the user confirmed", n)
	}
	if h.input() != "" {
		t.Fatalf("the paste went into the input too: %q", h.input())
	}

	h.press(tea.KeyEnter)
	got := imported(h)
	if len(got) != 2 {
		t.Fatalf("imported %d events, want 2: %+v", len(got), got)
	}
	want := []struct {
		at   time.Time
		text string
	}{
		{time.Date(2026, 11, 21, 13, 2, 0, 0, time.UTC), "pager fired for checkout 5xx"},
		{time.Date(2026, 11, 21, 13, 10, 0, 0, time.UTC), "rolled back the payments deploy"},
	}
	for i, w := range want {
		if !got[i].OccurredAt.Equal(w.at) || got[i].Text != w.text || got[i].Kind != incident.KindNote {
			t.Errorf("event %d = %s %s %q, want %s note %q", i, got[i].OccurredAt.UTC().Format(time.RFC3339), got[i].Kind, got[i].Text, w.at.Format(time.RFC3339), w.text)
		}
		if got[i].Author != "tester" {
			t.Errorf("event %d author %q, want the TUI's author", i, got[i].Author)
		}
	}
	h.mustSee("imported 2 events")
	// The timeline reloaded: the imported rows are drawn in the zone.
	h.mustSee("14:10  · note      rolled back the payments deploy")
	if h.input() != "" {
		t.Errorf("input after import = %q, want empty", h.input())
	}
}

const pastedBullets = `Notes from the bridge
- 09:12 alerts on queue depth
- 09:20 scaled the workers to 12
- --:-- someone restarted the broker
`

func TestCancelledImportWritesNothingAndKeepsTheText(t *testing.T) {
	h := newHarness(t, true)
	h.typeText("from chat:")
	h.send(tea.PasteMsg{Content: pastedBullets})
	h.mustSee("Import 2 events")
	h.mustSee("1 line could not be read")
	h.mustSee("line 4:")
	before := len(h.events())

	h.press(tea.KeyEscape)
	if n := len(h.events()); n != before {
		t.Fatalf("cancel wrote %d events", n-before)
	}
	want := "from chat:Notes from the bridge - 09:12 alerts on queue depth - 09:20 scaled the workers to 12 - --:-- someone restarted the broker"
	if got := strings.TrimSpace(h.input()); got != want {
		t.Fatalf("input after cancel = %q, want the paste folded after what was typed: %q", got, want)
	}
	h.mustSee("import cancelled")
	if strings.Contains(h.view(), "Import 2 events") {
		t.Fatal("the preview is still shown after esc")
	}
}

func TestNKeyCancelsAndYKeyImports(t *testing.T) {
	h := newHarness(t, true)
	h.send(tea.PasteMsg{Content: pastedBullets})
	h.typeText("n")
	if n := len(imported(h)); n != 0 {
		t.Fatalf("n imported %d events", n)
	}
	if !strings.Contains(h.input(), "09:20 scaled the workers") {
		t.Fatalf("n lost the paste: input %q", h.input())
	}
	h.m.inc.input.Reset()
	h.send(tea.PasteMsg{Content: pastedBullets})
	h.typeText("y")
	got := imported(h)
	if len(got) != 2 || !got[0].OccurredAt.Equal(time.Date(2026, 11, 21, 9, 12, 0, 0, time.UTC)) {
		t.Fatalf("y imported %+v, want the two entries from 09:12 UTC", got)
	}
}

func TestPasteWithoutTimelineGoesIntoTheInput(t *testing.T) {
	h := newHarness(t, true)
	h.send(tea.PasteMsg{Content: "the replica is lagging\nbut the primary looks fine\n"})
	if h.m.inc.importing != nil {
		t.Fatal("a paste without times was offered for import")
	}
	if got := h.input(); got != "the replica is lagging but the primary looks fine " {
		t.Fatalf("input = %q, want the paste on one line", got)
	}
	// One line with a time is typed text, not an import.
	h.m.inc.input.Reset()
	h.send(tea.PasteMsg{Content: "14:05 paged the DB team"})
	if h.m.inc.importing != nil || h.input() != "14:05 paged the DB team" {
		t.Fatalf("a one-line paste: importing=%v input=%q", h.m.inc.importing != nil, h.input())
	}
}

func TestPasteLoggedAsOneNote(t *testing.T) {
	h := newHarness(t, true)
	h.send(tea.PasteMsg{Content: pastedBullets})
	h.typeText("e")
	if n := len(imported(h)); n != 0 {
		t.Fatalf("e imported %d events", n)
	}
	last := h.lastEvent()
	if last.Kind != incident.KindNote || !last.OccurredAt.Equal(h.now) || !strings.HasPrefix(last.Text, "Notes from the bridge - 09:12 alerts") {
		t.Fatalf("e logged %s at %s %q, want the paste as one note at now", last.Kind, last.OccurredAt, last.Text)
	}
}

// A long paste is parsed in a command and only the rows on screen are
// drawn; the whole of it imports in one go.
func TestLongPasteScrollsAndImportsWhole(t *testing.T) {
	h := newHarness(t, true)
	var b strings.Builder
	start := time.Date(2026, 11, 21, 6, 0, 0, 0, time.UTC)
	const n = 700
	for i := range n {
		fmt.Fprintf(&b, "- %s step %03d of the recovery runbook\n", start.Add(time.Duration(i)*time.Minute).Format("15:04"), i)
	}
	if b.Len() <= syncParseLimit {
		t.Fatalf("the paste is %d bytes: too short to take the command path", b.Len())
	}
	h.send(tea.PasteMsg{Content: b.String()})
	h.mustSee(fmt.Sprintf("Import %d events", n))
	h.mustSee("step 000")
	v := h.view()
	if strings.Contains(v, "step 100") {
		t.Fatal("rows beyond the screen were drawn")
	}
	if lines := strings.Count(v, "\n") + 1; lines != 30 {
		t.Fatalf("the frame is %d lines, want the terminal's 30", lines)
	}
	h.press(tea.KeyEnd)
	h.mustSee(fmt.Sprintf("step %03d", n-1))
	if strings.Contains(h.view(), "step 000") {
		t.Fatal("end did not scroll to the last entry")
	}
	h.press(tea.KeyPgUp)
	h.mustSee(fmt.Sprintf("step %03d", n-30))

	h.press(tea.KeyEnter)
	got := imported(h)
	if len(got) != n {
		t.Fatalf("imported %d events, want %d", len(got), n)
	}
	if last := got[n-1]; !last.OccurredAt.Equal(start.Add((n - 1) * time.Minute)) {
		t.Errorf("the last event is at %s, want %s", last.OccurredAt, start.Add((n-1)*time.Minute))
	}
	h.mustSee(fmt.Sprintf("imported %d events", n))
}

// Esc followed at once by a letter arrives as alt+letter: it cancels, and
// the letter is typed, never taken as the y that imports.
func TestEscThenYCancelsTheImport(t *testing.T) {
	h := newHarness(t, true)
	h.send(tea.PasteMsg{Content: pastedBullets})
	h.send(tea.KeyPressMsg{Code: 'y', Mod: tea.ModAlt})
	if n := len(imported(h)); n != 0 {
		t.Fatalf("esc+y imported %d events", n)
	}
	if h.m.inc.importing != nil {
		t.Fatal("the preview is still open")
	}
	if got := h.input(); !strings.HasPrefix(got, "Notes from the bridge") || !strings.HasSuffix(got, "y") {
		t.Fatalf("input = %q, want the paste then the typed y", got)
	}
}

// A paste longer than the input takes is cut when cancelled, and the status
// line says how much of it is there.
func TestCancelledLongPasteSaysItWasCut(t *testing.T) {
	h := newHarness(t, true)
	var b strings.Builder
	for i := 0; b.Len() <= incident.MaxTextLen+200; i++ {
		fmt.Fprintf(&b, "- 10:%02d check %d of the replica lag on the reporting database cluster\n", i%60, i)
	}
	h.send(tea.PasteMsg{Content: b.String()})
	h.mustSee("Import ")
	h.press(tea.KeyEscape)
	limit := h.m.inc.input.in.CharLimit
	if got := len([]rune(h.input())); got != limit {
		t.Fatalf("input holds %d characters, want the limit %d", got, limit)
	}
	h.mustSee(fmt.Sprintf("the input holds the first %d characters of the paste", limit))
}

// Undo after an import removes that import's events, and only them.
func TestUndoRemovesTheLastImport(t *testing.T) {
	h := newHarness(t, true)
	h.send(tea.PasteMsg{Content: pastedTable})
	h.press(tea.KeyEnter)
	h.send(tea.PasteMsg{Content: pastedBullets})
	h.typeText("y")
	if n := len(imported(h)); n != 4 {
		t.Fatalf("%d events imported by two pastes, want 4", n)
	}
	h.enter("/undo")
	h.mustSee("undone: removed the import's 2 events")
	got := imported(h)
	if len(got) != 2 || got[0].Text != "pager fired for checkout 5xx" || got[1].Text != "rolled back the payments deploy" {
		t.Fatalf("after undo the imported events are %+v, want the first paste's two", got)
	}
	h.enter("/undo")
	if n := len(imported(h)); n != 0 {
		t.Fatalf("a second undo left %d imported events", n)
	}
	if n := len(h.events()); n == 0 {
		t.Fatal("undo removed the declaration too")
	}
}

const pastedPostmortem = `# Checkout outage

## Summary
Checkout failed for twenty minutes after the payments deploy.

## Root cause
A config flag disabled the payments retry budget.

## Timeline
- 14:02 pager fired for checkout 5xx
- 14:10 rolled back the payments deploy

## Action items
- [ ] Add a canary for payments config (owner: @ken) P1
- [x] Fix the alert threshold

## What went well
- The rollback took two minutes
`

// A whole postmortem pasted into an incident imports as scribe import N
// does: its events, action items and retro notes, and its narrative where
// the incident's is empty; the preview says all of it first, and undo
// takes all of it back.
func TestPastedPostmortemImportsWhole(t *testing.T) {
	h := newHarness(t, true)
	if _, err := h.st.UpdateIncident(h.ctx, 1, func(inc *incident.Incident) error {
		inc.Summary = "Our own summary."
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	h.tick(time.Second)
	h.send(tea.PasteMsg{Content: pastedPostmortem})
	h.mustSee("Import 2 events, 2 action items, 1 retro note and the root cause from the pasted text?")
	h.mustSee("2026-11-21 14:10  · note    rolled back the payments deploy")
	h.mustSee("☐ Add a canary for payments config @ken p1")
	h.mustSee("What went well: The rollback took two minutes")
	h.mustSee("Fills this incident's empty root cause:")
	h.mustSee("Root cause: A config flag disabled the payments retry budget.")
	h.mustSee("Keeps this incident's own summary (the pasted one differs).")
	if snap, _ := h.st.Snapshot(h.ctx, 1); len(snap.ActionItems) != 0 || snap.Incident.RootCause != "" {
		t.Fatal("the preview wrote something")
	}

	h.press(tea.KeyEnter)
	h.mustSee("imported 2 events, 2 action items, 1 retro note and the root cause")
	snap, err := h.st.Snapshot(h.ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if snap.Incident.Summary != "Our own summary." || snap.Incident.RootCause != "A config flag disabled the payments retry budget." {
		t.Errorf("narrative after the import: summary %q, root cause %q", snap.Incident.Summary, snap.Incident.RootCause)
	}
	if len(snap.ActionItems) != 2 || snap.ActionItems[0].Owner != "@ken" || snap.ActionItems[1].State != incident.ItemDone {
		t.Errorf("action items: %+v", snap.ActionItems)
	}
	if len(snap.Retro) != 1 || snap.Retro[0].Section != incident.RetroWentWell {
		t.Errorf("retro: %+v", snap.Retro)
	}
	if n := len(imported(h)); n != 2 {
		t.Errorf("%d imported events, want the timeline's 2 (no action item is an event)", n)
	}

	h.enter("/undo")
	h.mustSee("undone: removed the import's 2 events, 2 action items and 1 retro note, and emptied the root cause")
	snap, _ = h.st.Snapshot(h.ctx, 1)
	if len(snap.ActionItems) != 0 || len(snap.Retro) != 0 || snap.Incident.RootCause != "" || snap.Incident.Summary != "Our own summary." || len(imported(h)) != 0 {
		t.Errorf("after undo: items %d, notes %d, root cause %q, summary %q, events %d", len(snap.ActionItems), len(snap.Retro),
			snap.Incident.RootCause, snap.Incident.Summary, len(imported(h)))
	}
}

// A paste of action items alone (no times) is offered as an import too;
// a paragraph before a heading alone is text.
func TestPastedActionItemsAloneAreOffered(t *testing.T) {
	h := newHarness(t, true)
	h.send(tea.PasteMsg{Content: "## Follow-ups\n- Add a canary for payments config (@ken)\n- Page on retry budget exhaustion\n"})
	h.mustSee("Import 2 action items from the pasted text?")
	h.press(tea.KeyEscape)
	h.m.inc.input.Reset()
	h.send(tea.PasteMsg{Content: "We saw errors.\nThen more of them.\n"})
	if h.m.inc.importing != nil {
		t.Fatal("two lines of prose were offered for import")
	}
}

// A scribe JSON document pasted imports whole as well; one that is not
// valid says why and goes into the input.
func TestPastedJSONDocument(t *testing.T) {
	h := newHarness(t, true)
	doc := `{
  "schema_version": 1,
  "incident": {"id": 9, "title": "Elsewhere", "severity": 2, "state": "resolved", "timezone": "UTC", "summary": "",
    "impact": "Orders were late.", "root_cause": "", "trigger": "", "resolution": "", "services": [],
    "milestones": {"started": null, "detected": null, "declared": null, "mitigated": null, "resolved": null}},
  "events": [{"id": 1, "at": "2026-11-21T13:00:00Z", "kind": "severity", "text": "wider than thought", "pinned": false, "severity": 1, "previous_severity": 2}],
  "roles": [], "action_items": [{"id": 3, "uuid": "", "title": "Page on lag", "state": "open"}], "retro": []
}`
	h.send(tea.PasteMsg{Content: doc})
	h.mustSee("Import 1 event, 1 action item and the impact from the pasted text?")
	h.mustSee("◈ severity SEV2 → SEV1 — wider than thought")
	h.press(tea.KeyEnter)
	snap := h.snapshot()
	var sev *incident.Event
	for i := range snap.Events {
		if snap.Events[i].Kind == incident.KindSeverity {
			sev = &snap.Events[i]
		}
	}
	if sev == nil || sev.Severity != 1 || sev.PreviousSeverity != 2 || snap.Incident.Impact != "Orders were late." || len(snap.ActionItems) != 1 {
		t.Fatalf("after the import: %+v, impact %q, %d items", sev, snap.Incident.Impact, len(snap.ActionItems))
	}
	h.send(tea.PasteMsg{Content: "{\n  \"schema_version\": 99\n}"})
	h.mustSee("the pasted document cannot be imported: ")
	if h.m.inc.importing != nil || !strings.Contains(h.input(), "schema_version") {
		t.Fatalf("a bad document: importing %v, input %q", h.m.inc.importing != nil, h.input())
	}
}

// A pasted JSON document with an entry left out and one imported without a
// value says which happened to which: the item whose due date is no date
// comes in without it (not "could not be read"), the event without a time
// stays out.
func TestPastedJSONDocumentSaysWhatHappened(t *testing.T) {
	h := newHarness(t, true)
	doc := `{
  "schema_version": 1,
  "incident": {"id": 9, "title": "Elsewhere", "severity": 2, "state": "resolved", "timezone": "UTC",
    "milestones": {"started": null, "detected": null, "declared": null, "mitigated": null, "resolved": null}},
  "events": [{"id": 1, "at": "2026-11-21T13:00:00Z", "kind": "note", "text": "paged", "pinned": false},
    {"id": 2, "kind": "note", "text": "lost its time", "pinned": false, "invalid": [{"column": "occurred_at", "raw": "garbage", "problem": "is not a time"}]}],
  "roles": [], "action_items": [{"id": 3, "uuid": "", "title": "Page on lag", "due": "2030-13-45", "state": "open"}], "retro": []
}`
	h.send(tea.PasteMsg{Content: doc})
	h.mustSee("Import 1 event and 1 action item from the pasted text?")
	h.mustSee("1 entry left out, 1 without a value (listed below).")
	h.mustSee("1 entry could not be read (not imported):")
	h.mustSee(`event 2 (id 2, "lost its time"): not imported`)
	h.mustSee("1 entry imported without a value that could not be read:")
	h.mustSee(`action item 1 ("Page on lag"): imported without its due date`)
	if v := h.view(); strings.Contains(v, " line ") || strings.Contains(v, " lines ") {
		t.Errorf("a document's entries are called lines:\n%s", h.view())
	}
	h.press(tea.KeyEnter)
	snap := h.snapshot()
	if len(snap.ActionItems) != 1 || snap.ActionItems[0].Due != "" || snap.ActionItems[0].Title != "Page on lag" {
		t.Fatalf("items after the import: %+v", snap.ActionItems)
	}
}
