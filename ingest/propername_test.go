package ingest

import "testing"

// An item that opens with a given name the English name list lacks is
// still that person's; one that opens with a kind of work is no one's.
func TestLeadingOwnerBeyondTheNameList(t *testing.T) {
	for in, want := range map[string][2]string{
		"Ravi: write the failover runbook":      {"Ravi", "write the failover runbook"},
		"Mei - add the status feed to #alerts":  {"Mei", "add the status feed to #alerts"},
		"Kavya Rao: alert on throttling":        {"Kavya Rao", "alert on throttling"},
		"Monitoring - add alerts on lag":        {"", "Monitoring - add alerts on lag"},
		"Process: write the handover down":      {"", "Process: write the handover down"},
		"Alerting: page on queue depth":         {"", "Alerting: page on queue depth"},
		"TODO: page on queue depth":             {"", "TODO: page on queue depth"},
		"Follow-up: check the other regions":    {"", "Follow-up: check the other regions"},
		"Documentation - describe the failover": {"", "Documentation - describe the failover"},
	} {
		owner, rest, _ := leadingOwner(in)
		if owner != want[0] || owner != "" && rest != want[1] {
			t.Errorf("leadingOwner(%q) = %q, %q; want %q, %q", in, owner, rest, want[0], want[1])
		}
	}
}
