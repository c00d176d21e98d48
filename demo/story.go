package demo

import (
	"time"

	"scribe/incident"
)

// The demo incident is fictional: a grocery delivery company whose delivery
// slot booking fails after a cache setting change. Every time below is an
// offset from the moment impact began, so the story can be replayed against
// any clock.

// The people in the story. The commander hands off to Amara mid-incident.
const (
	priya  = "Priya N." // platform on-call, then ops lead
	tomasz = "Tomasz K."
	amara  = "Amara O."
	ellie  = "Ellie R."
	sam    = "Sam D."
	jonas  = "Jonas W." // slots team, owns slot-service
)

// zone is the incident's display zone: the team works from London.
const zone = "Europe/London"

// sinceStart is how long before "now" impact began; the last entry lands
// about 25 minutes before now so the incident reads as just wrapped up.
const sinceStart = 4*time.Hour + 10*time.Minute

// title, severity and narrative of the incident.
const (
	title    = "Delivery slot bookings failing for some customers"
	severity = incident.Severity(2)
	// declaredAs is the severity at declaration: the commander escalates
	// to severity once the scale of the failures is known.
	declaredAs = incident.Severity(3)

	summary = "For 1 hour 50 minutes, up to 14% of attempts to book or change a delivery slot failed, " +
		"and the rest were slow. A configuration change lowered slot-service's availability cache TTL from 300 to 30 seconds. " +
		"Because every pod fills its cache at start-up, all keys expired within the same second, and each wave of misses sent " +
		"about 9,000 availability queries to the slots database at once. The database connection pool saturated, requests " +
		"queued past their 5-second timeout, and the autoscaler responded to the latency by adding pods, which added clients " +
		"to the queue. Capping the autoscaler reduced the errors; rolling the change back restored normal service."

	impact = "Between the start of impact and mitigation, 3,412 slot reservation requests (POST /v2/slots/reserve) failed, " +
		"from 2,980 distinct customers, in the mobile app and on the website. The error rate peaked at 14% and p99 latency " +
		"at 4.8 s (normally 180 ms). 187 customers contacted support. Browsing available slots stayed up, served from stale " +
		"cache entries. Checkout, payments and existing orders use a separate database and were not affected; no booking " +
		"was lost or double-booked."

	rootCause = "slot-service caches slot availability in Redis with a fixed TTL and writes every key while a pod warms " +
		"up. With a fixed TTL the keys expire together, and slot-service does not coalesce concurrent misses for the same " +
		"key, so each expiry becomes one database query per request in flight. At a 300-second TTL the resulting bursts " +
		"were small enough to absorb; at 30 seconds they arrived ten times as often and kept all 400 server connections of " +
		"pgbouncer-slots busy. Requests then waited for a connection longer than their 5-second timeout. The horizontal pod " +
		"autoscaler scales slot-service on CPU and latency only, so it scaled from 12 to 38 pods; each pod holds up to 20 " +
		"client connections, which lengthened the pgbouncer wait queue instead of relieving it."

	trigger = "Config release 2211 for slot-service, which lowered the availability cache TTL from 300 to 30 seconds so " +
		"that newly opened slots would appear sooner. The change was reviewed and rolled out through the normal config " +
		"pipeline; its effect on database load was not visible in the diff and had not been load-tested."

	resolution = "The incident commander capped the autoscaler at 16 replicas, which brought the error rate down from 14% " +
		"to 9% while the cause was still unknown. Once the TTL change was identified, the ops lead rolled back config " +
		"release 2211 and restarted pods four at a time so that their caches warmed at different moments. The cache hit " +
		"ratio returned to 95%, database queries to 4,100 per second, and reservation errors to their usual 0.3%. The " +
		"autoscaler cap stays in place until TTL jitter ships."
)

// services the incident touched.
var services = []string{"slot-service", "pgbouncer-slots", "slots-db", "redis-slot-cache"}

// entry is one line of the timeline. Kind decides which fields matter: free
// kinds use Text and Pin; status uses State and Text (the status-page
// message); role uses Role and Person; milestone uses Milestone; severity
// uses Severity and Text (the reason). The declared milestone is where the
// incident is created.
type entry struct {
	At        time.Duration
	Kind      incident.Kind
	By        string
	Text      string
	Pin       bool
	State     incident.State
	Role      string
	Person    string
	Milestone incident.Milestone
	Severity  incident.Severity
}

// timeline is the incident as it was logged, in time order. Action items are
// logged by actionItems, which carry their own offsets.
var timeline = []entry{
	{At: -3 * time.Minute, Kind: incident.KindAction, By: sam,
		Text: "Config release 2211 finished rolling out to slot-service: availability cache TTL lowered from 300s to 30s (backdated from the deploy log)"},
	{At: 0, Kind: incident.KindMilestone, By: sam, Milestone: incident.MilestoneStarted},
	{At: 4 * time.Minute, Kind: incident.KindObservation, By: priya,
		Text: "POST /v2/slots/reserve p99 at 4.8s (normally 180ms), 5xx at 11% and rising"},
	{At: 6 * time.Minute, Kind: incident.KindMilestone, By: priya, Milestone: incident.MilestoneDetected},
	{At: 9 * time.Minute, Kind: incident.KindNote, By: priya,
		Text: "slots-db primary looks healthy: CPU 38%, no replication lag, no lock waits. Problem is in front of the database?"},
	{At: 12 * time.Minute, Kind: incident.KindMilestone, By: priya, Milestone: incident.MilestoneDeclared},
	{At: 13 * time.Minute, Kind: incident.KindRole, By: priya, Role: incident.RoleCommander, Person: tomasz},
	{At: 13 * time.Minute, Kind: incident.KindRole, By: tomasz, Role: incident.RoleOps, Person: priya},
	{At: 15 * time.Minute, Kind: incident.KindRole, By: tomasz, Role: incident.RoleComms, Person: ellie},
	{At: 16 * time.Minute, Kind: incident.KindRole, By: tomasz, Role: incident.RoleScribe, Person: sam},
	{At: 18 * time.Minute, Kind: incident.KindStatus, By: ellie, State: incident.Investigating,
		Text: "We are investigating failures when booking or changing a delivery slot in the app and on the website. Orders already placed are not affected."},
	{At: 20 * time.Minute, Kind: incident.KindObservation, By: priya, Pin: true,
		Text: "pgbouncer-slots saturated: all 400 server connections busy, 1,900 clients waiting (cl_waiting) and climbing"},
	{At: 22 * time.Minute, Kind: incident.KindSeverity, By: tomasz, Severity: severity,
		Text: "bookings failing in the app and on the website for more than one customer in ten"},
	{At: 24 * time.Minute, Kind: incident.KindNote, By: tomasz,
		Text: "The scheduled slots-db minor version upgrade finished 20 min before impact began. Checking whether it changed connection limits"},
	{At: 31 * time.Minute, Kind: incident.KindObservation, By: priya,
		Text: "slot-service HPA has scaled from 12 to 38 pods since impact began; at 20 connections per pod that is 760 clients for 400 server slots"},
	{At: 34 * time.Minute, Kind: incident.KindDecision, By: tomasz, Pin: true,
		Text: "Cap the slot-service HPA at 16 replicas: more pods only lengthen the pgbouncer queue"},
	{At: 36 * time.Minute, Kind: incident.KindAction, By: priya,
		Text: "Set slot-service HPA maxReplicas to 16; scale-in under way"},
	{At: 44 * time.Minute, Kind: incident.KindObservation, By: priya,
		Text: "5xx down from 14% to 9% after scale-in, but slots-db still serving 42k queries/s against a usual 3.8k"},
	{At: 48 * time.Minute, Kind: incident.KindComms, By: ellie,
		Text: "Status page update: errors have dropped but some customers still cannot book a delivery slot. We are continuing to investigate; next update in 30 minutes."},
	{At: 52 * time.Minute, Kind: incident.KindNote, By: tomasz,
		Text: "Ruled out the DB upgrade: max_connections, pgbouncer settings and query plans are the same before and after"},
	{At: time.Hour + 3*time.Minute, Kind: incident.KindObservation, By: priya, Pin: true,
		Text: "Cache hit ratio fell from 97% to 22% when impact began. Cause: release 2211 set the cache TTL to 30s, and every pod wrote its keys at start-up, so they all expire in the same second and each wave sends ~9,000 queries to slots-db at once"},
	{At: time.Hour + 5*time.Minute, Kind: incident.KindStatus, By: tomasz, State: incident.Identified,
		Text: "We have identified a configuration change that causes some delivery slot bookings to fail, and are rolling it back."},
	{At: time.Hour + 7*time.Minute, Kind: incident.KindDecision, By: tomasz,
		Text: "Roll back release 2211 rather than patch forward; restart pods 4 at a time so cache warm-up is staggered"},
	{At: time.Hour + 19*time.Minute, Kind: incident.KindNote, By: priya,
		Text: "Rollback of release 2211 started, but the config pipeline needs a second approver from the slots team and nobody on that rota is online. Paged the slots secondary"},
	{At: time.Hour + 26*time.Minute, Kind: incident.KindComms, By: ellie,
		Text: "Shared a holding reply with customer support: customers who saw \"slot unavailable\" can retry shortly; orders already placed are fine"},
	{At: time.Hour + 34*time.Minute, Kind: incident.KindAction, By: priya,
		Text: "Rollback approved by the slots secondary; deploying with batches of 4 pods"},
	{At: time.Hour + 48*time.Minute, Kind: incident.KindObservation, By: priya, Pin: true,
		Text: "Rollback complete on all 16 pods: cache hit ratio 95%, slots-db 4.1k queries/s, reserve p99 240ms, 5xx 0.3%"},
	{At: time.Hour + 50*time.Minute, Kind: incident.KindMilestone, By: tomasz, Milestone: incident.MilestoneMitigated},
	{At: time.Hour + 52*time.Minute, Kind: incident.KindStatus, By: ellie, State: incident.Monitoring,
		Text: "The change has been rolled back and delivery slot booking is working again. We are monitoring the results."},
	{At: 2*time.Hour + 4*time.Minute, Kind: incident.KindNote, By: tomasz,
		Text: "Handing over IC at end of shift. Open threads: HPA cap still at 16, count of failed bookings, support follow-up"},
	{At: 2*time.Hour + 5*time.Minute, Kind: incident.KindRole, By: tomasz, Role: incident.RoleCommander, Person: amara},
	{At: 2*time.Hour + 15*time.Minute, Kind: incident.KindObservation, By: priya,
		Text: "From access logs: 3,412 reserve requests failed during the impact window, from 2,980 distinct customers"},
	{At: 2*time.Hour + 55*time.Minute, Kind: incident.KindDecision, By: amara,
		Text: "Offer a free-delivery credit to every customer whose reservation failed; comms to draft the email with support"},
	{At: 3*time.Hour + 5*time.Minute, Kind: incident.KindComms, By: ellie,
		Text: "Status page update: slot booking has been stable for over an hour. We will keep monitoring for a while before resolving this incident."},
	{At: 3*time.Hour + 26*time.Minute, Kind: incident.KindMilestone, By: amara, Milestone: incident.MilestoneResolved},
	{At: 3*time.Hour + 27*time.Minute, Kind: incident.KindStatus, By: ellie, State: incident.Resolved,
		Text: "This incident has been resolved. A configuration change that caused some delivery slot bookings to fail was rolled back, and booking has worked normally since."},
}

// item is an action item and the moment it was captured.
type item struct {
	At       time.Duration
	By       string
	Title    string
	Desc     string
	Owner    string
	Priority incident.Priority
	DueDays  int // due this many days after now, in the incident's zone
	Done     bool
}

// actionItems are the follow-ups: one captured live, the rest at the wrap-up.
// One has no owner on purpose, so the postmortem lint has something to say.
var actionItems = []item{
	{At: time.Hour + 9*time.Minute, By: tomasz, Owner: jonas, Priority: incident.P0, DueDays: 7,
		Title: "Add jitter to slot-service availability cache TTLs",
		Desc:  "Spread expiry over ±20% of the TTL so that keys written during warm-up do not expire together."},
	{At: 3*time.Hour + 35*time.Minute, By: amara, Owner: jonas, Priority: incident.P1, DueDays: 14,
		Title: "Coalesce concurrent cache misses for the same key in slot-service",
		Desc:  "One database query per key per expiry (single-flight), whatever the number of requests in flight."},
	{At: 3*time.Hour + 37*time.Minute, By: amara, Owner: priya, Priority: incident.P1, DueDays: 10,
		Title: "Bound the slot-service autoscaler by the pgbouncer connection budget",
		Desc:  "maxReplicas × pool size per pod must stay below the pgbouncer-slots server pool; add a CI check."},
	{At: 3*time.Hour + 39*time.Minute, By: amara, Priority: incident.P2, DueDays: 21,
		Title: "Let the platform on-call approve config rollbacks for any service",
		Desc:  "The rollback waited 22 minutes for an approver from the owning team."},
	{At: 3*time.Hour + 41*time.Minute, By: amara, Owner: priya, Priority: incident.P3, DueDays: 3, Done: true,
		Title: "Alert on pgbouncer client wait queue for every pool",
		Desc:  "The temporary cl_waiting > 200 alert added during the incident, made permanent for all pools."},
}

// retro holds the notes of the retrospective, in each section's order.
var retro = []incident.RetroNote{
	{Section: incident.RetroWentWell, Text: "The burn-rate alert paged the platform on-call 6 minutes after impact began."},
	{Section: incident.RetroWentWell, Text: "Capping the autoscaler early cut the error rate by a third while the cause was still unknown."},
	{Section: incident.RetroWentWell, Text: "The first status page update went out 6 minutes after the incident was declared, and support had a holding reply within the first 90 minutes."},
	{Section: incident.RetroWentWrong, Text: "The rollback waited 22 minutes for a second approver, because the config pipeline only accepts approvers from the owning team."},
	{Section: incident.RetroWentWrong, Text: "The autoscaler reacted to latency by adding pods, which added clients to an already saturated connection pool."},
	{Section: incident.RetroWentWrong, Text: "We spent half an hour ruling out the scheduled database upgrade because it was the most recent change we knew of; the config release was not in the change feed."},
	{Section: incident.RetroLucky, Text: "The incident did not overlap the weekly slot release, when next week's slots open and booking traffic triples; the same stampede would then have met three times the load."},
	{Section: incident.RetroLucky, Text: "Checkout and payments use a separate database, so no order or payment failed."},
	{Section: incident.RetroFactor, Text: "Every cache key is written while a pod warms up, so with a fixed TTL they all expire together."},
	{Section: incident.RetroFactor, Text: "slot-service does not coalesce concurrent misses: each one issues its own database query."},
	{Section: incident.RetroFactor, Text: "The autoscaler scales on CPU and latency with no knowledge of the database connection budget."},
	{Section: incident.RetroFactor, Text: "Config releases do not appear in the change feed the on-call reads first, unlike code deploys."},
	{Section: incident.RetroLesson, Text: "A cache TTL is a capacity setting as much as a freshness setting; changing it needs a load estimate."},
	{Section: incident.RetroLesson, Text: "A rollback path needs the same on-call coverage as the system it rolls back."},
}
