package ingest

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"scribe/incident"
)

// TestSameRulesAsAt checks that a line whose time --at refuses is reported
// with its line number, never imported and never dropped without a word.
func TestSameRulesAsAt(t *testing.T) {
	berlin, err := incident.ParseZone("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, text, reason string
		zone               *time.Location
	}{
		{"year 1900", "- 1900-01-01 10:00 ancient entry", "outside the times scribe accepts", nil},
		{"year 0001", "- 0001-01-01 10:00 year one", "outside the times scribe accepts", nil},
		// Go's zero instant, which "not set" elsewhere stands for.
		{"zero instant", "- 0001-01-01 00:00 UTC the zero instant", "outside the times scribe accepts", nil},
		{"year 9999", "- 9999-12-31 23:59 far future", "outside the times scribe accepts", nil},
		{"day-first 1899", "- 31/12/1899 10:00 old", "outside the times scribe accepts", nil},
		{"Jira 1950", "- 14-Mar-1950 10:00 old", "outside the times scribe accepts", nil},
		{"leap second", "- 2024-06-30 23:59:60 leap second", "60th second", nil},
		{"24:00", "- 2024-06-30 24:00 midnight", "24:00", nil},
		{"bare 24:00", "## 2024-06-30\n\n- 24:00 midnight", "24:00", nil},
		{"DST gap", "- 2024-03-31 02:30 in the gap", "skipped it for daylight saving", berlin},
		{"DST gap, zone written", "- 2024-03-10 02:30 America/New_York in the gap", "skipped it for daylight saving", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := ParseText(c.text, Options{Zone: c.zone})
			if len(res.Entries) != 0 {
				t.Errorf("imported %+v, want nothing", res.Entries)
			}
			if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Reason, c.reason) {
				t.Fatalf("problems %v, want one saying %q", res.Problems, c.reason)
			}
			if want := strings.Count(c.text, "\n") + 1; res.Problems[0].Line != want {
				t.Errorf("reported line %d, want %d", res.Problems[0].Line, want)
			}
		})
	}
	// The hour after a gap, and an hour that repeats, are fine.
	res := ParseText("- 2024-03-31 03:30 after the gap\n- 2024-10-27 02:30 repeated hour", Options{Zone: berlin})
	if len(res.Entries) != 2 || len(res.Problems) != 0 {
		t.Fatalf("entries %v problems %v, want both read", res.Entries, res.Problems)
	}
	if got := res.Entries[1].At.Format(time.RFC3339); got != "2024-10-27T00:30:00Z" {
		t.Errorf("repeated 02:30 is %s, want the earlier instant as --at reads it", got)
	}
}

// TestLongTextIsReported checks that text over incident.MaxTextLen is cut
// and that the cut is reported on the entry's line.
func TestLongTextIsReported(t *testing.T) {
	long := strings.Repeat("é", incident.MaxTextLen+500)
	for _, text := range []string{
		"- 2024-06-30 10:00 " + long,
		"2024-06-30 10:00 start\n" + strings.Repeat("more words here ", 700) + "\n" + strings.Repeat("still more ", 400),
	} {
		res := ParseText(text, Options{})
		if len(res.Entries) != 1 {
			t.Fatalf("entries %d, want 1", len(res.Entries))
		}
		if n := utf8.RuneCountInString(res.Entries[0].Text); n > incident.MaxTextLen {
			t.Errorf("entry is %d characters, want at most %d", n, incident.MaxTextLen)
		}
		if len(res.Problems) != 1 || !res.Problems[0].Changed || !strings.Contains(res.Problems[0].Reason, "cut") {
			t.Errorf("problems %v, want one change saying the text was cut", res.Problems)
		}
	}
}
