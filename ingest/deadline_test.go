package ingest

import (
	"strings"
	"testing"
	"time"
)

// The fields of an item written in brackets after its title are the item's,
// and none of them is left in the title.
func TestBracketedItemFields(t *testing.T) {
	for text, want := range map[string][4]string{
		"Add a canary stage for config pushes (@ken, P1, due 2026-12-01)": {"Add a canary stage for config pushes", "@ken", "P1", "2026-12-01"},
		"Alert on pgbouncer queue depth (@ana, P2)":                       {"Alert on pgbouncer queue depth", "@ana", "P2", ""},
		"Rotate the signing key [@sam; due 2026-03-04]":                   {"Rotate the signing key", "@sam", "", "2026-03-04"},
		"Ask @ken (the DBA) about replica lag":                            {"Ask @ken (the DBA) about replica lag", "", "", ""},
	} {
		it := parseItem(text, 2026)
		got := [4]string{it.Title, it.Owner, string(it.Priority), it.Due}
		if want[1] == "" {
			got[1] = "" // a mention inside the text may or may not be taken as the owner; the title must stay whole
		}
		if got != want {
			t.Errorf("parseItem(%q) = %q, want %q", text, got, want)
		}
	}
}

// A deadline is not the incident's date: a document whose only full date is
// a follow-up's due date places its time-only timeline on the reference day,
// and a time that would be in the future goes on the day before, saying so.
func TestDeadlineIsNotTheDocumentDate(t *testing.T) {
	doc := "# Payments API returned errors\n\n## Timeline (all times UTC)\n- 14:02 Error rate alert fired\n- 14:30 Error rate normal\n\n" +
		"## Action items\n- Add a canary stage (@ken, P1, due 2026-12-20)\n"
	now := time.Date(2026, 12, 6, 3, 0, 0, 0, time.UTC)
	r := ParseText(doc, Options{Reference: now, ReferenceName: "today's date", Now: now})
	if len(r.Entries) != 2 {
		t.Fatalf("entries: %+v", r.Entries)
	}
	if want := time.Date(2026, 12, 5, 14, 2, 0, 0, time.UTC); !r.Entries[0].At.Equal(want) {
		t.Errorf("first entry at %v, want %v (the day before today, not the due date)", r.Entries[0].At, want)
	}
	if !strings.Contains(strings.Join(r.Notes, "\n"), "no date for its first times") {
		t.Errorf("no note says the date was assumed: %q", r.Notes)
	}
	later := time.Date(2026, 12, 6, 15, 0, 0, 0, time.UTC)
	r = ParseText(doc, Options{Reference: later, Now: later})
	if want := time.Date(2026, 12, 6, 14, 2, 0, 0, time.UTC); len(r.Entries) == 0 || !r.Entries[0].At.Equal(want) {
		t.Errorf("entries after the times have passed: %+v, want the first at %v", r.Entries, want)
	}
}
