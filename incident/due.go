package incident

import (
	"strconv"
	"strings"
	"sync"
	"time"
)

// dueForms is how errors name the accepted due dates.
const dueForms = "use a date (2026-12-04), today, tomorrow, a weekday (friday, next fri), +3d, +2w, in 3 days, in 2 weeks, next week or next month; none clears it"

// maxDueAhead bounds relative due dates: further out than this, a date says
// what is meant, and the bound keeps the arithmetic far from overflow.
const maxDueAhead = 10 * 366

// ParseDue reads an action item's due date as typed in the CLI (--due) or
// the TUI, and returns it as YYYY-MM-DD ("" for none). today is the
// current time; zone decides which calendar day that is (the incident's
// zone; UTC when nil). The forms:
//
//   - a date: 2026-12-04 or 2026/12/04
//   - today, tomorrow
//   - a weekday, full or short, alone or after "next" or "this": friday,
//     fri, next friday — the first such day after today, never today itself
//     (a due date of today is written "today")
//   - a count of days, weeks or months ahead: +3d, +2w, +1mo, 3d, in 3 days,
//     in 2 weeks, in a week, in 1 month; next week (+7 days), next month
//   - "" or none: no due date
//
// A month ahead is the same day of the month, or the month's last day when
// it is shorter (Jan 31 + 1 month is Feb 28). Anything else is an EINVALID
// error naming the forms.
func ParseDue(input string, today time.Time, zone *time.Location) (string, error) {
	if zone == nil {
		zone = time.UTC
	}
	s := strings.Join(strings.Fields(strings.ToLower(input)), " ")
	switch s {
	case "", "none", "-", "no", "clear":
		return "", nil
	}
	if len(s) > maxWhenLen {
		return "", dueError(input)
	}
	y, m, d := today.In(zone).Date()
	base := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t, ok, err := dueDate(input, s); ok || err != nil {
		return formatDue(input, t, err)
	}
	switch s {
	case "today":
		return formatDue(input, base, nil)
	case "tomorrow", "tmrw", "tmr":
		return formatDue(input, base.AddDate(0, 0, 1), nil)
	case "next week":
		return formatDue(input, base.AddDate(0, 0, 7), nil)
	case "next month":
		return formatDue(input, addMonths(base, 1), nil)
	}
	if wd, ok := dueWeekday(s); ok {
		ahead := (int(wd)-int(base.Weekday())+6)%7 + 1
		return formatDue(input, base.AddDate(0, 0, ahead), nil)
	}
	if n, unit, ok := dueSpan(s); ok {
		switch unit {
		case 'd':
			return formatDue(input, base.AddDate(0, 0, n), nil)
		case 'w':
			return formatDue(input, base.AddDate(0, 0, 7*n), nil)
		default:
			return formatDue(input, addMonths(base, n), nil)
		}
	}
	return "", dueError(input)
}

// CheckDue validates a stored or imported due date: "" or YYYY-MM-DD within
// the accepted range of instants.
func CheckDue(due string) error {
	if due == "" {
		return nil
	}
	t, err := time.Parse(DateLayout, due)
	if err != nil {
		return Errorf(EINVALID, "invalid due date %s: use YYYY-MM-DD", Quote(due))
	}
	return checkDay("due date", t)
}

// dueDate reads 2026-12-04 or 2026/12/04; ok is false when s is not shaped
// like a date at all.
func dueDate(input, s string) (time.Time, bool, error) {
	m := datePrefix(s)
	if m == nil {
		return time.Time{}, false, nil
	}
	if len(m[0]) != len(s) {
		return time.Time{}, true, Errorf(EINVALID, "invalid due date %s: a due date is a day, without a time: write it as %s", Quote(input), m[0])
	}
	year, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if month < 1 || month > 12 || t.Day() != day {
		return time.Time{}, true, Errorf(EINVALID, "invalid due date %s: %s is not a date; write YYYY-MM-DD", Quote(input), m[0])
	}
	return t, true, nil
}

var weekdayNames = sync.OnceValue(func() map[string]time.Weekday {
	return map[string]time.Weekday{
		"sunday": time.Sunday, "sun": time.Sunday,
		"monday": time.Monday, "mon": time.Monday,
		"tuesday": time.Tuesday, "tue": time.Tuesday, "tues": time.Tuesday,
		"wednesday": time.Wednesday, "wed": time.Wednesday,
		"thursday": time.Thursday, "thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday,
		"friday": time.Friday, "fri": time.Friday,
		"saturday": time.Saturday, "sat": time.Saturday,
	}
})

// dueWeekday reads "friday", "fri", "next friday", "this fri".
func dueWeekday(s string) (time.Weekday, bool) {
	for _, p := range []string{"next ", "this ", "on "} {
		s = strings.TrimPrefix(s, p)
	}
	wd, ok := weekdayNames()[s]
	return wd, ok
}

// dueUnits() maps the unit words of a relative due date to d, w or m.
var dueUnits = sync.OnceValue(func() map[string]byte {
	return map[string]byte{
		"d": 'd', "day": 'd', "days": 'd',
		"w": 'w', "wk": 'w', "wks": 'w', "week": 'w', "weeks": 'w',
		"mo": 'm', "month": 'm', "months": 'm',
	}
})

// dueSpan reads "+3d", "3d", "+2 weeks", "in 3 days", "in a week".
func dueSpan(s string) (n int, unit byte, ok bool) {
	switch {
	case strings.HasPrefix(s, "+"):
		s = strings.TrimSpace(s[1:])
	case strings.HasPrefix(s, "in "):
		s = s[3:]
	}
	if rest, found := strings.CutPrefix(s, "a "); found {
		s = "1 " + rest
	} else if rest, found := strings.CutPrefix(s, "an "); found {
		s = "1 " + rest
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i > 5 {
		return 0, 0, false
	}
	n, _ = strconv.Atoi(s[:i])
	unit, ok = dueUnits()[strings.TrimSpace(s[i:])]
	if !ok {
		return 0, 0, false
	}
	days := n
	switch unit {
	case 'w':
		days = 7 * n
	case 'm':
		days = 31 * n
	}
	if days > maxDueAhead {
		return 0, 0, false
	}
	return n, unit, true
}

// addMonths moves t (a midnight) n calendar months ahead, keeping the day
// of the month or, when the target month is shorter, taking its last day.
func addMonths(t time.Time, n int) time.Time {
	first := time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(t.Day(), last)-1)
}

func formatDue(input string, t time.Time, err error) (string, error) {
	if err != nil {
		return "", err
	}
	if err := checkDay("due date "+Quote(input), t); err != nil {
		return "", err
	}
	return t.Format(DateLayout), nil
}

func dueError(input string) error {
	return Errorf(EINVALID, "invalid due date %s: %s", Quote(input), dueForms)
}

// checkDay is CheckInstant for a calendar day at midnight UTC, where the
// zero time (January 1 of year 1) is a day like any other, not "unset".
func checkDay(what string, t time.Time) error {
	if from, until := InstantRange(); t.Before(from) || !t.Before(until) {
		return Errorf(EINVALID, "%s: %s is outside the dates scribe accepts (1970-01-01 to 2199-12-31)", what, t.Format(DateLayout))
	}
	return nil
}
