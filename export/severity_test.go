package export

import (
	"bytes"
	"sort"
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

// withSeverityChanges adds to searchOutage a severity change with a reason
// that names a responder, a correction made after resolution, and two
// status updates without a message: one stored empty, one as an older
// scribe stored it ("Status: identified").
func withSeverityChanges() incident.Snapshot {
	snap := searchOutage()
	loc := snap.Incident.Location()
	c := func(s string) time.Time { return at(loc.String(), "2025-10-14 "+s) }
	snap.Events = append(snap.Events,
		incident.Event{ID: 40, IncidentID: 12, OccurredAt: c("10:06"), LoggedAt: c("10:06"), Kind: incident.KindSeverity,
			Severity: 1, PreviousSeverity: 2, Text: "Priya saw checkout failing too", Source: incident.SourceTUI},
		incident.Event{ID: 41, IncidentID: 12, OccurredAt: c("10:02"), LoggedAt: at(loc.String(), "2025-11-03 16:00"), Kind: incident.KindSeverity,
			Severity: 2, PreviousSeverity: 1, State: incident.SeverityCorrected, Source: incident.SourceCLI},
		incident.Event{ID: 42, IncidentID: 12, OccurredAt: c("10:13"), LoggedAt: c("10:13"), Kind: incident.KindStatus,
			State: incident.Identified, Source: incident.SourceTUI},
		incident.Event{ID: 43, IncidentID: 12, OccurredAt: c("10:16"), LoggedAt: c("10:16"), Kind: incident.KindStatus,
			State: incident.Monitoring, Text: "Status: monitoring", Source: incident.SourceTUI},
	)
	sort.SliceStable(snap.Events, func(i, j int) bool { return snap.Events[i].OccurredAt.Before(snap.Events[j].OccurredAt) })
	return snap
}

// A severity change reads as one in the Markdown and the HTML timeline,
// with its reason (blameless like any text), a correction says when it was
// made, and a status without a message reads as the state alone, also when
// an older scribe stored "Status: identified".
func TestSeverityAndStatusRowsReadWell(t *testing.T) {
	snap := withSeverityChanges()
	tl := section(render(t, snap, Options{}), "Timeline")
	for _, want := range []string{
		"| 10:06 | severity | Severity changed from SEV2 to SEV1 — the incident commander saw checkout failing too |",
		"| 10:02 | severity | Severity corrected from SEV1 to SEV2 on 3 Nov 2025, after the incident was resolved |",
		"| 10:13 | status | Status set to Identified |",
		"| 10:16 | status | Status set to Monitoring |",
	} {
		if !strings.Contains(tl, want) {
			t.Errorf("the timeline lacks %q:\n%s", want, tl)
		}
	}
	if strings.Contains(tl, "Status: ") || strings.Contains(tl, "Priya saw") {
		t.Errorf("generated status text or a name in the timeline:\n%s", tl)
	}
	var page bytes.Buffer
	if err := HTML(&page, snap, Options{}); err != nil {
		t.Fatal(err)
	}
	html := page.String()
	for _, want := range []string{"Severity changed from SEV2 to SEV1 — the incident commander saw checkout failing too",
		"Severity corrected from SEV1 to SEV2 on 3 Nov 2025, after the incident was resolved", "Status set to Identified"} {
		if !strings.Contains(html, want) {
			t.Errorf("the HTML page lacks %q", want)
		}
	}
	if strings.Contains(html, "Status: monitoring") {
		t.Error("the HTML page shows the generated status text")
	}
}

// The JSON document carries a severity event's fields under their keys,
// and they read back as they were.
func TestSeverityEventInTheJSONDocument(t *testing.T) {
	snap := withSeverityChanges()
	var buf bytes.Buffer
	if err := JSON(&buf, snap); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"kind": "severity",
      "text": "Priya saw checkout failing too",`) || !strings.Contains(buf.String(), `"severity": 1,
      "previous_severity": 2
    }`) {
		t.Fatalf("the severity event's keys are missing:\n%s", buf.String())
	}
	doc, err := incident.ParseDocument(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	back, err := doc.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range back.Events {
		switch e.ID {
		case 40:
			n++
			if e.Kind != incident.KindSeverity || e.Severity != 1 || e.PreviousSeverity != 2 || e.Corrected() {
				t.Errorf("event 40 read back as %+v", e)
			}
		case 41:
			n++
			if e.Kind != incident.KindSeverity || e.Severity != 2 || e.PreviousSeverity != 1 || !e.Corrected() {
				t.Errorf("event 41 read back as %+v", e)
			}
		}
	}
	if n != 2 {
		t.Fatalf("%d severity events read back, want 2", n)
	}
}
