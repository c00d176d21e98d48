package ingest

// datedMilitary reads a four-digit time written right after a date:
// "2022-02-02 1625: the report arrived". After a date four digits are a
// time of day when a mark follows them ("1625 UTC", "1625Z", see
// militaryClock) or the colon that starts the entry's text; a count or a
// year after a date has neither ("2022-02-02 1625 requests").
func datedMilitary(s string, i int) (clockTime, int, bool) {
	if h, m, end, ok := militaryClock(s, i); ok {
		return clockTime{hour: h, minute: m, padded: s[i] == '0'}, end, true
	}
	v, n := number(s, i, 4)
	if n != 4 || v/100 > 23 || v%100 > 59 {
		return clockTime{}, i, false
	}
	k := i + 4
	if byteAt(s, k) != ':' || (k+1 < len(s) && s[k+1] != ' ' && s[k+1] != '\t') {
		return clockTime{}, i, false
	}
	return clockTime{hour: v / 100, minute: v % 100, padded: s[i] == '0'}, k, true
}
