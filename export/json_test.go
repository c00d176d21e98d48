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
