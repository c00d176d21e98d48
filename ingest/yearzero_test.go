package ingest

import (
	"strings"
	"testing"
)

// A year written as 0000 is no year scribe accepts. The parser's "no year
// written" is year 0, so it once read "0000-06-15 10:00" as 15 June of the
// nearest year, silently: it must be reported on its line, like 0001.
func TestYearZeroIsReportedNotGuessed(t *testing.T) {
	for _, text := range []string{
		"0000-06-15 10:00 year zero",
		"- 0000-01-01 00:00 year zero, midnight",
		"0000-06-15T10:00:00Z iso year zero",
		"0000/06/15 10:00 slashes",
	} {
		res := ParseText(text, Options{})
		if len(res.Entries) != 0 {
			t.Errorf("%q: imported %+v, want nothing", text, res.Entries)
		}
		if len(res.Problems) != 1 || res.Problems[0].Line != 1 || !strings.Contains(res.Problems[0].Reason, "1970-2199") {
			t.Errorf("%q: problems %+v, want one on line 1 naming the years accepted", text, res.Problems)
		}
	}
}
