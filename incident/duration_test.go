package incident

import (
	"testing"
	"time"
)

func TestFormatDuration(t *testing.T) {
	for _, c := range []struct {
		in   time.Duration
		want string
	}{
		{0, "0s"},
		{45 * time.Second, "45s"},
		{59*time.Second + 600*time.Millisecond, "1m"},
		{7 * time.Minute, "7m"},
		{7*time.Minute + 29*time.Second, "7m"},
		{time.Hour, "1h"},
		{time.Hour + 43*time.Minute, "1h 43m"},
		{26 * time.Hour, "1d 2h"},
		{48 * time.Hour, "2d"},
		{-5 * time.Minute, "-5m"},
	} {
		if got := FormatDuration(c.in); got != c.want {
			t.Errorf("FormatDuration(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}
