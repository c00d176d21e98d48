package export

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"scribe/incident"
)

// mermaidDateLayout is the Go layout matching the diagram's
// "dateFormat YYYY-MM-DD HH:mm:ss".
const mermaidDateLayout = "2006-01-02 15:04:05"

// phaseDiagram is a Mermaid gantt chart (which GitHub renders) of the
// incident's phases between its milestones, or "" when fewer than two
// milestones are set. Milestones are drawn in the order they happened,
// which is not always the expected one: an incident that ended before it was
// declared has its recovery drawn before the declaration. No user text goes
// into the diagram, so its syntax depends only on this function.
func phaseDiagram(ms incident.Milestones, loc *time.Location) string {
	type point struct {
		m incident.Milestone
		t time.Time
	}
	var pts []point
	for _, m := range incident.MilestoneOrder {
		if t, ok := ms.Get(m); ok {
			pts = append(pts, point{m, t})
		}
	}
	if len(pts) < 2 {
		return ""
	}
	sort.SliceStable(pts, func(i, j int) bool { return pts[i].t.Before(pts[j].t) })
	axis := "%H:%M"
	if !sameDay(pts[0].t, pts[len(pts)-1].t, loc) {
		axis = "%d %b %H:%M"
	}
	var b strings.Builder
	b.WriteString("gantt\n")
	b.WriteString("    title Incident phases\n")
	b.WriteString("    dateFormat YYYY-MM-DD HH:mm:ss\n")
	fmt.Fprintf(&b, "    axisFormat %s\n", axis)
	b.WriteString("    todayMarker off\n")
	b.WriteString("    section Phases\n")
	n := 0
	for i := 1; i < len(pts); i++ {
		a, z := pts[i-1], pts[i]
		name, tag, ok := phaseAt(ms, a.t)
		if !ok || !z.t.After(a.t) {
			continue
		}
		n++
		label := fmt.Sprintf("%s (%s)", name, incident.FormatDuration(z.t.Sub(a.t)))
		fmt.Fprintf(&b, "    %s :%sp%d, %s, %s\n", mermaidLabel(label), tag, n,
			a.t.In(loc).Format(mermaidDateLayout), z.t.In(loc).Format(mermaidDateLayout))
	}
	b.WriteString("    section Milestones\n")
	for i, p := range pts {
		fmt.Fprintf(&b, "    %s :milestone, m%d, %s, 0m\n", mermaidLabel(p.m.Label()), i+1, p.t.In(loc).Format(mermaidDateLayout))
	}
	return b.String()
}

// phaseAt names the phase an incident is in from t until its next
// milestone, and its gantt tag (unnoticed impact is critical, recovery
// done); ok is false once it is resolved.
func phaseAt(ms incident.Milestones, t time.Time) (name, tag string, ok bool) {
	reached := func(m incident.Milestone) bool {
		mt, ok := ms.Get(m)
		return ok && !mt.After(t)
	}
	set := func(m incident.Milestone) bool {
		_, ok := ms.Get(m)
		return ok
	}
	switch {
	case reached(incident.MilestoneResolved):
		return "", "", false
	case set(incident.MilestoneStarted) && !reached(incident.MilestoneStarted):
		if reached(incident.MilestoneDeclared) {
			return "Declared, before impact", "active, ", true
		}
		return "Detected, before impact", "active, ", true
	case reached(incident.MilestoneMitigated) && set(incident.MilestoneDeclared) && !reached(incident.MilestoneDeclared):
		return "Recovery, not yet declared", "done, ", true
	case reached(incident.MilestoneMitigated):
		return "Recovery", "done, ", true
	case !reached(incident.MilestoneDetected) && !reached(incident.MilestoneDeclared):
		switch {
		case set(incident.MilestoneDetected):
			return "Impact, undetected", "crit, ", true
		case set(incident.MilestoneDeclared):
			return "Impact, not yet declared", "crit, ", true
		}
		return "Impact", "crit, ", true
	case !reached(incident.MilestoneDeclared) && set(incident.MilestoneDeclared):
		return "Detected, not yet declared", "active, ", true
	}
	return "Response", "active, ", true
}

// mermaidLabel keeps a gantt task name parseable: ':' ends the name, '#'
// starts a comment, ';' ends the statement and a newline the line.
func mermaidLabel(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ':', '#', ';', '\n', '\r':
			return ' '
		}
		return r
	}, sanitize(s))
	return strings.Join(strings.Fields(s), " ")
}
