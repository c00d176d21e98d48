package ingest

import (
	"testing"
	"time"
)

// "~ 06:27" (a tilde, a space, then the time) is an approximate time as
// "~06:27" is, not a line without a time of day.
func TestApproxMarkWithSpace(t *testing.T) {
	doc := "# Feed stall\n\n## Timeline\n\n* 4 May 2025 06:20 - Manual run succeeds\n* 4 May 2025 ~ 06:27 - Manual run fails again\n* 4 May 2025 ≈ 06:40 - Developer pinged\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	if len(res.Entries) != 3 || len(res.Problems) != 0 {
		t.Fatalf("entries %+v problems %+v, want three and none", res.Entries, res.Problems)
	}
	if want := time.Date(2025, 5, 4, 6, 27, 0, 0, time.UTC); !res.Entries[1].At.Equal(want) {
		t.Errorf("second entry at %v, want %v", res.Entries[1].At, want)
	}
}
