package ingest

import "strings"

// militaryRangeStart reports four digits at s[:k] that start a range whose
// end carries the mark ("1900 and 2100 UTC", "1900-2100Z", "0900 to
// 1130 hrs"): the start is a time as the end is.
func militaryRangeStart(s string, k int) bool {
	j := k
	switch w := strings.ToLower(letters(s, skipSpaces(s, j))); {
	case dashAt(s, j) > 0:
		j += dashAt(s, j)
	case (w == "and" || w == "to" || w == "until") && byteAt(s, j) == ' ':
		j = skipSpaces(s, j) + len(w)
	default:
		return false
	}
	_, _, _, ok := militaryClockMarked(s, skipSpaces(s, j))
	return ok
}

// militaryClockMarked is militaryClock without the range case, for a
// range's end, which must carry its own mark.
func militaryClockMarked(s string, i int) (hour, minute, end int, ok bool) {
	v, n := number(s, i, 4)
	if n != 4 || v/100 > 23 || v%100 > 59 || isDigit(byteAt(s, i+4)) {
		return 0, 0, i, false
	}
	k := i + 4
	switch {
	case byteAt(s, k) == 'Z' && wordEnd(s, k+1):
		return v / 100, v % 100, k, true
	case strings.HasPrefix(s[k:], " UTC") && wordEnd(s, k+4), strings.HasPrefix(s[k:], " GMT") && wordEnd(s, k+4),
		strings.HasPrefix(s[k:], " hrs") && wordEnd(s, k+4), strings.HasPrefix(s[k:], "hrs") && wordEnd(s, k+3):
		return v / 100, v % 100, k, true
	}
	return 0, 0, i, false
}

// skipHoursOf skips "the hours of" after "between" at i.
func skipHoursOf(s string, i int) int {
	if len(s)-i >= len("the hours of ") && strings.EqualFold(s[i:i+len("the hours of ")], "the hours of ") {
		return i + len("the hours of ")
	}
	return i
}

// militaryMark reports a mark a four-digit time may carry ("1915 UTC",
// "1915Z", "1915 hrs"), for a paragraph without a colon or am/pm to be
// read for times.
func militaryMark(s string) bool {
	return strings.Contains(s, " UTC") || strings.Contains(s, " GMT") || strings.Contains(s, "hrs") || strings.ContainsRune(s, 'Z')
}
