package tui

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"scribe/incident"
	"scribe/update"
)

// newCadenceHarness is newHarness on incident #1 (SEV2, declared an hour
// ago) with a 30-minute cadence for every severity.
func newCadenceHarness(t *testing.T, with ...func(*Options)) *harness {
	t.Helper()
	every := func(o *Options) {
		o.UpdateEvery = func(incident.Severity) time.Duration { return 30 * time.Minute }
	}
	return newHarness(t, true, append([]func(*Options){every}, with...)...)
}

func TestHeaderCountsDownToTheNextUpdate(t *testing.T) {
	h := newCadenceHarness(t)
	// Declared an hour ago, no update since: due 30 minutes ago.
	h.mustSee("⚠ update overdue 30m")
	h.enter("/c status page: we are investigating checkout errors")
	h.mustSee("⏲ next update in 30m")
	h.tick(23 * time.Minute)
	h.mustSee("⏲ next update in 7m")
	h.tick(10 * time.Minute)
	h.mustSee("⚠ update overdue 3m")
	// A status change is an update too.
	h.enter("/status identified bad config")
	h.mustSee("⏲ next update in 30m")
	if v := h.view(); strings.Contains(v, "overdue") {
		t.Errorf("still overdue after a status change:\n%s", v)
	}
}

func TestHeaderWithoutCadenceSaysWhenTheLastUpdateWas(t *testing.T) {
	h := newHarness(t, true)
	h.mustSee("no comms update yet")
	h.enter("/c posted to the status page")
	h.tick(18 * time.Minute)
	h.mustSee("last update 18m ago")
	if v := h.view(); strings.Contains(v, "overdue") || strings.Contains(v, "next update") {
		t.Errorf("an incident without a cadence has a countdown:\n%s", v)
	}
}

// draftTo runs /update's first step and returns the file for the editor.
func draftTo(t *testing.T, h *harness) updateReadyMsg {
	t.Helper()
	var ready updateReadyMsg
	for _, msg := range h.exec(h.m.inc.draftUpdate("text")) {
		ready = msg.(updateReadyMsg)
	}
	if ready.err != nil || ready.path == "" {
		t.Fatalf("no draft for the editor: %v", ready.err)
	}
	t.Cleanup(func() { os.Remove(ready.path) })
	return ready
}

func TestUpdateDraftSavedIsLoggedAndCopied(t *testing.T) {
	h := newCadenceHarness(t, func(o *Options) {
		o.Editor = "true"
		o.DraftUpdate = func(snap incident.Snapshot, format string, now time.Time) (string, error) {
			return fmt.Sprintf("SEV%d #%d %s (%s)\nNext update by 16:00 UTC.\n", snap.Incident.Severity, snap.Incident.ID, snap.Incident.Title, format), nil
		}
	})
	ready := draftTo(t, h)
	b, err := os.ReadFile(ready.path)
	if err != nil || !strings.Contains(string(b), "# scribe: ") || !strings.Contains(string(b), "SEV2 #1 Checkout errors after the payments deploy (text)") {
		t.Fatalf("draft file: %q %v", b, err)
	}
	// The commander edits and saves.
	edited := strings.Replace(string(b), "Next update by 16:00 UTC.", "Rolled back; next update by 16:00 UTC.", 1)
	if err := os.WriteFile(ready.path, []byte(edited), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(ready.path, time.Now(), ready.mtime.Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	cmd := h.m.inc.updateEdited(updateDoneMsg{id: ready.id, gen: ready.gen, path: ready.path, mtime: ready.mtime})
	copied := false
	// The file is read and logged in the write's command; the copy
	// follows once the write has landed.
	for _, written := range h.exec(cmd) {
		_, next := h.m.Update(written)
		for _, msg := range h.exec(next) {
			copied = copied || strings.Contains(fmt.Sprintf("%T", msg), "Clipboard")
			h.send(msg)
		}
	}
	if !copied {
		t.Error("the saved update was not copied (no clipboard command)")
	}
	ev := h.lastEvent()
	want := "SEV2 #1 Checkout errors after the payments deploy (text)\nRolled back; next update by 16:00 UTC."
	if ev.Kind != incident.KindComms || ev.Text != want || ev.Author != "tester" {
		t.Errorf("logged %s %q by %q, want comms %q", ev.Kind, ev.Text, ev.Author, want)
	}
	h.mustSee("update logged as comms")
	h.mustSee("⏲ next update in 30m")
	if _, err := os.Stat(ready.path); !os.IsNotExist(err) {
		t.Errorf("the draft's file is left behind: %v", err)
	}
}

// A draft saved with a placeholder still in it ("[impact not recorded
// yet: …]") is logged, as it may have gone out, and the screen says so.
func TestUpdateDraftSavedWithAGapSaysSo(t *testing.T) {
	h := newCadenceHarness(t, func(o *Options) {
		o.Editor = "true"
		o.DraftUpdate = func(snap incident.Snapshot, format string, now time.Time) (string, error) {
			var b strings.Builder
			err := update.Render(&b, update.Build(snap, update.Options{Format: update.Format(format), Now: now}), nil)
			return b.String(), err
		}
	})
	ready := draftTo(t, h)
	if err := os.Chtimes(ready.path, time.Now(), ready.mtime.Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	h.run(h.m.inc.updateEdited(updateDoneMsg{id: ready.id, gen: ready.gen, path: ready.path, mtime: ready.mtime}))
	if ev := h.lastEvent(); ev.Kind != incident.KindComms || !strings.Contains(ev.Text, "not recorded yet") {
		t.Fatalf("logged %s %q, want the update as saved", ev.Kind, ev.Text)
	}
	h.mustSee("⚠ it still holds a [… not recorded")
}

func TestUpdateDraftNotSavedLogsNothing(t *testing.T) {
	h := newCadenceHarness(t, func(o *Options) {
		o.Editor = "true"
		o.DraftUpdate = func(incident.Snapshot, string, time.Time) (string, error) { return "draft\n", nil }
	})
	before := len(h.events())
	ready := draftTo(t, h)
	h.run(h.m.inc.updateEdited(updateDoneMsg{id: ready.id, gen: ready.gen, path: ready.path, mtime: ready.mtime}))
	h.mustSee("update not saved: nothing logged")
	if n := len(h.events()); n != before {
		t.Errorf("%d events after an unsaved draft, want %d", n, before)
	}
	h.mustSee("⚠ update overdue 30m")
}

func TestUpdateCommandForms(t *testing.T) {
	for line, want := range map[string]Command{
		"/update":          {Op: "update", Text: "text"},
		"/update slack":    {Op: "update", Text: "slack"},
		"/update Markdown": {Op: "update", Text: "markdown"},
		"/update posted the 10:00 update to #incidents": {Op: "update", Kind: incident.KindComms, Text: "posted the 10:00 update to #incidents"},
	} {
		got, err := ParseCommand(line, time.Date(2026, 11, 21, 15, 30, 0, 0, time.UTC), time.UTC)
		if err != nil || got.Op != want.Op || got.Text != want.Text || got.Kind != want.Kind {
			t.Errorf("ParseCommand(%q) = %+v, %v; want %+v", line, got, err, want)
		}
	}
	h := newHarness(t, true)
	h.enter("/update posted the 10:00 update")
	if ev := h.lastEvent(); ev.Kind != incident.KindComms || ev.Text != "posted the 10:00 update" {
		t.Errorf("/update TEXT logged %s %q", ev.Kind, ev.Text)
	}
	h.enter("/update")
	h.mustSee("drafting updates is not available here")
}

// TestLocalFileIsNeverOffline: the team state's warning is for a team
// database; an incident in a local file has none.
func TestLocalFileIsNeverOffline(t *testing.T) {
	h := newCadenceHarness(t)
	h.tick(time.Second)
	if v := h.view(); strings.Contains(v, "offline") {
		t.Errorf("a local file's header says offline:\n%s", v)
	}
}
