package ingest

import (
	"strings"

	"scribe/incident"
)

// A postmortem names its key moments with labels of their own ("Impact
// start: 14:02", "| Detected | 14:09 |", "Resolved 2024-04-18 16:13"),
// which the timeline keeps as entries whose whole text is the label. Those
// are the incident's milestones, as the writer stated them: imported whole,
// the incident has them, and its metrics (time to detect, to mitigate) are
// the document's own.
var milestoneLabels = map[string]incident.Milestone{
	"started": incident.MilestoneStarted, "start": incident.MilestoneStarted,
	"impact start": incident.MilestoneStarted, "impact started": incident.MilestoneStarted,
	"impact began": incident.MilestoneStarted, "start of impact": incident.MilestoneStarted,
	"incident start": incident.MilestoneStarted, "incident started": incident.MilestoneStarted,
	"incident began": incident.MilestoneStarted, "outage start": incident.MilestoneStarted,
	"outage started": incident.MilestoneStarted, "outage began": incident.MilestoneStarted,
	"impact start time": incident.MilestoneStarted, "start time": incident.MilestoneStarted,
	"issue started": incident.MilestoneStarted, "problem started": incident.MilestoneStarted,

	"detected": incident.MilestoneDetected, "first detected": incident.MilestoneDetected,
	"detection": incident.MilestoneDetected, "detection time": incident.MilestoneDetected,
	"time detected": incident.MilestoneDetected, "incident detected": incident.MilestoneDetected,
	"issue detected": incident.MilestoneDetected,

	"declared": incident.MilestoneDeclared, "incident declared": incident.MilestoneDeclared,

	"mitigated": incident.MilestoneMitigated, "impact mitigated": incident.MilestoneMitigated,
	"mitigation": incident.MilestoneMitigated, "mitigation time": incident.MilestoneMitigated,
	"impact end": incident.MilestoneMitigated, "impact ended": incident.MilestoneMitigated,
	"end of impact": incident.MilestoneMitigated, "impact end time": incident.MilestoneMitigated,
	"outage end": incident.MilestoneMitigated, "outage ended": incident.MilestoneMitigated,

	"resolved": incident.MilestoneResolved, "incident resolved": incident.MilestoneResolved,
	"resolution time": incident.MilestoneResolved, "time resolved": incident.MilestoneResolved,
	"issue resolved": incident.MilestoneResolved, "fully resolved": incident.MilestoneResolved,
	"resolution": incident.MilestoneResolved,
}

// milestoneOf is the milestone an entry's text names, when the text is
// nothing but such a label.
func milestoneOf(text string) (incident.Milestone, bool) {
	label := strings.ToLower(strings.Join(strings.Fields(strings.Trim(text, " \t*_:.-–—")), " "))
	m, ok := milestoneLabels[label]
	return m, ok
}

// statedMilestones sets, on inc, each milestone a labelled entry states
// (the first one of each), leaving those already set.
func (r Result) statedMilestones(inc *incident.Incident) {
	for _, e := range r.Entries {
		if e.Kind != incident.KindNote && e.Kind != "" {
			continue
		}
		if m, ok := milestoneOf(e.Text); ok {
			if _, set := inc.Milestones[m]; !set {
				inc.Milestones[m] = e.At
			}
		}
	}
}

// Retrospective reports whether r is an incident written up afterwards
// rather than a log kept during it: it has what only a write-up has, a
// root cause, a trigger, a resolution, retro notes (what went well or
// wrong, lessons) or follow-ups. Imported whole with no status update of
// its own, such an incident is over, so it arrives resolved: not
// "investigating", with a stakeholder update falling due an hour after the
// import.
func (r Result) Retrospective() bool {
	n := r.Narrative
	return n.RootCause != "" || n.Trigger != "" || n.Resolution != "" || len(r.Retro) > 0 || len(r.ActionItems) > 0
}
