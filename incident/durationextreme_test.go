package incident

import (
	"math"
	"strings"
	"testing"
	"time"
)

// The extremes a zero time (an unreadable stored value) minus now can
// give: -math.MinInt64 overflows back to itself, which once made
// FormatDuration recurse until the stack ran out.
func TestFormatDurationExtremes(t *testing.T) {
	for _, d := range []time.Duration{math.MinInt64, math.MinInt64 + 1, math.MaxInt64, time.Until(time.Time{})} {
		got := FormatDuration(d)
		if !strings.HasSuffix(got, "d 23h") && !strings.HasSuffix(got, "d") {
			t.Errorf("FormatDuration(%d) = %q", d, got)
		}
		if (d < 0) != strings.HasPrefix(got, "-") {
			t.Errorf("FormatDuration(%d) = %q: sign", d, got)
		}
	}
}
