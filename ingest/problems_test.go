package ingest

import (
	"strings"
	"testing"
	"time"
)

// TestNothingSilentlyDropped: every line written as an entry either becomes
// one or is reported with its line number and why.
func TestNothingSilentlyDropped(t *testing.T) {
	text := strings.Join([]string{
		"# Outage on 2024-06-03", // 1
		"",                       // 2
		"- 14:02 alert fired",    // 3: entry
		"- 25:61 impossible",     // 4
		"- 14:7 short minute",    // 5
		"- --:-- support told",   // 6
		"- 2024-02-30 10:00 bad day",
		"- 2024-06-04 no time given",
		"### 9:5 PM",               // 9
		"- 14:30",                  // 10: no text
		"| Time | Event |",         // 11
		"|---|---|",                // 12
		"| 10:99 | bad cell |",     // 13
		"Resolved - it is fixed",   // 14: never gets its time
		"Investigating - looking",  // 15
		"Jun 03, 09:12 UTC",        // 16: gives 15 its time
		"Thu 03 Jun 2024 ~> 11:52", // 17
		"- 15:00 recovered",        // 18: entry, and the date in force survived line 7
	}, "\n")
	res := ParseText(text, Options{Zone: time.UTC})
	want := map[int]string{
		4: "unreadable time", 5: "unreadable time", 6: "--:--", 7: "no such date", 8: "no time of day",
		9: "unreadable time", 10: "no text", 13: "unreadable time", 14: "no time for this status update",
		17: "no time of day",
	}
	got := map[int]string{}
	for _, p := range res.Problems {
		got[p.Line] = p.Reason
	}
	for line, reason := range want {
		if !strings.Contains(got[line], reason) {
			t.Errorf("line %d: reported %q, want a report saying %q", line, got[line], reason)
		}
	}
	for line, reason := range got {
		if _, ok := want[line]; !ok {
			t.Errorf("line %d reported (%s) but is fine", line, reason)
		}
	}
	var at []string
	for _, e := range res.Entries {
		at = append(at, e.At.Format("2006-01-02T15:04"))
	}
	if w := "2024-06-03T09:12 2024-06-03T14:02 2024-06-03T15:00"; strings.Join(at, " ") != w {
		t.Errorf("entries at %v, want %s", at, w)
	}
}

// TestImpossibleDatesReported: a line that opens with a numeric date no
// calendar has, then a time, was meant as an entry: it is reported, not
// dropped ("2024-02-30" was already; month 13, month 0, day 0 and day 32
// were silently left out).
func TestImpossibleDatesReported(t *testing.T) {
	lines := []string{
		"- 2024-05-01 10:00 UTC fine",
		"- 2024-13-01 10:00 UTC month thirteen",
		"- 2024-00-10 10:00 UTC month zero",
		"- 2024-05-00 10:00 UTC day zero",
		"- 2024/13/01 10:00 slashes",
		"- 13/13/2024 10:00 day and month too large",
		"- 2024-05-32 10:00 day 32",
		"## 2024-13-02 09:00 a heading",
		"- 1.2.3 10:00 a version, not a date",
	}
	res := ParseText(strings.Join(lines, "\n"), Options{Zone: time.UTC})
	got := map[int]string{}
	for _, p := range res.Problems {
		got[p.Line] = p.Reason
	}
	for n := 2; n <= 8; n++ {
		if !strings.Contains(got[n], "no such date") {
			t.Errorf("line %d %q: reported %q, want no such date", n, lines[n-1], got[n])
		}
	}
	if len(res.Entries) != 1 || got[1] != "" || got[9] != "" {
		t.Errorf("entries %+v, problems %v: want the first line only, lines 1 and 9 unreported", res.Entries, got)
	}
}
