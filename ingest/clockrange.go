package ingest

import (
	"fmt"
	"strings"
)

// noTimeReason says why a dated line has no time of day, rest being what
// follows its date: "no time of day", or which part of a clock no day has
// ("25:10", "14:75") does not exist.
func noTimeReason(rest string) string {
	if reason, ok := impossibleClock(rest); ok {
		return "no such time of day: " + reason
	}
	return "no time of day"
}

// badClockReason says why a line that opens with a clock cannot be read.
func badClockReason(line string) string {
	if reason, ok := impossibleClock(line); ok {
		return "unreadable time: " + reason
	}
	return "unreadable time (write HH:MM, 24-hour or with am/pm)"
}

// impossibleClock reads the HH:MM s opens with and, when its hour or
// minute does not exist (24:00 is left to the check that explains it),
// says so.
func impossibleClock(s string) (string, bool) {
	r := strings.TrimLeft(s, " \t,*_[(`~T")
	h, n := number(r, 0, 2)
	if n == 0 || byteAt(r, n) != ':' {
		return "", false
	}
	m, n2 := number(r, n+1, 2)
	if n2 != 2 || isDigit(byteAt(r, n+3)) {
		return "", false
	}
	const day = "(a time of day runs from 00:00 to 23:59)"
	switch {
	case h > 24 || h == 24 && m != 0:
		return fmt.Sprintf("hour %d does not exist %s", h, day), true
	case m > 59:
		return fmt.Sprintf("minute %d does not exist %s", m, day), true
	}
	return "", false
}
