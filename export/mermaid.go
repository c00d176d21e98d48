package export

import (
	"fmt"
	"strings"
	"time"

	"scribe/incident"
)

// mermaidDateLayout is the Go layout matching the diagram's
// "dateFormat YYYY-MM-DD HH:mm:ss".
const mermaidDateLayout = "2006-01-02 15:04:05"

// phaseNames names the stretch between two consecutive milestones.
var phaseNames = map[[2]incident.Milestone]string{
	{incident.MilestoneStarted, incident.MilestoneDetected}:   "Impact, undetected",
	{incident.MilestoneStarted, incident.MilestoneDeclared}:   "Impact, not yet declared",
	{incident.MilestoneStarted, incident.MilestoneMitigated}:  "Impact",
	{incident.MilestoneStarted, incident.MilestoneResolved}:   "Impact",
	{incident.MilestoneDetected, incident.MilestoneDeclared}:  "Detected, not yet declared",
	{incident.MilestoneDetected, incident.MilestoneMitigated}: "Response",
	{incident.MilestoneDetected, incident.MilestoneResolved}:  "Response",
	{incident.MilestoneDeclared, incident.MilestoneMitigated}: "Response",
	{incident.MilestoneDeclared, incident.MilestoneResolved}:  "Response",
	{incident.MilestoneMitigated, incident.MilestoneResolved}: "Recovery",
}

// phaseTags colour the phases: unnoticed impact is critical, recovery done.
var phaseTags = map[incident.Milestone]string{
	incident.MilestoneStarted:   "crit, ",
	incident.MilestoneDetected:  "active, ",
	incident.MilestoneDeclared:  "active, ",
	incident.MilestoneMitigated: "done, ",
}

// phaseDiagram is a Mermaid gantt chart (which GitHub renders) of the
// incident's phases between its milestones, or "" when fewer than two
// milestones are set. Milestones that contradict the expected order are left
// out rather than drawn backwards; lint reports them. No user text goes into
// the diagram, so its syntax depends only on this function.
func phaseDiagram(ms incident.Milestones, loc *time.Location) string {
	type point struct {
		m incident.Milestone
		t time.Time
	}
	var pts []point
	for _, m := range incident.MilestoneOrder {
		t, ok := ms.Get(m)
		if !ok || (len(pts) > 0 && t.Before(pts[len(pts)-1].t)) {
			continue
		}
		pts = append(pts, point{m, t})
	}
	if len(pts) < 2 {
		return ""
	}
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
	for i := 1; i < len(pts); i++ {
		a, z := pts[i-1], pts[i]
		if !z.t.After(a.t) {
			continue
		}
		label := fmt.Sprintf("%s (%s)", phaseNames[[2]incident.Milestone{a.m, z.m}], humanDuration(z.t.Sub(a.t)))
		fmt.Fprintf(&b, "    %s :%sp%d, %s, %s\n", mermaidLabel(label), phaseTags[a.m], i,
			a.t.In(loc).Format(mermaidDateLayout), z.t.In(loc).Format(mermaidDateLayout))
	}
	b.WriteString("    section Milestones\n")
	for i, p := range pts {
		fmt.Fprintf(&b, "    %s :milestone, m%d, %s, 0m\n", mermaidLabel(p.m.Label()), i+1, p.t.In(loc).Format(mermaidDateLayout))
	}
	return b.String()
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
