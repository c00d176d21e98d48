package export

import (
	"bytes"
	"testing"

	"scribe/incident"
)

// TestJSONRoundTrip: NewDocument → JSON → ParseDocument → Snapshot gives
// back the same document and the same postmortem.
func TestJSONRoundTrip(t *testing.T) {
	for name, snap := range map[string]incident.Snapshot{
		"search-outage": searchOutage(), "overnight-migration": overnightMigration(), "empty": emptyIncident(),
	} {
		t.Run(name, func(t *testing.T) {
			var first bytes.Buffer
			if err := JSON(&first, snap); err != nil {
				t.Fatal(err)
			}
			doc, err := incident.ParseDocument(first.Bytes())
			if err != nil {
				t.Fatalf("ParseDocument: %v\n%s", err, first.Bytes())
			}
			back, err := doc.Snapshot()
			if err != nil {
				t.Fatal(err)
			}
			var second bytes.Buffer
			if err := JSON(&second, back); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Errorf("JSON changed on the round trip\n--- first ---\n%s\n--- second ---\n%s", first.Bytes(), second.Bytes())
			}
			for _, opts := range []Options{{}, {Names: true}} {
				var a, b bytes.Buffer
				if err := Markdown(&a, snap, opts); err != nil {
					t.Fatal(err)
				}
				if err := Markdown(&b, back, opts); err != nil {
					t.Fatal(err)
				}
				if a.String() != b.String() {
					t.Errorf("Markdown (names=%v) differs after the JSON round trip\n--- before ---\n%s\n--- after ---\n%s", opts.Names, a.String(), b.String())
				}
			}
		})
	}
}

func TestJSONKeepsHTMLReadable(t *testing.T) {
	snap := emptyIncident()
	snap.Incident.Summary = "a <b> & c"
	var buf bytes.Buffer
	if err := JSON(&buf, snap); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte(`"summary": "a <b> & c"`)) {
		t.Errorf("summary not written as typed:\n%s", buf.Bytes())
	}
}

// TestJSONEscapesTerminalControls: C1 controls, bidi overrides and line
// separators leave as \u escapes (a raw U+009B is an 8-bit CSI to a
// terminal), and read back as the characters they were.
func TestJSONEscapesTerminalControls(t *testing.T) {
	snap := searchOutage()
	snap.Incident.Title = "RLO \u202eevil\u202c end"
	snap.Incident.Summary = "CSI \u009b2J in the summary, LS \u2028 too"
	snap.Events[0].Text = "owner \u009d0;title\u0007 \u2066isolated\u2069"
	var out bytes.Buffer
	if err := JSON(&out, snap); err != nil {
		t.Fatal(err)
	}
	for _, raw := range []string{"\u009b", "\u202e", "\u202c", "\u2028", "\u009d", "\u2066", "\u2069"} {
		if bytes.Contains(out.Bytes(), []byte(raw)) {
			t.Errorf("JSON passes %U raw", []rune(raw)[0])
		}
	}
	for _, esc := range []string{`\u009b`, `\u202e`, `\u2028`, `\u009d`, `\u0007`, `\u2066`} {
		if !bytes.Contains(out.Bytes(), []byte(esc)) {
			t.Errorf("JSON lacks the escape %s", esc)
		}
	}
	doc, err := incident.ParseDocument(out.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if doc.Incident.Title != snap.Incident.Title || doc.Events[0].Text != snap.Events[0].Text {
		t.Errorf("escaped text reads back as %q / %q", doc.Incident.Title, doc.Events[0].Text)
	}
}
