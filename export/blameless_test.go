package export

import (
	"testing"
	"time"

	"scribe/incident"
)

// handOff has Ana as commander until 10:00, then Bo; Cy is ops lead from
// 09:30; Dee only wrote events; "Alex Kim" and "Alex Roy" share a first name.
func handOff() incident.Snapshot {
	c := func(s string) time.Time { return at("UTC", "2025-05-01 "+s) }
	return incident.Snapshot{
		Incident: incident.Incident{ID: 5, Title: "t", Severity: 3, State: incident.Investigating, Timezone: "UTC"},
		Roles: []incident.RoleAssignment{
			{Role: incident.RoleCommander, Person: "Ana Lima", From: c("09:00"), Until: c("10:00")},
			{Role: incident.RoleCommander, Person: "Bo Chen", From: c("10:00")},
			{Role: incident.RoleOps, Person: "Cy Ortiz", From: c("09:30")},
			{Role: incident.RoleComms, Person: "Alex Kim", From: c("09:00")},
			{Role: incident.RoleComms, Person: "Will Stone", From: c("11:00")},
		},
		Events: []incident.Event{
			{ID: 1, IncidentID: 5, OccurredAt: c("09:00"), Kind: incident.KindNote, Text: "x", Author: "dee"},
			{ID: 2, IncidentID: 5, OccurredAt: c("09:05"), Kind: incident.KindNote, Text: "x", Author: "ana"},
		},
		ActionItems: []incident.ActionItem{{ID: 1, Title: "t", Owner: "Alex Roy"}, {ID: 2, Title: "u", Owner: "@zed"}, {ID: 3, Title: "v", Owner: "root"}},
	}
}

func TestRewriteUsesTheRoleHeldAtTheTime(t *testing.T) {
	p := newPeople(handOff())
	c := func(s string) time.Time { return at("UTC", "2025-05-01 "+s) }
	cases := []struct {
		text string
		at   time.Time
		want string
	}{
		{"Ana Lima paged the DB team", c("09:10"), "The incident commander paged the DB team"},
		{"paged by ana", c("09:10"), "paged by the incident commander"},
		{"ANA restarted it", c("09:10"), "The incident commander restarted it"},
		{"Ana restarted it", c("10:30"), "The former incident commander restarted it"},
		{"Bo took over from Ana", c("10:00"), "The incident commander took over from the former incident commander"},
		{"Bo joined", c("09:10"), "A responder joined"},
		{"Cy's rollback worked", c("09:45"), "The ops lead's rollback worked"},
		{"asked @cy to check", c("09:45"), "asked the ops lead to check"},
		{"dee noticed the alert", c("09:00"), "A responder noticed the alert"},
		{"@zed owns it", c("09:00"), "A responder owns it"},
		{"zed owns it", c("09:00"), "A responder owns it"},
		// Word boundaries: no match inside other words or addresses.
		{"Anastasia and the banana token", c("09:10"), "Anastasia and the banana token"},
		{"mail ana@example.com", c("09:10"), "mail ana@example.com"},
		{"see ana.lima in the logs", c("09:10"), "see ana.lima in the logs"},
		// A first name shared by two people names neither; full names still match.
		{"Alex said so", c("09:10"), "Alex said so"},
		{"Alex Kim said so", c("09:10"), "The comms lead said so"},
		{"Alex Roy said so", c("09:10"), "A responder said so"},
		// A first name that is also a word only matches capitalised.
		{"we will roll back; Will agrees", c("11:30"), "we will roll back; the comms lead agrees"},
		{"Will Stone agrees", c("11:30"), "The comms lead agrees"},
		// A login that is also a word is only recognised as @login.
		{"Root cause: disk full; @root paged", c("09:10"), "Root cause: disk full; a responder paged"},
		// A surname alone, only capitalised: it may also be a word.
		{"Ortiz rolled back; ortiz-lab untouched", c("09:45"), "The ops lead rolled back; ortiz-lab untouched"},
		{"Stone agrees to move the stone", c("11:30"), "The comms lead agrees to move the stone"},
		// Sentence starts are capitalised, the middle is not.
		{"ok. ana: go", c("09:10"), "ok. The incident commander: go"},
	}
	for _, tc := range cases {
		if got := p.rewrite(tc.text, tc.at); got != tc.want {
			t.Errorf("rewrite(%q, %s)\n got %q\nwant %q", tc.text, tc.at.Format("15:04"), got, tc.want)
		}
	}
}

func TestRewriteNarrativeUsesMostSeniorRoleWithOrdinal(t *testing.T) {
	p := newPeople(handOff())
	cases := map[string]string{
		"Ana paged Cy":       "The first incident commander paged the ops lead",
		"Bo Chen fixed it":   "The second incident commander fixed it",
		"Dee wrote it down":  "A responder wrote it down",
		"Nobody named here.": "Nobody named here.",
	}
	for in, want := range cases {
		if got := p.rewrite(in, time.Time{}); got != want {
			t.Errorf("rewrite(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPeopleMergesALoginIntoTheFullName(t *testing.T) {
	p := newPeople(handOff())
	// "ana" (an author) and "Ana Lima" (a role holder) are one person.
	ms := p.find("ana and Ana Lima")
	if len(ms) != 2 || ms[0].person != ms[1].person {
		t.Fatalf("mentions = %+v, want two mentions of one person", ms)
	}
	if got := p.names[ms[0].person]; len(got) != 2 || got[0] != "Ana Lima" || got[1] != "ana" {
		t.Errorf("names = %q, want [Ana Lima ana]", got)
	}
}
