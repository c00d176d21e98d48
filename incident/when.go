package incident

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// whenForms is how errors name the accepted time grammar.
const whenForms = "use now, -5m, 5m ago, 14:05, 2:05pm, 2026-11-21 14:05 or RFC3339, optionally followed by a zone (UTC, PT, Europe/Berlin)"

// clockSlack keeps a clock time typed a few seconds ahead of the machine's
// clock ("14:05" at 14:04:40) today instead of pushing it to yesterday.
const clockSlack = time.Minute

// maxRelative bounds "-5m" and "5m ago": further back than this, a date says
// what is meant, and the bound keeps the arithmetic far from overflow.
const maxRelative = 366 * 24 * time.Hour

// maxWhenLen bounds the input; no form in the grammar is anywhere near it.
const maxWhenLen = 100

// datePrefix returns, like a regexp's FindStringSubmatch, the match of
// ^(\d{4})[-/](\d{1,2})[-/](\d{1,2}) in s and its groups, or nil. It is
// written out rather than compiled at start-up: every scribe command pays
// for package initialisation, and a one-line log should not pay for
// regular expressions it does not use.
func datePrefix(s string) []string {
	year := digitsAt(s, 0, 4, 4)
	if year == 0 || year >= len(s) || (s[year] != '-' && s[year] != '/') {
		return nil
	}
	month := digitsAt(s, year+1, 1, 2)
	if month == 0 || year+1+month >= len(s) || (s[year+1+month] != '-' && s[year+1+month] != '/') {
		return nil
	}
	dayAt := year + 1 + month + 1
	day := digitsAt(s, dayAt, 1, 2)
	if day == 0 {
		return nil
	}
	return []string{s[:dayAt+day], s[:year], s[year+1 : year+1+month], s[dayAt : dayAt+day]}
}

// clockPrefix returns the match of
// ^(\d{1,2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)? in s and its
// groups (empty when absent), or nil; see datePrefix for why it is not a
// regexp.
func clockPrefix(s string) []string {
	hour := digitsAt(s, 0, 1, 2)
	if hour == 0 {
		return nil
	}
	m := []string{s[:hour], s[:hour], "", "", ""}
	end := hour
	for group := 2; group <= 3; group++ {
		if end >= len(s) || s[end] != ':' || digitsAt(s, end+1, 2, 2) == 0 {
			return m
		}
		m[group] = s[end+1 : end+3]
		end += 3
		m[0] = s[:end]
	}
	if end < len(s) && (s[end] == '.' || s[end] == ',') {
		if n := digitsAt(s, end+1, 1, 9); n > 0 {
			m[4] = s[end+1 : end+1+n]
			m[0] = s[:end+1+n]
		}
	}
	return m
}

// digitsAt counts the ASCII digits at s[i:], up to max; fewer than min
// counts as none.
func digitsAt(s string, i, min, max int) int {
	n := 0
	for i+n < len(s) && n < max && s[i+n] >= '0' && s[i+n] <= '9' {
		n++
	}
	if n < min {
		return 0
	}
	return n
}

// ParseWhen reads a time typed by a user (the TUI, the CLI's --at,
// corrections) and returns it in UTC. The grammar:
//
//   - now
//   - relative, back from now: -5m, -1h30m, -90s, 5m ago, 2 hours ago,
//     1h 30m ago (units: Go's ns…h, plus sec(s), min(s), minute(s), hr(s),
//     hour(s), d, day(s)); a relative time starts with "-" or ends with "ago"
//   - a clock: 14:05, 14:05:30, 2:05pm, 2pm, 2:05 PM, 2:05 p.m.; it is the
//     moment nearest to now among yesterday's, today's and tomorrow's, so
//     23:50 typed at 00:05 is a quarter of an hour ago
//   - a date and time: 2026-11-21 14:05, 2026-11-21T14:05, 2026/11/21 02:05PM,
//     RFC3339 (2022-12-15T17:33:00Z, 2022-12-15T17:33:00.5+02:00)
//   - after a clock or a date and time, optionally a zone: UTC, Z, GMT, an IANA
//     name, an offset (+02:00, -0500, UTC+2) or an abbreviation.
//
// Abbreviations: the generic ET, CT, MT, PT and AET follow their region's
// daylight saving; a standard or daylight abbreviation (EST, PDT, CEST, …) is
// the fixed offset it names whatever the season, as in RFC 5322 and log
// formats. So "2022/12/15 09:24AM PST" is 17:24Z, "2022-12-15 12:23 ET" is
// 17:23Z, and "2026-07-01 12:00 EST" is 17:00Z, an hour off New York's summer
// clock (write ET for that). IST is India Standard Time, CST US Central, BST
// British Summer Time; ZoneNote tells the user so.
//
// Wall times without a zone are read in zone (UTC when nil). A wall time
// that is skipped by a daylight-saving change is refused; one that happens
// twice is the earlier instant, except for a bare clock, which takes the
// most recent one that is not in the future.
//
// What happened is never ahead of the clock: a result more than a minute
// after now is refused, with the date it would have had, and so is an
// instant outside CheckInstant's range. A clock time is never moved to
// another day to make it fit.
//
// Bad input returns an EINVALID *Error quoting it; it never becomes now.
func ParseWhen(input string, now time.Time, zone *time.Location) (time.Time, error) {
	t, loc, err := parseWhen(input, now, zone)
	if err != nil {
		return time.Time{}, err
	}
	return checkWhen(input, t, now, loc)
}

// parseWhen reads input without judging the result; loc is the zone the
// input was read in, for messages.
func parseWhen(input string, now time.Time, zone *time.Location) (time.Time, *time.Location, error) {
	if zone == nil {
		zone = time.UTC
	}
	s := strings.TrimSpace(input)
	if s == "" {
		return time.Time{}, nil, Errorf(EINVALID, "time is empty: %s", whenForms)
	}
	if len(s) > maxWhenLen {
		return time.Time{}, nil, whenError(input)
	}
	l := strings.ToLower(s)
	if l == "now" {
		return now.UTC(), zone, nil
	}
	if strings.HasPrefix(l, "-") {
		if len(l) < 2 || l[1] < '0' || l[1] > '9' {
			return time.Time{}, nil, whenError(input)
		}
		t, err := relative(input, l[1:], now)
		return t, zone, err
	}
	if body, ok := strings.CutSuffix(l, "ago"); ok && (strings.HasSuffix(body, " ") || body == "") {
		t, err := relative(input, body, now)
		return t, zone, err
	}
	return absolute(input, s, now, zone)
}

// checkWhen refuses an instant outside the accepted range or more than
// clockSlack ahead of now, naming the date it would have been in loc.
func checkWhen(input string, t, now time.Time, loc *time.Location) (time.Time, error) {
	what := "time " + Quote(strings.TrimSpace(input))
	if t.IsZero() {
		// CheckInstant lets the zero time through as "not set"; typed, it
		// is January 1 of year 1.
		t = t.Add(time.Nanosecond)
	}
	if err := CheckInstant(what, t); err != nil {
		return time.Time{}, err
	}
	if ahead := t.Sub(now); ahead > clockSlack {
		local := t.In(loc)
		return time.Time{}, Errorf(EINVALID, "time %s is %s in the future (%s): nothing is logged ahead of the clock; for an earlier day write its date, e.g. %s",
			Quote(strings.TrimSpace(input)), FormatDuration(ahead.Round(time.Minute)), local.Format("Mon 2 Jan 2006 15:04 MST"),
			local.AddDate(0, 0, -1).Format("2006-01-02 15:04"))
	}
	return t.UTC(), nil
}

func relative(input, span string, now time.Time) (time.Time, error) {
	d, ok := parseSpan(span)
	if !ok {
		return time.Time{}, whenError(input)
	}
	if d > maxRelative {
		return time.Time{}, Errorf(EINVALID, "cannot read time %q: that is more than a year ago; write the date, e.g. 2026-11-21 14:05", quoteInput(input))
	}
	return now.Add(-d).UTC(), nil
}

// spanUnits() maps the unit words of a relative time to their length.
var spanUnits = sync.OnceValue(func() map[string]time.Duration {
	return map[string]time.Duration{
		"ns": time.Nanosecond, "us": time.Microsecond, "µs": time.Microsecond, "μs": time.Microsecond, "ms": time.Millisecond,
		"s": time.Second, "sec": time.Second, "secs": time.Second, "second": time.Second, "seconds": time.Second,
		"m": time.Minute, "min": time.Minute, "mins": time.Minute, "minute": time.Minute, "minutes": time.Minute,
		"h": time.Hour, "hr": time.Hour, "hrs": time.Hour, "hour": time.Hour, "hours": time.Hour,
		"d": 24 * time.Hour, "day": 24 * time.Hour, "days": 24 * time.Hour,
	}
})

// parseSpan reads "1h30m", "1h 30m", "90 s", "1.5 hours", "an hour" as a
// duration of at most a little over maxRelative. Every number needs a unit.
func parseSpan(s string) (time.Duration, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	var total float64
	for s != "" {
		var num float64
		i := 0
		for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
			i++
		}
		switch {
		case i > 0:
			n, err := strconv.ParseFloat(s[:i], 64)
			if err != nil {
				return 0, false
			}
			num, s = n, s[i:]
		case strings.HasPrefix(s, "an "):
			num, s = 1, s[3:]
		case strings.HasPrefix(s, "a "):
			num, s = 1, s[2:]
		default:
			return 0, false
		}
		s = strings.TrimLeft(s, " ")
		j := 0
		for j < len(s) && s[j] != ' ' && (s[j] < '0' || s[j] > '9') && s[j] != '.' {
			j++
		}
		unit, ok := spanUnits()[s[:j]]
		if !ok {
			return 0, false
		}
		total += num * float64(unit)
		if total > float64(maxRelative) {
			// Keep reading for syntax, but never convert a huge float.
			total = 2 * float64(maxRelative)
		}
		s = strings.TrimLeft(s[j:], " ")
	}
	return time.Duration(total), true
}

// wall is a date and time on a clock, before a zone makes it an instant.
type wall struct {
	year, month, day, hour, min, sec, nsec int
}

func (w wall) in(loc *time.Location) time.Time {
	return time.Date(w.year, time.Month(w.month), w.day, w.hour, w.min, w.sec, w.nsec, loc)
}

// instants lists the instants at which loc's clocks read w: none when a
// daylight-saving change skips it, two when one repeats it.
func (w wall) instants(loc *time.Location) []time.Time {
	naive := w.in(time.UTC)
	probe := w.in(loc)
	seen := map[int]bool{}
	var out []time.Time
	for _, p := range []time.Time{probe.Add(-26 * time.Hour), probe, probe.Add(26 * time.Hour)} {
		_, off := p.Zone()
		if seen[off] {
			continue
		}
		seen[off] = true
		t := naive.Add(-time.Duration(off) * time.Second).In(loc)
		if _, o := t.Zone(); o == off {
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}

func absolute(input, s string, now time.Time, zone *time.Location) (time.Time, *time.Location, error) {
	w, s, dated, err := readDate(input, s)
	if err != nil {
		return time.Time{}, nil, err
	}
	m := clockPrefix(s)
	if m == nil {
		return time.Time{}, nil, whenError(input)
	}
	s = s[len(m[0]):]
	w.hour, _ = strconv.Atoi(m[1])
	w.min, _ = strconv.Atoi(m[2])
	w.sec, _ = strconv.Atoi(m[3])
	if m[4] != "" {
		frac := m[4] + strings.Repeat("0", 9-len(m[4]))
		w.nsec, _ = strconv.Atoi(frac)
	}
	meridiem, rest := cutMeridiem(s)
	if m[2] == "" && meridiem == "" {
		// A bare number is not a time: "3" could be anything.
		return time.Time{}, nil, whenError(input)
	}
	switch {
	case meridiem != "" && (w.hour < 1 || w.hour > 12):
		return time.Time{}, nil, Errorf(EINVALID, "cannot read time %q: with am/pm the hour runs from 1 to 12", quoteInput(input))
	case meridiem == "am" && w.hour == 12:
		w.hour = 0
	case meridiem == "pm" && w.hour != 12:
		w.hour += 12
	}
	if w.hour > 23 || w.min > 59 || w.sec > 59 {
		return time.Time{}, nil, Errorf(EINVALID, "cannot read time %q: hours run 0-23, minutes and seconds 0-59", quoteInput(input))
	}
	loc := zone
	if rest = strings.TrimSpace(rest); rest != "" {
		z, err := timestampZone(rest)
		if err != nil {
			return time.Time{}, nil, Errorf(EINVALID, "cannot read time %q: %s", quoteInput(input), ErrorMessage(err))
		}
		loc = z
	}
	if dated {
		c := w.instants(loc)
		if len(c) == 0 {
			return time.Time{}, nil, skippedError(input, loc)
		}
		return c[0].UTC(), loc, nil
	}
	t, err := clockTime(input, w, now, loc)
	return t, loc, err
}

// readDate reads a leading date (2026-11-21, 2026/11/21) and the separator
// before the time of day, returning the rest of s; dated is false, and s
// unchanged, when s does not start with a date.
func readDate(input, s string) (w wall, rest string, dated bool, err error) {
	m := datePrefix(s)
	if m == nil {
		return w, s, false, nil
	}
	w.year, _ = strconv.Atoi(m[1])
	w.month, _ = strconv.Atoi(m[2])
	w.day, _ = strconv.Atoi(m[3])
	s = s[len(m[0]):]
	switch {
	case s == "":
		return w, s, true, Errorf(EINVALID, "cannot read time %q: a date needs a time of day too, e.g. %s 14:05", quoteInput(input), m[0])
	case s[0] == 'T' || s[0] == 't':
		s = s[1:]
	case s[0] == ' ' || s[0] == ',':
		s = strings.TrimLeft(s, " ,")
	default:
		return w, s, true, whenError(input)
	}
	if w.month < 1 || w.month > 12 || w.day < 1 || w.day > 31 ||
		time.Date(w.year, time.Month(w.month), w.day, 0, 0, 0, 0, time.UTC).Day() != w.day {
		return w, s, true, Errorf(EINVALID, "cannot read time %q: %s is not a date; write YYYY-MM-DD", quoteInput(input), m[0])
	}
	return w, s, true, nil
}

// clockTime places a bare clock on the day, among yesterday, today and
// tomorrow, whose clock reading is nearest to now's: 23:50 typed at 00:05
// is yesterday's, 00:10 typed at 23:55 tomorrow's (and then refused by
// checkWhen as in the future). Ties go to the earlier day. When daylight
// saving repeats the reading, the latest instant not ahead of the clock
// wins; when it skips it that day, the input is refused.
func clockTime(input string, w wall, now time.Time, loc *time.Location) (time.Time, error) {
	local := now.In(loc)
	reading := time.Date(local.Year(), local.Month(), local.Day(), local.Hour(), local.Minute(), local.Second(), local.Nanosecond(), time.UTC)
	var best wall
	bestGap := time.Duration(-1)
	for offset := -1; offset <= 1; offset++ {
		day := time.Date(local.Year(), local.Month(), local.Day()+offset, 12, 0, 0, 0, time.UTC)
		c := w
		c.year, c.month, c.day = day.Year(), int(day.Month()), day.Day()
		gap := c.in(time.UTC).Sub(reading)
		if gap < 0 {
			gap = -gap
		}
		if bestGap < 0 || gap < bestGap {
			best, bestGap = c, gap
		}
	}
	c := best.instants(loc)
	if len(c) == 0 {
		return time.Time{}, skippedError(input, loc)
	}
	limit := now.Add(clockSlack)
	for i := len(c) - 1; i >= 0; i-- {
		if !c[i].After(limit) {
			return c[i].UTC(), nil
		}
	}
	return c[0].UTC(), nil
}

// cutMeridiem takes a leading am/pm (also "a.m.", "PM") off s, when it is a
// word of its own.
func cutMeridiem(s string) (meridiem, rest string) {
	t := strings.TrimLeft(s, " ")
	l := strings.ToLower(t)
	for _, f := range []string{"a.m.", "p.m.", "a.m", "p.m", "am", "pm"} {
		if !strings.HasPrefix(l, f) {
			continue
		}
		after := t[len(f):]
		if after != "" && isLetter(rune(after[0])) {
			return "", s
		}
		return f[:1] + "m", after
	}
	return "", s
}

func skippedError(input string, loc *time.Location) error {
	return Errorf(EINVALID, "cannot read time %q: that time does not exist in %s, the clocks skipped it for daylight saving", quoteInput(input), loc)
}

func whenError(input string) error {
	return Errorf(EINVALID, "cannot read time %q: %s", quoteInput(input), whenForms)
}

// quoteInput shortens a long input for an error message.
func quoteInput(input string) string {
	s := strings.TrimSpace(input)
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// SplitLeadingTime takes a time off the front of a typed line, for the TUI:
// "14:05 paged the DB team" gives 14:05 and "paged the DB team"; so do
// "-10m rolled back", "2:05pm …", "5m ago …" and "2026-11-21 14:05 UTC …".
// A separator after the time ("14:05 - paged", "14:05: paged") is dropped;
// rest may be empty when the line is only a time.
//
// It errs towards keeping text: a line that merely starts with a number
// ("3 pods restarted", "500 errors", "10 mins of errors", "5m users
// affected") is not split, since relative times must start with "-" or end
// with "ago"; "now" and a bare hour ("2pm deploy") stay text; and a zone
// after the time counts only when written as a timestamp writes it: an
// abbreviation in capitals ("14:05 UTC", "2:05pm PT"), an offset or an IANA
// name, so "14:05 west region" keeps its "west".
//
// A time-shaped prefix that is refused (ahead of the clock, out of range)
// is not split either, so the line stays whole: callers that must not log
// such a line as text use CutLeadingTime, which says why.
func SplitLeadingTime(line string, now time.Time, zone *time.Location) (at time.Time, rest string, ok bool) {
	at, rest, found, err := CutLeadingTime(line, now, zone)
	if !found || err != nil {
		return time.Time{}, line, false
	}
	return at, rest, true
}

// CutLeadingTime is SplitLeadingTime that also reports a leading time it
// read but refuses: found is true when line starts with a time, and err
// (an EINVALID *Error naming the date it would have had) when that time is
// more than a minute ahead of now or outside the accepted range. A caller
// then keeps the line and logs nothing: "15:50 paged the DB team" typed at
// 15:34 is a typo to fix, never a line for yesterday or for now.
func CutLeadingTime(line string, now time.Time, zone *time.Location) (at time.Time, rest string, found bool, err error) {
	// The longest form, "2026/11/21 02:05 PM America/New_York", is 4 words;
	// "1 hour 30 minutes ago" is 5.
	const maxWords = 6
	type word struct{ start, end int }
	var words []word
	for i := 0; i < len(line) && len(words) < maxWords; {
		for i < len(line) && isBlank(line[i]) {
			i++
		}
		j := i
		for j < len(line) && !isBlank(line[j]) {
			j++
		}
		if j > i {
			words = append(words, word{i, j})
		}
		i = j
	}
	if len(words) == 0 {
		return time.Time{}, line, false, nil
	}
	first := line[words[0].start:words[0].end]
	startsLikeTime := first[0] >= '0' && first[0] <= '9' ||
		first[0] == '-' && len(first) > 1 && first[1] >= '0' && first[1] <= '9' ||
		strings.EqualFold(first, "a") || strings.EqualFold(first, "an")
	if !startsLikeTime {
		return time.Time{}, line, false, nil
	}
	for n := len(words); n >= 1; n-- {
		text := strings.TrimRight(line[words[0].start:words[n-1].end], ",;:")
		last := strings.TrimRight(line[words[n-1].start:words[n-1].end], ",;:")
		if !leadingTimeShape(text, last, n) {
			continue
		}
		t, loc, err := parseWhen(text, now, zone)
		if err != nil {
			continue
		}
		if t, err = checkWhen(text, t, now, loc); err != nil {
			return time.Time{}, line, true, err
		}
		r := strings.TrimLeft(line[words[n-1].end:], " \t")
		for _, sep := range []string{"-", "–", "—", ":", "|"} {
			if after, found := strings.CutPrefix(r, sep); found && (after == "" || isBlank(after[0])) {
				r = strings.TrimLeft(after, " \t")
				break
			}
		}
		return t, r, true, nil
	}
	return time.Time{}, line, false, nil
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// leadingTimeShape refuses the first n words of a line when ParseWhen
// might read them but they are more likely text: see SplitLeadingTime.
func leadingTimeShape(text, last string, n int) bool {
	l := strings.ToLower(text)
	if strings.HasPrefix(l, "-") || strings.HasSuffix(l, " ago") {
		return true
	}
	dated := datePrefix(l) != nil
	if c := clockPrefix(l); !dated && (c == nil || !strings.Contains(c[0], ":")) {
		return false
	}
	if n == 1 || dated && n == 2 {
		return true
	}
	switch strings.ToLower(last) {
	case "am", "pm", "a.m.", "p.m.", "a.m", "p.m":
		return true
	}
	return zoneWord(last)
}

// zoneWord reports whether w is written the way a timestamp writes a zone.
// Legacy IANA links that are also words or initials ("GB", "NZ", "Japan")
// are left out: after a clock they are far more likely the sentence.
func zoneWord(w string) bool {
	w = strings.Trim(w, "()")
	if strings.Contains(w, "/") {
		return true
	}
	if _, ok := parseOffset(w); ok {
		return true
	}
	if w == "" || w != strings.ToUpper(w) {
		return false
	}
	switch w {
	case "UTC", "GMT", "Z":
		return true
	}
	_, ok := zoneAbbrevs()[strings.ToLower(w)]
	return ok
}
