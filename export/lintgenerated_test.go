package export

import (
	"strings"
	"testing"

	"scribe/incident"
)

// TestLintLeavesScribesOwnEventTextsAlone: the texts scribe writes for its
// structured events (a checklist step skipped, a milestone cleared, an
// action item captured) are not prose about the incident and never read as
// blame; what the user typed with a status change is still checked.
func TestLintLeavesScribesOwnEventTextsAlone(t *testing.T) {
	snap := emptyIncident()
	at := snap.Incident.CreatedAt
	snap.ActionItems = []incident.ActionItem{{ID: 1, IncidentID: 1, Title: "Alert when certificates near expiry", State: incident.ItemOpen, Owner: "sre", Due: "2027-01-10"}}
	snap.Events = []incident.Event{
		{ID: 1, IncidentID: 1, OccurredAt: at, Kind: incident.KindChecklist, Text: "Skipped: Page the owning team"},
		{ID: 2, IncidentID: 1, OccurredAt: at, Kind: incident.KindChecklist, Text: "Reopened: Confirm nobody forgot the status page"},
		{ID: 3, IncidentID: 1, OccurredAt: at, Kind: incident.KindMilestone, Milestone: incident.MilestoneMitigated, Text: "Milestone cleared: impact mitigated"},
		{ID: 4, IncidentID: 1, OccurredAt: at, Kind: incident.KindActionItem, ActionItemID: 1, Text: "Action item: Alert when certificates near expiry"},
		{ID: 5, IncidentID: 1, OccurredAt: at, Kind: incident.KindStatus, State: incident.Monitoring, Text: "Status: monitoring"},
		{ID: 6, IncidentID: 1, OccurredAt: at, Kind: incident.KindStatus, State: incident.Monitoring, Text: "Mallory forgot to renew the cert"},
	}
	var blamed []string
	for _, w := range Lint(snap, Options{}) {
		if w.Code == WarnBlaming && w.Section == "Timeline" {
			blamed = append(blamed, w.Text)
		}
	}
	if len(blamed) != 1 || !strings.Contains(blamed[0], "Mallory forgot") {
		t.Errorf("blaming-language warnings on the timeline = %q, want only the status message the user typed", blamed)
	}
}
