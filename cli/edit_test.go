package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"scribe/incident"
	"scribe/store"
)

// TestNarrativeRoundTrip: any text survives render then parse, headings of
// the user's own, lines that read exactly like scribe's headings, near
// misses and escaped ones included.
func TestNarrativeRoundTrip(t *testing.T) {
	texts := []string{
		"Line one.\n\nLine two.",
		"## Details\nThe pool was capped.\n## Timeline\nsee below",
		"## Impact\nthis line reads like the Impact heading",
		"## impact  \n## Root cause\n## Summary",
		"\\## Impact\n\\\\## Trigger\n\\\\\\## Title",
		"## Impacts\n## Sumary\n## Resolutions",
		"#### deeper\n##no space\n ## indented\n##\tTitle",
		"<!-- a comment of my own -->\ntext",
		"ends with a heading line\n## Resolution",
	}
	for _, text := range texts {
		inc := incident.Incident{Title: "Replica lag", Summary: text, RootCause: text, Resolution: text, Services: []string{"orders", "db"}}
		values, err := parseNarrative(renderNarrative(inc))
		if err != nil {
			t.Errorf("parse(render(%q)): %v", text, err)
			continue
		}
		for _, f := range []incident.Field{incident.FieldSummary, incident.FieldRootCause, incident.FieldResolution} {
			if values[f] != text {
				t.Errorf("%s: %q came back as %q", f, text, values[f])
			}
		}
		if values[incident.FieldTitle] != "Replica lag" || values[incident.FieldServices] != "orders, db" || values[incident.FieldImpact] != "" {
			t.Errorf("other fields after %q: %#v", text, values)
		}
	}
}

func TestNarrativeRefusesWhatItCannotPlace(t *testing.T) {
	for text, want := range map[string]string{
		"## Summary\nok\n## Sumary\ntypo loses nothing\n":   `"## Sumary" looks like the Summary heading misspelt`,
		"stray text before any section\n## Summary\nx\n":    "text before the first section",
		"## Summary\na\n## Impact\nb\n## summary\nc\n":      "the Summary section appears twice",
		"<!-- only the hint, every heading deleted -->\n\n": "no sections",
	} {
		if _, err := parseNarrative(text); err == nil || incident.ErrorCode(err) != incident.EINVALID || !strings.Contains(err.Error(), want) {
			t.Errorf("parseNarrative(%q) error = %v, want %q", text, err, want)
		}
	}
	if _, err := parseNarrative("<!-- hint -->\n\n## Impact\n\n" + strings.Repeat("x", 10) + "\n"); err != nil {
		t.Errorf("hint comment refused: %v", err)
	}
	values, err := parseNarrative("## Services\napi\ndb, cache\n")
	if err != nil || values[incident.FieldServices] != "api, db, cache" {
		t.Errorf("services one a line: %q, %v", values[incident.FieldServices], err)
	}
}

// TestSaveNarrativeMergesByBase: a section left as the editor opened it
// keeps a change made elsewhere meanwhile; a section changed on both sides
// keeps both (text) or the other change (title), and says so.
func TestSaveNarrativeMergesByBase(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "scribe.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	inc := incident.Incident{Title: "Replica lag", Severity: 2, State: incident.Investigating, Timezone: "UTC",
		Summary: "first summary", Impact: "first impact", Trigger: "first trigger"}
	if err := st.CreateIncident(ctx, &inc, incident.Origin{}); err != nil {
		t.Fatal(err)
	}
	base, err := parseNarrative(renderNarrative(inc))
	if err != nil {
		t.Fatal(err)
	}
	// Another process, while the editor is open.
	if _, err := st.UpdateIncident(ctx, inc.ID, func(c *incident.Incident) error {
		c.Impact, c.Trigger, c.Title = "impact changed elsewhere", "trigger changed elsewhere", "Title changed elsewhere"
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	edited := map[incident.Field]string{}
	for f, v := range base {
		edited[f] = v
	}
	edited[incident.FieldSummary] = "my summary"
	edited[incident.FieldTrigger] = "my trigger"
	edited[incident.FieldTitle] = "My title"
	notes, keep, err := testApp().saveNarrative(ctx, st, inc.ID, base, edited)
	if err != nil {
		t.Fatal(err)
	}
	got, err := st.Incident(ctx, inc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Summary != "my summary" {
		t.Errorf("summary %q: the edit of an untouched field is lost", got.Summary)
	}
	if got.Impact != "impact changed elsewhere" {
		t.Errorf("impact %q: a concurrent change was reverted", got.Impact)
	}
	if want := "trigger changed elsewhere\n\n" + incident.ConflictNote + "\n\nmy trigger"; got.Trigger != want {
		t.Errorf("trigger %q, want both versions", got.Trigger)
	}
	if got.Title != "Title changed elsewhere" || !keep {
		t.Errorf("title %q keep=%v: a title conflict keeps the other change and the edit file", got.Title, keep)
	}
	all := strings.Join(notes, "\n")
	if !strings.Contains(all, "conflict in Trigger") || !strings.Contains(all, "conflict in Title") || strings.Contains(all, "Impact") {
		t.Errorf("notes:\n%s", all)
	}
}

// FuzzNarrativeRoundTrip: whatever a field holds (as stored: trimmed, "\n"
// line ends), the edit file gives it back unchanged.
func FuzzNarrativeRoundTrip(f *testing.F) {
	for _, s := range []string{"## Impact", "\\## Title\nx", "## Sumary", "a\n\n## Details\nb", "<!-- x -->"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		text = strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n"))
		inc := incident.Incident{Title: "T", Summary: text}
		values, err := parseNarrative(renderNarrative(inc))
		if err != nil {
			t.Fatalf("parse(render(%q)): %v", text, err)
		}
		if values[incident.FieldSummary] != text {
			t.Fatalf("%q came back as %q", text, values[incident.FieldSummary])
		}
	})
}
