package cli

import (
	"strings"
	"testing"
)

// TestEveryAtSaysAnotherDay: every command that files something at --at
// says so on stderr when that lands on another day than today in the
// incident's zone (23:50 typed at 00:05 is yesterday's), so a clock time
// read as yesterday's is never filed there unseen.
func TestEveryAtSaysAnotherDay(t *testing.T) {
	s := newSession(t, "2026-11-22T00:05:00Z")
	id := s.must("new", "Replica lag", "--sev", "2", "--tz", "UTC", "--at", "-1h")
	for _, args := range [][]string{
		{"log", id, "paged the DB team", "--at", "23:50"},
		{"status", id, "identified", "--at", "23:50"},
		{"milestone", id, "detected", "--at", "23:50"},
		{"role", id, "ic", "Rosa", "--at", "23:50"},
		{"checklist", id, "check", "1", "--at", "23:50"},
	} {
		code, out, errb := s.run("", args...)
		if code != 0 || out == "" || !strings.Contains(errb, "yesterday, Sat 21 Nov 2026, at 23:50 UTC (not today)") {
			t.Errorf("%v at 00:05: exit %d, stdout %q, stderr %q; want its id and the day it was filed on", args, code, out, errb)
		}
	}
}
