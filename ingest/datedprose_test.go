package ingest

import (
	"strings"
	"testing"
	"time"
)

// A timeline table whose first cell gives a day and whose other cell
// tells it in sentences: the sentences' times are entries on that day,
// "20:50pm" read as the 24-hour time it is.
func TestDatedProseTableRows(t *testing.T) {
	doc := "# Relay outages - August 2026\n\n_Times are UTC._\n\n## Timeline\n\n| Incident | Brief |\n|---|---|\n" +
		"| [3 August — general outage](https://status.example/1) | Severe errors began around 20:50pm. Improvements were felt at 22:55. |\n" +
		"| 8 August — slow API | Latency started rising from about 11:30am. Errors improved around 12:10pm. |\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	var got []string
	for _, e := range res.Entries {
		got = append(got, e.At.UTC().Format("01-02 15:04"))
	}
	if strings.Join(got, " ") != "08-03 20:50 08-03 22:55 08-08 11:30 08-08 12:10" {
		t.Errorf("entries at %q", got)
	}
}
