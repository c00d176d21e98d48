package update_test

import (
	"strings"
	"testing"

	"scribe/incident"
	"scribe/update"
)

// A severity change since the last update is news, with its reason; a
// correction after resolution is not. A status update stored without a
// message, or as an older scribe stored it ("Status: identified"), gives
// the draft no message of its own.
func TestDraftSeverityAndStatusWithoutMessage(t *testing.T) {
	snap := checkout(t)
	sev := incident.Event{ID: 20, IncidentID: 7, OccurredAt: at(t, 9, 56), Kind: incident.KindSeverity,
		Severity: 1, PreviousSeverity: 2, Text: "every region affected"}
	fix := incident.Event{ID: 21, IncidentID: 7, OccurredAt: at(t, 9, 57), Kind: incident.KindSeverity,
		Severity: 1, PreviousSeverity: 2, State: incident.SeverityCorrected}
	snap.Events = append(snap.Events, sev, fix)
	d := update.Build(snap, update.Options{Now: at(t, 10, 0)})
	var texts []string
	for _, c := range d.Changes {
		texts = append(texts, c.Time+" "+c.Text)
	}
	got := strings.Join(texts, "|")
	if !strings.Contains(got, "09:56 Severity changed from SEV2 to SEV1: every region affected") || strings.Contains(got, "09:57") {
		t.Errorf("changes = %q", got)
	}
	if d.StateMessage != "Bad config in the payments deploy" {
		t.Errorf("state message %q", d.StateMessage)
	}
	for _, text := range []string{"", "Status: identified"} {
		for i := range snap.Events {
			if snap.Events[i].Kind == incident.KindStatus {
				snap.Events[i].Text = text
			}
		}
		d = update.Build(snap, update.Options{Now: at(t, 10, 0)})
		if d.StateMessage != "" {
			t.Errorf("status text %q: state message %q, want none", text, d.StateMessage)
		}
		for _, c := range d.Changes {
			if strings.Contains(c.Text, "Status:") || strings.Contains(c.Text, ": Status") {
				t.Errorf("status text %q: change %q", text, c.Text)
			}
		}
	}
}
