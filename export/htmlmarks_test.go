package export

import (
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

// Key events too close together for the two lanes of marks are folded into
// one mark ("3–8") instead of circles drawn over each other: every number
// the list under the drawing explains is on the drawing, and no two marks
// cover each other.
func TestHTMLCrowdedMarksAreFoldedNotHidden(t *testing.T) {
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	ms := incident.Milestones{incident.MilestoneStarted: start, incident.MilestoneResolved: start.Add(30 * 24 * time.Hour)}
	var events []keyEvent
	for i := range 12 {
		// Ten within one minute on day 3 of a 30-day axis, two apart.
		at := start.Add(72*time.Hour + time.Duration(i)*time.Second)
		if i >= 10 {
			at = start.Add(time.Duration(10+10*(i-10)) * 24 * time.Hour)
		}
		events = append(events, keyEvent{N: i + 1, At: at, Kind: "pinned", Text: "event"})
	}
	tl := newHTMLTimeline(ms, events, time.UTC)
	shown := map[int]bool{}
	for i, m := range tl.Marks {
		for n := m.N; n <= max(m.N, m.Last); n++ {
			if shown[n] {
				t.Errorf("event %d is on two marks", n)
			}
			shown[n] = true
		}
		for _, o := range tl.Marks[i+1:] {
			if o.Y == m.Y && o.X-m.X < svgMarkR*2 && m.X-o.X < svgMarkR*2 {
				t.Errorf("marks %s and %s cover each other at %v/%v", m.Label(), o.Label(), m.X, o.X)
			}
		}
	}
	for n := 1; n <= 12; n++ {
		if !shown[n] {
			t.Errorf("event %d is on no mark: %+v", n, tl.Marks)
		}
	}
	if len(tl.Marks) != 4 || tl.Marks[1].Label() != "2–10" {
		var labels []string
		for _, m := range tl.Marks {
			labels = append(labels, m.Label())
		}
		t.Errorf("marks %v, want 1, 2–10, 11, 12", labels)
	}
	if !strings.Contains(tl.Marks[1].Title, "10. ") {
		t.Errorf("the folded mark's tooltip does not list the events it holds: %q", tl.Marks[1].Title)
	}
}
