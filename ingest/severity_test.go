package ingest

import (
	"testing"

	"scribe/incident"
)

func TestTheSeverityAHeaderStates(t *testing.T) {
	for doc, want := range map[string]incident.Severity{
		"# Title\n\n**Severity:** Critical\n\n**Status:** Resolved\n":               1,
		"# Title\n\n## Severity\n\n**Critical** – most customers had no service.\n": 1,
		"# Title\n- Severity: SEV-2\n- Lead: Marta\n":                               2,
		"| Field | Value |\n|---|---|\n| Severity | High |\n":                       2,
		"Incident severity: Sev 3\n":                                                3,
		"Severity — minor (internal users only)\n":                                  4,
		"# Title\nSeverity: 1\n":                                                    1,
		"# Title\nSeverity: SEV0\n":                                                 1,
		// Nothing that states a severity this scribe can read.
		"# Title\n\n## Severity & Impact\nNone critical - only internal teams.\n": 0,
		"# Title\n- 14:02 two teams were busy with other severity 1 work\n":       0,
		"# Title\nSeverity of the outage was hard to judge at first.\n":           0,
		"# Title\nSev1 incident declared by mail at 11:00\n":                      0,
		"# Title\nSeverity: TBD\n":                                                0,
		"# Title\nSeverity: 9\n":                                                  0,
	} {
		if got := statedSeverity(doc); got != want {
			t.Errorf("statedSeverity(%q) = %d, want %d", doc, got, want)
		}
	}
}

func TestAnImportedIncidentTakesTheStatedSeverity(t *testing.T) {
	doc := "# Checkout down\n\n**Severity:** Major\n\n## Timeline (UTC)\n- 2025-03-04 09:31 checkout returned 500s\n"
	if inc := ParseText(doc, Options{}).NewIncident("x", "UTC"); inc.Severity != 2 {
		t.Errorf("severity %s, want SEV2 (Major)", inc.Severity)
	}
	if inc := ParseText("- 2025-03-04 09:31 checkout returned 500s\n", Options{}).NewIncident("x", "UTC"); inc.Severity != 3 {
		t.Errorf("severity %s without a stated one, want the default SEV3", inc.Severity)
	}
}
