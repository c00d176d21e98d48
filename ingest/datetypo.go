package ingest

import "scribe/lazyregexp"

// separatorTypo is a numeric date at the start of a line with a colon typed
// for its second separator, then a time: "01-11:2024 15:00" (a day and
// month, the year after a colon), "2024-11:01 15:00" (year first).
var separatorTypo = lazyregexp.New(`^([\[(*_~]*)(?:(\d{1,2})([-/.])(\d{1,2}):((?:19|20|21)\d{2})|((?:19|20|21)\d{2})([-/.])(\d{1,2}):(\d{1,2}))([ T,]+\d{1,2}:\d{2})`)

// mendDateSeparator reads a date whose second separator was typed as a
// colon as the first one: it returns the line with the date mended, the
// date as read and whether it was mended. The caller reports the change,
// so the reader can check it.
func mendDateSeparator(s string) (mended, date string, ok bool) {
	m := separatorTypo().FindStringSubmatchIndex(s)
	if m == nil {
		return s, "", false
	}
	g := func(k int) string {
		if m[2*k] < 0 {
			return ""
		}
		return s[m[2*k]:m[2*k+1]]
	}
	if g(2) != "" {
		date = g(2) + g(3) + g(4) + g(3) + g(5)
	} else {
		date = g(6) + g(7) + g(8) + g(7) + g(9)
	}
	return g(1) + date + g(10) + s[m[1]:], date, true
}
