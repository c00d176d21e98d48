package export

import (
	"testing"
	"time"

	"scribe/incident"
)

// heldoutIncident is the incident of testdata/corpus/heldout-names.txt and
// heldout-blame.txt: a cast whose names are common words (Bill, Rose, Mark,
// Joy, Pat, Dawn, Long, Hall, King, Little, Green, Page, …), occupational
// surnames (Hunter, Fisher, Baker, Carter, Mason), logins and names with
// accents.
func heldoutIncident() incident.Snapshot {
	c := func(s string) time.Time { return at("UTC", "2025-03-04 "+s) }
	roles := []incident.RoleAssignment{
		{Role: incident.RoleCommander, Person: "Bill Fisher", From: c("09:01")},
		{Role: incident.RoleOps, Person: "Rose Hunter", From: c("09:02")},
		{Role: incident.RoleComms, Person: "Mark Price", From: c("09:03")},
		{Role: incident.RoleScribe, Person: "Joy Baker", From: c("09:04")},
		{Role: incident.RoleLiaison, Person: "Pat Long", From: c("09:05")},
		{Role: "network lead", Person: "Dawn Hall", From: c("09:06")},
	}
	var events []incident.Event
	for i, author := range []string{"Jack Carter", "Ray King", "Amber Wood", "Gene Little", "Sky Mason", "Art Cook",
		"Chase Green", "Rich Brown", "Faith White", "Frank Page", "Sue Lane", "Rob Hill", "Will Gray", "May Banks",
		"Łukasz Wróbel", "Aoife Ní Bhriain", "François Lefèvre", "Nguyễn Văn An", "Mehmet Öztürk", "Jürgen Groß", "ajones"} {
		events = append(events, incident.Event{ID: int64(i + 1), IncidentID: 4, OccurredAt: c("09:30"),
			Kind: incident.KindNote, Text: "joined the bridge", Author: author})
	}
	return incident.Snapshot{
		Incident: incident.Incident{ID: 4, Title: "t", Severity: 2, State: incident.Resolved, Timezone: "UTC"},
		Roles:    roles, Events: events,
		ActionItems: []incident.ActionItem{
			{ID: 1, Title: "Rotate the signing key", Owner: "@bfisher"},
			{ID: 2, Title: "Rose to pair with Jack on the failover drill", Owner: "@rhunter"},
			{ID: 3, Title: "Mark the old alert as deprecated", Owner: "Mark Price"},
			{ID: 4, Title: "Ask Dawn for the BGP dump", Owner: "@faithw"},
			{ID: 5, Title: "Bill the vendor for the SLA credit", Owner: "@mprice"},
		},
	}
}

// TestHeldoutNameCorpus: the rewrite on sentences written after it was
// built (testdata/corpus/heldout-names.txt).
func TestHeldoutNameCorpus(t *testing.T) {
	cases := readCorpusFile(t, "heldout-names.txt")
	if len(cases) < 120 {
		t.Fatalf("the held-out corpus has %d sentences, want at least 120", len(cases))
	}
	checkNameCorpus(t, "heldout-names.txt", cases, newPeople(heldoutIncident()))
}

// TestHeldoutBlameCorpus: the lint on retro notes written after it was
// built (testdata/corpus/heldout-blame.txt).
func TestHeldoutBlameCorpus(t *testing.T) {
	if n := checkBlameCorpus(t, "heldout-blame.txt", newPeople(heldoutIncident())); n < 40 {
		t.Errorf("the held-out blame corpus has %d notes, want at least 40", n)
	}
}
