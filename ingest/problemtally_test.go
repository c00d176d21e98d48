package ingest

import (
	"strings"
	"testing"
)

// The tally says what happened to what: text's lines not read or cut, a
// JSON document's entries left out or imported without a value.
func TestTally(t *testing.T) {
	for _, c := range []struct {
		name     string
		problems []Problem
		phrases  string
		short    string
	}{
		{"none", nil, "", ""},
		{"lines", []Problem{{Line: 3}, {Line: 4}, {Line: 9, Changed: true}}, "2 lines could not be read|1 line imported with a change", "2 lines not read, 1 changed"},
		{"a cut line", []Problem{{Line: 9, Changed: true}}, "1 line imported with a change", "1 line changed"},
		{"entries", []Problem{{Entry: "event 2", Reason: "not imported"}, {Entry: "action item 1", Changed: true}},
			"1 entry could not be read|1 entry imported without a value that could not be read", "1 entry left out, 1 without a value"},
		{"entries changed", []Problem{{Entry: "action item 1", Changed: true}, {Entry: "role 2", Changed: true}},
			"2 entries imported without values that could not be read", "2 entries imported without a value"},
	} {
		tally := Tally(c.problems)
		if got := strings.Join(tally.Phrases(), "|"); got != c.phrases {
			t.Errorf("%s: phrases %q, want %q", c.name, got, c.phrases)
		}
		if got := tally.Short(); got != c.short {
			t.Errorf("%s: short %q, want %q", c.name, got, c.short)
		}
	}
}
