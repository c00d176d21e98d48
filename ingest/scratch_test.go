package ingest

import (
	"os"
	"testing"
	"time"
)

func TestScratch(t *testing.T) {
	b, _ := os.ReadFile(os.Getenv("F"))
	res := ParseText(string(b), Options{Zone: time.UTC, Reference: evalReference})
	for _, e := range res.Entries {
		t.Logf("%s %q", e.At.UTC().Format(time.RFC3339), e.Text)
	}
	for _, p := range res.Problems {
		t.Logf("problem %+v", p)
	}
	for _, a := range res.ActionItems {
		t.Logf("item %+v", a)
	}
	t.Logf("notes %q", res.Notes)
}
