package cli

import (
	"strings"
	"testing"

	"scribe/incident"
)

func TestNarrativeRoundTrip(t *testing.T) {
	inc := incident.Incident{Title: "Replica lag", Summary: "Line one.\n\nLine two.", Services: []string{"orders", "db"}, RootCause: "A ## inside text is fine"}
	values, err := parseNarrative(renderNarrative(inc))
	if err != nil {
		t.Fatal(err)
	}
	if values[incident.FieldSummary] != inc.Summary || values[incident.FieldTitle] != "Replica lag" ||
		values[incident.FieldServices] != "orders, db" || values[incident.FieldRootCause] != inc.RootCause || values[incident.FieldImpact] != "" {
		t.Errorf("round trip = %#v", values)
	}
}

func TestNarrativeRefusesWhatItCannotPlace(t *testing.T) {
	for _, text := range []string{
		"## Summary\nok\n## Sumary\ntypo loses nothing\n",
		"stray text before any section\n## Summary\nx\n",
	} {
		if _, err := parseNarrative(text); err == nil || incident.ErrorCode(err) != incident.EINVALID {
			t.Errorf("parseNarrative(%q) error = %v, want an invalid-input error", text, err)
		}
	}
	if _, err := parseNarrative("<!-- hint -->\n\n## Impact\n\n" + strings.Repeat("x", 10) + "\n"); err != nil {
		t.Errorf("hint comment refused: %v", err)
	}
}
