package incident

import (
	"fmt"
	"math"
	"time"
)

// FormatDuration renders a duration the way people say it in a postmortem:
// "45s", "7m", "1h 43m", "2d 3h". It rounds to the second below a minute and
// to the minute above.
func FormatDuration(d time.Duration) string {
	if d < 0 {
		if d == math.MinInt64 {
			d++ // -d would overflow back to itself
		}
		return "-" + FormatDuration(-d)
	}
	if d = d.Round(time.Second); d < time.Minute {
		return fmt.Sprintf("%ds", int(d/time.Second))
	}
	m := int(d.Round(time.Minute) / time.Minute)
	days, hours, mins := m/(24*60), (m/60)%24, m%60
	switch {
	case days > 0 && hours > 0:
		return fmt.Sprintf("%dd %dh", days, hours)
	case days > 0:
		return fmt.Sprintf("%dd", days)
	case hours > 0 && mins > 0:
		return fmt.Sprintf("%dh %dm", hours, mins)
	case hours > 0:
		return fmt.Sprintf("%dh", hours)
	}
	return fmt.Sprintf("%dm", mins)
}
