package ingest

import "testing"

// A date that does not exist is a problem; leap days are dates.
func TestDaysExist(t *testing.T) {
	for in, exists := range map[string]bool{
		"2024-02-29": true, "2000-02-29": true, "2023-02-29": false, "2100-02-29": false,
		"2026-04-30": true, "2026-04-31": false, "2026-12-31": true, "2026-01-32": false,
	} {
		res := ParseText("- "+in+" 14:02 UTC replica lag\n", Options{})
		if got := len(res.Entries) == 1; got != exists {
			t.Errorf("%s: read as an entry %v, want %v (problems %v)", in, got, exists, res.Problems)
		}
	}
}
