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
		ActionItems: []incident.ActionItem{{ID: 1, Title: "t", Owner: "Alex Roy"}, {ID: 2, Title: "u", Owner: "@zed"}, {ID: 3, Title: "v", Owner: "root"},
			{ID: 4, Title: "w", Owner: "deploy-bot"}},
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
		// Word boundaries: no match inside other words; an address is replaced whole.
		{"Anastasia and the banana token", c("09:10"), "Anastasia and the banana token"},
		{"mail ana@example.com", c("09:10"), "mail the incident commander's address"},
		{"see ana.lima in the logs", c("09:10"), "see the incident commander in the logs"},
		{"ana.example.com is up", c("09:10"), "ana.example.com is up"},
		// A first name shared by two people is one of them: a responder; full names still match.
		{"Alex said so", c("09:10"), "A responder said so"},
		{"Alex Kim said so", c("09:10"), "The comms lead said so"},
		{"Alex Roy said so", c("09:10"), "A responder said so"},
		// A first name that is also a word only matches capitalised.
		{"we will roll back; Will agrees", c("11:30"), "we will roll back; the comms lead agrees"},
		{"Will Stone agrees", c("11:30"), "The comms lead agrees"},
		// A bot's login is only recognised as @login, like root's.
		{"deploy-bot ran; @deploy-bot paged", c("09:10"), "deploy-bot ran; a responder paged"},
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

// reviewed is the reviewer's reproduction: Maria commands until 10:00, then
// Sam; "@priya" is comms lead; Mark Young, Rose Diaz, June Park, Grace
// Bell, Bill Ray and Tomás Núñez only wrote events.
func reviewed() incident.Snapshot {
	c := func(s string) time.Time { return at("UTC", "2025-05-01 "+s) }
	return incident.Snapshot{
		Incident: incident.Incident{ID: 7, Title: "t", Severity: 2, State: incident.Resolved, Timezone: "UTC"},
		Roles: []incident.RoleAssignment{
			{Role: incident.RoleCommander, Person: "Maria Lopez", From: c("09:00"), Until: c("10:00")},
			{Role: incident.RoleCommander, Person: "Sam Patel", From: c("10:00")},
			{Role: incident.RoleComms, Person: "@priya", From: c("09:00")},
		},
		Events: []incident.Event{
			{ID: 1, IncidentID: 7, OccurredAt: c("09:00"), Kind: incident.KindNote, Text: "x", Author: "Mark Young"},
			{ID: 2, IncidentID: 7, OccurredAt: c("09:01"), Kind: incident.KindNote, Text: "x", Author: "Rose Diaz"},
			{ID: 3, IncidentID: 7, OccurredAt: c("09:02"), Kind: incident.KindNote, Text: "x", Author: "ops"},
			{ID: 4, IncidentID: 7, OccurredAt: c("09:03"), Kind: incident.KindNote, Text: "x", Author: "June Park"},
			{ID: 5, IncidentID: 7, OccurredAt: c("09:04"), Kind: incident.KindNote, Text: "x", Author: "Grace Bell"},
			{ID: 6, IncidentID: 7, OccurredAt: c("09:05"), Kind: incident.KindNote, Text: "x", Author: "Bill Ray"},
			{ID: 7, IncidentID: 7, OccurredAt: c("09:06"), Kind: incident.KindNote, Text: "x", Author: "Tomás Núñez"},
		},
	}
}

func TestRewriteClosesNameLeaks(t *testing.T) {
	p := newPeople(reviewed())
	c := func(s string) time.Time { return at("UTC", "2025-05-01 "+s) }
	cases := []struct {
		name, text string
		at         time.Time
		want       string
	}{
		// A known first name (or a login that is one) and a surname the
		// incident does not know are one person.
		{"login+surname", "Status page updated by Priya Shah", c("09:30"), "Status page updated by the comms lead"},
		{"first+surname", "Maria Gonzalez-Lopez paged", c("09:30"), "The incident commander paged"},
		{"first+middle+surname", "Maria J. Lopez paged", c("09:30"), "The incident commander paged"},
		{"first+unknown surname possessive", "Priya Shah's update went out", c("09:30"), "The comms lead's update went out"},
		{"first then sentence", "ask Priya. Then wait", c("09:30"), "ask the comms lead. Then wait"},
		{"first then function word", "paged Priya The DB team too", c("09:30"), "paged the comms lead The DB team too"},
		{"shouted", "PRIYA SHAH PAGED", c("09:30"), "The comms lead PAGED"},
		{"first then acronym", "Priya DB access granted", c("09:30"), "The comms lead DB access granted"},
		// Addresses whose local part names someone.
		{"email first.last", "mail maria.lopez@example.com now", c("09:30"), "mail the incident commander's address now"},
		{"email flast", "from mlopez@example.com", c("10:30"), "from the former incident commander's address"},
		{"email first", "cc sam@example.com", c("10:30"), "cc the incident commander's address"},
		{"email last+digits", "cc patel42@corp.example.org", c("10:30"), "cc the incident commander's address"},
		{"email login", "priya@example.com posted", c("09:30"), "The comms lead's address posted"},
		{"email first-last", "maria-lopez@example.com", c("09:30"), "The incident commander's address"},
		{"email responder", "wrote to mark.young@example.com", c("09:30"), "wrote to a responder's address"},
		{"email machine", "alerts from ops@example.com and noreply@example.com", c("09:30"), "alerts from ops@example.com and noreply@example.com"},
		{"email unknown", "mail jane.doe@example.com", c("09:30"), "mail jane.doe@example.com"},
		{"login not email", "asked @priya", c("09:30"), "asked the comms lead"},
		// Initials and titles go with the name.
		{"initial dot surname", "M. Lopez agreed", c("10:30"), "The former incident commander agreed"},
		{"initial surname", "then M Lopez agreed", c("10:30"), "then the former incident commander agreed"},
		{"title surname", "mail sent; Dr. Patel agreed", c("10:30"), "mail sent; the incident commander agreed"},
		{"title no dot", "thanks Ms Lopez", c("10:30"), "thanks to the former incident commander"},
		{"title full name", "Mr. Sam Patel rolled back", c("10:30"), "The incident commander rolled back"},
		{"title initial surname", "Prof. M. Lopez said", c("10:30"), "The former incident commander said"},
		{"reviewer", "mail maria.lopez@example.com; M. Lopez agreed; Dr. Patel", c("10:30"),
			"mail the former incident commander's address; the former incident commander agreed; the incident commander"},
		// No capital after an abbreviation that does not end a sentence.
		{"after e.g.", "someone senior, e.g. Sam, approves", c("10:30"), "someone senior, e.g. the incident commander, approves"},
		{"after vs.", "Sam vs. Maria", c("10:30"), "The incident commander vs. the former incident commander"},
		{"after a letter", "Plan B. Sam agreed", c("10:30"), "Plan B. The incident commander agreed"},
		{"after sentence", "It held. Sam agreed", c("10:30"), "It held. The incident commander agreed"},
		// First names that are words.
		{"verb at start", "Mark the pods as drained", c("09:30"), "Mark the pods as drained"},
		{"verb at start of item", "- Mark the node unschedulable", c("09:30"), "- Mark the node unschedulable"},
		{"verb after sentence", "Done. Mark this one resolved", c("09:30"), "Done. Mark this one resolved"},
		{"name at start with verb", "Mark restarted the pods", c("09:30"), "A responder restarted the pods"},
		{"name at start with s-verb", "Mark says the pods drained", c("09:30"), "A responder says the pods drained"},
		{"name at start then and", "Mark and Priya drained it", c("09:30"), "A responder and the comms lead drained it"},
		{"name at start addressed", "Mark: drain the pods", c("09:30"), "A responder: drain the pods"},
		{"name mid-sentence", "asked Mark to drain", c("09:30"), "asked a responder to drain"},
		{"name with surname", "Mark Young drained it", c("09:30"), "A responder drained it"},
		{"name with unknown surname", "Rose Smith drained it", c("09:30"), "A responder drained it"},
		{"word rose", "Latency rose sharply; Rose looked", c("09:30"), "Latency rose sharply; a responder looked"},
		{"rose at start", "Rose sharply after the deploy", c("09:30"), "Rose sharply after the deploy"},
		{"month with day", "since June 3, asked June to check", c("09:30"), "since June 3, asked a responder to check"},
		{"month after in", "shipped in June; June agreed", c("09:30"), "shipped in June; a responder agreed"},
		// Markers start a line, not a sentence inside one.
		{"list item", "- Sam agreed", c("10:30"), "- The incident commander agreed"},
		{"quote", "> Sam agreed", c("10:30"), "> The incident commander agreed"},
		{"bold at start", "**Sam** agreed", c("10:30"), "**The incident commander** agreed"},
		{"bold inside", "asked **Sam** to agree", c("10:30"), "asked **the incident commander** to agree"},
		{"dash inside", "rolled back - Sam agreed", c("10:30"), "rolled back - the incident commander agreed"},
		{"second line item", "ok\n * Sam agreed", c("10:30"), "ok\n * The incident commander agreed"},
		// Days and months() after a name are not its surname.
		{"name then day", "ask Sam Monday", c("10:30"), "ask the incident commander Monday"},
		{"plural after verb", "Mark pods unschedulable first", c("09:30"), "Mark pods unschedulable first"},
		{"after an article", "The Grace Period for the Park Avenue office; we paid the Bill", c("09:30"),
			"The Grace Period for the Park Avenue office; we paid the Bill"},
		{"double-barrelled", "Escalated to Maria Lopez-Garcia via PagerDuty", c("09:30"), "Escalated to the incident commander via PagerDuty"},
		{"double-barrelled surname", "Lopez-Garcia agreed", c("09:30"), "The incident commander agreed"},
		// User names that spell a name.
		{"handle first.last", "user maria_lopez logged in", c("09:30"), "user the incident commander logged in"},
		{"handle initial", "see m.lopez in the audit log", c("09:30"), "see the incident commander in the audit log"},
		{"handle login.surname", "priya.shah pushed", c("09:30"), "The comms lead pushed"},
		{"handle first-last", "maria-lopez pushed", c("09:30"), "The incident commander pushed"},
		{"not a handle", "sam.example.com and the search-api; Maria-led review", c("10:30"),
			"sam.example.com and the search-api; the former incident commander-led review"},
		{"accented address", "from tomas.nunez@example.com", c("09:30"), "from a responder's address"},
		{"handle with letter", "The patch from priya_s landed", c("09:30"), "The patch from the comms lead landed"},
		{"handle with prefix", "ops_priya on call", c("09:30"), "The comms lead on call"},
		{"two names joined", "Sam/Maria agreed", c("10:30"), "The incident commander/the former incident commander agreed"},
		{"path", "see wiki/Maria for it", c("10:30"), "see wiki/Maria for it"},
		{"word-name before a number", "Rose 20% at 10:02. Mark 3 pods as drained", c("09:30"), "Rose 20% at 10:02. Mark 3 pods as drained"},
		// A surname that is also a verb, starting a sentence.
		{"surname as imperative", "Park the deploy until Monday", c("09:30"), "Park the deploy until Monday"},
		{"surname as subject", "Park restarted the deploy", c("09:30"), "A responder restarted the deploy"},
		// Possessives.
		{"possessive first", "Maria's runbook", c("09:30"), "The incident commander's runbook"},
		{"possessive surname", "per Patel's note", c("10:30"), "per the incident commander's note"},
		// A first name with a known surname is one name in any case and spacing.
		{"lower-case full name", "maria lopez restarted it", c("09:30"), "The incident commander restarted it"},
		{"full name two spaces", "maria  lopez restarted it", c("09:30"), "The incident commander restarted it"},
		{"full name tab", "paged sam\tpatel", c("10:30"), "paged the incident commander"},
		{"full name mixed case", "maria LOPEZ paged", c("09:30"), "The incident commander paged"},
		{"surname first", "lopez maria paged", c("09:30"), "The incident commander paged"},
		{"surname comma first", "paged patel, sam", c("10:30"), "paged the incident commander"},
		{"lower-case middle initial", "maria j lopez paged", c("09:30"), "The incident commander paged"},
		{"first then other word", "maria is lopez-free", c("09:30"), "The incident commander is lopez-free"},
		// Accented names typed without their accents.
		{"unaccented full name", "tomas nunez said", c("09:30"), "A responder said"},
		{"unaccented capitalised", "asked Tomas Nunez", c("09:30"), "asked a responder"},
		{"unaccented surname", "per Nunez", c("09:30"), "per a responder"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := p.rewrite(tc.text, tc.at); got != tc.want {
				t.Errorf("rewrite(%q, %s)\n got %q\nwant %q", tc.text, tc.at.Format("15:04"), got, tc.want)
			}
		})
	}
}

// logins has "@jdoe" as commander and Kim Bauer as ops lead.
func logins() incident.Snapshot {
	c := func(s string) time.Time { return at("UTC", "2025-05-01 "+s) }
	return incident.Snapshot{
		Incident: incident.Incident{ID: 8, Title: "t", Severity: 2, State: incident.Resolved, Timezone: "UTC"},
		Roles: []incident.RoleAssignment{
			{Role: incident.RoleCommander, Person: "@jdoe", From: c("09:00")},
			{Role: incident.RoleOps, Person: "Kim Bauer", From: c("09:00")},
		},
		Events: []incident.Event{{ID: 1, IncidentID: 8, OccurredAt: c("09:00"), Kind: incident.KindNote, Text: "x", Author: "jdoe"}},
	}
}

func TestRewriteFindsLoginVariants(t *testing.T) {
	p := newPeople(logins())
	c := at("UTC", "2025-05-01 09:30")
	cases := map[string]string{
		"j.doe restarted it":  "The incident commander restarted it",
		"pushed by j_doe":     "pushed by the incident commander",
		"doe.j approved":      "The incident commander approved",
		"jdoe approved":       "The incident commander approved",
		"asked @jdoe.":        "asked the incident commander.",
		"see J.Doe":           "see the incident commander",
		"k.bauer and bauer_k": "The ops lead",
		"cc @kbauer":          "cc the ops lead",
		"cc @bauer":           "cc the ops lead",
		"kim_b pushed":        "The ops lead pushed",
		// An initial and a surname run together where no English word
		// starts so ("kb") is their login; see TestBareLoginsAreNotWords.
		"kbauer pushed the fix":     "The ops lead pushed the fix",
		"Kbauer is capitalised":     "Kbauer is capitalised",
		"e.g. at 3 p.m. i.e. a.k.a": "e.g. at 3 p.m. i.e. a.k.a",
		"jdoe.example.com is up":    "jdoe.example.com is up",
		"j.doe.example.com is up":   "j.doe.example.com is up",
		"j.doe_x and j.does":        "j.doe_x and j.does",
		"@channel ping":             "@channel ping",
	}
	for in, want := range cases {
		if got := p.rewrite(in, c); got != want {
			t.Errorf("rewrite(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}

// TestBareLoginsAreNotWords: a login written without @ that runs an
// initial and a surname together is the person only where it cannot be an
// English word ("spark" for Sam Park, "trust" for Tom Rust); first name and
// surname run together are the person unless both are words.
func TestBareLoginsAreNotWords(t *testing.T) {
	c := at("UTC", "2025-05-01 09:30")
	snap := incident.Snapshot{
		Incident: incident.Incident{ID: 8, Title: "t", Severity: 2, State: incident.Resolved, Timezone: "UTC"},
		Roles: []incident.RoleAssignment{
			{Role: incident.RoleCommander, Person: "Sam Park", From: c},
			{Role: incident.RoleOps, Person: "Tom Rust", From: c},
			{Role: incident.RoleComms, Person: "Miles Turner", From: c},
			{Role: incident.RoleScribe, Person: "Will Power", From: c},
		},
	}
	p := newPeople(snap)
	cases := map[string]string{
		"a spark in the rack":         "a spark in the rack",
		"we trust the replica":        "we trust the replica",
		"mturner committed the notes": "The comms lead committed the notes",
		"milesturner committed it":    "milesturner committed it",
		"sampark merged it":           "sampark merged it", // both halves are words: kept
		"willpower ran out":           "willpower ran out",
		"wpower merged it":            "The scribe merged it",
		"see mturner.example.com":     "see mturner.example.com",
		"the mturnerx host rebooted":  "the mturnerx host rebooted",
		"trusty old runbook":          "trusty old runbook",
	}
	for in, want := range cases {
		if got := p.rewrite(in, c); got != want {
			t.Errorf("rewrite(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}

func TestRewriteLearnsSurnamesFromTheIncidentsText(t *testing.T) {
	// reviewedEverywhere writes "Priya Shah" for the login @priya.
	snap := reviewedEverywhere()
	snap.Events = append(snap.Events, incident.Event{ID: 20, IncidentID: 7, OccurredAt: at("UTC", "2025-05-01 09:20"),
		Kind: incident.KindNote, Text: "paged Priya The DB team", Author: "sam"})
	p := newPeople(snap)
	c := at("UTC", "2025-05-01 09:30")
	cases := map[string]string{
		"priya shah posted it":  "The comms lead posted it",
		"asked priya  SHAH":     "asked the comms lead",
		"shah, priya posted it": "The comms lead posted it",
		"shah priya posted it":  "The comms lead posted it",
		"priya shahs posted":    "The comms lead shahs posted",
		"priya then posted":     "The comms lead then posted",
		"priya the db team":     "The comms lead the db team",
	}
	for in, want := range cases {
		if got := p.rewrite(in, c); got != want {
			t.Errorf("rewrite(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}

// TestEponymsAndPlaces: a surname in a law's or a method's name, or after
// another responder's name in a place's, is kept and reported as a possible
// name, whatever the apostrophe.
func TestEponymsAndPlaces(t *testing.T) {
	p := newPeople(castIncident([][2]string{{"commander", "Gene Little"}, {"ops", "Ann Fisher"}, {"comms", "Hunter Green"},
		{"scribe", "Frank Park"}}, nil, nil))
	for in, want := range map[string]string{
		"By Little's law the queue holds 400 requests":    "By Little's law the queue holds 400 requests",
		"By Little’s law the queue holds 400 requests":    "By Little’s law the queue holds 400 requests",
		"Fisher's exact test showed the canary was worse": "Fisher's exact test showed the canary was worse",
		"Green Park station wifi blocked our VPN":         "Green Park station wifi blocked our VPN",
		"Little's patch fixed it":                         "The incident commander's patch fixed it",
		"Asked Park to check the station wifi":            "Asked the scribe to check the station wifi",
	} {
		if got := p.rewrite(in, time.Time{}); got != want {
			t.Errorf("rewrite(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}
