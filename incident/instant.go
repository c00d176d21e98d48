package incident

import "time"

// The range of instants scribe accepts, wherever a time enters (the CLI's
// --at, the TUI, imports, JSON documents). Outside it a time is a typo or a
// forged value: a year-10000 instant cannot be stored in the fixed-width
// layout, and a year-1 milestone makes every metric meaningless.
var (
	minInstant = time.Date(1970, time.January, 1, 0, 0, 0, 0, time.UTC)
	maxInstant = time.Date(2200, time.January, 1, 0, 0, 0, 0, time.UTC)
)

// InstantRange is the accepted range, for messages and tests: from the
// first instant of 1970 (inclusive) to the first of 2200 (exclusive), UTC.
func InstantRange() (from, until time.Time) { return minInstant, maxInstant }

// CheckInstant refuses a non-zero instant outside InstantRange; what names
// the value in the message ("--at", "event time", "line 12"). The zero time
// means "not set" and passes: callers that need a time check for it.
func CheckInstant(what string, t time.Time) error {
	if t.IsZero() || (!t.Before(minInstant) && t.Before(maxInstant)) {
		return nil
	}
	return Errorf(EINVALID, "%s: %s is outside the times scribe accepts (1970-01-01 to 2199-12-31 UTC)",
		what, t.UTC().Format("2006-01-02 15:04 UTC"))
}
