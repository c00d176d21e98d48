package tui

import (
	"testing"
	"time"

	"scribe/incident"
)

// Escalating says what comes with the new severity: its update cadence
// and its checklist steps; the header takes the cadence at once.
func TestSeverityChangeSaysCadenceAndChecklist(t *testing.T) {
	h := newHarness(t, true, func(o *Options) {
		o.UpdateEvery = func(sev incident.Severity) time.Duration {
			if sev == 1 {
				return 10 * time.Minute
			}
			return 0
		}
		o.Checklist = func(sev incident.Severity) []string {
			if sev == 1 {
				return []string{"Page the storage on-call", "Start the bridge call"}
			}
			return nil
		}
	})
	h.enter("/sev 1 uploads failing everywhere")
	h.mustSee("severity SEV2 → SEV1 · updates every 10m · its checklist steps are in Checklist")
	h.mustSee("Checklist 0/2")
	h.enter("/sev 3 contained")
	h.mustSee("severity SEV1 → SEV3 · no update cadence")
}
