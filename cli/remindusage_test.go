package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestRemindUsageExitStatus: a reminder missing its text is a mistake in
// the command line (exit 2, like log N with no text); a text or span that
// is given but wrong is a failure (exit 1, like log N "  ").
func TestRemindUsageExitStatus(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	if code, _, stderr := runApp(t, "", "--db", db, "new", "Queue stuck"); code != 0 {
		t.Fatalf("new: exit %d: %s", code, stderr)
	}
	for _, c := range []struct {
		args []string
		code int
		say  string
	}{
		{[]string{"remind", "1", "15m"}, 2, "reminder is empty: say what to do, e.g. 15m check replica lag @ana: usage: scribe remind N"},
		{[]string{"remind", "1", "done"}, 2, "usage: scribe remind 1 done ID"},
		{[]string{"remind", "1", "snooze", "1"}, 2, "usage: scribe remind 1 snooze ID SPAN"},
		{[]string{"remind", "1", "15m", " "}, 1, "reminder is empty"},
		{[]string{"remind", "1", "0m", "check lag"}, 1, "invalid reminder time"},
	} {
		code, _, stderr := runApp(t, "", append([]string{"--db", db}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.say) {
			t.Errorf("%q: exit %d, %q; want exit %d saying %q", c.args, code, stderr, c.code, c.say)
		}
	}
}

// TestFlagValueExitStatus: a flag given a value it does not take is a
// mistake in the command line (exit 2), --sev as much as --at or --tz.
func TestFlagValueExitStatus(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	for _, args := range [][]string{
		{"new", "Queue stuck", "--sev", "9"},
		{"new", "Queue stuck", "--tz", "Nowhere/Else"},
		{"new", "Queue stuck", "--at", "garbage"},
	} {
		code, _, stderr := runApp(t, "", append([]string{"--db", db}, args...)...)
		if code != 2 || !strings.Contains(stderr, args[2]) {
			t.Errorf("%q: exit %d, %q; want exit 2 naming %s", args, code, stderr, args[2])
		}
	}
}
