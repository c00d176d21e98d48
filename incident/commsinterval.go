package incident

import (
	"strings"
	"time"
)

// ParseInterval reads a span of time as people type it for a cadence, a
// reminder or a deadline: "20m", "1h30m", "1h 30m", "90 s", "1.5 hours",
// "an hour", "2d" — the grammar of relative times ("-5m"), without the
// sign. what names the value in the error ("update_every", "reminder").
// It must be at least a second and at most a year.
func ParseInterval(what, in string) (time.Duration, error) {
	s := strings.ToLower(strings.TrimSpace(in))
	s = strings.TrimPrefix(s, "in ")
	d, ok := parseSpan(s)
	switch {
	case !ok:
		return 0, Errorf(EINVALID, "invalid %s %q: use a span such as 15m, 1h, 1h30m or 2d", what, in)
	case d < time.Second:
		return 0, Errorf(EINVALID, "invalid %s %q: a span of at least a second is needed, such as 15m", what, in)
	case d > maxRelative:
		return 0, Errorf(EINVALID, "invalid %s %q: at most a year is accepted", what, in)
	}
	return d, nil
}
