package incident

import (
	"fmt"
	"time"
)

// SeverityNote decides how a severity change from old to sev is recorded in
// inc's timeline: when the event happens and what it says. at is when the
// change was made (now, or a backdated time), now the clock.
//
// While the incident runs, a change is part of its story: "Severity changed
// from SEV3 to SEV2" at the time it was made. Once the incident is resolved,
// a change is a correction of the record, not something that happened: a
// retro that decides months later that it was a SEV2 must not add a line
// dated today to the end of the timeline. The correction is dated at the
// incident's beginning (declared, else the earliest milestone) and says
// when it was made; the event's logged time keeps the real moment, so the
// history of who changed what and when stays.
func SeverityNote(inc Incident, old, sev Severity, at, now time.Time) (time.Time, string) {
	if inc.State != Resolved {
		return at, fmt.Sprintf("Severity changed from %s to %s", old, sev)
	}
	when := now.In(inc.Location()).Format("2 Jan 2006")
	text := fmt.Sprintf("Severity corrected from %s to %s on %s, after the incident was resolved", old, sev, when)
	if begin, ok := inc.beginning(); ok {
		return begin, text
	}
	return at, text
}

// beginning is when the incident is on record as having begun: its
// declaration, else the earliest milestone set.
func (inc *Incident) beginning() (time.Time, bool) {
	if t, ok := inc.Milestones.Get(MilestoneDeclared); ok {
		return t, true
	}
	var first time.Time
	for _, m := range MilestoneOrder {
		if t, ok := inc.Milestones.Get(m); ok && (first.IsZero() || t.Before(first)) {
			first = t
		}
	}
	return first, !first.IsZero()
}
