package ingest

import (
	"testing"
	"time"
)

// A time told on someone's own clock ("at 1am her time") has no zone the
// text gives: the sentence is no entry, where one at a time in the
// document's zone is.
func TestPersonalClockIsNoEntry(t *testing.T) {
	doc := "# Cache purge\n\nAll times UTC.\n\n## What went well\n\n" +
		"1. The one engineer who could purge the cache was awake at 1am her time.\n" +
		"2. The purge finished at 09:40 on 2024-04-02.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	for _, e := range res.Entries {
		if e.At.UTC().Hour() == 1 {
			t.Errorf("a time on a person's clock read as an entry: %+v", e)
		}
	}
	if !personalClock("awake at 1am her time.", len("awake at 1am")) || personalClock("at 1am the pager went off", len("at 1am")) {
		t.Error("personalClock misread")
	}
}
