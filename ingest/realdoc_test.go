package ingest

import (
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

// Layouts met in real postmortems that the documents in testdata do not
// all show: each case is a small document and what import must read of it.
func TestRealDocumentLayouts(t *testing.T) {
	type item struct{ title, owner, due, state, desc string }
	for _, c := range []struct {
		name, doc string
		entries   []string // "2006-01-02T15:04Z text"
		items     []item
	}{
		{"table copied from a web page (tabs)",
			"Elevated errors\n\nOn 2024-06-11 we had errors.\n\nTimeline\n\nTime (UTC)\tStatus\tDescription\n14:05\tINCIDENT START\tDeploy of the router\n14:19\t\tAlert fires\n\nRemediation and follow-up steps\n\nAction\tOwner\tStatus\nAdd router canary\tNet team\tPlanned\nAlert on 5xx rate\tSRE\tDone\n",
			[]string{"2024-06-11T14:05Z INCIDENT START — Deploy of the router", "2024-06-11T14:19Z Alert fires"},
			[]item{{"Add router canary", "Net team", "", "open", ""}, {"Alert on 5xx rate", "SRE", "", "done", ""}}},
		{"item named by a heading, its fields below",
			"# Login failures on 2024-10-14\n\n## Action items\n\n### AI-1: Automate certificate renewal\nOwner: Jane\nDue: 2024-11-01\nTicket: SEC-88\n\n### AI-2: Add expiry alert\nOwner: Bob\nStatus: done\n",
			nil,
			[]item{{"Automate certificate renewal", "Jane", "2024-11-01", "open", "Tracking: AI-1 Ticket: SEC-88"}, {"Add expiry alert", "Bob", "", "done", "Tracking: AI-2"}}},
		{"references and TODO marks",
			"# Pods pending\n\n## Review actions\n\n- Investigate node group sizing [#4211](https://github.com/org/repo/issues/4211)\n- [#2226]: Add simple logging\n- TODO: write the runbook\n- and alert on pending pods,\n",
			nil,
			[]item{{"Investigate node group sizing", "", "", "open", "Tracking: #4211 (https://github.com/org/repo/issues/4211)"},
				{"Add simple logging", "", "", "open", "Tracking: #2226"}, {"Write the runbook", "", "", "open", ""}, {"Alert on pending pods", "", "", "open", ""}}},
		{"follow-ups a sentence introduces",
			"# Outage on Tuesday, 2021-11-09\n\nAt 9:38am Central, a link dropped packets. Our team was paged at 9:43am.\n\nHere's what we're doing to prevent this from happening again:\n\n- Replace the flaky link.\n- Require failures on both links before a failover.\n\nThanks for your patience.\n",
			[]string{"2021-11-09T15:38Z A link dropped packets", "2021-11-09T15:43Z Our team was paged"},
			[]item{{"Replace the flaky link", "", "", "open", ""}, {"Require failures on both links before a failover", "", "", "open", ""}}},
		{"byline after the title",
			"# Resolver failures\n\n10/05/2023\n\nOn October 3, 2023, some users saw errors.\n\n## Timeline\n\n05:41: rollout starts\n\n05:58: alert pages\n",
			[]string{"2023-10-03T05:41Z rollout starts", "2023-10-03T05:58Z alert pages"}, nil},
		{"year written before the month's name",
			"# Post-incident analysis\n\n## Incident timeline\n\n### 2023 June 14 09:12 UTC\n\nMaintenance began.\n\n### 2023 June 14 09:21 UTC\n\nIncident declared.\n",
			[]string{"2023-06-14T09:12Z Maintenance began", "2023-06-14T09:21Z Incident declared"}, nil},
		{"status page: label, then time, then message",
			"Outage of email\n\nResolved\nMar 15, 2025 at 10:42am GMT\n\nAll mail delivered.\n\nInvestigating\nMar 15, 2025 at 08:47am GMT\nMail is delayed for some.\n",
			[]string{"2025-03-15T08:47Z Mail is delayed for some", "2025-03-15T10:42Z All mail delivered"}, nil},
		{"status page: a post-incident report under its own heading",
			"# API slow\n\n**Resolved**\nApr 22, 2025 at 4:55pm UTC\n\nAll good again now.\n\n**Investigating**\nApr 22, 2025 at 3:23pm UTC\n\nWe see slow responses.\n\n## Post-incident report\n\nAt 15:18 UTC a volume degraded. Our monitor alerted at 15:21 UTC.\n",
			[]string{"2025-04-22T15:18Z A volume degraded", "2025-04-22T15:21Z Our monitor alerted", "2025-04-22T15:23Z We see slow", "2025-04-22T16:55Z All good"}, nil},
		{"a sheet's date column without a year",
			"# June 17, 2025 leak\n\n| Date | Time | Event |\n|---|---|---|\n| 6/17 | 10:05 AM | Rolled out |\n| 6/18 | 2:30 AM | Restarts noticed |\n\n3/4 of the pods at 10:00 restarted.\n",
			[]string{"2025-06-17T10:05Z Rolled out", "2025-06-18T02:30Z Restarts noticed"}, nil},
		{"a second clause timed after one that was, without a comma",
			"# API errors on 2024-10-02\n\nThe change was identified as the cause at 15:20 UTC and reverted at 15:29 UTC. Errors fell between 15:30 and 15:40.\n",
			[]string{"2024-10-02T15:20Z The change was identified as the cause", "2024-10-02T15:29Z Reverted at 15:29"}, nil},
		{"owners by full name: in brackets, and mentioned by display name",
			"# Login failures on 2025-01-13\n\n## Action items\n\n- [x] Lower the key cache TTL (Lauren Shaw)\n- [ ] Publish keys early (Kofi Mensah, due 2025-02-14)\n- [ ] Route disk warnings to on-call @Hana Sato\n- [ ] Add a login check (In Progress)\n- [ ] Move queues @ravi\n",
			nil,
			[]item{{"Lower the key cache TTL", "Lauren Shaw", "", "done", ""}, {"Publish keys early", "Kofi Mensah", "2025-02-14", "open", ""},
				{"Route disk warnings to on-call", "Hana Sato", "", "open", ""}, {"Add a login check", "", "", "open", ""}, {"Move queues", "@ravi", "", "open", ""}}},
		{"follow-ups told as one paragraph of prose",
			"# Push delays on 2025-01-28\n\n## What we're changing\n\nWe're adding an alert on delivered notifications per platform. The old alert watched intake only. We will also validate the certificate chain before a swap. Finally, we're going to drop notifications older than an hour.\n\nThanks for bearing with us.\n",
			nil,
			[]item{{"We're adding an alert on delivered notifications per platform", "", "", "open", ""}, {"We will also validate the certificate chain before a swap", "", "", "open", ""},
				{"Finally, we're going to drop notifications older than an hour", "", "", "open", ""}}},
		{"key event fields, one a line with hard breaks",
			"# Retro — Search 502s\n\n**Severity:** SEV1  \n**Started at:** Sep 9, 2025 8:14 AM UTC  \n**Detected at:** Sep 9, 2025 8:19 AM UTC  \n",
			[]string{"2025-09-09T08:14Z Started", "2025-09-09T08:19Z Detected"}, nil},
		{"a status e-mail thread, newest first",
			"From: Incident Bot <incidents@example.com>\nSent: Tuesday, November 4, 2025 4:41 PM\nTo: eng-all\nSubject: RE: [RESOLVED] PDFs failing\n\nRESOLVED - 4:38 PM ET: PDF generation is stable.\n\n-----Original Message-----\nFrom: Incident Bot\nSent: Tuesday, November 4, 2025 2:47 PM\nSubject: [INVESTIGATING] PDFs failing\n\nINVESTIGATING - 2:44 PM ET: About 8% of PDFs fail.\n",
			[]string{"2025-11-04T19:44Z About 8% of PDFs fail", "2025-11-04T21:38Z PDF generation is stable"}, nil},
		{"owners after a dash, a tick at the end, TODO and DONE lines",
			"# Search 502s on 2025-09-09\n\n## Follow-ups\n\n1. **Verify chain completeness** before installing — _Jo Park_ (P1)\n2. **Document bundle rollback** in the runbook — _Jo Park_ (P3) ✅\n\n## Actions\n\nTODO: Cap retries at 5 (owner: Lukas Meier, due 2025-09-30)\nDONE: Add the quarantine command to the runbook (owner: Lukas Meier)\n",
			nil,
			[]item{{"Verify chain completeness before installing", "Jo Park", "", "open", ""}, {"Document bundle rollback in the runbook", "Jo Park", "", "done", ""},
				{"Cap retries at 5", "Lukas Meier", "2025-09-30", "open", ""}, {"Add the quarantine command to the runbook", "Lukas Meier", "", "done", ""}}},
		{"AsciiDoc headings",
			"= Postmortem: Flag service outage\n:revdate: 2025-02-25\n\n== Timeline\n\nAll times UTC on 2025-02-25.\n\n* 14:05 - Deploy starts\n* 14:43 - Rollback complete\n\n== Action items\n\n* [ ] Add a readiness check (owner: @nils)\n* [x] Alert on fallbacks — owner Sofia Marsh\n",
			[]string{"2025-02-25T14:05Z Deploy starts", "2025-02-25T14:43Z Rollback complete"},
			[]item{{"Add a readiness check", "@nils", "", "open", ""}, {"Alert on fallbacks", "Sofia Marsh", "", "done", ""}}},
		{"an availability report: a heading per incident, its story in one paragraph, its follow-ups in prose",
			"# Availability report: August 2025\n\n### August 5 14:22 UTC (lasting 1 hour)\n\nOn August 5 at 14:22 UTC, the registry failed. The cause was a full\nnode. We detected it at 14:29 UTC and restored service by 15:24 UTC. We are investigating more.\n\nTo prevent this from recurring, we are adding inode alerts. We have fixed it and are making changes to prevent it from happening again. We will provide an update soon.\n\n### August 19 09:47 UTC (lasting 34 minutes)\n\nOn August 19 at 09:47 UTC, notifications were delayed. The migration was cancelled at 10:12 UTC and notifications caught up by 10:21 UTC.\n\nWe are changing our migration tooling to abort on long locks.\n",
			[]string{"2025-08-05T14:22Z On August 5", "2025-08-05T14:29Z We detected it", "2025-08-05T15:24Z Restored service", "2025-08-19T09:47Z On August 19",
				"2025-08-19T10:12Z The migration was cancelled", "2025-08-19T10:21Z Notifications caught up"},
			[]item{{"To prevent this from recurring, we are adding inode alerts", "", "", "open", ""}, {"We are changing our migration tooling to abort on long locks", "", "", "open", ""}}},
		{"follow-ups grouped under the goals they serve",
			"# Edge outage on 2025-04-15\n\n## Remediation and follow-up steps\n\n**Faster recovery**\n\n- A one-command pin of the last good table.\n\n### Better detection\n\n- Alert on pool count drops.\n\n## Resolution\n\nWe pinned the old table.\n",
			nil,
			[]item{{"A one-command pin of the last good table", "", "", "open", ""}, {"Alert on pool count drops", "", "", "open", ""}}},
		{"a Date/Time column that states its zone",
			"# Webhook outage\n\n| Date/Time (PT) | What happened |\n|---|---|\n| 7/22/2025 3:02 PM | Secret rotated |\n",
			[]string{"2025-07-22T22:02Z Secret rotated"}, nil},
		{"follow-ups told in an e-mail's closing sentence; items keyed by a tracker, one a line",
			"Subject: Search outage\n\nWe found it at 12:20am UTC on 2025-07-23.\n\nGoing forward, we will validate shard counts before a reindex, and we'll stop reindexing at night.\n\n## Action items\n\nOPS-7790  Exclude HTML from long cache rules  Assignee: Noah Kim  Due: 30/Sep/25\nOPS-7791  Add a login body check  Assignee: Mia Wong\n",
			[]string{"2025-07-23T00:20Z We found it"},
			[]item{{"Going forward, we will validate shard counts before a reindex", "", "", "open", ""}, {"We'll stop reindexing at night", "", "", "open", ""},
				{"Exclude HTML from long cache rules", "Noah Kim", "2025-09-30", "open", "Tracking: OPS-7790"}, {"Add a login body check", "Mia Wong", "", "open", "Tracking: OPS-7791"}}},
		{"tables one after another, each header naming its zone in brackets",
			"# Scanners offline on 2025-02-03\n\n| When (CET) | Event |\n|---|---|\n| 09:00 | a |\n\n| Datetime (UTC+2) | Event |\n|---|---|\n| 2025-02-04 09:00 | b |\n\n| Start [PT] | Event |\n|---|---|\n| 2025-02-05 09:00 | c |\n",
			[]string{"2025-02-03T08:00Z a", "2025-02-04T07:00Z b", "2025-02-05T17:00Z c"}, nil},
		{"key events in a table of fields; an owner whose family name has a particle",
			"# INC-412: Declines\n\n| | |\n|---|---|\n| Severity | Major |\n| Impact started | 6 Nov 2025, 13:48 CET |\n| Duration | 1h 20m |\n\n## Follow-ups\n\n- Subscribe to change notices — Femke de Vries\n",
			[]string{"2025-11-06T12:48Z Impact started"},
			[]item{{"Subscribe to change notices", "Femke de Vries", "", "open", ""}}},
		{"the zone named in a field above the timeline",
			"# Autocomplete down (Oct 13, 2025)\n\n**Timezone used below:** US Eastern (EDT)\n\n## Timeline\n\n- Mon 2:05pm — resize starts\n",
			[]string{"2025-10-13T18:05Z resize starts"}, nil},
		{"phase headings with time ranges, their prose the timeline; 'every node' is no routine",
			"# Slowdown on 2025-08-28\n\n## 14:00–14:25 UTC: Trigger\n\nAt 14:00 UTC a job started.\n\n## 14:25–14:50 UTC: Detection\n\nOur alert fired at 14:25 UTC. The on-call joined at 14:31 UTC and saw that every node was saturated. The backup runs every night at 02:00 UTC.\n",
			[]string{"2025-08-28T14:00Z A job started", "2025-08-28T14:25Z Our alert fired", "2025-08-28T14:31Z The on-call joined"}, nil},
		{"lessons and their items in one list; follow-ups in the future tense whoever does them",
			"# SMS delays on 2025-10-20\n\n## Lessons and action items\n\n- Lesson: we relied on one provider.\n  - AI: send some traffic to the secondary provider (@jonas)\n- Lesson: the retry queue hid the outage.\n  - AI: alert on provider errors (@elena)\n\n## What we'll do differently\n\nThe cleanup script will only match tagged databases. Staging will get deletion protection. Restores are slow, so we will keep a warm standby.\n",
			nil,
			[]item{{"Send some traffic to the secondary provider", "@jonas", "", "open", ""}, {"Alert on provider errors", "@elena", "", "open", ""},
				{"The cleanup script will only match tagged databases", "", "", "open", ""}, {"Staging will get deletion protection", "", "", "open", ""},
				{"Restores are slow, so we will keep a warm standby", "", "", "open", ""}}},
		{"times relative to the start",
			"# DNS failures\n\n| Field | Value |\n|---|---|\n| Incident start | 2024-05-09 23:20 UTC |\n\n## Timeline\n\nTimes count from the start (T+0 = 23:20 UTC).\n\n| T+ | What happened |\n|---|---|\n| T+0m | Resolvers removed |\n| T+15m | Alert fires |\n| T+1h05m | Back to normal |\n\n- T+1:12 Incident closed\n",
			[]string{"2024-05-09T23:20Z Incident start", "2024-05-09T23:20Z Resolvers removed", "2024-05-09T23:35Z Alert fires", "2024-05-10T00:25Z Back to normal", "2024-05-10T00:32Z Incident closed"}, nil},
	} {
		res := ParseText(c.doc, Options{Zone: time.UTC, Reference: evalReference})
		var got []string
		for _, e := range res.Entries {
			got = append(got, e.At.Format("2006-01-02T15:04Z")+" "+e.Text)
		}
		for i, w := range c.entries {
			if i >= len(got) || !strings.HasPrefix(got[i], w) {
				t.Errorf("%s: entries %q, want %q", c.name, got, c.entries)
				break
			}
		}
		if len(got) != len(c.entries) {
			t.Errorf("%s: %d entries %q, want %d", c.name, len(got), got, len(c.entries))
		}
		if len(res.ActionItems) != len(c.items) {
			t.Errorf("%s: items %+v, want %d", c.name, res.ActionItems, len(c.items))
			continue
		}
		for i, w := range c.items {
			a := res.ActionItems[i]
			if a.Title != w.title || a.Owner != w.owner || a.Due != w.due || a.State != incident.ItemState(w.state) || a.Description != w.desc {
				t.Errorf("%s: item %d %+v, want %+v", c.name, i+1, a, w)
			}
		}
	}
}

// A relative time without a start is reported, not dropped.
func TestRelativeWithoutStart(t *testing.T) {
	res := ParseText("# DNS failures\n\n| T+ | What |\n|---|---|\n| T+0m | Resolvers removed |\n\n- T+15m Alert fires\n", Options{Zone: time.UTC})
	if len(res.Entries) != 0 || len(res.Problems) != 2 {
		t.Fatalf("entries %+v, problems %+v", res.Entries, res.Problems)
	}
	for _, pr := range res.Problems {
		if !strings.Contains(pr.Reason, "gives no start") {
			t.Errorf("problem %+v", pr)
		}
	}
}

// A timeline line "Action item: X" for an item X the document lists is the
// event X was captured with: linked both ways, as scribe records them, so
// that the two are kept (or undone) together; an item no line names, and a
// line no item matches, stay as they are.
func TestItemEventsLinked(t *testing.T) {
	doc := "# Checkout errors\n\n## Timeline\n\n- 2026-11-20 10:05 deploy started\n- 2026-11-20 10:07 Action item: Add a canary\n- 2026-11-20 10:09 Action item: Something dropped later\n\n## Action items\n\n- Add a canary (owner: ana)\n- Page on 5xx\n"
	snap := ParseText(doc, Options{Zone: time.UTC}).Snapshot(1, "me", "", "UTC")
	if len(snap.ActionItems) != 2 || len(snap.Events) != 3 {
		t.Fatalf("%d items, %d events", len(snap.ActionItems), len(snap.Events))
	}
	a, e := snap.ActionItems[0], snap.Events[1]
	if e.Kind != incident.KindActionItem || e.ActionItemID == 0 || e.ActionItemID != a.ID || a.EventID != e.ID || e.ID == 0 {
		t.Errorf("event %+v and item %+v are not linked", e, a)
	}
	if other := snap.Events[2]; other.Kind != incident.KindNote || other.ActionItemID != 0 {
		t.Errorf("a line no item matches: %+v", other)
	}
	if b := snap.ActionItems[1]; b.EventID != 0 {
		t.Errorf("an item no line names: %+v", b)
	}
	if err := snap.Events[1].Validate(); err != nil {
		t.Errorf("the linked event: %v", err)
	}
}

// A page's header (a byline with its reading time, fields in a row) is not
// the summary; a heading that repeats the front matter's title names no
// section; a time on a line that goes on with the sentence above is that
// sentence's, not a field's.
func TestPageHeaderNotSummary(t *testing.T) {
	for _, c := range []struct{ name, doc, summary, entry string }{
		{"confluence byline", "# 2025-03-04 Indexing stalled\n\nCreated by Priya Raman, last updated on Mar 6, 2025 · 4 min read\n\n## Summary\n\nListings were missing.\n", "Listings were missing.", ""},
		{"jira fields", "[INC-1] Stale prices\nCreated: 11/Feb/25 10:02 AM   Updated: 14/Feb/25 4:30 PM   Resolved: 11/Feb/25 12:10 PM\n\nh2. Summary\nPrices were stale.\n", "Prices were stale.", ""},
		{"a zone statement", "Postmortem: Emails delayed\n==========================\n\nAuthors: Lukas Meier\nAll times are CEST.\n\nSummary\n-------\nEmails were delayed.\n", "Emails were delayed.", ""},
		{"an HTML header", "# Image uploads failing on 2025-10-07\n\n<p><strong>Severity:</strong> SEV2&nbsp;&nbsp;|&nbsp;&nbsp;<strong>IC:</strong> Laura Becker</p>\n\n## Summary\n\nUploads failed.\n", "Uploads failed.", ""},
		{"fields in a row", "# Ledger outage\n\n**Status:** Complete · **Owner:** Finance Platform · **Severity:** SEV-1\n\n## Summary\n\nThe job failed.\n", "The job failed.", ""},
		{"front matter title again", "---\ntitle: \"What happened to pushes on January 28\"\ndate: 2025-01-30\n---\n\n# What happened to pushes on January 28\n\n## Background\n\nThe renewal job ran at 14:05 UTC and swapped the\ncertificate. We rolled back at 15:26 UTC. The\nlast notification went out at 15:49 UTC.\n", "",
			"2025-01-28T15:49Z The last notification went out"},
	} {
		res := ParseText(c.doc, Options{Zone: time.UTC, Reference: evalReference})
		if res.Narrative.Summary != c.summary {
			t.Errorf("%s: summary %q, want %q", c.name, res.Narrative.Summary, c.summary)
		}
		if c.entry == "" {
			continue
		}
		hit := false
		for _, e := range res.Entries {
			hit = hit || strings.HasPrefix(e.At.Format("2006-01-02T15:04Z")+" "+e.Text, c.entry)
		}
		if !hit {
			t.Errorf("%s: no entry %q in %+v", c.name, c.entry, res.Entries)
		}
	}
}

// Google Docs' Markdown export escapes punctuation: the text has none of
// its backslashes.
func TestEscapedPunctuation(t *testing.T) {
	res := ParseText("**Postmortem: Login failures \\- Monday, January 13, 2025**\n\n**Timeline (all times UTC)**\n\n* 1:40 PM \\- Key rotation runs \\(scheduled\\)\n* 1:47 PM \\- Errors rise to 31\\%\n", Options{Zone: time.UTC, Reference: evalReference})
	if res.Title != "Postmortem: Login failures - Monday, January 13, 2025" {
		t.Errorf("title %q", res.Title)
	}
	if len(res.Entries) != 2 || res.Entries[0].Text != "Key rotation runs (scheduled)" || res.Entries[1].Text != "Errors rise to 31%" ||
		res.Entries[0].At != time.Date(2025, 1, 13, 13, 40, 0, 0, time.UTC) {
		t.Errorf("entries %+v", res.Entries)
	}
}

// A hosted status page names the incident below its own name, and lists
// what it affected in its header ("Resolved · Minor · Affected: …"); a
// Jira issue lists its "Component/s"; "Affected:" with a count names none.
func TestStatusPageHeader(t *testing.T) {
	for _, c := range []struct {
		doc, title string
		services   []string
	}{
		{"Lumen Status\nDelayed email\n\nResolved · Minor · Affected: Email notifications, Webhooks\n\nResolved\nMar 15, 2025 at 10:42am GMT\nAll mail delivered.\n", "Delayed email", []string{"Email notifications", "Webhooks"}},
		{"# Checkout slow\n\nAffected: Checkout API, Merchant dashboard\n", "Checkout slow", []string{"Checkout API", "Merchant dashboard"}},
		{"[INC-4471] Stale prices\nComponent/s: edge-cache, pricing-api\n", "[INC-4471] Stale prices", []string{"edge-cache", "pricing-api"}},
		{"# Checkout slow\n\nAffected: 12% of requests.\n", "Checkout slow", nil},
		{"# DB maintenance\n\nThis scheduled maintenance affected: Managed Databases (eu-central).\n", "DB maintenance", []string{"Managed Databases (eu-central)"}},
	} {
		res := ParseText(c.doc, Options{Zone: time.UTC, Reference: evalReference})
		if res.Title != c.title || strings.Join(res.Services, "|") != strings.Join(c.services, "|") {
			t.Errorf("%q: title %q services %q; want %q %q", c.doc, res.Title, res.Services, c.title, c.services)
		}
	}
}

// A title that names a year without a date gives the year to entries
// written without one, and the note says so; a ticket's number or a port
// in the title is no year.
func TestYearFromTitleAlone(t *testing.T) {
	for _, c := range []struct{ title, want string }{
		{"# 2023 holiday traffic outage", "2023-12-24T14:05Z"},
		{"# Black Friday 2024: checkout errors", "2024-12-24T14:05Z"},
		{"# INC-2024: checkout errors", "2031-12-24T14:05Z"},
		{"# NFS port 2049 timeouts", "2031-12-24T14:05Z"},
	} {
		res := ParseText(c.title+"\n\n## Timeline (UTC)\n\n- Dec 24 14:05 checkout queue backs up\n", Options{Zone: time.UTC, Reference: time.Date(2031, 1, 15, 12, 0, 0, 0, time.UTC)})
		if len(res.Entries) != 1 || res.Entries[0].At.Format("2006-01-02T15:04Z") != c.want {
			t.Errorf("%s: entries %+v, want one at %s", c.title, res.Entries, c.want)
			continue
		}
		if c.want[:4] != "2031" && !strings.Contains(strings.Join(res.Notes, "\n"), "the year in the title") {
			t.Errorf("%s: notes %q", c.title, res.Notes)
		}
	}
}

// A weekday a little before a date in the same sentence dates it:
// "Tuesday night's search outage (July 22)" is in a year when July 22 was
// a Tuesday.
func TestWeekdayNearDate(t *testing.T) {
	res := ParseText("Subject: Search outage\n\nA write-up of Tuesday night's search outage (July 22).\n\nAt 11:40pm UTC a reindex started.\n", Options{Zone: time.UTC, Reference: time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)})
	if len(res.Entries) != 1 || res.Entries[0].At != time.Date(2025, 7, 22, 23, 40, 0, 0, time.UTC) {
		t.Errorf("entries %+v, want one at 2025-07-22 23:40", res.Entries)
	}
	if !strings.Contains(strings.Join(res.Notes, "\n"), "falls on a Tuesday") {
		t.Errorf("notes %q", res.Notes)
	}
}
