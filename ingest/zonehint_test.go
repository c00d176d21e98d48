package ingest

import (
	"strings"
	"testing"
	"time"
)

// A document that writes its zone only after some times ("Started: … 2:02
// PM BST") reads its other times in that zone, says so, and gives way to a
// zone the user names.
func TestZoneWrittenAfterATimeHoldsForTheOthers(t *testing.T) {
	doc := "# Login failures\n\n**Started:** Apr 12, 2023 2:02 PM BST · **Resolved:** Apr 12, 2023 3:40 PM BST\n\n" +
		"## Timeline\n\n**2:09 PM** Incident opened\n**3:05 PM** Logins back\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	if len(res.Entries) == 0 {
		t.Fatal("no entries")
	}
	last := res.Entries[len(res.Entries)-1]
	if want := time.Date(2023, 4, 12, 14, 5, 0, 0, time.UTC); !last.At.Equal(want) {
		t.Errorf("3:05 PM read as %s, want %s (BST)", last.At, want)
	}
	if !strings.Contains(strings.Join(res.Notes, "\n"), "read as BST") {
		t.Errorf("no note about the zone assumed: %q", res.Notes)
	}
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	res = ParseText(doc, Options{Zone: tokyo, ZoneGiven: true, Reference: evalReference})
	last = res.Entries[len(res.Entries)-1]
	if want := time.Date(2023, 4, 12, 6, 5, 0, 0, time.UTC); !last.At.Equal(want) {
		t.Errorf("with --tz Asia/Tokyo, 3:05 PM read as %s, want %s", last.At, want)
	}
	// A zone the document states outright wins over one it only writes.
	res = ParseText("All times UTC.\n\n**Started:** Apr 12, 2023 2:02 PM BST · **Resolved:** 3:40 PM BST\n\n## Timeline\n\n- 3:05 PM Logins back\n",
		Options{Zone: time.UTC, Reference: evalReference})
	found := false
	for _, e := range res.Entries {
		if strings.HasPrefix(e.Text, "Logins back") {
			found = true
			if e.At.Hour() != 15 {
				t.Errorf("stated UTC, yet 3:05 PM read as %s", e.At)
			}
		}
	}
	if !found {
		t.Errorf("no entry for 3:05 PM: %+v", res.Entries)
	}
}
