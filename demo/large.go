package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"scribe/incident"
	"scribe/store"
)

// MaxLarge bounds Large's event count: ten times the 100,000-event
// benchmark is plenty and keeps a typo from filling the disk.
const MaxLarge = 1_000_000

// largeEnd is how long before now the last generated event lands.
const largeEnd = 2 * time.Minute

// largeZone differs from the demo's so that both zones get exercised.
const largeZone = "America/Los_Angeles"

var largePeople = []string{"Rosa M.", "Ken A.", "Ida F.", "Lou B."}

var largeServices = []string{"checkout-api", "payments-gw", "orders-db", "search-edge", "auth-proxy", "ledger-worker"}

// largeOpening are the first events of a generated incident, in order: the
// structured ones a live incident starts with.
var largeOpening = []incident.Event{
	{Kind: incident.KindMilestone, Milestone: incident.MilestoneStarted, Author: "Ken A."},
	{Kind: incident.KindMilestone, Milestone: incident.MilestoneDetected, Author: "Ken A."},
	{Kind: incident.KindMilestone, Milestone: incident.MilestoneDeclared, Author: "Ken A."},
	{Kind: incident.KindRole, Role: incident.RoleCommander, Person: "Rosa M.", Author: "Ken A."},
	{Kind: incident.KindRole, Role: incident.RoleOps, Person: "Ken A.", Author: "Rosa M."},
	{Kind: incident.KindStatus, State: incident.Investigating, Author: "Ida F.", Text: "We are investigating elevated error rates."},
}

// Large creates an incident with n generated events in one ImportSnapshot
// call and returns its id: a long-running live incident (several days at
// 100,000 events) for measuring the TUI and export against big timelines.
// The same n always yields the same incident, apart from its times, which
// end shortly before now.
func Large(ctx context.Context, st *store.Store, now time.Time, n int) (int64, error) {
	if n < 0 || n > MaxLarge {
		return 0, incident.Errorf(incident.EINVALID, "invalid event count %d: use 0 to %d", n, MaxLarge)
	}
	snap := largeSnapshot(now, n)
	id, err := st.ImportSnapshot(ctx, snap, 0)
	if err != nil {
		return 0, fmt.Errorf("demo: import %d generated events: %w", n, err)
	}
	return id, nil
}

// largeSnapshot builds the incident in memory. Gaps between events vary
// between 1 and 12 seconds, like a busy channel; the generator is seeded
// by n so a benchmark sees the same data every run.
func largeSnapshot(now time.Time, n int) incident.Snapshot {
	rng := rand.New(rand.NewPCG(0x5c21be, uint64(n)))
	offsets := make([]time.Duration, n)
	var total time.Duration
	for i := range offsets {
		offsets[i] = total
		total += time.Duration(1+rng.IntN(12)) * time.Second
	}
	start := now.Add(-largeEnd - total).Truncate(time.Second)

	inc := incident.Incident{
		Title:      fmt.Sprintf("Generated incident with %d events", n),
		Severity:   incident.Severity(3),
		State:      incident.Investigating,
		Timezone:   largeZone,
		Summary:    "A generated incident for measuring scribe against long timelines.",
		Services:   append([]string(nil), largeServices...),
		Milestones: incident.Milestones{incident.MilestoneDeclared: start},
	}
	events := make([]incident.Event, n)
	for i := range events {
		at := start.Add(offsets[i])
		var e incident.Event
		if i < len(largeOpening) {
			e = largeOpening[i]
		} else {
			e = largeEvent(rng, i)
		}
		e.OccurredAt, e.LoggedAt = at, at
		events[i] = e
		if e.Kind == incident.KindMilestone {
			inc.Milestones[e.Milestone] = at
		}
	}
	var roles []incident.RoleAssignment
	for _, e := range events[:min(n, len(largeOpening))] {
		if e.Kind == incident.KindRole {
			roles = append(roles, incident.RoleAssignment{Role: e.Role, Person: e.Person, From: e.OccurredAt})
		}
	}
	return incident.Snapshot{Incident: inc, Events: events, Roles: roles}
}

// largeEvent makes the i-th free event: mostly notes and observations, a
// comms update every 500 events, a pin every 250, and now and then a long
// line to exercise wrapping.
func largeEvent(rng *rand.Rand, i int) incident.Event {
	svc := largeServices[rng.IntN(len(largeServices))]
	e := incident.Event{Author: largePeople[i%len(largePeople)], Pinned: i%250 == 0}
	switch {
	case i%500 == 0:
		e.Kind = incident.KindComms
		e.Text = fmt.Sprintf("Status page update %d: %s is still degraded; next update in 30 minutes.", i/500, svc)
	case i%97 == 0:
		e.Kind = incident.KindDecision
		e.Text = fmt.Sprintf("Shift %d%% of %s traffic to the standby region", 10*(1+rng.IntN(9)), svc)
	case i%31 == 0:
		e.Kind = incident.KindAction
		e.Text = fmt.Sprintf("Restarted %d %s pods", 1+rng.IntN(20), svc)
	case i%3 == 0:
		e.Kind = incident.KindObservation
		e.Text = fmt.Sprintf("%s p99 %dms, errors %.1f%%, %d req/s", svc, 80+rng.IntN(4000), rng.Float64()*20, 100+rng.IntN(9000))
	default:
		e.Kind = incident.KindNote
		e.Text = fmt.Sprintf("Checked %s: %s", svc, largeNotes[rng.IntN(len(largeNotes))])
	}
	if i%37 == 0 {
		e.Text += " — " + strings.TrimSpace(strings.Repeat("details from the dashboard, pasted in full; ", 6))
	}
	return e
}

var largeNotes = []string{
	"nothing unusual in the logs",
	"connection count back to baseline",
	"replica lag under a second",
	"saw the same timeout in two regions",
	"GC pauses up to 400ms",
	"queue depth falling slowly",
	"no deploys in the last hour",
}
