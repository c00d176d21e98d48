package ingest

import (
	"testing"
	"time"

	"scribe/incident"
)

// A postmortem imported whole is an incident that is over, with the key
// moments its writer labelled; a log kept during an incident is not.
func TestAWrittenUpIncidentArrivesResolvedWithItsMilestones(t *testing.T) {
	doc := `# Search results went stale on 2025-03-04

## Key moments (UTC)
- Impact start: 2025-03-04 09:12
- Detected: 2025-03-04 09:31
- Mitigated: 2025-03-04 10:05

## Timeline (UTC)
- 2025-03-04 09:31 freshness alert paged the search on-call
- 2025-03-04 09:50 indexer queue found stuck behind a poison message
- 2025-03-04 10:05 poison message removed, the queue drained

## Root cause
A malformed document made every indexer worker retry the same message.
`
	res := ParseText(doc, Options{})
	inc := res.NewIncident("fallback", "UTC")
	if inc.State != incident.Resolved {
		t.Errorf("state %s, want resolved: the document is a write-up", inc.State)
	}
	at := func(h, m int) time.Time { return time.Date(2025, 3, 4, h, m, 0, 0, time.UTC) }
	for m, want := range map[incident.Milestone]time.Time{
		incident.MilestoneStarted:   at(9, 12),
		incident.MilestoneDetected:  at(9, 31),
		incident.MilestoneMitigated: at(10, 5),
	} {
		if got, ok := inc.Milestones[m]; !ok || !got.Equal(want) {
			t.Errorf("milestone %s = %v (set %v), want %v", m, got, ok, want)
		}
	}
	if _, ok := inc.Milestones[incident.MilestoneResolved]; ok {
		t.Errorf("resolved milestone %v: the document states no resolution time", inc.Milestones[incident.MilestoneResolved])
	}
}

func TestALogKeptDuringTheIncidentStaysOpen(t *testing.T) {
	log := "- 2025-03-04 09:31 freshness alert paged the search on-call\n" +
		"- 2025-03-04 09:50 indexer queue found stuck\n"
	if inc := ParseText(log, Options{}).NewIncident("fallback", "UTC"); inc.State != incident.Investigating || len(inc.Milestones) != 0 {
		t.Errorf("a bare log: state %s, milestones %v; want investigating, none", inc.State, inc.Milestones)
	}
	// A stated resolution ends it, even without a write-up.
	log += "- Resolved: 2025-03-04 10:20\n"
	inc := ParseText(log, Options{}).NewIncident("fallback", "UTC")
	if want := time.Date(2025, 3, 4, 10, 20, 0, 0, time.UTC); inc.State != incident.Resolved || !inc.Milestones[incident.MilestoneResolved].Equal(want) {
		t.Errorf("a log with a Resolved line: state %s, resolved %v", inc.State, inc.Milestones[incident.MilestoneResolved])
	}
}

// Follow-ups are decided once the incident is over: a document with a
// timeline and its action items is a write-up too.
func TestATimelineWithFollowUpsIsAWriteUp(t *testing.T) {
	doc := "## Timeline (UTC)\n- 2025-03-04 09:31 freshness alert paged the search on-call\n\n" +
		"## Action items\n- Alert on a stuck indexer queue (owner: Priya)\n"
	if inc := ParseText(doc, Options{}).NewIncident("fallback", "UTC"); inc.State != incident.Resolved {
		t.Errorf("state %s, want resolved", inc.State)
	}
}

// A status page's own updates decide its state, write-up or not.
func TestStatusUpdatesDecideTheStateOfAWriteUp(t *testing.T) {
	doc := "## Updates\n" +
		"- 2025-03-04 09:31 UTC Investigating - Search results are stale.\n" +
		"- 2025-03-04 10:05 UTC Monitoring - A fix is in place.\n\n" +
		"## Root cause\nA malformed document blocked the indexer.\n"
	inc := ParseText(doc, Options{}).NewIncident("fallback", "UTC")
	if inc.State != incident.Monitoring {
		t.Errorf("state %s, want monitoring: the page's last update says so", inc.State)
	}
}

func TestMilestoneLabels(t *testing.T) {
	for text, want := range map[string]incident.Milestone{
		"Impact start": incident.MilestoneStarted, "**First detected**": incident.MilestoneDetected,
		"Incident declared": incident.MilestoneDeclared, "End of impact": incident.MilestoneMitigated,
		"Resolved.": incident.MilestoneResolved,
	} {
		if got, ok := milestoneOf(text); !ok || got != want {
			t.Errorf("milestoneOf(%q) = %q, %v; want %q", text, got, ok, want)
		}
	}
	for _, text := range []string{"Resolved the DNS issue", "detected a spike", "rollback started", ""} {
		if m, ok := milestoneOf(text); ok {
			t.Errorf("milestoneOf(%q) = %q: a sentence is not a label", text, m)
		}
	}
}
