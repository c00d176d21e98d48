package ingest

import (
	"strings"
	"testing"
)

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

// "Name to verb …" names the item's owner when the name is a given name
// in the name list (accents folded);
// "Need to add …" and "Migrate to …" are no one's.
func TestToOwner(t *testing.T) {
	for text, want := range map[string][2]string{
		"Nóva to send the list of domains to retire":  {"Nóva", "send the list of domains to retire"},
		"Dana to draft the customer notice":           {"Dana", "draft the customer notice"},
		"Need to add an alert on disk space":          {"", "Need to add an alert on disk space"},
		"Migrate to the new cluster":                  {"", "Migrate to the new cluster"},
		"Ruby to be upgraded to 3.3 on the indexers":  {"", "Ruby to be upgraded to 3.3 on the indexers"},
		"Page to go to the secondary on-call":         {"", "Page to go to the secondary on-call"},
		"Dana to be the incident commander next time": {"", "Dana to be the incident commander next time"},
		"Begin to phase out the old hosts":            {"", "Begin to phase out the old hosts"},
	} {
		a := parseItem(text, 2024)
		if a.Owner != want[0] || a.Title != strings.ToUpper(want[1][:1])+want[1][1:] && a.Title != want[1] {
			t.Errorf("parseItem(%q) = owner %q title %q, want %q", text, a.Owner, a.Title, want)
		}
	}
}
