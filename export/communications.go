package export

import (
	"time"

	"scribe/incident"
)

// Communications is what the postmortem says about keeping stakeholders
// informed: every update (a comms event or a status change) with its time,
// and how the cadence was kept.
type Communications struct {
	// Cadence is the update cadence of the incident's final severity,
	// "every 20m (SEV1)"; "" when it has none or the policy is unknown.
	Cadence string
	// Updates are the comms and status events, oldest first, with a date on
	// the first of each day.
	Updates []TimelineRow
	// FirstAfter is how long after the declaration the first update went
	// out ("12m"); "" when there was none or the declaration is unknown.
	FirstAfter string
	// LongestGap is the longest stretch without an update while the
	// incident was open, from the declaration or an update to the next
	// update or the resolution ("34m"); "" without updates.
	LongestGap string
}

// communications gathers the updates of snap, worded and made blameless as
// the timeline is.
func communications(snap incident.Snapshot, names *people, loc *time.Location, keepNames bool) Communications {
	var c Communications
	if snap.UpdateEvery > 0 {
		c.Cadence = "every " + incident.FormatEvery(snap.UpdateEvery) + " (" + snap.Incident.Severity.String() + ")"
	}
	var lastY, lastD int
	var lastM time.Month
	var times []time.Time
	for i := range snap.Events {
		e := &snap.Events[i]
		if !incident.IsUpdate(e) || e.Deleted() {
			continue
		}
		at := e.OccurredAt.In(loc)
		row := TimelineRow{Time: clock(at), Kind: string(e.Kind), Label: kindLabels[e.Kind], Pinned: e.Pinned}
		if y, m, d := at.Date(); len(c.Updates) == 0 || y != lastY || m != lastM || d != lastD {
			row.Date, lastY, lastM, lastD = at.Format(dayLayout), y, m, d
		}
		text := eventText(snap, e, keepNames)
		if !keepNames {
			text = names.rewrite(text, e.OccurredAt)
		}
		row.Text = cellSanitized(text)
		c.Updates = append(c.Updates, row)
		times = append(times, e.OccurredAt)
	}
	c.gaps(snap.Incident, times)
	return c
}

// gaps fills FirstAfter and LongestGap from the update times (in order)
// and the declared and resolved milestones.
func (c *Communications) gaps(inc incident.Incident, times []time.Time) {
	if len(times) == 0 {
		return
	}
	declared, hasDeclared := inc.Milestones.Get(incident.MilestoneDeclared)
	if hasDeclared && !times[0].Before(declared) {
		c.FirstAfter = incident.FormatDuration(times[0].Sub(declared))
	}
	prev := times[0]
	if hasDeclared && declared.Before(prev) {
		prev = declared
	}
	var longest time.Duration
	for _, t := range times {
		longest = max(longest, t.Sub(prev))
		prev = t
	}
	if resolved, ok := inc.Milestones.Get(incident.MilestoneResolved); ok && resolved.After(prev) {
		longest = max(longest, resolved.Sub(prev))
	}
	if longest > 0 {
		c.LongestGap = incident.FormatDuration(longest)
	}
}
