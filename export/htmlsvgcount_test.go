package export

import (
	"strings"
	"testing"
	"time"
)

// TestTimelineSummaryCountsKeyEvents: one key event is "1 key event", not
// "1 key events".
func TestTimelineSummaryCountsKeyEvents(t *testing.T) {
	for n, want := range map[int]string{1: "; 1 key event marked", 4: "; 4 key events marked"} {
		if got := timelineSummary(nil, n, time.UTC); !strings.HasSuffix(got, want) {
			t.Errorf("%d key events: got %q, want it to end %q", n, got, want)
		}
	}
}
