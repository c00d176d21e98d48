package ingest

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"scribe/incident"
)

// FuzzParse feeds arbitrary text to the parser: it must not panic, must
// return entries that a store accepts, sorted, each from a real line, and
// (the parser being linear) must not hang.
func FuzzParse(f *testing.F) {
	inputs, _ := filepath.Glob("testdata/*.[mt][dx]*")
	evals, _ := filepath.Glob("testdata/eval/*.[mt][dx]*")
	documents, _ := filepath.Glob("testdata/documents/*.[mt][dx]*")
	for _, in := range append(append(inputs, evals...), documents...) {
		if data, err := os.ReadFile(in); err == nil {
			f.Add(string(data))
		}
	}
	for _, s := range []string{
		"", "\n\n", "```\n14:02 x", "| 14:02 |", "|---|", "- 2023-02-30 10:00 bad day", "### 24:00",
		"Posted", "Resolved\nPosted Jun 03, 2021 - 25:99 PDT", "On May 7 at", "At 7am", "12/13/2024 10:00 - x",
		"- 7-13th Nov - x", "~14:05-ish–14:20 (UTC) x", "[14:02", "(14:02) x", "1:03\n\n\n", "---\ntitle: x",
		"\ufeff# t\n23:59 a\n00:01 b\n", "- First detected: 2024-04-15 14.43", "Jan 31, 11:59 PM UTC+14:00 x",
	} {
		f.Add(s)
	}
	ref := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string) {
		res := ParseText(text, Options{Zone: time.UTC, Year: 2024, Reference: ref})
		lines := strings.Count(text, "\n") + 1
		if !sort.SliceIsSorted(res.Entries, func(i, j int) bool { return res.Entries[i].At.Before(res.Entries[j].At) }) {
			t.Fatalf("entries not sorted")
		}
		for _, e := range res.Events(1, "") {
			if err := e.Validate(); err != nil {
				t.Fatalf("entry %+v is not a valid event: %v", e, err)
			}
			if !utf8.ValidString(e.Text) || e.OccurredAt.Location() != time.UTC {
				t.Fatalf("entry %+v: text not UTF-8 or time not UTC", e)
			}
		}
		for _, e := range res.Entries {
			if e.Line < 1 || e.Line > lines {
				t.Fatalf("entry line %d outside 1..%d", e.Line, lines)
			}
			if e.Kind == incident.KindStatus && e.State == "" {
				t.Fatalf("status entry without a state: %+v", e)
			}
		}
		for _, a := range res.ActionItems {
			if err := a.Validate(); err != nil {
				t.Fatalf("action item %+v is not valid: %v", a, err)
			}
		}
		for _, n := range res.Retro {
			if err := n.Validate(); err != nil {
				t.Fatalf("retro note %+v is not valid: %v", n, err)
			}
		}
		inc := res.NewIncident("fallback", "UTC")
		if err := inc.Validate(); err != nil {
			t.Fatalf("incident %+v is not valid: %v", inc, err)
		}
		for _, f := range []string{inc.Summary, inc.Impact, inc.RootCause, inc.Trigger, inc.Resolution} {
			if err := incident.ValidateText("narrative", f, false); err != nil {
				t.Fatalf("narrative field: %v", err)
			}
		}
		for _, p := range res.Problems {
			if p.Line < 1 || p.Line > lines || p.Reason == "" {
				t.Fatalf("problem %+v", p)
			}
		}
	})
}
