package ingest

import (
	"testing"
	"time"
)

// A span whose end was not recorded ("12:26-12:??", "12:26 - --:--") is
// its start: the "-12" is not a UTC-12 offset, and the unknown end is not
// part of the entry's text.
func TestUnknownRangeEnd(t *testing.T) {
	for _, doc := range []string{
		"# Sandbox fix\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| 2022-08-04 12:08 UTC | Issue found |\n| 2022-08-04 12:26-12:?? | Fix deployed in sandbox |\n| 2022-08-04 13:06 | Fix deployed in prod |\n",
		"# Sandbox fix\n\n## Timeline\n\n- 2022-08-04 12:08 Issue found\n- 2022-08-04 12:26-12:xx Fix deployed in sandbox\n- 2022-08-04 13:06 Fix deployed in prod\n",
		"# Sandbox fix\n\n## Timeline\n\n- 2022-08-04 12:08 Issue found\n- 2022-08-04 12:26 - --:-- Fix deployed in sandbox\n- 2022-08-04 13:06 Fix deployed in prod\n",
	} {
		res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
		want := []string{"12:08 Issue found", "12:26 Fix deployed in sandbox", "13:06 Fix deployed in prod"}
		if len(res.Entries) != len(want) {
			t.Errorf("%d entries, want %d: %+v", len(res.Entries), len(want), res.Entries)
			continue
		}
		for i, e := range res.Entries {
			if got := e.At.UTC().Format("15:04") + " " + e.Text; got != want[i] || e.At.Day() != 4 {
				t.Errorf("entry %d: %q on day %d, want %q on the 4th", i, got, e.At.Day(), want[i])
			}
		}
	}
}
