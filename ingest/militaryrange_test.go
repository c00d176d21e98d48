package ingest

import (
	"testing"
	"time"
)

// A prose write-up that opens "On <date> between the hours of 0800 and
// 0930 UTC, …": the span's start is an entry, unless a sentence of its own
// tells that minute, which the span then only summarises.
func TestMilitarySpanSentence(t *testing.T) {
	for _, c := range []struct {
		doc  string
		want []string
	}{
		{"# Relay slowdown\n\nOn May 9, 2024 between the hours of 0800 and 0930 UTC, the mail relay was slow for most customers.\n\nAt 0815 UTC, queue depth reached its peak.\n",
			[]string{"08:00 The mail relay was slow for most customers.", "08:15 Queue depth reached its peak."}},
		{"# Relay slowdown\n\nOn May 9, 2024 between the hours of 0800 and 0930 UTC, the mail relay was slow for most customers.\n\nAt 0800 UTC, a malformed config was deployed.\n",
			[]string{"08:00 A malformed config was deployed."}},
	} {
		res := ParseText(c.doc, Options{Zone: time.UTC, Reference: evalReference})
		var got []string
		for _, e := range res.Entries {
			got = append(got, e.At.Format("15:04")+" "+e.Text)
		}
		if len(got) != len(c.want) {
			t.Errorf("entries %q, want %q", got, c.want)
			continue
		}
		for i := range c.want {
			if got[i] != c.want[i] {
				t.Errorf("entry %d %q, want %q", i, got[i], c.want[i])
			}
		}
	}
}
