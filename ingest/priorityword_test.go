package ingest

import "testing"

// A priority in capitals opening an item ranks it; "High priority alerts
// for …" names what the item makes, so it stays in the title; a
// reference-style link reads as its text.
func TestPriorityWordsAndReferenceLinks(t *testing.T) {
	for text, want := range map[string][2]string{
		"**HIGH** Include downloads in the staging smoke test":          {"Include downloads in the staging smoke test", "P1"},
		"MEDIUM Automate the staging smoke tests":                       {"Automate the staging smoke tests", "P2"},
		"[LOW] Tidy the runbook":                                        {"Tidy the runbook", "P3"},
		"High priority alerts for the search and log clusters":          {"High priority alerts for the search and log clusters", ""},
		"Alert on queue depth (priority: high)":                         {"Alert on queue depth", "P1"},
		"The [Security Initiative][init] will scan uploads for malware": {"The Security Initiative will scan uploads for malware", ""},
	} {
		a := parseItem(text, 2024)
		if a.Title != want[0] || string(a.Priority) != want[1] {
			t.Errorf("%q: %q %q, want %q", text, a.Title, a.Priority, want)
		}
	}
}
