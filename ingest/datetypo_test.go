package ingest

import (
	"strings"
	"testing"
	"time"
)

// A date with a colon typed for its second separator ("14-03:2024 16:20")
// in a list of day-first dates is that date, and stderr says it was mended;
// a clock ("14:03") or a version ("1.2:3") is not a date.
func TestDateSeparatorTypo(t *testing.T) {
	doc := "# Proxy outage\n\n## Timeline\n\n" +
		"* 13-03-2024 09:10 - Proxy pool rebuilt with the new image.\n" +
		"* 14-03-2024 11:05 - Clients began to time out.\n" +
		"* 14-03:2024 16:20 - Old image restored on every proxy.\n" +
		"* 15-03-2024 08:00 - Monitoring closed the alert.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	found := false
	for _, e := range res.Entries {
		if strings.HasPrefix(e.Text, "Old image restored") {
			found = true
			if got := e.At.UTC().Format(time.RFC3339); got != "2024-03-14T16:20:00Z" {
				t.Errorf("mended entry at %s, want 2024-03-14T16:20:00Z", got)
			}
		}
	}
	if !found || len(res.Entries) != 4 {
		t.Fatalf("entries %+v, want four with the mended one", res.Entries)
	}
	noted := false
	for _, pr := range res.Problems {
		noted = noted || pr.Line == 7 && strings.Contains(pr.Reason, "14-03-2024")
	}
	if !noted {
		t.Errorf("no note of the mended date: %+v", res.Problems)
	}
	for _, s := range []string{"14:03 restart", "1.2:3045 12:00 build", "12-30:1999x 10:00"} {
		if _, _, ok := mendDateSeparator(s); ok {
			t.Errorf("%q mended, want it left as written", s)
		}
	}
	if got, _, _ := mendDateSeparator("**2024-11:01 15:00** - Filter on"); got != "**2024-11-01 15:00** - Filter on" {
		t.Errorf("year first mended to %q", got)
	}
}
