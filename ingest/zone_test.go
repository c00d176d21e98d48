package ingest

import "testing"

// The survey's quick filters must let every zone statement and every
// 12-hour clock through; what they turn away is never read closer.
func TestSurveyFilters(t *testing.T) {
	for _, c := range []struct {
		line      string
		statement bool // hasStatementKey
		meridiem  bool // mayHoldMeridiem
	}{
		{"ALL TIMES IN UTC", true, false},
		{"Timeline (times in BST)", true, false},
		{"TZ: Europe/Berlin", true, false},
		{"**Time zone** - CET", true, false},
		{"Timezone: PT", true, false},
		{"ZONE: UTC", true, false},
		{"- 2026-11-20 14:02:05 UTC replica lag on shard 3", false, false},
		{"- 7AM deploy", false, true},
		{"- 5:10 a.m. paged", false, true},
		{"- 03:01PM rollback", false, true},
		{"9 P.M. all clear", false, true},
		{"rolled back deploy 4 of service 2", false, false},
	} {
		if got := hasStatementKey(c.line); got != c.statement {
			t.Errorf("hasStatementKey(%q) = %v, want %v", c.line, got, c.statement)
		}
		if got := mayHoldMeridiem(c.line); got != c.meridiem {
			t.Errorf("mayHoldMeridiem(%q) = %v, want %v", c.line, got, c.meridiem)
		}
		if c.statement && statedZone(c.line) == "" {
			t.Errorf("statedZone(%q) found no zone", c.line)
		}
	}
}
