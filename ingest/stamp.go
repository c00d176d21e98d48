package ingest

import (
	"strings"
	"sync"
	"time"
)

// stamp is a date and/or a time of day as written in the text, before it is
// placed on the calendar: any part may be missing and is filled in from the
// document's context.
type stamp struct {
	year, month, day int // 0 when not written
	hour, minute     int
	second           int // 0 when not written
	hasTime          bool
	unknown          bool // the time was written as "--:--": reported, never guessed
	meridiem         byte // 'a' or 'p' when written with am/pm
	padded           bool // the hour written with a leading zero ("06:58"), a 24-hour clock
	zone             string
	// local: zone is the city's whose local time the sentence tells
	// ("2:41 pm local time" in Singapore), for this time only (see
	// localClock); unnamedLocal: written as local time of a city the
	// text does not name.
	local, unnamedLocal bool
	ranged              bool // the time was the start of a range
	span                bool // a sentence opened with it as "On <date> between … and …"
	leap                bool // written with a 60th second ("23:59:60")
	// weekday is the day of the week written before a time without a
	// date ("Friday 16:30"), plus one; 0 when none.
	weekday int
}

func (s stamp) hasDate() bool { return s.month > 0 && s.day > 0 }

// stampReader reads timestamps. dayFirst settles numeric dates such as
// 06/11/2023 whose parts are both 12 or less (see survey).
type stampReader struct {
	dayFirst bool
}

// The scanners below work on bytes and never back-track more than a token,
// so reading a line is linear in its length.

func isUpper(c byte) bool  { return c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// number reads up to max digits at i; it fails when more digits follow.
func number(s string, i, max int) (val, n int) {
	for i+n < len(s) && isDigit(s[i+n]) {
		if n == max {
			return 0, 0
		}
		val = val*10 + int(s[i+n]-'0')
		n++
	}
	return val, n
}

func letters(s string, i int) string {
	j := i
	for j < len(s) && isLetter(s[j]) {
		j++
	}
	return s[i:j]
}

func skipSpaces(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// dashAt reports the length of a hyphen, en dash or em dash at i, or 0.
func dashAt(s string, i int) int {
	switch {
	case i < len(s) && s[i] == '-':
		return 1
	case strings.HasPrefix(s[i:], "–"), strings.HasPrefix(s[i:], "—"):
		return len("–")
	}
	return 0
}

var monthNames = sync.OnceValue(func() map[string]int {
	return map[string]int{
		"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
		"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
		"sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
		"dec": 12, "december": 12,
	}
})

var weekdayNames = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"mon": true, "monday": true, "tue": true, "tues": true, "tuesday": true, "wed": true, "wednesday": true,
		"thu": true, "thur": true, "thurs": true, "thursday": true, "fri": true, "friday": true,
		"sat": true, "saturday": true, "sun": true, "sunday": true,
	}
})

// lower folds an ASCII word of at most 9 letters without allocating, so the
// survey can look at every word of a large log cheaply.
func lower(word string, buf *[9]byte) []byte {
	if len(word) > len(buf) {
		return nil
	}
	for i := 0; i < len(word); i++ {
		buf[i] = word[i] | 0x20
	}
	return buf[:len(word)]
}

func monthOf(word string) int {
	if len(word) < 3 || len(word) > 9 || strings.IndexByte("jfmasondJFMASOND", word[0]) < 0 {
		return 0
	}
	var buf [9]byte
	return monthNames()[string(lower(word, &buf))]
}

// weekdayOf is the day a weekday's name (or its short form) names.
func weekdayOf(word string) (time.Weekday, bool) {
	if !isWeekday(word) {
		return 0, false
	}
	switch strings.ToLower(word)[:2] {
	case "mo":
		return time.Monday, true
	case "tu":
		return time.Tuesday, true
	case "we":
		return time.Wednesday, true
	case "th":
		return time.Thursday, true
	case "fr":
		return time.Friday, true
	case "sa":
		return time.Saturday, true
	}
	return time.Sunday, true
}

func isWeekday(word string) bool {
	if len(word) < 3 || len(word) > 9 || strings.IndexByte("mtwfsMTWFS", word[0]) < 0 {
		return false
	}
	var buf [9]byte
	return weekdayNames()[string(lower(word, &buf))]
}

// wordEnd reports whether position i ends a token: end of text or a
// character that cannot continue a word or number.
func wordEnd(s string, i int) bool {
	return i >= len(s) || !isLetter(s[i]) && !isDigit(s[i])
}

func skipOrdinal(s string, i int) int {
	if i+2 <= len(s) && wordEnd(s, i+2) {
		switch string([]byte{s[i] | 0x20, s[i+1] | 0x20}) {
		case "st", "nd", "rd", "th":
			return i + 2
		}
	}
	return i
}

// skipDayRange skips the second day of "14-19" or "7–13th".
func skipDayRange(s string, i int) int {
	if n := dashAt(s, i); n > 0 {
		if _, d := number(s, i+n, 2); d > 0 {
			return skipOrdinal(s, i+n+d)
		}
	}
	return i
}

// yearAt reads a four-digit year at i, after an optional comma and spaces.
func yearAt(s string, i int) (year, end int) {
	j := i
	if j < len(s) && s[j] == ',' {
		j++
	}
	j = skipSpaces(s, j)
	if j == i && j < len(s) {
		return 0, i
	}
	y, n := number(s, j, 4)
	if n != 4 || !validYear(y) || j+4 < len(s) && (s[j+4] == ':' || s[j+4] == '.' && j+5 < len(s) && isDigit(s[j+5])) {
		return 0, i
	}
	return y, j + 4
}

// dateRead is a calendar date read from text, and where it ends; day is 0
// for a month and year alone ("October 2025").
type dateRead struct{ year, month, day, end int }

// verdict is what a date form says of the text at a position: not its
// layout (the next form may read it), read, or its layout but no date
// (06/31/2023, 2023-13-01: no later form may read it either).
type verdict int

const (
	notMine verdict = iota
	read
	refused
)

// dateForms are the layouts date reads, after an optional "the" and
// weekday. Their order is their precedence: a word must be a month
// ("Jan 14"), four digits a year ("2023-11-06"), a number followed by a
// separator and another a numeric date ("06-11-2023"), and only then is a
// number a day followed by a month's name ("6th Nov", "14-Mar-2024").
var dateForms = []struct {
	name string
	read func(stampReader, string, int) (dateRead, verdict)
}{
	{"month name first", stampReader.monthFirst},
	{"year first", stampReader.yearFirst},
	{"numeric", stampReader.numeric},
	{"day then month name", stampReader.dayMonth},
}

// date reads a calendar date at i: 2023-11-06, 2022/02/16, 06-11-2023,
// 6th Nov 2023, 14 January, Jan 14, 2024, Feb. 15, January 14-19, 2026,
// with an optional weekday in front. A month and year alone ("October
// 2025") give day 0, which only the survey uses.
func (r stampReader) date(s string, i int) (year, month, day, end int, ok bool) {
	j := skipWeekday(s, skipThe(s, i))
	for _, f := range dateForms {
		switch d, v := f.read(r, s, j); v {
		case read:
			return d.year, d.month, d.day, d.end, true
		case refused:
			return 0, 0, 0, i, false
		}
	}
	return 0, 0, 0, i, false
}

// skipThe skips the "the " of "the 1st of November".
func skipThe(s string, j int) int {
	if len(s)-j > 4 && (s[j] == 't' || s[j] == 'T') && strings.EqualFold(s[j:j+4], "the ") && isDigit(byteAt(s, skipSpaces(s, j+4))) {
		return skipSpaces(s, j+4)
	}
	return j
}

// skipWeekday skips a weekday before a date ("Tue, 14 Mar", "Thu. Mar 14").
func skipWeekday(s string, j int) int {
	w := letters(s, j)
	if !isWeekday(w) {
		return j
	}
	k := j + len(w)
	if k < len(s) && s[k] == '.' {
		k++
	}
	if k < len(s) && s[k] == ',' {
		k++
	}
	if k2 := skipSpaces(s, k); k2 > k {
		return k2
	}
	return j
}

// monthFirst reads "Jan 14, 2024", "Feb. 15", "January 14-19, 2026" and
// "October 2025". A word that is no month is no date at all.
func (r stampReader) monthFirst(s string, j int) (dateRead, verdict) {
	w := letters(s, j)
	if w == "" {
		return dateRead{}, notMine
	}
	m := monthOf(w)
	if m == 0 {
		return dateRead{}, refused
	}
	k := j + len(w)
	if k < len(s) && s[k] == '.' {
		k++
	}
	k2 := skipSpaces(s, k)
	if k2 == k {
		return dateRead{}, refused
	}
	d, n := number(s, k2, 2)
	if n == 0 {
		if y, e := yearAt(s, k); y > 0 {
			return dateRead{year: y, month: m, end: e}, read
		}
		return dateRead{}, refused
	}
	if d < 1 || d > 31 || k2+n < len(s) && s[k2+n] == ':' {
		return dateRead{}, refused
	}
	e := skipDayRange(s, skipOrdinal(s, k2+n))
	if !wordEnd(s, e) {
		return dateRead{}, refused
	}
	y, e := yearAt(s, e)
	return dateRead{y, m, d, e}, read
}

// yearFirst reads "2023-11-06", "2022/02/16", "2024.03.14".
func (r stampReader) yearFirst(s string, j int) (dateRead, verdict) {
	a, n := number(s, j, 4)
	if n != 4 {
		return dateRead{}, notMine
	}
	if a == 0 {
		// Year 0 means "no year written" to the parser: written, it is
		// no date at all, never the nearest year's.
		return dateRead{}, refused
	}
	sep := byteAt(s, j+4)
	if sep == ' ' || sep == ',' {
		return yearMonthDay(a, s, j+4)
	}
	if sep != '-' && sep != '/' && sep != '.' {
		return dateRead{}, refused
	}
	m, n2 := number(s, j+5, 2)
	if n2 == 0 || byteAt(s, j+5+n2) != sep {
		return dateRead{}, refused
	}
	d, n3 := number(s, j+6+n2, 2)
	e := j + 6 + n2 + n3
	if n3 == 0 || m < 1 || m > 12 || d < 1 || d > 31 || !wordEnd(s, e) && byteAt(s, e) != 'T' {
		return dateRead{}, refused
	}
	return dateRead{a, m, d, e}, read
}

// yearMonthDay reads the month's name and day after a year written first
// ("2023 June 14", as some post-incident analyses head their entries); any
// other number of four digits is not a date.
func yearMonthDay(y int, s string, k int) (dateRead, verdict) {
	if byteAt(s, k) == ',' {
		k++
	}
	k = skipSpaces(s, k)
	w := letters(s, k)
	m := monthOf(w)
	if m == 0 {
		return dateRead{}, refused
	}
	k = skipSpaces(s, k+len(w))
	d, n := number(s, k, 2)
	if n == 0 || d < 1 || d > 31 || !wordEnd(s, skipOrdinal(s, k+n)) || byteAt(s, k+n) == ':' {
		return dateRead{}, refused
	}
	return dateRead{y, m, d, skipOrdinal(s, k+n)}, read
}

// validYear is the range of years a date in a timeline may have: the
// years of incident.CheckInstant. A date written in full with another year
// ("1900-01-01") is still read, so that its line is reported, not dropped;
// a year after a date ("Jan 14, 2500 requests") must be in range to count.
func validYear(y int) bool { return y >= 1970 && y <= 2199 }

// numeric reads "06-11-2023", "14/03/2024" and "03/14/24", day or month
// first as the document writes them (see stampReader.dayFirst).
func (r stampReader) numeric(s string, j int) (dateRead, verdict) {
	a, n := number(s, j, 2)
	sep := byteAt(s, j+n)
	if n == 0 || sep != '-' && sep != '/' && sep != '.' {
		return dateRead{}, notMine
	}
	b, n2 := number(s, j+n+1, 2)
	if n2 > 0 && sep == '/' && byteAt(s, j+n+1+n2) != sep {
		return r.monthDay(s, a, b, j+n+1+n2)
	}
	if n2 == 0 || byteAt(s, j+n+1+n2) != sep {
		return dateRead{}, notMine
	}
	y, n3 := number(s, j+n+2+n2, 4)
	e := j + n + 2 + n2 + n3
	if n3 == 2 && (sep == '/' || sep == '-' && (a > 12) != (b > 12) && a <= 31 && b <= 31) && wordEnd(s, e) {
		// "03/14/24", as spreadsheets and US tools write it, and
		// "5-26-21" in a title, whose day over 12 makes it a date; with
		// dots, or dashes between small numbers, such triples are
		// versions.
		y, n3 = 2000+y, 4
	}
	if n3 != 4 || !wordEnd(s, e) {
		return dateRead{}, refused
	}
	d, m := a, b
	if a <= 12 && (b > 12 || !r.dayFirst) {
		d, m = b, a
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return dateRead{}, refused
	}
	return dateRead{y, m, d, e}, read
}

// monthDay reads "6/17 10:05 AM" (its numbers a and b, ending at e), as a
// spreadsheet's date column writes a day without its year: a date only
// with a time after it ("3/4 of the fleet" is a fraction).
func (r stampReader) monthDay(s string, a, b, e int) (dateRead, verdict) {
	if _, _, ok := r.timeAfterDate(s, e); !ok || !wordEnd(s, e) {
		return dateRead{}, notMine
	}
	d, m := a, b
	if a <= 12 && (b > 12 || !r.dayFirst) {
		d, m = b, a
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return dateRead{}, notMine
	}
	return dateRead{0, m, d, e}, read
}

// dayMonth reads "6th Nov 2023", "14 January", "1st of November",
// "14-Mar-2024" and Jira's "14/Mar/24".
func (r stampReader) dayMonth(s string, j int) (dateRead, verdict) {
	a, n := number(s, j, 2)
	if n == 0 {
		return dateRead{}, notMine
	}
	if a < 1 || a > 31 {
		return dateRead{}, refused
	}
	k := skipDayRange(s, skipOrdinal(s, j+n))
	sep := byteAt(s, k)
	if sep == '-' || sep == '/' {
		k++
	} else {
		sep = 0
	}
	k2 := skipSpaces(s, k)
	if w := strings.ToLower(letters(s, k2)); w == "of" {
		k2 = skipSpaces(s, k2+2)
	}
	w := letters(s, k2)
	m := monthOf(w)
	if m == 0 || (k2 == k && sep == 0) {
		return dateRead{}, refused
	}
	e := k2 + len(w)
	if sep != 0 && byteAt(s, e) == sep {
		y, n := number(s, e+1, 4)
		switch {
		case n == 4 && wordEnd(s, e+5):
			return dateRead{y, m, a, e + 5}, read
		case n == 2 && wordEnd(s, e+3):
			return dateRead{2000 + y, m, a, e + 3}, read
		}
		return dateRead{}, refused
	}
	if e < len(s) && s[e] == '.' {
		e++
	}
	y, e := yearAt(s, e)
	return dateRead{y, m, a, e}, read
}

func byteAt(s string, i int) byte {
	if i < 0 || i >= len(s) {
		return 0
	}
	return s[i]
}

// approxWords may precede a time: "around 14:05", "approx. 14:05".
var approxWords = []string{"approximately ", "approx. ", "approx ", "around ", "about ", "circa ", "ca. ", "c. ", "roughly "}

func skipApprox(s string, i int) int {
	if i < len(s) && s[i] == '~' {
		return skipSpaces(s, i+1) // "~06:27", "~ 06:27"
	}
	if strings.HasPrefix(s[i:], "≈") {
		return skipSpaces(s, i+len("≈"))
	}
	if c := byteAt(s, i) | 0x20; c != 'a' && c != 'c' && c != 'r' {
		return i
	}
	for _, w := range approxWords {
		if len(s)-i >= len(w) && strings.EqualFold(s[i:i+len(w)], w) {
			return skipSpaces(s, i+len(w))
		}
	}
	return i
}

// unknownTimes are written where the time was not recorded.
var unknownTimes = []string{"--:--", "??:??", "xx:xx", "XX:XX", "–:–", "—:—"}

func unknownAt(s string, i int) bool {
	for _, u := range unknownTimes {
		if strings.HasPrefix(s[i:], u) {
			return true
		}
	}
	return false
}

// clockTime is a time of day as clock reads it.
type clockTime struct {
	hour, minute, second int
	meridiem             byte
	padded               bool // the hour written with a leading zero
	unknown              bool
	leap                 bool // written with a 60th second, which --at refuses
}

// clock reads a time of day at i: 14:02, 14:02:11.5 (the fraction is
// dropped), 9:05, 7am, 03:01PM, 5:10 a.m., 14h05, and, when dotOK, 14.43.
// "24:00" and a leap second ("23:59:60") are read, for place to report:
// a line meant as an entry is never dropped without a word.
func clock(s string, i int, dotOK bool) (t clockTime, end int, ok bool) {
	if t, end, ok := unknownClock(s, i); ok {
		return t, end, true
	}
	h, n := number(s, i, 2)
	if n == 0 || h > 24 {
		return clockTime{}, i, false
	}
	t, k, ok := minutesAt(s, i+n, dotOK)
	if !ok {
		return clockTime{}, i, false
	}
	t.hour, t.padded = h, n == 2 && s[i] == '0'
	mer, e := meridiemAt(s, k)
	switch {
	case mer == 0 && k == i+n:
		return clockTime{}, i, false // a bare number
	case mer == 'p' && h > 12 && h < 24 && k > i+n:
		// "20:50pm": a 24-hour clock with a redundant pm, read as written.
		k = e
	case mer != 0 && (h < 1 || h > 12):
		return clockTime{}, i, false
	case mer != 0:
		t.meridiem, k = mer, e
	case h == 24 && (t.minute != 0 || t.second != 0):
		return clockTime{}, i, false
	default:
		k = hoursMark(s, k)
	}
	if !wordEnd(s, k) && !(byteAt(s, k) == 'Z' && wordEnd(s, k+1)) && !strings.HasPrefix(s[k:], "UTC") && !strings.HasPrefix(s[k:], "ish") {
		return clockTime{}, i, false
	}
	return t, k, true
}

// unknownClock reads a time written where it was not recorded ("--:--").
func unknownClock(s string, i int) (clockTime, int, bool) {
	if c := byteAt(s, i); c != '-' && c != '?' && c != 'x' && c != 'X' && c != 0xE2 { // the first bytes of unknownTimes
		return clockTime{}, i, false
	}
	for _, u := range unknownTimes {
		if strings.HasPrefix(s[i:], u) {
			return clockTime{unknown: true}, i + len(u), true
		}
	}
	return clockTime{}, i, false
}

// minutesAt reads what follows a clock's hour at k: ":02", ":02:11.5",
// "h05" or, when dotOK, ".43"; nothing is fine too (then am/pm must follow).
func minutesAt(s string, k int, dotOK bool) (clockTime, int, bool) {
	var t clockTime
	switch c := byteAt(s, k); {
	case c == ':' || c == 'h' || c == 'H':
		mm, n2 := number(s, k+1, 2)
		if n2 != 2 || mm > 59 {
			return t, k, false
		}
		t.minute = mm
		return secondsAt(s, k+3, t)
	case c == '.' && dotOK:
		mm, n2 := number(s, k+1, 2)
		if n2 != 2 || mm > 59 || byteAt(s, k+3) == '.' && isDigit(byteAt(s, k+4)) {
			return t, k, false
		}
		t.minute = mm
		return t, k + 3, true
	}
	return t, k, true
}

// secondsAt reads ":11" and a fraction (dropped) after the minutes.
func secondsAt(s string, k int, t clockTime) (clockTime, int, bool) {
	if byteAt(s, k) != ':' {
		return t, k, true
	}
	ss, n3 := number(s, k+1, 2)
	if n3 != 2 {
		return t, k, true
	}
	switch {
	case ss <= 59:
		t.second = ss
	case ss == 60:
		t.leap = true
	}
	k += 3
	if byteAt(s, k) == '.' {
		j := k + 1
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j > k+1 {
			k = j
		}
	}
	return t, k, true
}

// hoursMark skips the "hrs" of "14:00hrs" and "14:00h".
func hoursMark(s string, k int) int {
	for _, u := range []string{"hrs", "hr", "h"} {
		if strings.HasPrefix(s[k:], u) && wordEnd(s, k+len(u)) {
			return k + len(u)
		}
	}
	return k
}

// militaryClock reads "1405Z", "1405 UTC" and "1405 hrs": four digits
// count as a time only with such a mark, so that years and counts do not.
func militaryClock(s string, i int) (hour, minute, end int, ok bool) {
	v, n := number(s, i, 4)
	if n != 4 || v/100 > 23 || v%100 > 59 {
		return 0, 0, i, false
	}
	k := i + 4
	switch {
	case byteAt(s, k) == 'Z' && wordEnd(s, k+1):
		return v / 100, v % 100, k, true // the Z is read as the zone
	case strings.HasPrefix(s[k:], " UTC") && wordEnd(s, k+4), strings.HasPrefix(s[k:], " GMT") && wordEnd(s, k+4):
		return v / 100, v % 100, k, true
	case strings.HasPrefix(s[k:], " hrs") && wordEnd(s, k+4):
		return v / 100, v % 100, k + 4, true
	case strings.HasPrefix(s[k:], "hrs") && wordEnd(s, k+3):
		return v / 100, v % 100, k + 3, true
	case militaryRangeStart(s, k):
		return v / 100, v % 100, k, true
	}
	return 0, 0, i, false
}

// meridiemAt reads am/pm (a.m., PM, …) at i, after at most one space.
func meridiemAt(s string, i int) (byte, int) {
	j := i
	if byteAt(s, j) == ' ' {
		j++
	}
	c := byteAt(s, j) | 0x20
	if c != 'a' && c != 'p' {
		return 0, i
	}
	k := j + 1
	if byteAt(s, k) == '.' {
		k++
	}
	if byteAt(s, k)|0x20 != 'm' {
		return 0, i
	}
	k++
	if byteAt(s, k) == '.' {
		k++
	}
	if isLetter(byteAt(s, k)) {
		return 0, i
	}
	return c, k
}

// zoneAt reads a zone written after a time: " UTC", "UTC", "Z", " (PDT)",
// " +01:00", " UTC+2", " Europe/London", " Pacific".
func zoneAt(s string, i int) (zone string, end int) {
	j := i
	if byteAt(s, j) == ' ' {
		j++
	}
	paren := byteAt(s, j) == '('
	if paren {
		j++
	}
	k := j
	for k < len(s) && (isLetter(s[k]) || isDigit(s[k]) || strings.IndexByte("+-:/_", s[k]) >= 0) {
		k++
	}
	// A trailing hyphen or colon belongs to the separator ("UTC: paged").
	for k > j && (s[k-1] == '-' || s[k-1] == ':') {
		k--
	}
	word := s[j:k]
	if word == "" || len(word) > 32 {
		return "", i
	}
	if z := regionWord(word); z != "" && !paren {
		if e, ok := regionEnd(s, k); ok {
			return z, e
		}
		return "", i
	}
	if (word[0] == '+' || word[0] == '-') && (!strings.Contains(word, ":") && len(word) != 5 && len(word) != 3 || byteAt(s, k) == ':') {
		// "12:26-12:??" is a span whose end was not known, not UTC-12.
		return "", i
	}
	if paren {
		if byteAt(s, k) != ')' {
			return "", i
		}
		k++
	}
	if !wordEnd(s, k) || !zoneWord(word) {
		return "", i
	}
	return word, k
}

// regionEnd is the end of a region written as a zone ("10:22 AM Pacific",
// "3:00 PM Eastern Time") whose word ends at k; a word after it makes the
// region the text's ("11:05 Central banks notified").
func regionEnd(s string, k int) (int, bool) {
	if strings.HasPrefix(s[k:], " Time") && wordEnd(s, k+5) {
		k += 5
	}
	if r := skipSpaces(s, k); r < len(s) && !strings.ContainsRune(":,;)", rune(s[r])) && dashAt(s, r) == 0 {
		return k, false
	}
	return k, true
}

// regionWord is the zone a capitalised region names after a time
// ("Pacific" is PT), or "". Its length is checked before the word is
// folded, which spares "UTC" on every line of a log a copy.
func regionWord(word string) string {
	if len(word) < len("Central") || len(word) > len("Mountain") || !isUpper(word[0]) {
		return ""
	}
	return regionWords()[strings.ToLower(word)]
}

// stampAt reads a timestamp starting at i in any of the orders documents
// use: date then time ("2023-11-06 14:02", "Jan 14, 10:18 AM",
// "14 January 2024 at 10:18", "24-10-2024 - 08:15"), time then date
// ("11:10 6th Nov 2023", "22:30 UTC (Oct 29)"), a time alone, or a date
// alone. A zone, a range end ("14:05–14:20": the start is kept) and "-ish"
// may follow the time.
func (r stampReader) stampAt(s string, i int) (st stamp, end int, ok bool) {
	j := skipApprox(s, i)
	y, m, d, k, dok := r.date(s, j)
	if dok && d > 0 {
		st.year, st.month, st.day = y, m, d
		end = k
		if t, e, ok := r.timeAfterDate(s, k); ok {
			st.setClock(t)
			end = e
			st.zone, end = r.suffixes(s, end, &st)
		}
		return st, end, true
	}
	weekday := 0
	if w := letters(s, j); w != "" && isWeekday(w) {
		// "Tue 14:40 — …": the day of the week moves the date in force
		// to the nearest such day (see parser.weekdayDate).
		k := j + len(w)
		if byteAt(s, k) == '.' || byteAt(s, k) == ',' {
			k++
		}
		if k2 := skipSpaces(s, k); k2 > k && isDigit(byteAt(s, k2)) {
			j = k2
			if wd, ok := weekdayOf(w); ok {
				weekday = int(wd) + 1
			}
		}
	}
	defer func() {
		if ok {
			st.weekday = weekday
		}
	}()
	t, k, tok := clock(s, j, false)
	if !tok {
		if h, mi, k, ok := militaryClock(s, j); ok {
			st.hour, st.minute, st.hasTime = h, mi, true
			st.zone, end = r.suffixes(s, k, &st)
			return st, end, true
		}
		// "14.43" stands for a time only with am/pm or a zone after it.
		t, k, tok = clock(s, j, true)
		if !tok || t.meridiem == 0 {
			if z, _ := zoneAt(s, k); !tok || z == "" {
				return stamp{}, i, false
			}
		}
	}
	st.setClock(t)
	st.zone, end = r.suffixes(s, k, &st)
	return st, end, true
}

func (s *stamp) setClock(t clockTime) {
	s.hour, s.minute, s.second, s.meridiem, s.unknown, s.hasTime = t.hour, t.minute, t.second, t.meridiem, t.unknown, !t.unknown
	s.leap, s.padded = t.leap, t.padded
}

// timeAfterDate reads the time that may follow a date, across the
// separators documents put between them.
func (r stampReader) timeAfterDate(s string, i int) (clockTime, int, bool) {
	j := i
	switch {
	case byteAt(s, j) == 'T':
		j++
	default:
		j = skipSpaces(s, j)
		if byteAt(s, j) == ',' {
			j = skipSpaces(s, j+1)
		}
		if byteAt(s, j) == '(' {
			// "2025/04/08 (Tue) 13:05": the weekday in brackets, as
			// Japanese and Korean documents write it.
			if k := strings.IndexByte(s[j:], ')'); k > 1 && k <= 10 && isWeekday(s[j+1:j+k]) {
				j = skipSpaces(s, j+k+1)
			}
		}
		if n := dashAt(s, j); n > 0 && j > i && !unknownAt(s, j) {
			j = skipSpaces(s, j+n)
		} else if byteAt(s, j) == '@' || byteAt(s, j) == '|' {
			j = skipSpaces(s, j+1)
		} else if n := middleDotAt(s, j); n > 0 {
			j = skipSpaces(s, j+n) // "Thu 14 Mar 2024 · 11:52 GMT"
		} else if len(s)-j > 3 && strings.EqualFold(s[j:j+3], "at ") {
			j = skipSpaces(s, j+3)
		}
		j = skipApprox(s, j)
		if j == i && i < len(s) {
			return clockTime{}, i, false
		}
	}
	if t, k, ok := clock(s, j, true); ok || j == i {
		return t, k, ok
	}
	return datedMilitary(s, j)
}

// suffixes reads what may follow a time: zone, "-ish", a range end and, when
// the date has not been written yet, a date ("on 6th Nov", "(Oct 29)").
func (r stampReader) suffixes(s string, i int, st *stamp) (zone string, end int) {
	end = i
	for range 4 {
		if strings.HasPrefix(s[end:], "-ish") {
			end += 4
			continue
		}
		if strings.HasPrefix(s[end:], "ish") {
			end += 3
			continue
		}
		// "02:00-04:30" is a range; "14:02:11-05:00" an ISO offset.
		if c := byteAt(s, end); (c == '-' || c == '+') && strings.Count(s[i-min(i, 8):end], ":") < 2 {
			if e, ok := rangeEnd(s, end); ok {
				end, st.ranged = e, true
				continue
			}
		}
		if zone == "" {
			if z, e := zoneAt(s, end); z != "" {
				zone, end = z, e
				continue
			}
		}
		if e, ok := rangeEnd(s, end); ok {
			end, st.ranged = e, true
			// The end's own zone and date ("07:50 UTC on 25 January
			// 2023 and 16:00 UTC on 25 January 2023") go with it.
			if z, e := zoneAt(s, end); z != "" {
				end = e
				if zone == "" {
					zone = z // "14:05–14:20 UTC"
				}
			}
			var until stamp
			if e, ok := r.dateAfterTime(s, end, &until); ok {
				end = e
			}
			continue
		}
		if !st.hasDate() {
			if e, ok := r.dateAfterTime(s, end, st); ok {
				end = e
				continue
			}
		}
		break
	}
	return zone, end
}

// middleDotAt reports the length of a "·" or "•" at i, which status
// pages put between a date and a time, or 0.
func middleDotAt(s string, i int) int {
	switch {
	case strings.HasPrefix(s[i:], "·"):
		return len("·")
	case strings.HasPrefix(s[i:], "•"):
		return len("•")
	}
	return 0
}

// rangeEnd skips the end of a range such as "14:05–14:20" or "02:00 to 04:30".
func rangeEnd(s string, i int) (int, bool) {
	j := skipSpaces(s, i)
	if n := dashAt(s, j); n > 0 {
		j += n
	} else if w := strings.ToLower(letters(s, j)); (w == "to" || w == "until" || w == "till" || w == "and") && byteAt(s, j+len(w)) == ' ' {
		j += len(w)
	} else {
		return i, false
	}
	j = skipSpaces(s, j)
	if e, ok := unknownEnd(s, j); ok {
		return e, true
	}
	_, e, ok := clock(s, j, false)
	if !ok || !strings.Contains(s[j:e], ":") && !strings.ContainsAny(s[j:e], "aApP") {
		return i, false
	}
	return e, true
}

// unknownEnd reads a range's end written where it was not recorded, all
// of it ("--:--") or its minutes ("12:26-12:??"), and returns where it ends.
func unknownEnd(s string, j int) (int, bool) {
	if _, e, ok := unknownClock(s, j); ok {
		return e, true
	}
	_, n := number(s, j, 2)
	if n == 0 || byteAt(s, j+n) != ':' {
		return j, false
	}
	for _, u := range []string{"??", "xx", "XX", "--"} {
		if strings.HasPrefix(s[j+n+1:], u) && wordEnd(s, j+n+3) {
			return j + n + 3, true
		}
	}
	return j, false
}

func (r stampReader) dateAfterTime(s string, i int, st *stamp) (int, bool) {
	j := skipSpaces(s, i)
	if byteAt(s, j) == ',' {
		j = skipSpaces(s, j+1)
	}
	if len(s)-j > 3 && strings.EqualFold(s[j:j+3], "on ") {
		j = skipSpaces(s, j+3)
	}
	paren := byteAt(s, j) == '('
	if paren {
		j++
	}
	if j == i {
		return i, false
	}
	y, m, d, e, ok := r.date(s, j)
	if !ok || d == 0 {
		return i, false
	}
	if paren {
		if byteAt(s, e) != ')' {
			return i, false
		}
		e++
	}
	st.year, st.month, st.day = y, m, d
	return e, true
}

// dateAnywhere finds the first date in a line of prose or a title; it
// looks only at word starts, so it is linear too.
func (r stampReader) dateAnywhere(s string) (year, month, day int, ok bool) {
	for i := 0; i < len(s); i++ {
		if i > 0 && (isLetter(s[i-1]) || isDigit(s[i-1])) {
			continue
		}
		if !isLetter(s[i]) && !isDigit(s[i]) {
			continue
		}
		if y, m, d, _, ok := r.date(s, i); ok {
			return y, m, d, true
		}
	}
	return 0, 0, 0, false
}
