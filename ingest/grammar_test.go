package ingest

import (
	"testing"
	"time"

	"scribe/incident"
)

// TestOneTimeGrammar checks that every zone import reads after a time,
// --at and the TUI (incident.ParseWhen) read too, to the same instant, in
// winter and in summer.
func TestOneTimeGrammar(t *testing.T) {
	zones := append(incident.ZoneAbbreviations(),
		"UTC", "GMT", "Z", "+05:30", "-0300", "UTC+2", "GMT-05:00", "+05:45",
		"Europe/Berlin", "America/Argentina/Buenos_Aires", "Africa/Johannesburg", "Asia/Karachi")
	if len(zones) < 60 {
		t.Fatalf("only %d zones to check", len(zones))
	}
	now := time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, z := range zones {
		for _, date := range []string{"2024-01-15", "2024-07-15"} {
			written := date + " 14:05 " + z
			want, err := incident.ParseWhen(written, now, time.UTC)
			if err != nil {
				t.Errorf("ParseWhen(%q): %v: import reads it, --at must too", written, err)
				continue
			}
			res := ParseText("- "+written+" paged the on-call", Options{Zone: time.UTC})
			if len(res.Entries) != 1 {
				t.Errorf("import of %q: %d entries, problems %v", written, len(res.Entries), res.Problems)
				continue
			}
			if got := res.Entries[0].At; !got.Equal(want) {
				t.Errorf("%q: import reads %s, ParseWhen %s", written, got.Format(time.RFC3339), want.Format(time.RFC3339))
			}
		}
	}
}
