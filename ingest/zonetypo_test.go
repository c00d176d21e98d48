package ingest

import (
	"strings"
	"testing"
	"time"
)

// A zone statement with a misspelt tz name keeps the region after its
// slash ("UC/Pacific" is Pacific time); one that names no zone at all is
// reported as stated but unreadable, not as absent.
func TestMisspeltZoneStatement(t *testing.T) {
	doc := "# Build queue stall, 2021-03-02\n\nAll times in UT/Pacific\n\n## Timeline\n\n### 08:10am - Queue stops\n\n### 08:25 - Workers restarted\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	if len(res.Entries) != 2 || !res.Entries[0].At.Equal(time.Date(2021, 3, 2, 16, 10, 0, 0, time.UTC)) {
		t.Errorf("entries %+v, want the first at 16:10 UTC (08:10 PST)", res.Entries)
	}
	if z := statedZone("All times in US/Pacific"); z != "US/Pacific" {
		t.Errorf("US/Pacific stated as %q", z)
	}
	res = ParseText("# Build queue stall, 2021-03-02\n\nAll times in Mars/Olympus\n\n## Timeline\n\n- 08:10 Queue stops\n", Options{Zone: time.UTC, Reference: evalReference})
	if !strings.Contains(strings.Join(res.Notes, "\n"), `the text states "Mars/Olympus", which is no time zone`) {
		t.Errorf("notes %q, want the unreadable zone named", res.Notes)
	}
}

// A link after a label that could state a zone ("Timeline: [doc](https://
// docs.…)") states none: the note says the text states no zone, not that
// "https://docs" is an unreadable one.
func TestLinkIsNoZoneStatement(t *testing.T) {
	doc := "# Cert mismatch, 2021-07-12\n\n- Timeline: [timeline](https://docs.example.com/d/1/edit)\n- First detected 2021-07-12 15:44\n- Repaired 2021-07-12 15:51\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	notes := strings.Join(res.Notes, "\n")
	if strings.Contains(notes, "which is no time zone") || !strings.Contains(notes, "the text states none") {
		t.Errorf("notes %q, want the zone told as not stated", res.Notes)
	}
}

// A zone said of the pictures ("screenshots include timestamps in UTC+2,
// the author's timezone") is not the text's: a time written without a
// zone takes the one the text's other times carry.
func TestPictureZoneIsNotTheText(t *testing.T) {
	doc := "# Token stolen\n\nAt 3:28 PM UTC on November 23rd, 2025, the stolen token was tried.\n\n" +
		"At 3:43 PM, the token was used again to push a commit.\n\n" +
		"The PR was opened and closed within a minute (screenshots include timestamps in UTC+2, the author's timezone):\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	if len(res.Entries) != 2 || res.Entries[1].At.UTC().Format("15:04") != "15:43" {
		t.Errorf("entries %+v, want the second at 15:43 UTC", res.Entries)
	}
}

// "Timeline (Japan time)" states the zone of the times below it, ahead of
// another zone a line names in brackets beside its time.
func TestCountryTimeStatement(t *testing.T) {
	doc := "# Chain stall, 2021-05-09\n\n## Timeline (Japan time)\n\n- 21:48 (6:48 PDT): Last block farmed.\n- 22:11: Node not synced.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	if len(res.Entries) != 2 || res.Entries[1].At.UTC().Format("2006-01-02 15:04") != "2021-05-09 13:11" {
		t.Errorf("entries %+v, want the second at 13:11 UTC (22:11 JST)", res.Entries)
	}
}
