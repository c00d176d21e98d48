package ingest

import (
	"fmt"
	"strings"
	"testing"
)

func TestStampAt(t *testing.T) {
	r := stampReader{dayFirst: true}
	for _, c := range []struct {
		in   string
		want string // y-m-d h:m zone | rest, or "" when no stamp
	}{
		{"2023-11-06 14:02 deploy", "2023-11-06 14:02  | deploy"},
		{"2023-11-06T14:02:11Z level=error", "2023-11-06 14:02 Z | level=error"},
		{"2022/02/16 03:01PM ET - rollout", "2022-02-16 15:01 ET | - rollout"},
		{"24-10-2024 - 08:15 - notified", "2024-10-24 08:15  | - notified"},
		{"06/11/2023 02:10 x", "2023-11-06 02:10  | x"},
		{"11/13/2023 02:10 x", "2023-11-13 02:10  | x"},
		{"6th Nov 2023 14:02 x", "2023-11-06 14:02  | x"},
		{"11:10 6th Nov 2023 - commit", "2023-11-06 11:10  | - commit"},
		{"Jan 14, 10:18 AM", "0-01-14 10:18  | "},
		{"14 January 2024 at 10:18 UTC: x", "2024-01-14 10:18 UTC | : x"},
		{"Monday, June 10, 2021 9:05 pm PDT x", "2021-06-10 21:05 PDT | x"},
		{"22:30 UTC (Oct 29) - x", "0-10-29 22:30 UTC | - x"},
		{"Feb 22, 2022 - 21:21 UTC", "2022-02-22 21:21 UTC | "},
		{"2024-04-15 14.43", "2024-04-15 14:43  | "},
		{"~14:05 x", "0-00-00 14:05  | x"},
		{"14:05-ish x", "0-00-00 14:05  | x"},
		{"14:05–14:20 UTC x", "0-00-00 14:05 UTC | x"},
		{"02:00-04:30 - x", "0-00-00 02:00  | - x"},
		{"around 7am x", "0-00-00 07:00  | x"},
		{"12:30 AM x", "0-00-00 00:30  | x"},
		{"14:02:11-05:00 x", "0-00-00 14:02 -05:00 | x"},
		{"1405Z x", "0-00-00 14:05 Z | x"},
		{"Sat, 12 Aug 2023 14:02:11 +0000", "2023-08-12 14:02 +0000 | "},
		{"January 14-19, 2026", "2026-01-14 --  | "},
		{"the 1st of November 14:49 x", "0-11-01 14:49  | x"},
		{"20:10UTC x", "0-00-00 20:10 UTC | x"},
		{"14/Mar/24 9:12 AM x", "2024-03-14 09:12  | x"},
		{"14-Mar-2024 09:12 x", "2024-03-14 09:12  | x"},
		{"Thu 14 Mar 2024 · 11:52 GMT", "2024-03-14 11:52 GMT | "},
		{"10:22 AM Pacific: alert", "0-00-00 10:22 PT | : alert"},
		{"3:00 PM Eastern Time - x", "0-00-00 15:00 ET | - x"},
		{"11:05 Central banks notified", "0-00-00 11:05  | Central banks notified"},
		{"12:00 UTC+5:30 - x", "0-00-00 12:00 UTC+5:30 | - x"},
		{"07:50 UTC on 25 January 2023 and 16:00 UTC on 25 January 2023, x", "2023-01-25 07:50 UTC | , x"},
		{"03/14/24 09:12 - x", "2024-03-14 09:12  | - x"},
		{"5-26-21 16:49 - x", "2021-05-26 16:49  | - x"},
		{"20:50pm errors began", "0-00-00 20:50  | errors began"},
		{"14:00hrs - y", "0-00-00 14:00  | - y"},
		{"Tue 14:40 — x", "0-00-00 14:40  | — x"},
		{"Thu, 2:40 PM PT - x", "0-00-00 14:40 PT | - x"},
		{"--:-- x", "unknown"},
		{"2019-12-03 --:-- x", "unknown"},
		// Not timestamps.
		{"3 pods restarted", ""},
		{"1.26.0 released", ""},
		{"1-2-3 12:00 released", ""},
		{"24/7 support", ""},
		{"2023 was a year", ""},
		{"10.50 USD", ""},
		{"500 errors", ""},
		{"May be later", ""},
		{"12:1 ratio", ""},
		{"10.0.0.1 down", ""},
		{"14/Mar/2 x", ""},
		{"1.26.10 released", ""},
	} {
		st, end, ok := r.stampAt(c.in, 0)
		got := ""
		switch {
		case ok && st.unknown:
			got = "unknown"
		case ok:
			clock := "--"
			if st.hasTime {
				h := st.hour
				if st.meridiem == 'p' && h < 12 {
					h += 12
				} else if st.meridiem == 'a' && h == 12 {
					h = 0
				}
				clock = fmt.Sprintf("%02d:%02d", h, st.minute)
			}
			got = fmt.Sprintf("%d-%02d-%02d %s %s | %s", st.year, st.month, st.day, clock, st.zone, c.in[end:])
		}
		if c.want != "" && got != "" && c.want != "unknown" {
			// Normalise the expected rest's leading space away.
			got = trimRestSpace(got)
		}
		if got != c.want {
			t.Errorf("stampAt(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// trimRestSpace drops the spaces between the stamp and its rest, which
// belong to neither.
func trimRestSpace(s string) string {
	for i := 0; i+2 < len(s); i++ {
		if s[i:i+2] == "| " {
			j := i + 2
			for j < len(s) && s[j] == ' ' {
				j++
			}
			return s[:i+2] + s[j:]
		}
	}
	return s
}

func TestStatedZone(t *testing.T) {
	for in, want := range map[string]string{
		"All times in UTC.":                       "UTC",
		"_All times in EEST_":                     "EEST",
		"| Date and Time in CET | Event |":        "CET",
		"Time (UTC) Event":                        "UTC",
		"## Timeline (times in BST)":              "BST",
		"All times are Pacific Time.":             "PT",
		"Times below are in US/Eastern":           "US/Eastern",
		"All times in UTC+1":                      "UTC+1",
		"Time to detection: N/A":                  "",
		"It took a long time to notice":           "",
		"Availability zone eu-west-1 is up":       "",
		"Timestamps in Central European Time.":    "Europe/Berlin",
		"All times are in Pacific Daylight Time.": "PDT",
		"All times are British Summer Time":       "BST",
		"All times are Central Time":              "CT",
		"All times in SAST":                       "SAST",
		"The time the Western team woke up":       "",
		// The zone named by a city, after more words, with more filler.
		"Times are local (Berlin).":                           "Europe/Berlin",
		"Times are in Singapore time":                         "Asia/Singapore",
		"All times are New York time":                         "America/New_York",
		"All times are Sydney time (AEST).":                   "AEST",
		"Reported times are approximate and in PST.":          "PST",
		"Times in this document are in Eastern Standard Time": "EST",
		"Timezone used below: US Eastern (EDT)":               "ET",
		"Date/Time (PT)":                                      "PT",
		"At that time the Monday team was on call":            "",
	} {
		if got := statedZone(in); got != want {
			t.Errorf("statedZone(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLeadStampMarks(t *testing.T) {
	p := newParser("", Options{})
	for in, want := range map[string]string{
		"*14:02* UTC - a":            "14:02 UTC | - a",
		"**14:10** UTC - b":          "14:10 UTC | - b",
		"_14:20 UTC_ - c":            "14:20 UTC | - c",
		"`14:30` UTC - d":            "14:30 UTC | - d",
		"14:40 _UTC_ - e":            "14:40 UTC | - e",
		"[**14:55**] f":              "14:55  | f",
		"14:50 - max_wal_senders, x": "14:50  | - max_wal_senders, x",
		"`2024-01-02T14:31:07Z` x":   "14:31 Z | x",
		"*not* a time":               "",
	} {
		st, rest, ok := p.leadStamp(in)
		got := ""
		if ok {
			got = fmt.Sprintf("%02d:%02d %s | %s", st.hour, st.minute, st.zone, strings.TrimSpace(rest))
		}
		if got != want {
			t.Errorf("leadStamp(%q) = %q, want %q", in, got, want)
		}
	}
}

// Seconds the text gives are kept: a chat or log export to the second
// must not land on the minute.
func TestSecondsKept(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"- 2026-11-20 14:02:05 UTC replica lag\n", "2026-11-20T14:02:05Z"},
		{"- 2026-11-20T14:02:59Z replica lag\n", "2026-11-20T14:02:59Z"},
		{"- 2026-11-20 14:02:05.250 UTC replica lag\n", "2026-11-20T14:02:05Z"},
		{"- 2026-11-20 2:02:05 PM PST replica lag\n", "2026-11-20T22:02:05Z"},
		{"- 2026-11-20 14:02 UTC replica lag\n", "2026-11-20T14:02:00Z"},
	} {
		res := ParseText(c.in, Options{})
		if len(res.Entries) != 1 {
			t.Errorf("%q: %d entries, problems %v", c.in, len(res.Entries), res.Problems)
			continue
		}
		if got := res.Entries[0].At.Format("2006-01-02T15:04:05Z07:00"); got != c.want {
			t.Errorf("%q: at %s, want %s", c.in, got, c.want)
		}
	}
}
