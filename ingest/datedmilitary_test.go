package ingest

import (
	"testing"
	"time"
)

// A timeline whose times are four digits after the date, as some
// engineering teams write them ("2021-06-09 0940: …"), with an unknown time
// ("X") and a count after a date that is no time.
func TestDatedMilitaryClock(t *testing.T) {
	doc := "# Ledger replay incident\n\n## Timeline (UTC)\n\n" +
		"- 2021-06-09 0940: ops-bot pages the ledger rotation.\n" +
		"- 2021-06-09 X: someone notices the replay lag on a dashboard.\n" +
		"- 2021-06-09 1012: Priya freezes the replay workers.\n" +
		"  The freeze holds until the fix ships.\n" +
		"- 2021-06-10 0305: the patched replayer is deployed.\n" +
		"- 2021-06-10 1500 UTC: status page closed.\n\n" +
		"## Impact\n\nOn 2021-06-09 1200 requests failed.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	var got []string
	for _, e := range res.Entries {
		got = append(got, e.At.Format("2006-01-02 15:04")+" "+e.Text)
	}
	want := []string{
		"2021-06-09 09:40 ops-bot pages the ledger rotation.",
		"2021-06-09 10:12 Priya freezes the replay workers. The freeze holds until the fix ships.",
		"2021-06-10 03:05 the patched replayer is deployed.",
		"2021-06-10 15:00 status page closed.",
	}
	if len(got) != len(want) {
		t.Fatalf("entries %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entry %d %q, want %q", i, got[i], want[i])
		}
	}
}
