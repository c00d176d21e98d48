package cli

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"scribe/export"
	"scribe/incident"
)

// The TUI's Preview gets the lint's findings with their levels (a
// warning asks for a fix, a note does not) and the phase strip at the
// pane's width, with its caption and legend: on one line when it fits, on
// two when not, and none without two milestones to span.
func TestPreviewPostmortemLevelsAndStrip(t *testing.T) {
	c := func(h, m int) time.Time { return time.Date(2026, 3, 2, h, m, 0, 0, time.UTC) }
	snap := incident.Snapshot{
		Incident: incident.Incident{ID: 7, Title: "Checkout errors", Severity: 2, State: incident.Resolved, Timezone: "UTC",
			Summary: "It was human error.",
			Milestones: incident.Milestones{incident.MilestoneStarted: c(9, 2), incident.MilestoneDetected: c(9, 9),
				incident.MilestoneDeclared: c(9, 11), incident.MilestoneMitigated: c(9, 29), incident.MilestoneResolved: c(9, 50)}},
		Events: []incident.Event{
			{ID: 1, IncidentID: 7, OccurredAt: c(8, 55), Kind: incident.KindAction, Text: "the deploy went out"},
			{ID: 2, IncidentID: 7, OccurredAt: c(9, 30), Kind: incident.KindNote, Text: "error rate back to normal"},
		},
	}
	pv, err := previewPostmortem(snap, 100)
	if err != nil {
		t.Fatal(err)
	}
	var warnings, notes int
	for _, f := range pv.Findings {
		if f.Note {
			notes++
			if strings.Contains(f.Text, "human error") {
				t.Errorf("blame is a note: %q", f.Text)
			}
		} else {
			warnings++
		}
	}
	if warnings == 0 || notes == 0 || warnings+notes != len(export.Lint(snap, export.Options{})) {
		t.Errorf("%d warnings, %d notes: %+v", warnings, notes, pv.Findings)
	}
	if len(pv.Strip) != 4 || pv.Strip[0] != "Phases 09:02 to 09:50 UTC" || pv.Strip[3] != export.StripLegend ||
		utf8.RuneCountInString(pv.Strip[1]) != 100 || !strings.HasPrefix(pv.Strip[1], "█") || !strings.HasPrefix(pv.Strip[2], "S") {
		t.Errorf("strip at 100: %q", pv.Strip)
	}
	if !strings.Contains(pv.Markdown, "Checkout errors") {
		t.Errorf("markdown: %.80q", pv.Markdown)
	}
	pv, _ = previewPostmortem(snap, 60)
	if len(pv.Strip) != 5 {
		t.Fatalf("strip at 60: %q", pv.Strip)
	}
	for _, l := range pv.Strip {
		if utf8.RuneCountInString(l) > 60 {
			t.Errorf("a strip line is wider than 60: %q", l)
		}
	}
	// While it runs, the strip reaches the latest event; with one moment
	// only, there is nothing to draw.
	snap.Incident.State = incident.Identified
	snap.Incident.Milestones = incident.Milestones{incident.MilestoneDeclared: c(9, 11)}
	if pv, _ := previewPostmortem(snap, 100); len(pv.Strip) != 4 || pv.Strip[0] != "Phases 09:11 to 09:30 UTC" {
		t.Errorf("a running incident's strip: %q", pv.Strip)
	}
	snap.Events = nil
	if pv, _ := previewPostmortem(snap, 100); pv.Strip != nil {
		t.Errorf("a strip from one moment: %q", pv.Strip)
	}
}
