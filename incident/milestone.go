package incident

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"time"
)

// Milestone names a moment in the incident's life.
type Milestone string

// The milestones, in the order they should happen.
const (
	MilestoneStarted   Milestone = "started"
	MilestoneDetected  Milestone = "detected"
	MilestoneDeclared  Milestone = "declared"
	MilestoneMitigated Milestone = "mitigated"
	MilestoneResolved  Milestone = "resolved"
)

// MilestoneOrder lists milestones in their expected order.
var MilestoneOrder = []Milestone{MilestoneStarted, MilestoneDetected, MilestoneDeclared, MilestoneMitigated, MilestoneResolved}

var milestoneAliases = sync.OnceValue(func() map[string]Milestone {
	return map[string]Milestone{
		"start": MilestoneStarted, "began": MilestoneStarted, "impact": MilestoneStarted,
		"detect": MilestoneDetected, "detection": MilestoneDetected,
		"declare":  MilestoneDeclared,
		"mitigate": MilestoneMitigated, "mitigation": MilestoneMitigated,
		"resolve": MilestoneResolved, "resolution": MilestoneResolved,
	}
})

// ParseMilestone accepts a milestone name or a verb form ("detect").
func ParseMilestone(in string) (Milestone, error) {
	s := strings.ToLower(strings.TrimSpace(in))
	for _, m := range MilestoneOrder {
		if Milestone(s) == m {
			return m, nil
		}
	}
	if m, ok := milestoneAliases()[s]; ok {
		return m, nil
	}
	return "", Errorf(EINVALID, "unknown milestone %s: use one of %s", Quote(in), joinStrings(MilestoneOrder))
}

// Label is the milestone as a heading word: "Started".
func (m Milestone) Label() string {
	if m == "" {
		return ""
	}
	return strings.ToUpper(string(m[:1])) + string(m[1:])
}

// Milestones holds the times that are set; absent keys are unset.
type Milestones map[Milestone]time.Time

// Get returns the milestone's time and whether it is set.
func (ms Milestones) Get(m Milestone) (time.Time, bool) {
	t, ok := ms[m]
	return t, ok && !t.IsZero()
}

// Validate rejects unknown milestone names and times outside the accepted
// range: a year-1 milestone would make every metric meaningless.
func (ms Milestones) Validate() error {
	for _, m := range slices.Sorted(maps.Keys(ms)) {
		if ParseMilestoneExact(m) == "" {
			return Errorf(EINVALID, "unknown milestone %s: use one of %s", Quote(string(m)), joinStrings(MilestoneOrder))
		}
		if err := CheckInstant("milestone "+string(m), ms[m]); err != nil {
			return err
		}
	}
	return nil
}

// ParseMilestoneExact returns m when it is a canonical name, else "".
func ParseMilestoneExact(m Milestone) Milestone {
	for _, v := range MilestoneOrder {
		if v == m {
			return v
		}
	}
	return ""
}

// Clone returns a copy that can be changed without touching ms.
func (ms Milestones) Clone() Milestones {
	out := make(Milestones, len(ms))
	for k, v := range ms {
		out[k] = v
	}
	return out
}

// OutOfOrder lists pairs of set milestones whose times contradict the
// expected order (detected before started, say). They are flagged, not refused.
func (ms Milestones) OutOfOrder() [][2]Milestone {
	var out [][2]Milestone
	for i, a := range MilestoneOrder {
		ta, ok := ms.Get(a)
		if !ok {
			continue
		}
		for _, b := range MilestoneOrder[i+1:] {
			if tb, ok := ms.Get(b); ok && tb.Before(ta) {
				out = append(out, [2]Milestone{a, b})
			}
		}
	}
	return out
}

// plausibleReversals() are pairs of milestones (as OutOfOrder reports them)
// whose reverse order is true of some incidents: one that ended before
// anyone declared it (a self-resolving incident, written up afterwards) or
// before anyone noticed, and one declared before its impact began (a risk
// acted on early).
var plausibleReversals = sync.OnceValue(func() map[[2]Milestone]string {
	return map[[2]Milestone]string{
		{MilestoneDeclared, MilestoneMitigated}: "the impact ended before the incident was declared (it resolved itself, or was written up afterwards)",
		{MilestoneDeclared, MilestoneResolved}:  "the incident was over before it was declared (written up afterwards)",
		{MilestoneDetected, MilestoneMitigated}: "the impact ended before anyone noticed it (found afterwards)",
		{MilestoneDetected, MilestoneResolved}:  "the incident was over before anyone noticed it (found afterwards)",
		{MilestoneStarted, MilestoneDeclared}:   "the incident was declared before its impact began (a risk acted on early)",
	}
})

// PlausibleOrder reports whether a pair OutOfOrder returned can be true as
// it stands, and why: such a pair is worth a note, not a correction.
func PlausibleOrder(pair [2]Milestone) (why string, ok bool) {
	why, ok = plausibleReversals()[pair]
	return why, ok
}

// Metrics are durations derived from milestones; a nil field could not be
// computed because a milestone is missing or out of order.
type Metrics struct {
	TimeToDetect   *time.Duration // started → detected
	TimeToMitigate *time.Duration // started → mitigated
	TimeToResolve  *time.Duration // started → resolved
	ImpactDuration *time.Duration // started → mitigated, else resolved
}

// Metrics derives the standard incident metrics. When "started" is unset,
// "detected" stands in for the beginning of the time to mitigate and resolve.
// A milestone outside CheckInstant's range (a bad row written before the
// range was enforced) counts as unset: a year-1 start would make every
// metric 106751d.
func (ms Milestones) Metrics() Metrics {
	get := func(m Milestone) (time.Time, bool) {
		t, ok := ms.Get(m)
		return t, ok && CheckInstant("", t) == nil
	}
	between := func(a, b Milestone) *time.Duration {
		ta, ok1 := get(a)
		tb, ok2 := get(b)
		if !ok1 || !ok2 || tb.Before(ta) {
			return nil
		}
		d := tb.Sub(ta)
		return &d
	}
	begin := MilestoneStarted
	if _, ok := get(MilestoneStarted); !ok {
		begin = MilestoneDetected
	}
	m := Metrics{
		TimeToDetect:   between(MilestoneStarted, MilestoneDetected),
		TimeToMitigate: between(begin, MilestoneMitigated),
		TimeToResolve:  between(begin, MilestoneResolved),
	}
	if m.ImpactDuration = between(MilestoneStarted, MilestoneMitigated); m.ImpactDuration == nil {
		m.ImpactDuration = between(MilestoneStarted, MilestoneResolved)
	}
	return m
}
