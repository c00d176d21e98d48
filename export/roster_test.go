package export

import (
	"testing"
	"time"

	"scribe/incident"
)

// secondRoster is another incident whose responders' names are words
// (Hope, Chase, Bell, Summer, Drew, Fox, Frank, Long, Joy, Dawn, Price), to
// check that the rewrite generalises beyond the corpus's roster.
func secondRoster() incident.Snapshot {
	c := func(s string) time.Time { return at("UTC", "2025-06-03 "+s) }
	return incident.Snapshot{
		Incident: incident.Incident{ID: 9, Title: "t", Severity: 2, State: incident.Resolved, Timezone: "UTC"},
		Roles: []incident.RoleAssignment{
			{Role: incident.RoleCommander, Person: "Hope Alvarez", From: c("09:00")},
			{Role: incident.RoleOps, Person: "Chase Bell", From: c("09:02")},
			{Role: incident.RoleComms, Person: "Summer Nakamura", From: c("09:03")},
			{Role: incident.RoleScribe, Person: "Drew Fox", From: c("09:04")},
			{Role: incident.RoleLiaison, Person: "Frank Long", From: c("09:05")},
		},
		Events: []incident.Event{
			{ID: 1, OccurredAt: c("09:10"), Kind: incident.KindNote, Text: "x", Author: "Joy Hunter"},
			{ID: 2, OccurredAt: c("09:10"), Kind: incident.KindNote, Text: "x", Author: "Dawn Price"},
			{ID: 3, OccurredAt: c("09:10"), Kind: incident.KindNote, Text: "x", Author: "Ngozi Okafor"},
			{ID: 4, OccurredAt: c("09:10"), Kind: incident.KindNote, Text: "x", Author: "Łukasz Wójcik"},
		},
		ActionItems: []incident.ActionItem{{ID: 1, Title: "x", Owner: "@cbell"}, {ID: 2, Title: "y", Owner: "hopealvarez"}},
	}
}

func TestRewriteGeneralisesToAnotherRoster(t *testing.T) {
	p := newPeople(secondRoster())
	for _, tc := range []struct{ in, want string }{
		{"Hope restarted the database", "The incident commander restarted the database"},
		{"We hope the patch holds overnight", "We hope the patch holds overnight"},
		{"Hope this is the last page tonight", "Hope this is the last page tonight"},
		{"Chase the vendor for a root cause", "Chase the vendor for a root cause"},
		{"Chase escalated to the vendor", "The ops lead escalated to the vendor"},
		{"Asked Chase to roll back", "Asked the ops lead to roll back"},
		{"Bell rang the vendor's support line", "The ops lead rang the vendor's support line"},
		{"the alert bell rang twice", "the alert bell rang twice"},
		{"Summer traffic peaks at noon", "Summer traffic peaks at noon"},
		{"Summer posted the status update", "The comms lead posted the status update"},
		{"In summer we scale up", "In summer we scale up"},
		{"Drew a diagram of the failover", "Drew a diagram of the failover"},
		{"Drew paged the network team", "The scribe paged the network team"},
		{"Fox confirmed the rollback", "The scribe confirmed the rollback"},
		{"The fox ate the cable", "The fox ate the cable"},
		{"Frank discussion in the retro helped", "Frank discussion in the retro helped"},
		{"Frank and Summer drafted the update", "The liaison and the comms lead drafted the update"},
		{"Long queues built up on the broker", "Long queues built up on the broker"},
		{"Long restarted the broker", "The liaison restarted the broker"},
		{"It took a long time; Long stayed on", "It took a long time; the liaison stayed on"},
		{"Joy noticed the spike", "A responder noticed the spike"},
		{"To our joy the cache warmed up fast", "To our joy the cache warmed up fast"},
		{"Dawn Price wrote the runbook", "A responder wrote the runbook"},
		{"At dawn the batch job kicked in", "At dawn the batch job kicked in"},
		{"Price confirmed the billing numbers", "A responder confirmed the billing numbers"},
		{"The price of the instance doubled", "The price of the instance doubled"},
		{"@cbell rolled back the release", "The ops lead rolled back the release"},
		{"cbell rolled back the release", "The ops lead rolled back the release"},
		{"@hopealvarez approved", "The incident commander approved"},
		{"hopealvarez approved", "The incident commander approved"},
		{"alvarez approved the change", "The incident commander approved the change"},
		{"nakamura posted the update", "The comms lead posted the update"},
		{"okafor found the leak", "A responder found the leak"},
		{"Ngozi's fix landed", "A responder's fix landed"},
		{"Łukasz restarted the pods", "A responder restarted the pods"},
		{"lukasz wojcik restarted the pods", "A responder restarted the pods"},
		{"Wójcik restarted the pods", "A responder restarted the pods"},
		{"On-call engineer Drew Fox paged the DB team", "The on-call engineer paged the DB team"},
		{"Our SRE, Chase Bell, rolled back", "Our SRE rolled back"},
		{"Hope, Chase and Summer joined", "The incident commander, the ops lead and the comms lead joined"},
		{"Joy and Dawn joined", "Two responders joined"},
		{"Chase AWS support for a quota bump", "Chase AWS support for a quota bump"},
		{"Summer Sale Service returned errors", "Summer Sale Service returned errors"},
		{"Hope Alvarez's decision was right", "The incident commander's decision was right"},
		{"Ngozi Okafor (DBA) fixed it", "A responder (DBA) fixed it"},
		{"It was Chase's mistake", "It was the ops lead's mistake"},
		{"The SRE failed to notice the disk alert", "The SRE failed to notice the disk alert"},
		{"Frank should have caught this in review", "The liaison should have caught this in review"},
		{"the replica should have a larger disk", "the replica should have a larger disk"},
		{"We injected a fault in staging to test it", "We injected a fault in staging to test it"},
		{"Ignored the page for twenty minutes", "Ignored the page for twenty minutes"},
		{"Drew ignored the alert because it looked like noise", "The scribe ignored the alert because it looked like noise"},
	} {
		if got := p.rewrite(tc.in, time.Time{}); got != tc.want {
			t.Errorf("rewrite(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}
