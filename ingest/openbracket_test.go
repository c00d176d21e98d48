package ingest

import "testing"

func TestColonInsideBrackets(t *testing.T) {
	for text, want := range map[string]string{
		"Our next storage upgrade ([Project: Basalt](https://example.com/basalt)) will use a fresh fork": "Our next storage upgrade (Project: Basalt) will use a fresh fork",
		"Read/write separation: implementing replicas":                                                   "Read/write separation",
	} {
		if got := parseItem(text, 2024).Title; got != want {
			t.Errorf("%q: title %q, want %q", text, got, want)
		}
	}
}
