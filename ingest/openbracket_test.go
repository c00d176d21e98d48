package ingest

import "testing"

func TestColonInsideBrackets(t *testing.T) {
	for text, want := range map[string]string{
		"Our next storage upgrade ([Project: Basalt](https://example.com/basalt)) will use a fresh fork": "Our next storage upgrade (Project: Basalt) will use a fresh fork",
		"Read/write separation: implementing replicas":                                                   "Read/write separation: implementing replicas",
		"Fix the pipeline: assert the cluster matches the workspace. A PR exists":                        "Fix the pipeline: assert the cluster matches the workspace",
		"**Compatibility layer**: make the check tolerate a missing function. [PR](https://x.test/1)":    "Compatibility layer: make the check tolerate a missing function",
		"**Compatibility layer**: [PR](https://x.test/1)":                                                "Compatibility layer",
	} {
		if got := parseItem(text, 2024).Title; got != want {
			t.Errorf("%q: title %q, want %q", text, got, want)
		}
	}
}
