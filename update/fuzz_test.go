package update_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"scribe/incident"
	"scribe/update"
)

// FuzzDraftText: whatever the incident's texts hold, no draft carries a
// control character or an escape sequence, a Slack draft no raw < or >
// from them (no <!channel>, no link), and a Markdown one no raw markup
// character from them.
func FuzzDraftText(f *testing.F) {
	for _, s := range []string{"plain", "<!channel> & <http://x|y>", "\x1b]52;c;aGk=\x07", "*b* _i_ `c` [l](u) | # ~", "a\nb\r\nc\u2028d\u202e", "\xff\xfe"} {
		f.Add(s, s)
	}
	loc := time.UTC
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, loc)
	f.Fuzz(func(t *testing.T, title, text string) {
		snap := incident.Snapshot{
			Incident: incident.Incident{ID: 1, Title: title, Impact: text, Severity: 1, State: incident.Identified, Timezone: "UTC",
				Milestones: incident.Milestones{incident.MilestoneDeclared: now.Add(-time.Hour)}},
			Events: []incident.Event{
				{ID: 1, IncidentID: 1, OccurredAt: now.Add(-30 * time.Minute), Kind: incident.KindStatus, State: incident.Identified, Text: text},
				{ID: 2, IncidentID: 1, OccurredAt: now.Add(-10 * time.Minute), Kind: incident.KindAction, Text: title + " " + text},
			},
			UpdateEvery: 20 * time.Minute,
		}
		for _, f := range update.Formats {
			var b bytes.Buffer
			if err := update.Render(&b, update.Build(snap, update.Options{Format: f, Now: now}), nil); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			if i := strings.IndexFunc(out, func(r rune) bool {
				return (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == '\u202e' || r == '\u2028'
			}); i >= 0 {
				t.Fatalf("%s draft has a control character at %d: %q", f, i, out)
			}
			if f == update.FormatSlack && strings.ContainsAny(out, "<>") {
				t.Fatalf("slack draft has a raw < or >: %q", out)
			}
		}
	})
}
