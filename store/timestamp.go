package store

import (
	"fmt"
	"time"
)

// timeLayout is the one way times are written to the database: UTC with
// all nine fractional digits, so that every value has the same width and
// text order (what SQLite sorts and indexes by) is time order.
// time.RFC3339Nano trims trailing zeros and would sort "…05Z" after "…05.1Z".
const timeLayout = "2006-01-02T15:04:05.000000000Z"

// formatTime renders t for storage. Like parseTime it runs once per event
// of a 100,000-event import, so the fixed layout is written by hand.
func formatTime(t time.Time) string {
	t = t.UTC()
	year, month, day := t.Date()
	if year < 0 || year > 9999 {
		return t.Format(timeLayout) // out of the layout's range; never sorts right anyway
	}
	hour, minute, sec := t.Clock()
	b := []byte(timeLayout)
	putDigits(b[0:4], year)
	putDigits(b[5:7], int(month))
	putDigits(b[8:10], day)
	putDigits(b[11:13], hour)
	putDigits(b[14:16], minute)
	putDigits(b[17:19], sec)
	putDigits(b[20:29], t.Nanosecond())
	return string(b)
}

// putDigits writes n into b in decimal, zero-padded to len(b).
func putDigits(b []byte, n int) {
	for i := len(b) - 1; i >= 0; i-- {
		b[i] = byte('0' + n%10)
		n /= 10
	}
}

// nullTime renders t for a nullable column: NULL when t is zero.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return formatTime(t)
}

// parseTime reads a stored time back, in UTC. Reading a long timeline
// parses hundreds of thousands of these, so the fixed layout is decoded by
// hand; anything else falls back to time.Parse and its error.
func parseTime(s string) (time.Time, error) {
	if t, ok := parseFixed(s); ok {
		return t, nil
	}
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q is malformed: %w", s, err)
	}
	return t.UTC(), nil
}

// parseFixed decodes exactly timeLayout, reporting false for anything else
// (including out-of-range fields, which time.Date would normalise).
func parseFixed(s string) (time.Time, bool) {
	if len(s) != len(timeLayout) || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
		s[16] != ':' || s[19] != '.' || s[29] != 'Z' {
		return time.Time{}, false
	}
	num := func(from, to int) (int, bool) {
		n := 0
		for i := from; i < to; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	year, ok1 := num(0, 4)
	month, ok2 := num(5, 7)
	day, ok3 := num(8, 10)
	hour, ok4 := num(11, 13)
	minute, ok5 := num(14, 16)
	sec, ok6 := num(17, 19)
	nsec, ok7 := num(20, 29)
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && ok7) || month < 1 || month > 12 || day < 1 ||
		hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC)
	if t.Day() != day { // 31 February and friends
		return time.Time{}, false
	}
	return t, true
}
