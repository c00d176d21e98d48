package export

import (
	"time"

	"scribe/incident"
)

// keyMoments fills the milestone table and the metrics.
func (p *Postmortem) keyMoments(ms incident.Milestones, loc *time.Location) {
	for _, m := range incident.MilestoneOrder {
		row := MilestoneRow{Name: m.Label()}
		if t, ok := ms.Get(m); ok {
			row.Time, row.Set = t.In(loc).Format(stampLayout), true
		}
		p.Milestones = append(p.Milestones, row)
	}
	met := ms.Metrics()
	start := "started"
	if _, ok := ms.Get(incident.MilestoneStarted); !ok {
		start = "started (or detected)"
	}
	for _, r := range []struct {
		name  string
		d     *time.Duration
		needs []incident.Milestone
		what  string
	}{
		{"Time to detect", met.TimeToDetect, []incident.Milestone{incident.MilestoneStarted, incident.MilestoneDetected}, "started and detected"},
		{"Time to mitigate", met.TimeToMitigate, []incident.Milestone{incident.MilestoneMitigated}, start + " and mitigated"},
		{"Time to resolve", met.TimeToResolve, []incident.Milestone{incident.MilestoneResolved}, start + " and resolved"},
		{"Duration of impact", met.ImpactDuration, []incident.Milestone{incident.MilestoneStarted, incident.MilestoneMitigated}, "started and mitigated (or resolved)"},
	} {
		row := MetricRow{Name: r.name}
		switch {
		case r.d != nil:
			row.Value = incident.FormatDuration(*r.d)
		case allSet(ms, r.needs) && outOfOrder(ms, r.needs):
			row.Needs = "milestones in order"
		default:
			row.Needs = "the " + r.what + " milestones"
		}
		p.Metrics = append(p.Metrics, row)
	}
}

func allSet(ms incident.Milestones, need []incident.Milestone) bool {
	for _, m := range need {
		if _, ok := ms.Get(m); !ok {
			return false
		}
	}
	return true
}

// outOfOrder reports whether any of the milestones in need is part of a
// pair that contradicts the expected order.
func outOfOrder(ms incident.Milestones, need []incident.Milestone) bool {
	for _, pair := range ms.OutOfOrder() {
		for _, m := range need {
			if pair[0] == m || pair[1] == m {
				return true
			}
		}
	}
	return false
}
