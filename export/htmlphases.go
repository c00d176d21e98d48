package export

import (
	"sort"
	"strings"
	"time"

	"scribe/incident"
)

// The phases of an incident as stretches of time, shared by the HTML
// page's SVG and the terminal strip (PhaseStrip). They are named by the
// same rule as the Markdown's Mermaid diagram (phaseAt), so the three
// drawings agree.

// phaseKind is how a phase is drawn.
type phaseKind string

const (
	phaseImpact   phaseKind = "impact"   // impact, nobody on it yet
	phaseResponse phaseKind = "response" // people on it, impact ongoing
	phaseRecovery phaseKind = "recovery" // mitigated, not yet resolved
)

// phaseBand is one phase between two milestones.
type phaseBand struct {
	Name     string
	Kind     phaseKind
	From, To time.Time
	Open     bool // the incident is not resolved: the phase goes on past To
}

// milestonePoint is a set milestone.
type milestonePoint struct {
	M incident.Milestone
	T time.Time
}

// milestonePoints lists the set milestones in the order they happened
// (ties in the expected order).
func milestonePoints(ms incident.Milestones) []milestonePoint {
	var pts []milestonePoint
	for _, m := range incident.MilestoneOrder {
		if t, ok := ms.Get(m); ok {
			pts = append(pts, milestonePoint{m, t})
		}
	}
	sort.SliceStable(pts, func(i, j int) bool { return pts[i].T.Before(pts[j].T) })
	return pts
}

// phaseBands returns the phases between milestones. An incident not yet
// resolved has its last phase drawn on to until (the latest thing
// recorded), marked Open.
func phaseBands(ms incident.Milestones, until time.Time) []phaseBand {
	pts := milestonePoints(ms)
	var out []phaseBand
	add := func(from, to time.Time, open bool) {
		name, tag, ok := phaseAt(ms, from)
		if !ok || !to.After(from) {
			return
		}
		out = append(out, phaseBand{Name: name, Kind: kindOfTag(tag), From: from, To: to, Open: open})
	}
	for i := 1; i < len(pts); i++ {
		add(pts[i-1].T, pts[i].T, false)
	}
	if _, resolved := ms.Get(incident.MilestoneResolved); !resolved && len(pts) > 0 {
		add(pts[len(pts)-1].T, until, true)
	}
	return out
}

// kindOfTag maps the Mermaid task tag phaseAt gives to how the band is
// drawn.
func kindOfTag(tag string) phaseKind {
	switch strings.TrimSuffix(tag, ", ") {
	case "crit":
		return phaseImpact
	case "done":
		return phaseRecovery
	}
	return phaseResponse
}

// keyEvent is an event the time axis marks: pinned, or a status change.
type keyEvent struct {
	N    int // 1-based, in time order
	At   time.Time
	Kind string // "status" or "pinned"
	Text string // blameless (unless names are kept), sanitized, one line
}

// keyEvents picks the events the page marks on the axis, worded as the
// timeline words them (blameless by the same rewrite).
func keyEvents(snap incident.Snapshot, names *people, keepNames bool) []keyEvent {
	var out []keyEvent
	for i := range snap.Events {
		e := &snap.Events[i]
		if !e.Pinned && e.Kind != incident.KindStatus {
			continue
		}
		text := eventText(snap, e, keepNames)
		if !keepNames {
			text = names.rewrite(text, e.OccurredAt)
		}
		kind := "pinned"
		if e.Kind == incident.KindStatus {
			kind = "status"
		}
		out = append(out, keyEvent{N: len(out) + 1, At: e.OccurredAt, Kind: kind, Text: strings.Join(strings.Fields(text), " ")})
	}
	return out
}
