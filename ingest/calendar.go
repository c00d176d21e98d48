package ingest

import (
	"cmp"
	"fmt"
	"strings"
	"time"

	"scribe/incident"
)

// setDate makes st's date the one in force for the entries that follow.
func (p *parser) setDate(st stamp) {
	if !st.hasDate() {
		return
	}
	y, src := st.year, ""
	if y == 0 {
		y, src = p.nearestYear(st.month, st.day)
	}
	p.curY, p.curM, p.curD, p.hasCur, p.curYSource = y, st.month, st.day, true, src
	p.curIsWriting = false
	p.prevMin, p.prevWall, p.backs, p.fwds = noMinute, noMinute, 0, 0
	p.pinned = false
	p.dayGroup, p.dayShift = p.dayGroup+1, 0
}

// defaultDate reads a sentence that gives the day the timeline's times are
// on, "Unless otherwise noted all events happened on 2019-10-21", and pins
// that date for the time-only entries after it.
func (p *parser) defaultDate(line string) {
	l := strings.ToLower(line)
	if !strings.Contains(l, "unless") && !strings.Contains(l, "all events") && !strings.Contains(l, "all times are on") {
		return
	}
	if y, m, d, ok := p.r.dateAnywhere(line); ok && d > 0 {
		p.setDate(stamp{year: y, month: m, day: d})
		p.pinned = true
	}
}

// nearestYear is the year of a date written without one: the year that
// puts it nearest the date in force, so that a log running from Dec 31 to
// Jan 1 (in either order) stays continuous; else yearFor. It also says
// where the year came from ("" when the text wrote it). A date later in
// the year in force keeps that year unless the year before is much nearer
// (a quarter of the gap): "Sept. 3" after "Feb. 15" in a document of 2022
// is in 2022, seven months on, not five months back in 2021.
func (p *parser) nearestYear(month, day int) (int, string) {
	if !p.hasCur || p.curY == 0 {
		return p.yearFor()
	}
	cur := time.Date(p.curY, time.Month(p.curM), p.curD, 0, 0, 0, 0, time.UTC)
	best, bestGap := p.curY, time.Duration(-1)
	for _, y := range []int{p.curY - 1, p.curY, p.curY + 1} {
		gap := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC).Sub(cur).Abs()
		if bestGap < 0 || gap < bestGap {
			best, bestGap = y, gap
		}
	}
	if same := time.Date(p.curY, time.Month(month), day, 0, 0, 0, 0, time.UTC); best == p.curY-1 && same.After(cur) && bestGap >= same.Sub(cur)/4 {
		best = p.curY
	}
	if best != p.curY {
		// Not the year written with the date in force: say which.
		return best, fmt.Sprintf("the year that puts it nearest the date in force (%s)", cur.Format("2 Jan 2006"))
	}
	return best, p.curYSource
}

// yearFor is the year for a date written without one, and where it came
// from: the date in force, the document's year (--year overrides it), then
// the reference's (the incident's date, or today's).
func (p *parser) yearFor() (int, string) {
	switch {
	case p.hasCur && p.curY > 0:
		return p.curY, p.curYSource
	case p.docY > 0:
		return p.docY, p.docYSource
	case p.opts.Year > 0:
		return p.opts.Year, ""
	case !p.opts.Reference.IsZero():
		what := p.opts.ReferenceName
		if what == "" {
			what = "the reference date"
		}
		return p.opts.Reference.Year(), "the year of " + what + ": the text gives none"
	}
	return 0, ""
}

// noteYear records that a date without a year was given year y from src
// (nothing when the text or --year said it).
func (p *parser) noteYear(y int, src string) {
	if src == "" || y == 0 || y == p.notedYear && src == p.notedSource {
		return // most entries repeat the last note: skip formatting it again
	}
	p.notedYear, p.notedSource = y, src
	note := fmt.Sprintf("dates written without a year are read as %d, %s; pass --year to change it", y, src)
	for _, n := range p.yearNotes {
		if n == note {
			return
		}
	}
	p.yearNotes = append(p.yearNotes, note)
}

// noteDay records that the text gives no date for its first times, so
// they were placed on day, the latest day they fit before the reference.
func (p *parser) noteDay(day time.Time) {
	what := p.opts.ReferenceName
	if what == "" {
		what = "the reference date"
	}
	note := fmt.Sprintf("the text gives no date for its first times: they are read as on %s (the latest day they fit, up to %s); a dated title or heading changes it", day.Format("Mon 2 Jan 2006"), what)
	for _, n := range p.yearNotes {
		if n == note {
			return
		}
	}
	p.yearNotes = append(p.yearNotes, note)
}

// noMinute is prevMin and prevWall when no entry is on the current date.
const noMinute = -1 << 20

// sequenceZone is the zone the order of time-only entries is judged in:
// the one their unzoned times are read in, leaving out the zone an entry
// carries to the next (see location), which changes from line to line.
func (p *parser) sequenceZone() *time.Location {
	for _, w := range []string{p.zone, p.fallbackZone} {
		if loc := p.zones.stampZone(w); w != "" && loc != nil {
			return loc
		}
	}
	if p.opts.Zone != nil {
		return p.opts.Zone
	}
	return time.UTC
}

// zoneDiff is how many minutes loc is ahead of base on the date in force.
func (p *parser) zoneDiff(loc, base *time.Location) int {
	if loc == base {
		return 0
	}
	_, a := time.Date(p.curY, time.Month(p.curM), p.curD, 12, 0, 0, 0, loc).Zone()
	_, b := time.Date(p.curY, time.Month(p.curM), p.curD, 12, 0, 0, 0, base).Zone()
	return (a - b) / 60
}

// location is the zone a stamp is read in, strongest evidence first: its
// own suffix; the zone the document states ("All times in PT") where it
// is read, else anywhere; --tz; the zone the last placed entry wrote
// after its time; the zone the document writes most after its clocks;
// the default zone (UTC for a new incident). A zone one entry writes is
// that entry's: it holds for the entries after it only as an implication,
// which neither a statement nor --tz yields to.
func (p *parser) location(st stamp) *time.Location {
	for _, w := range []string{st.zone, p.zone, p.fallbackZone} {
		if w == "" {
			continue
		}
		if loc := p.zones.stampZone(w); loc != nil {
			return loc
		}
	}
	if p.opts.Zone != nil && p.opts.ZoneGiven {
		return p.opts.Zone
	}
	if p.carried != "" {
		if loc := p.zones.stampZone(p.carried); loc != nil {
			return loc
		}
	}
	if p.hintZone != "" {
		if loc := p.zones.stampZone(p.hintZone); loc != nil {
			if !p.hintUsed {
				p.hintUsed = true
				p.yearNotes = append(p.yearNotes, fmt.Sprintf("times written without a zone are read as %s, the zone the document writes after a time on line %d; pass --tz to change it", p.hintZone, p.hintLine))
			}
			return loc
		}
	}
	loc := time.UTC
	if p.opts.Zone != nil {
		loc = p.opts.Zone
	}
	if !p.defaultNoted {
		// Never a silent default: every time of such a document moves
		// with it.
		p.defaultNoted = true
		why := "the text states none"
		if w := cmp.Or(p.zone, p.fallbackZone); w != "" {
			// "All times in Mars/Olympus": stated, but no zone.
			why = fmt.Sprintf("the text states %q, which is no time zone", w)
		}
		p.yearNotes = append(p.yearNotes, fmt.Sprintf("times written without a zone are read as %s: %s; pass --tz to change it", loc, why))
	}
	return loc
}

// placement is how place put the last stamp on the calendar: on which
// date in force (group), after how many midnights sequence assumed
// (shift), and whether the stamp was a time alone.
type placement struct {
	group, shift int
	timeOnly     bool
}

// place puts a stamp on the calendar, reporting the line when it cannot.
// Only a placed entry's zone is carried to the entries after it: a line
// refused for its time says nothing the importer trusts about its zone.
func (p *parser) place(st stamp, n int, raw string) (time.Time, bool) {
	at, ok := p.placeStamp(st, n, raw)
	if ok && st.zone != "" && !st.local && p.zones.stampZone(st.zone) != nil {
		p.carried = st.zone
		if p.suffixZone == "" {
			p.suffixZone = st.zone
		}
	}
	return at, ok
}

// placeStamp is place without the zone it carries.
func (p *parser) placeStamp(st stamp, n int, raw string) (time.Time, bool) {
	p.placed = placement{}
	if st.unknown {
		p.problem(n, raw, "the time is not given (--:--)")
		return time.Time{}, false
	}
	if !st.hasTime {
		p.problem(n, raw, "no time of day")
		return time.Time{}, false
	}
	loc := p.location(st)
	if reason := clockRule(st); reason != "" {
		p.problem(n, raw, reason)
		return time.Time{}, false
	}
	hour := st.hour
	switch {
	case st.meridiem == 'a' && hour == 12:
		hour = 0
	case st.meridiem == 'p' && hour < 12:
		hour += 12
	}
	minute := hour*60 + st.minute
	if st.hasDate() {
		y, src := st.year, ""
		if y == 0 {
			y, src = p.nearestYear(st.month, st.day)
		}
		if y == 0 {
			p.problem(n, raw, "the date has no year: pass --year")
			return time.Time{}, false
		}
		p.noteYear(y, src)
		if p.pinned || p.quoting && p.hasCur {
			return p.instant(y, st.month, st.day, minute, st.second, loc, n, raw)
		}
		at, ok := p.instant(y, st.month, st.day, minute, st.second, loc, n, raw)
		if !ok {
			// A date that does not exist leaves the one in force.
			return at, false
		}
		if p.curY != y || p.curM != st.month || p.curD != st.day || !p.hasCur {
			p.dayGroup, p.dayShift = p.dayGroup+1, 0
		}
		p.curY, p.curM, p.curD, p.hasCur, p.curYSource = y, st.month, st.day, true, src
		p.curIsWriting = false
		p.prevMin, p.prevWall = minute-p.zoneDiff(loc, p.sequenceZone()), minute
		return at, true
	}
	if !p.hasCur {
		if p.opts.Reference.IsZero() {
			p.problem(n, raw, "no date for this time: the text gives none; import into an incident or pass a dated title")
			return time.Time{}, false
		}
		ref := p.opts.Reference.In(loc)
		day := ref
		if ahead := time.Date(ref.Year(), ref.Month(), ref.Day(), 0, minute, st.second, 0, loc); !p.opts.Now.IsZero() && ahead.After(p.opts.Now.Add(time.Minute)) {
			// The first time would be in the future: it is the day
			// before, as a clock typed at --at is.
			day = ref.AddDate(0, 0, -1)
		}
		p.curY, p.curM, p.curD, p.hasCur = day.Year(), int(day.Month()), day.Day(), true
		_, p.curYSource = p.yearFor()
		if !p.opts.Now.IsZero() {
			p.noteDay(day)
		}
		p.dayGroup, p.dayShift = p.dayGroup+1, 0
	}
	if p.curY == 0 {
		p.curY, p.curYSource = p.yearFor()
		if p.curY == 0 {
			p.problem(n, raw, "the date has no year: pass --year")
			return time.Time{}, false
		}
	}
	p.weekdayDate(st)
	p.noteYear(p.curY, p.curYSource)
	// The order of the times is judged on one clock, the zone the
	// document's unzoned times are in: "02:24 PDT" below "09:10" in a
	// timeline stated in UTC is 09:24 UTC, after it, not a new day.
	diff := p.zoneDiff(loc, p.sequenceZone())
	minute = p.sequence(st, minute-diff, minute) + diff
	p.placed = placement{group: p.dayGroup, shift: p.dayShift, timeOnly: true}
	at, ok := p.instant(p.curY, p.curM, p.curD, minute, st.second, loc, n, raw)
	if !ok {
		p.hasCur = false
	}
	return at, ok
}

// weekdayDate moves the date in force to the day a time-only stamp names
// ("### Friday 16:30 — Resolved", "Tue 00:10 paged"): the nearest such day
// to it, or, while it is still the day the document was written or
// published, the latest such day on or before it (a write-up tells of
// the days before it), as it is whenever the nearest is after that day.
// A date the text pinned stays.
func (p *parser) weekdayDate(st stamp) {
	if st.weekday == 0 || p.pinned || !p.hasCur || p.curY == 0 {
		return
	}
	cur := time.Date(p.curY, time.Month(p.curM), p.curD, 12, 0, 0, 0, time.UTC)
	back := (int(cur.Weekday()) - (st.weekday - 1) + 7) % 7
	if back == 0 {
		return
	}
	day := cur.AddDate(0, 0, -back)
	if ahead := cur.AddDate(0, 0, 7-back); back > 3 && !p.curIsWriting && !p.afterWriting(ahead) {
		day = ahead
	}
	src := p.curYSource
	p.setDate(stamp{year: day.Year(), month: int(day.Month()), day: day.Day()})
	p.curYSource = src
}

// afterWriting reports whether day is after the day the document says it
// was written or published, when it says so: no incident it tells of
// happened then.
func (p *parser) afterWriting(day time.Time) bool {
	if p.writtenY == 0 {
		return false
	}
	return day.After(time.Date(p.writtenY, time.Month(p.writtenM), p.writtenD, 12, 0, 0, 0, time.UTC))
}

// clockRule is why a clock that --at refuses is refused here too ("" when
// it is fine): import reads times by the same rules as the rest of scribe.
func clockRule(st stamp) string {
	switch {
	case st.leap:
		return "a 60th second is not a time scribe accepts (seconds run 0-59)"
	case st.hour == 24:
		return "24:00 is not a time scribe accepts (hours run 0-23: write 00:00 of the next day)"
	}
	return ""
}

// instant is minute of the day y-m-d (and second of that minute) in loc, in
// UTC. A day that does not exist (Feb 30), a wall time the clocks skipped
// for daylight saving, and an instant outside incident.CheckInstant's range
// are reported, as --at refuses them.
func (p *parser) instant(y, m, d, minute, second int, loc *time.Location, n int, raw string) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		p.problem(n, raw, "no such date")
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, minute/60, minute%60, second, 0, loc)
	if t.Hour()*60+t.Minute() != minute%(24*60) || t.Day() != d {
		p.problem(n, raw, fmt.Sprintf("%02d:%02d does not exist in %s on %04d-%02d-%02d: the clocks skipped it for daylight saving", minute/60, minute%60, loc, y, m, d))
		return time.Time{}, false
	}
	t = earliest(t)
	if err := checkWritten("this time", t); err != nil {
		p.problem(n, raw, incident.ErrorMessage(err))
		return time.Time{}, false
	}
	return t.UTC(), true
}

// checkWritten is incident.CheckInstant for a time the text wrote, where
// the zero instant (0001-01-01 00:00 UTC), which CheckInstant passes as
// "not set", was written too and is as far out of range as year 2.
func checkWritten(what string, t time.Time) error {
	if t.IsZero() {
		return incident.Errorf(incident.EINVALID, "%s: 0001-01-01 00:00 UTC is outside the times scribe accepts (1970-01-01 to 2199-12-31 UTC)", what)
	}
	return incident.CheckInstant(what, t)
}

// earliest is the earlier of the two instants a wall time names in the
// hour that daylight saving repeats, as --at reads it.
func earliest(t time.Time) time.Time {
	_, before := t.Add(-3 * time.Hour).Zone()
	_, off := t.Zone()
	if before <= off {
		return t
	}
	e := t.Add(-time.Duration(before-off) * time.Second)
	if e.Hour() == t.Hour() && e.Minute() == t.Minute() && e.Day() == t.Day() {
		return e
	}
	return t
}

// daysIn is the number of days of month m (1-12) of year y.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// backstep is how far a time-only entry may go back before it is read as
// the next day: lists are sometimes slightly out of order, and nights are
// long.
const backstep = 4 * 60

// sequence places a time-only entry after the previous one on the date in
// force: a clock that goes back by more than backstep has crossed midnight,
// and in a document written with am/pm an unmarked 1:05 after 11:24 AM is
// the afternoon. minute is on sequenceZone's clock, wall as the entry
// wrote it: an entry in another zone crosses midnight only when both go
// back ("02:24 PDT" below "09:10" stated in UTC is neither a crossing nor
// is "09:31" after it).
func (p *parser) sequence(st stamp, minute, wall int) int {
	if st.unnamedLocal {
		// The clock of a place the text does not name says nothing of
		// the order of the document's own: it stays on the date in force.
		return minute
	}
	cands := []int{minute}
	switch {
	case st.meridiem != 0 || !p.twelveHour:
	case st.padded && st.zone != "":
		// "At 06:58 UTC" is a 24-hour clock with its zone: a "2:41 pm"
		// elsewhere in the document gives it no afternoon.
	case st.hour >= 1 && st.hour < 12:
		cands = append(cands, minute+12*60)
	case st.hour == 12:
		cands = append(cands, minute-12*60) // 12:10 after 11:45 PM is 00:10
	}
	pick := -1
	if p.prevMin == noMinute {
		pick = cands[0]
	} else {
		for _, c := range cands {
			if c >= p.prevMin {
				pick = c
				break
			}
		}
		if pick < 0 {
			pick = cands[0]
			// In a list written newest first, going back is the order,
			// not a new day.
			if pick < p.prevMin-backstep && p.backs <= p.fwds && (p.prevWall == noMinute || wall < p.prevWall) && !p.quoting {
				pick = min(cands[0], cands[len(cands)-1])
				p.dayShift++
				next := time.Date(p.curY, time.Month(p.curM), p.curD+1, 0, 0, 0, 0, time.UTC)
				p.curY, p.curM, p.curD = next.Year(), int(next.Month()), next.Day()
				p.curIsWriting = false
			}
		}
	}
	switch {
	case p.quoting:
		return pick // a quoted moment leaves the running clock as it was
	case p.prevMin == noMinute:
	case pick < p.prevMin:
		p.backs++
	case pick > p.prevMin:
		p.fwds++
	}
	p.prevMin, p.prevWall = pick, wall
	return pick
}

// unshiftNewestFirst undoes the midnights sequence assumed for time-only
// entries under one date that, in document order, mostly run backwards:
// a status-history page lists a day's updates newest first, and its
// "9:05 AM" below "3:45 PM" is the same morning, not the next one.
func unshiftNewestFirst(es []Entry) {
	unshifted := func(e Entry) time.Time { return e.At.Add(-time.Duration(e.shift) * 24 * time.Hour) }
	docBacks, docFwds := 0, 0
	for i := 1; i < len(es); i++ {
		switch unshifted(es[i]).Compare(unshifted(es[i-1])) {
		case -1:
			docBacks++
		case 1:
			docFwds++
		}
	}
	for start := 0; start < len(es); {
		end := start + 1
		for end < len(es) && es[end].group == es[start].group {
			end++
		}
		backs, fwds, shifted := 0, 0, false
		for i := start; i < end; i++ {
			shifted = shifted || es[i].shift > 0
			if i == start {
				continue
			}
			switch unshifted(es[i]).Compare(unshifted(es[i-1])) {
			case -1:
				backs++
			case 1:
				fwds++
			}
		}
		// One step back is a midnight crossing unless the whole document
		// is written newest first.
		if shifted && backs > fwds && (backs >= 2 || docBacks > docFwds) {
			for i := start; i < end; i++ {
				es[i].At = es[i].At.Add(-time.Duration(es[i].shift) * 24 * time.Hour)
				es[i].shift = 0
			}
		}
		start = end
	}
}
