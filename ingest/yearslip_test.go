package ingest

import (
	"strings"
	"testing"
	"time"
)

// One line of a dated timeline written a year off ("2023-06-02" among
// 2024-06-02 lines) takes its neighbours' year where that puts it in the
// listed order, with a note; a timeline crossing a new year keeps its years.
func TestYearSlipMended(t *testing.T) {
	doc := "# Queue backlog\n\n## Timeline\n\n" +
		"- 2024-06-02 09:00 Consumers stopped acking.\n" +
		"- 2024-06-02 09:12 Backlog alert fired.\n" +
		"- 2023-06-02 09:20 Consumer pool restarted.\n" +
		"- 2024-06-02 09:45 Backlog drained.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	if len(res.Entries) != 4 {
		t.Fatalf("entries %+v", res.Entries)
	}
	for _, e := range res.Entries {
		if e.At.Year() != 2024 {
			t.Errorf("%q in %d, want 2024", e.Text, e.At.Year())
		}
	}
	if res.Entries[2].Text != "Consumer pool restarted." {
		t.Errorf("third entry %q, want the mended one in its place", res.Entries[2].Text)
	}
	noted := false
	for _, pr := range res.Problems {
		noted = noted || pr.Line == 7 && strings.Contains(pr.Reason, "read as 2024")
	}
	if !noted {
		t.Errorf("no note of the mended year: %+v", res.Problems)
	}

	newYear := "# Certificate expiry\n\n## Timeline\n\n" +
		"- 2024-12-31 23:40 Renewal job failed.\n" +
		"- 2025-01-01 00:05 Handshakes began to fail.\n" +
		"- 2025-01-01 00:30 Certificate replaced.\n"
	res = ParseText(newYear, Options{Zone: time.UTC, Reference: evalReference})
	if len(res.Entries) != 3 || res.Entries[0].At.Year() != 2024 || res.Entries[1].At.Year() != 2025 {
		t.Errorf("entries across the new year %+v", res.Entries)
	}
	for _, pr := range res.Problems {
		if strings.Contains(pr.Reason, "between entries of") {
			t.Errorf("a year mended across the new year: %+v", pr)
		}
	}

	// Headed 2023-01-05, two lines typed 2022 around one of 2023: the
	// 2023 line is the document's year and stays.
	headed := "### Incident on 2023-01-05 08:56 - Build secrets rotated\n\n- **Key events**\n" +
		"  - Incident declared: 2022-01-05 08:56\n  - Repaired 2023-02-01 10:30\n  - Resolved 2022-02-01 10:30\n"
	res = ParseText(headed, Options{Zone: time.UTC, Reference: evalReference})
	for _, e := range res.Entries {
		if e.Text == "Repaired" && e.At.Year() != 2023 {
			t.Errorf("the line in the document's year moved to %d", e.At.Year())
		}
	}
}
