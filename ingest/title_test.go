package ingest

import (
	"testing"
	"time"
)

// A title comes from a heading, a "Title:" line or a first line that reads
// like one; a timeline with none has none (the import then names the file).
func TestTitle(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"plain list", "- 2026-11-20 14:02:05 UTC replica lag\n- 2026-11-20 14:03:00 UTC paged\n", ""},
		{"bare lines", "2026-11-20 14:02 replica lag\n2026-11-20 14:05 paged\n", ""},
		{"numbered", "1. 14:02 UTC replica lag\n2. 14:05 paged\n", ""},
		{"table", "| Time | Event |\n|---|---|\n| 14:02 | lag |\n", ""},
		{"status word", "Resolved - all good\nPosted Jun 03, 2021 - 09:12 PDT\n", ""},
		{"list note first", "- the database team was paged\n- 2026-11-20 14:05 UTC paged\n", ""},
		{"heading", "## Orders lag\n\n- 2026-11-20 14:02 UTC replica lag\n", "Orders lag"},
		{"title field", "Title: **Orders lag**\n\n- 2026-11-20 14:02 UTC replica lag\n", "Orders lag"},
		{"title field second", "Incident 4411\nTitle: Orders lag\n- 2026-11-20 14:02 UTC replica lag\n", "Incident 4411"},
		{"first line", "Orders lag on shard 3\n\n- 2026-11-20 14:02 UTC replica lag\n", "Orders lag on shard 3"},
	} {
		res := ParseText(c.in, Options{Reference: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)})
		if res.Title != c.want {
			t.Errorf("%s: title %q, want %q", c.name, res.Title, c.want)
		}
		if len(res.Entries) == 0 && c.name != "status word" {
			t.Errorf("%s: no entries (problems %v)", c.name, res.Problems)
		}
	}
	res := ParseText("Title: Orders lag 2026-11-20 14:00 UTC\n- 14:02 replica lag\n", Options{})
	if res.Title != "Orders lag 2026-11-20 14:00 UTC" || len(res.Entries) != 1 || res.Entries[0].Text != "replica lag" {
		t.Errorf("a Title: line is the title, not an entry: title %q, entries %+v", res.Title, res.Entries)
	}
}

// A heading after a first line that is an entry names a section, not the
// document.
func TestTitleNotASection(t *testing.T) {
	res := ParseText("- 2026-11-20 14:02 UTC replica lag\n## Timeline\n- 2026-11-20 14:05 UTC paged\n", Options{})
	if res.Title != "" || len(res.Entries) != 2 {
		t.Errorf("title %q with %d entries, want none and 2", res.Title, len(res.Entries))
	}
}
