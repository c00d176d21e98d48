package export

import (
	"fmt"
	"time"

	"scribe/incident"
)

// The fixtures are fictional incidents written for scribe's tests.

// at parses a wall-clock time in zone, panicking on a typo in a fixture.
func at(zone, clock string) time.Time {
	loc, err := time.LoadLocation(zone)
	if err != nil {
		panic(err)
	}
	t, err := time.ParseInLocation("2006-01-02 15:04", clock, loc)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

// searchOutage is a realistic one-day SEV2: several responders, a commander
// hand-off, status updates, narrative, retro notes (one of them blaming),
// action items of which one is filed on GitHub.
func searchOutage() incident.Snapshot {
	const zone = "America/Chicago"
	c := func(s string) time.Time { return at(zone, "2025-10-14 "+s) }
	inc := incident.Incident{
		ID: 12, Title: "Search returned empty results after the index rebuild", Severity: 2,
		State: incident.Resolved, Timezone: zone,
		Summary: "For 52 minutes, product search returned no results for about 60% of queries. " +
			"A scheduled index rebuild swapped the search alias to an index that was still empty. " +
			"Priya noticed the drop in the conversion dashboard; Dmitri Volkov rolled the alias back.",
		Impact:     "Roughly 60% of search queries on the storefront returned an empty page between 09:41 and 10:33.\nCheckout itself was unaffected, but orders placed through search fell by half.",
		RootCause:  "The rebuild job switched the `products` alias as soon as the new index was **created**, not when it was populated. The check that compared document counts had been disabled in an earlier refactor.",
		Trigger:    "The nightly rebuild, delayed by a slow upstream export, ran during business hours.",
		Resolution: "The alias was pointed back at the previous index (10:14), which restored results. The new index finished populating at 10:33 and the alias was switched again by hand after its document count matched.",
		Services:   []string{"search-api", "storefront"},
		Milestones: incident.Milestones{
			incident.MilestoneStarted:   c("09:41"),
			incident.MilestoneDetected:  c("09:58"),
			incident.MilestoneDeclared:  c("10:02"),
			incident.MilestoneMitigated: c("10:14"),
			incident.MilestoneResolved:  c("10:33"),
		},
		CreatedAt: c("10:02"),
	}
	ev := func(id int64, clock string, kind incident.Kind, author, text string) incident.Event {
		return incident.Event{ID: id, IncidentID: 12, OccurredAt: c(clock), LoggedAt: c(clock), Kind: kind,
			Author: author, Text: text, Source: incident.SourceTUI}
	}
	events := []incident.Event{
		ev(1, "09:41", incident.KindMilestone, "priya", "Impact started"),
		ev(2, "09:41", incident.KindObservation, "priya", "Rebuild job logs: alias products -> products_v2025_10_14 swapped"),
		ev(3, "09:58", incident.KindMilestone, "priya", "Incident detected"),
		ev(4, "09:58", incident.KindObservation, "priya", "Conversion dashboard: search-originated orders down 50%"),
		ev(5, "10:02", incident.KindMilestone, "priya", "Incident declared"),
		ev(6, "10:02", incident.KindRole, "priya", "Priya Raman is incident commander"),
		ev(7, "10:03", incident.KindRole, "priya", "Tomás Ortega is ops lead"),
		ev(8, "10:04", incident.KindStatus, "priya", "Investigating empty search results"),
		ev(9, "10:05", incident.KindRole, "priya", "Helen Park is comms lead"),
		ev(10, "10:07", incident.KindComms, "helen", "Status page: some searches return no results; we are investigating"),
		ev(11, "10:09", incident.KindObservation, "tomas", "Tomás: new index has 0 documents | old index still has 1.2M"),
		ev(12, "10:11", incident.KindDecision, "priya", "Roll the alias back to the old index rather than wait for the rebuild"),
		ev(13, "10:12", incident.KindStatus, "priya", "Alias pointed at an empty index"),
		ev(14, "10:14", incident.KindAction, "tomas", "Alias products -> products_v2025_10_13 restored"),
		ev(15, "10:14", incident.KindMilestone, "priya", "Impact mitigated"),
		ev(16, "10:15", incident.KindStatus, "priya", "Results are back; watching error rates"),
		ev(17, "10:20", incident.KindRole, "priya", "Dmitri Volkov is incident commander"),
		ev(18, "10:22", incident.KindNote, "dmitri", "Priya handed over to go to the customer call; Helen keeps comms"),
		ev(19, "10:25", incident.KindActionItem, "dmitri", "Gate the alias swap on document counts"),
		ev(20, "10:33", incident.KindAction, "tomas", "New index populated (1.21M docs); alias switched by hand"),
		ev(21, "10:33", incident.KindStatus, "dmitri", ""),
		ev(22, "10:33", incident.KindMilestone, "dmitri", "Incident resolved"),
	}
	events[3].Pinned, events[11].Pinned, events[13].Pinned = true, true, true
	events[7].State, events[12].State, events[15].State, events[20].State = incident.Investigating, incident.Identified, incident.Monitoring, incident.Resolved
	for i, m := range map[int]incident.Milestone{0: incident.MilestoneStarted, 2: incident.MilestoneDetected, 4: incident.MilestoneDeclared, 14: incident.MilestoneMitigated, 21: incident.MilestoneResolved} {
		events[i].Milestone = m
	}
	role := func(i int, r, p string) { events[i].Role, events[i].Person = r, p }
	role(5, incident.RoleCommander, "Priya Raman")
	role(6, incident.RoleOps, "Tomás Ortega")
	role(8, incident.RoleComms, "Helen Park")
	role(16, incident.RoleCommander, "Dmitri Volkov")
	roles := []incident.RoleAssignment{
		{Role: incident.RoleCommander, Person: "Priya Raman", From: c("10:02"), Until: c("10:20")},
		{Role: incident.RoleOps, Person: "Tomás Ortega", From: c("10:03")},
		{Role: incident.RoleComms, Person: "Helen Park", From: c("10:05")},
		{Role: incident.RoleCommander, Person: "Dmitri Volkov", From: c("10:20")},
	}
	items := []incident.ActionItem{
		{ID: 31, UUID: "0b6f1c1e-2f7a-4d0b-9a51-0d7d1c3e9a01", Title: "Gate the alias swap on matching document counts", Owner: "Tomás Ortega",
			Priority: incident.P1, Due: "2025-10-24", State: incident.ItemOpen,
			GitHub: incident.GitHubIssue{Repo: "shopco/search", Number: 418, URL: "https://github.com/shopco/search/issues/418", State: "open"}},
		{ID: 32, UUID: "0b6f1c1e-2f7a-4d0b-9a51-0d7d1c3e9a02", Title: "Alert on search zero-result rate above 20%", Owner: "@hpark",
			Priority: incident.P2, Due: "2025-10-31", State: incident.ItemDone},
		{ID: 33, UUID: "0b6f1c1e-2f7a-4d0b-9a51-0d7d1c3e9a03", Title: "Move the nightly rebuild out of business hours | or make it resumable",
			Priority: incident.P3, State: incident.ItemOpen},
	}
	events[18].ActionItemID = 31
	retro := []incident.RetroNote{
		{Section: incident.RetroWentWell, Text: "The conversion dashboard made the drop obvious within minutes of looking"},
		{Section: incident.RetroWentWell, Text: "Rolling the alias back was a one-line change that Tomás had practised"},
		{Section: incident.RetroWentWrong, Text: "Seventeen minutes passed before anyone was alerted: no alert watches zero-result searches"},
		{Section: incident.RetroWentWrong, Text: "Dmitri should have load-tested the rebuild; human error"},
		{Section: incident.RetroLucky, Text: "The old index had not been deleted yet; the cleanup job runs at noon"},
		{Section: incident.RetroFactor, Text: "The document-count check was disabled during a refactor in August"},
		{Section: incident.RetroFactor, Text: "The rebuild schedule assumes the upstream export finishes by 06:00"},
	}
	for i := range retro {
		retro[i].IncidentID, retro[i].Order = 12, i+1
	}
	return incident.Snapshot{Incident: inc, Events: events, Roles: roles, ActionItems: items, Retro: retro}
}

// overnightMigration spans three days in Tokyo with an unresolved end and
// no narrative, to show date changes and placeholders() side by side.
func overnightMigration() incident.Snapshot {
	const zone = "Asia/Tokyo"
	inc := incident.Incident{
		ID: 3, Title: "Replica lag during the orders database migration", Severity: 3,
		State: incident.Monitoring, Timezone: zone,
		Summary: "Read replicas of the orders database fell up to 40 minutes behind while the migration backfilled the `line_items` table.",
		Milestones: incident.Milestones{
			incident.MilestoneDetected:  at(zone, "2025-03-29 23:20"),
			incident.MilestoneDeclared:  at(zone, "2025-03-29 23:35"),
			incident.MilestoneMitigated: at(zone, "2025-03-31 02:10"),
		},
	}
	var events []incident.Event
	add := func(clock string, kind incident.Kind, text string) {
		events = append(events, incident.Event{ID: int64(len(events) + 1), IncidentID: 3, OccurredAt: at(zone, clock), Kind: kind, Text: text, Author: "kenji"})
	}
	add("2025-03-29 23:20", incident.KindMilestone, "Incident detected")
	events[0].Milestone = incident.MilestoneDetected
	add("2025-03-29 23:35", incident.KindRole, "")
	events[1].Role, events[1].Person = incident.RoleCommander, "Kenji Sato"
	add("2025-03-29 23:50", incident.KindDecision, "Pause the backfill; Kenji will resume it at 01:00 with smaller batches")
	add("2025-03-30 01:00", incident.KindAction, "Backfill resumed, batch size 500")
	add("2025-03-30 09:30", incident.KindObservation, "Lag below 30s for two hours")
	add("2025-03-31 02:10", incident.KindMilestone, "")
	events[5].Milestone = incident.MilestoneMitigated
	add("2025-03-31 02:15", incident.KindStatus, "Backfill done; lag back to normal")
	events[6].State = incident.Monitoring
	roles := []incident.RoleAssignment{{Role: incident.RoleCommander, Person: "Kenji Sato", From: at(zone, "2025-03-29 23:35")}}
	return incident.Snapshot{Incident: inc, Events: events, Roles: roles}
}

// emptyIncident was just declared: nothing but a title.
func emptyIncident() incident.Snapshot {
	t := at("UTC", "2025-01-05 08:00")
	return incident.Snapshot{Incident: incident.Incident{
		ID: 1, Title: "Login page slow", Severity: 4, State: incident.Investigating, Timezone: "UTC",
		Milestones: incident.Milestones{incident.MilestoneDeclared: t}, CreatedAt: t,
	}}
}

// bigIncident has n note events spread over a day, for the benchmarks.
func bigIncident(n int) incident.Snapshot {
	snap := searchOutage()
	base := snap.Events[0].OccurredAt
	events := make([]incident.Event, 0, n)
	for i := 0; i < n; i++ {
		events = append(events, incident.Event{
			ID: int64(i + 1), IncidentID: snap.Incident.ID, OccurredAt: base.Add(time.Duration(i) * 900 * time.Millisecond),
			Kind: incident.KindNote, Author: "priya", Pinned: i%50 == 0,
			Text: fmt.Sprintf("Tomás checked shard %d: replica lag %dms, queue depth %d | nothing unusual", i%64, i%900, i%37),
		})
	}
	snap.Events = events
	return snap
}

// selfResolving is a SEV3 that ended before anyone declared it: impact
// began, an alert fired, the cache recovered by itself, and the team
// declared and wrote it up afterwards. Its responders' names are also
// English words (Grant, May, Will), its action item has a description, and
// its narrative has a link, a remote image and a code fence left open.
func selfResolving() incident.Snapshot {
	const zone = "Europe/Lisbon"
	c := func(s string) time.Time { return at(zone, "2025-09-09 "+s) }
	inc := incident.Incident{
		ID: 21, Title: "Cache stampede after the certificate rotation", Severity: 3,
		State: incident.Resolved, Timezone: zone,
		Summary: "For 14 minutes the product cache missed on most reads after @sampatel rotated the certificate. " +
			"Grant restarted nothing: the cache refilled by itself before the incident was declared. " +
			"May need a warm-up step next time; see [the graph](https://grafana.example.com/d/cache) " +
			"![spike](https://tracker.example.net/spike.png)",
		Impact:     "Product pages were slow (p99 4s) for about a third of visitors.",
		RootCause:  "Rotating the certificate restarted every cache node at once:\n```\nsystemctl restart cache@*",
		Trigger:    "The scheduled certificate rotation.",
		Resolution: "None needed: the cache refilled from the database. Will Ferreira confirmed hit rates were back to 97%.",
		Services:   []string{"catalog-cache"},
		Milestones: incident.Milestones{
			incident.MilestoneStarted:   c("14:02"),
			incident.MilestoneDetected:  c("14:05"),
			incident.MilestoneMitigated: c("14:16"),
			incident.MilestoneDeclared:  c("14:30"),
			incident.MilestoneResolved:  c("14:45"),
		},
		CreatedAt: c("14:30"),
	}
	ev := func(id int64, clock string, kind incident.Kind, author, text string) incident.Event {
		return incident.Event{ID: id, IncidentID: 21, OccurredAt: c(clock), LoggedAt: c("14:35"), Kind: kind, Author: author, Text: text}
	}
	events := []incident.Event{
		ev(1, "14:00", incident.KindAction, "Sam Patel", "@sampatel rotated the edge certificate"),
		ev(2, "14:02", incident.KindMilestone, "will", "Impact started"),
		ev(3, "14:05", incident.KindObservation, "will", "Cache hit rate alert: 31% (threshold 80%)"),
		ev(4, "14:16", incident.KindObservation, "will", "Hit rate back to 95% without intervention"),
		ev(5, "14:30", incident.KindRole, "grant", ""),
		ev(6, "14:31", incident.KindNote, "grant", "Grant AWS support access to the account so they can check the ELB logs"),
		ev(7, "14:40", incident.KindNote, "may", "May posted a short note on the status page"),
		ev(8, "14:45", incident.KindStatus, "grant", "Written up; no customer follow-up needed"),
	}
	events[1].Milestone = incident.MilestoneStarted
	events[4].Role, events[4].Person = incident.RoleCommander, "Grant Liu"
	events[7].State = incident.Resolved
	roles := []incident.RoleAssignment{
		{Role: incident.RoleCommander, Person: "Grant Liu", From: c("14:30")},
		{Role: incident.RoleComms, Person: "May Chen", From: c("14:32")},
		{Role: incident.RoleScribe, Person: "Will Ferreira", From: c("14:32")},
	}
	items := []incident.ActionItem{
		{ID: 5, Title: "Will to pair with Sam on a staggered rotation", Description: "Grant's notes from the retro have the node order",
			Owner: "Will Ferreira", Priority: incident.P2, Due: "2025-09-30", State: incident.ItemOpen},
		{ID: 6, Title: "Add a cache warm-up step", Owner: "@sampatel", Priority: incident.P3, Due: "2025-10-15", State: incident.ItemOpen},
	}
	retro := []incident.RetroNote{
		{Section: incident.RetroWentWell, Text: "The hit-rate alert fired within three minutes"},
		{Section: incident.RetroWentWrong, Text: "Nobody declared until the impact was over: the alert went to a channel, not a pager"},
		{Section: incident.RetroLucky, Text: "It happened after the lunch peak"},
		{Section: incident.RetroFactor, Text: "The rotation job restarts all nodes in parallel"},
		{Section: incident.RetroLesson, Text: "The cache should have a warm-up step"},
	}
	for i := range retro {
		retro[i].IncidentID, retro[i].Order = 21, i+1
	}
	return incident.Snapshot{Incident: inc, Events: events, Roles: roles, ActionItems: items, Retro: retro}
}
