package ingest

import (
	"testing"
	"time"

	"scribe/incident"
)

// A sentence ending in a colon that names lessons ("The lessons we are
// taking from this are as follows:") makes the bullets below it lessons,
// as a heading would; a plain sentence with a colon over a list does not.
func TestRetroIntroLine(t *testing.T) {
	doc := "Mirror sync outage on 2024-09-03\n\nAt 10:02 UTC the mirror sync stopped. At 10:40 UTC it was restarted.\n\nThe lessons we are taking from this are as follows:\n\n  • Sync failures need an alert of their own.\n  • The restart steps belong in the runbook.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	n := 0
	for _, r := range res.Retro {
		if r.Section == incident.RetroLesson {
			n++
		}
	}
	if n != 2 || len(res.ActionItems) != 0 {
		t.Errorf("retro %+v items %v, want two lessons and no items", res.Retro, itemTitles(res.ActionItems))
	}
}
