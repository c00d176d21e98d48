package incident_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	return loc
}

func mustUTC(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatalf("bad test time %q: %v", s, err)
	}
	return v
}

// whenNow is Saturday 2026-11-21 14:30 UTC: 09:30 in New York, 15:30 in Berlin.
const whenNow = "2026-11-21T14:30:00Z"

func TestParseWhen(t *testing.T) {
	tests := []struct {
		in   string
		zone string // incident zone; "" means UTC
		now  string // "" means whenNow
		want string
	}{
		// now and relative times
		{in: "now", want: whenNow},
		{in: "  NOW ", want: whenNow},
		{in: "-5m", want: "2026-11-21T14:25:00Z"},
		{in: "-1h30m", want: "2026-11-21T13:00:00Z"},
		{in: "-1h 30m", want: "2026-11-21T13:00:00Z"},
		{in: "-90s", want: "2026-11-21T14:28:30Z"},
		{in: "-10min", want: "2026-11-21T14:20:00Z"},
		{in: "-2hours", want: "2026-11-21T12:30:00Z"},
		{in: "-1d", want: "2026-11-20T14:30:00Z"},
		{in: "-500ms", want: "2026-11-21T14:29:59.5Z"},
		{in: "5m ago", want: "2026-11-21T14:25:00Z"},
		{in: "5M AGO", want: "2026-11-21T14:25:00Z"},
		{in: "90s ago", want: "2026-11-21T14:28:30Z"},
		{in: "2h ago", want: "2026-11-21T12:30:00Z"},
		{in: "2 hours ago", want: "2026-11-21T12:30:00Z"},
		{in: "1 hour 30 minutes ago", want: "2026-11-21T13:00:00Z"},
		{in: "1h30m ago", want: "2026-11-21T13:00:00Z"},
		{in: "10 mins ago", want: "2026-11-21T14:20:00Z"},
		{in: "45 secs ago", want: "2026-11-21T14:29:15Z"},
		{in: "1.5h ago", want: "2026-11-21T13:00:00Z"},
		{in: "an hour ago", want: "2026-11-21T13:30:00Z"},
		{in: "a minute ago", want: "2026-11-21T14:29:00Z"},
		{in: "3 days ago", want: "2026-11-18T14:30:00Z"},
		{in: "-5m", zone: "America/New_York", want: "2026-11-21T14:25:00Z"},

		// clock times: the nearest of yesterday's, today's and tomorrow's
		{in: "00:00", now: "2026-11-21T11:30:00Z", want: "2026-11-21T00:00:00Z"},
		{in: "23:50", now: "2026-11-22T00:05:00Z", want: "2026-11-21T23:50:00Z"}, // a quarter of an hour ago
		{in: "23:59", now: "2026-11-22T11:58:00Z", want: "2026-11-21T23:59:00Z"},
		{in: "00:00", now: "2026-11-21T12:00:00Z", want: "2026-11-21T00:00:00Z"}, // a tie goes to the past
		{in: "12:15am", now: "2026-11-21T09:00:00Z", want: "2026-11-21T00:15:00Z"},
		{in: "14:05", zone: "America/New_York", now: "2026-11-21T20:00:00Z", want: "2026-11-21T19:05:00Z"},
		{in: "14:05", want: "2026-11-21T14:05:00Z"},
		{in: "14:05:30", want: "2026-11-21T14:05:30Z"},
		{in: "9:05", want: "2026-11-21T09:05:00Z"},
		{in: "14:30:45", want: "2026-11-21T14:30:45Z"}, // within the minute of slack
		{in: "14:31", want: "2026-11-21T14:31:00Z"},    // exactly at the slack
		{in: "2:05pm", want: "2026-11-21T14:05:00Z"},
		{in: "2pm", want: "2026-11-21T14:00:00Z"},
		{in: "2:05 PM", want: "2026-11-21T14:05:00Z"},
		{in: "2:05 p.m.", want: "2026-11-21T14:05:00Z"},
		{in: "02:05PM", want: "2026-11-21T14:05:00Z"},
		{in: "9am", want: "2026-11-21T09:00:00Z"},
		{in: "12:15pm", want: "2026-11-21T12:15:00Z"},
		{in: "14:05:30.25", want: "2026-11-21T14:05:30.25Z"},
		// the incident's zone decides what "today" and the clock mean
		{in: "09:00", zone: "America/New_York", want: "2026-11-21T14:00:00Z"},
		{in: "15:00", zone: "Europe/Berlin", want: "2026-11-21T14:00:00Z"},
		// late evening in New York is already tomorrow in UTC
		{in: "21:50", zone: "America/New_York", now: "2026-11-21T03:00:00Z", want: "2026-11-21T02:50:00Z"},
		// a zone written after the clock wins over the incident's
		{in: "14:05 UTC", zone: "America/New_York", want: "2026-11-21T14:05:00Z"},
		{in: "14:05 Europe/Berlin", want: "2026-11-21T13:05:00Z"},
		{in: "15:45 CET", now: "2026-11-21T15:00:00Z", want: "2026-11-21T14:45:00Z"},
		{in: "2:05pm PT", now: "2026-11-21T23:00:00Z", want: "2026-11-21T22:05:00Z"},
		{in: "9:00 ET", want: "2026-11-21T14:00:00Z"},

		// date and time
		{in: "2026-11-21 14:05", want: "2026-11-21T14:05:00Z"},
		{in: "2026-11-21T14:05", want: "2026-11-21T14:05:00Z"},
		{in: "2026-11-21 14:05", zone: "America/New_York", now: "2026-11-21T20:00:00Z", want: "2026-11-21T19:05:00Z"},
		{in: "2026/11/21 02:05PM", want: "2026-11-21T14:05:00Z"},
		{in: "2026/11/21 02:05 pm", zone: "Europe/Berlin", want: "2026-11-21T13:05:00Z"},
		{in: "2026-1-5 7:05", want: "2026-01-05T07:05:00Z"},
		{in: "2026-11-21, 14:05", want: "2026-11-21T14:05:00Z"},
		{in: "2022/12/15 09:24AM PST", want: "2022-12-15T17:24:00Z"},
		{in: "2022-12-15 12:23 ET", want: "2022-12-15T17:23:00Z"},
		{in: "2022/02/16 03:01PM ET", want: "2022-02-16T20:01:00Z"},

		// RFC3339
		{in: "2022-12-15T17:33:00Z", want: "2022-12-15T17:33:00Z"},
		{in: "2022-12-15t17:33:00z", want: "2022-12-15T17:33:00Z"},
		{in: "2022-12-15T17:33:00+02:00", want: "2022-12-15T15:33:00Z"},
		{in: "2022-12-15T17:33:00-05:00", zone: "Europe/Berlin", want: "2022-12-15T22:33:00Z"},
		{in: "2022-12-15T17:33:00.123456789Z", want: "2022-12-15T17:33:00.123456789Z"},
		{in: "2022-12-15T17:33:00.5+05:30", want: "2022-12-15T12:03:00.5Z"},

		// zones after a date and time
		{in: "2026-07-01 12:00 UTC", zone: "America/New_York", want: "2026-07-01T12:00:00Z"},
		{in: "2026-07-01 12:00 utc", zone: "America/New_York", want: "2026-07-01T12:00:00Z"},
		{in: "2026-07-01 12:00 GMT", zone: "America/New_York", want: "2026-07-01T12:00:00Z"},
		{in: "2026-07-01 12:00 Z", zone: "America/New_York", want: "2026-07-01T12:00:00Z"},
		{in: "2026-07-01 12:00 (UTC)", zone: "America/New_York", want: "2026-07-01T12:00:00Z"},
		{in: "2026-07-01 12:00 Europe/Berlin", want: "2026-07-01T10:00:00Z"},
		{in: "2026-07-01 12:00 europe/berlin", want: "2026-07-01T10:00:00Z"},
		{in: "2026-07-01 12:00 +02:00", want: "2026-07-01T10:00:00Z"},
		{in: "2026-07-01 12:00 -0500", want: "2026-07-01T17:00:00Z"},
		{in: "2026-07-01 12:00 +0530", want: "2026-07-01T06:30:00Z"},
		{in: "2026-07-01 12:00 UTC+2", want: "2026-07-01T10:00:00Z"},
		{in: "2026-07-01 12:00 GMT-5", want: "2026-07-01T17:00:00Z"},
		// generic abbreviations follow the region's daylight saving...
		{in: "2026-07-01 12:00 ET", want: "2026-07-01T16:00:00Z"},
		{in: "2026-01-15 12:00 ET", want: "2026-01-15T17:00:00Z"},
		{in: "2026-07-01 12:00 CT", want: "2026-07-01T17:00:00Z"},
		{in: "2026-07-01 12:00 MT", want: "2026-07-01T18:00:00Z"},
		{in: "2026-07-01 12:00 PT", want: "2026-07-01T19:00:00Z"},
		{in: "2026-01-15 12:00 pt", want: "2026-01-15T20:00:00Z"},
		// ...literal ones are the offset they name, whatever the season
		{in: "2026-07-01 12:00 EST", want: "2026-07-01T17:00:00Z"},
		{in: "2026-07-01 12:00 EDT", want: "2026-07-01T16:00:00Z"},
		{in: "2026-07-01 12:00 CST", want: "2026-07-01T18:00:00Z"},
		{in: "2026-07-01 12:00 CDT", want: "2026-07-01T17:00:00Z"},
		{in: "2026-07-01 12:00 MST", want: "2026-07-01T19:00:00Z"},
		{in: "2026-07-01 12:00 MDT", want: "2026-07-01T18:00:00Z"},
		{in: "2026-07-01 12:00 PST", want: "2026-07-01T20:00:00Z"},
		{in: "2026-07-01 12:00 PDT", want: "2026-07-01T19:00:00Z"},
		{in: "2026-07-01 12:00 AKST", want: "2026-07-01T21:00:00Z"},
		{in: "2026-07-01 12:00 AKDT", want: "2026-07-01T20:00:00Z"},
		{in: "2026-07-01 12:00 HST", want: "2026-07-01T22:00:00Z"},
		{in: "2026-07-01 12:00 BST", want: "2026-07-01T11:00:00Z"},
		{in: "2026-07-01 12:00 WET", want: "2026-07-01T12:00:00Z"},
		{in: "2026-07-01 12:00 WEST", want: "2026-07-01T11:00:00Z"},
		{in: "2026-07-01 12:00 CET", want: "2026-07-01T11:00:00Z"},
		{in: "2026-07-01 12:00 cest", want: "2026-07-01T10:00:00Z"},
		{in: "2026-07-01 12:00 EET", want: "2026-07-01T10:00:00Z"},
		{in: "2026-07-01 12:00 EEST", want: "2026-07-01T09:00:00Z"},
		{in: "2026-07-01 12:00 MSK", want: "2026-07-01T09:00:00Z"},
		{in: "2026-07-01 12:00 IST", want: "2026-07-01T06:30:00Z"},
		{in: "2026-07-01 12:00 JST", want: "2026-07-01T03:00:00Z"},
		{in: "2026-07-01 12:00 KST", want: "2026-07-01T03:00:00Z"},
		{in: "2026-07-01 12:00 SGT", want: "2026-07-01T04:00:00Z"},
		{in: "2026-07-01 12:00 HKT", want: "2026-07-01T04:00:00Z"},
		{in: "2026-07-01 12:00 AEST", want: "2026-07-01T02:00:00Z"},
		{in: "2026-07-01 12:00 AEDT", want: "2026-07-01T01:00:00Z"},
		{in: "2026-07-01 12:00 ACST", want: "2026-07-01T02:30:00Z"},
		{in: "2026-07-01 12:00 AWST", want: "2026-07-01T04:00:00Z"},
		{in: "2026-07-01 12:00 NZST", want: "2026-07-01T00:00:00Z"},
		{in: "2026-07-01 12:00 NZDT", want: "2026-06-30T23:00:00Z"},

		// daylight saving: New York springs forward 2026-03-08 02:00 → 03:00
		// and falls back 2026-11-01 02:00 → 01:00; Berlin 2026-03-29 and 2026-10-25.
		{in: "2026-03-08 01:59", zone: "America/New_York", want: "2026-03-08T06:59:00Z"},
		{in: "2026-03-08 03:00", zone: "America/New_York", want: "2026-03-08T07:00:00Z"},
		{in: "2026-11-01 01:30", zone: "America/New_York", want: "2026-11-01T05:30:00Z"}, // repeated: the earlier
		{in: "2026-11-01 02:30", zone: "America/New_York", want: "2026-11-01T07:30:00Z"},
		{in: "2026-10-25 02:30 Europe/Berlin", want: "2026-10-25T00:30:00Z"},
		{in: "2026-03-29 03:30 Europe/Berlin", want: "2026-03-29T01:30:00Z"},
		// a bare clock in the repeated hour is the most recent one
		{in: "01:30", zone: "America/New_York", now: "2026-11-01T06:40:00Z", want: "2026-11-01T06:30:00Z"},
		{in: "01:30", zone: "America/New_York", now: "2026-11-01T05:40:00Z", want: "2026-11-01T05:30:00Z"},
		{in: "01:50", zone: "America/New_York", now: "2026-11-01T06:40:00Z", want: "2026-11-01T05:50:00Z"},
		// the day after a change, yesterday has a different offset
		{in: "23:00", zone: "America/New_York", now: "2026-03-09T12:00:00Z", want: "2026-03-09T03:00:00Z"},
	}
	for _, tt := range tests {
		zone := time.UTC
		if tt.zone != "" {
			zone = mustZone(t, tt.zone)
		}
		now := mustUTC(t, whenNow)
		if tt.now != "" {
			now = mustUTC(t, tt.now)
		}
		got, err := incident.ParseWhen(tt.in, now, zone)
		if err != nil {
			t.Errorf("ParseWhen(%q, %s, %s): %v", tt.in, now.Format(time.RFC3339), zone, err)
			continue
		}
		want := mustUTC(t, tt.want)
		if !got.Equal(want) {
			t.Errorf("ParseWhen(%q, %s, %s) = %s, want %s", tt.in, now.Format(time.RFC3339), zone, got.Format(time.RFC3339Nano), tt.want)
		}
		if got.Location() != time.UTC {
			t.Errorf("ParseWhen(%q) returned zone %s, want UTC", tt.in, got.Location())
		}
	}
}

func TestParseWhenNilZoneIsUTC(t *testing.T) {
	got, err := incident.ParseWhen("14:05", mustUTC(t, whenNow), nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := mustUTC(t, "2026-11-21T14:05:00Z"); !got.Equal(want) {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestParseWhenNowKeepsPrecision guards against "now" being rounded or put
// in another zone: an event logged "now" must sort after one a second ago.
func TestParseWhenNowKeepsPrecision(t *testing.T) {
	now := time.Date(2026, 11, 21, 9, 30, 0, 123456789, mustZone(t, "America/New_York"))
	got, err := incident.ParseWhen("now", now, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Equal(now) || got.Location() != time.UTC {
		t.Errorf("got %v, want %v in UTC", got, now.UTC())
	}
}

const whenFormsText = "use now, -5m, 5m ago, 14:05, 2:05pm, 2026-11-21 14:05 or RFC3339, optionally followed by a zone (UTC, PT, Europe/Berlin)"

func TestParseWhenErrors(t *testing.T) {
	tests := []struct {
		in   string
		zone string
		want string // substring of the message
	}{
		{in: "yesterday-ish", want: `cannot read time "yesterday-ish": ` + whenFormsText},
		{in: "", want: "time is empty: " + whenFormsText},
		{in: "   ", want: "time is empty"},
		{in: "tomorrow", want: whenFormsText},
		{in: "3", want: whenFormsText},
		{in: "14", want: whenFormsText},
		{in: "3 pods", want: whenFormsText},
		{in: "5m", want: whenFormsText},
		{in: "5", want: whenFormsText},
		{in: "-5", want: whenFormsText},
		{in: "-5x", want: whenFormsText},
		{in: "- 5m", want: whenFormsText},
		{in: "+5m", want: whenFormsText},
		{in: "-", want: whenFormsText},
		{in: "-5m ago", want: whenFormsText},
		{in: "5 ago", want: whenFormsText},
		{in: "ago", want: whenFormsText},
		{in: "5mago", want: whenFormsText},
		{in: "-1y", want: whenFormsText},
		{in: "-1.2.3h", want: whenFormsText},
		{in: "now-5m", want: whenFormsText},
		{in: "14h05", want: whenFormsText},
		{in: "14.05", want: whenFormsText},
		{in: "-400d", want: "more than a year ago"},
		{in: "999999999999 hours ago", want: "more than a year ago"},
		{in: "25:00", want: "hours run 0-23"},
		{in: "14:60", want: "minutes and seconds 0-59"},
		{in: "14:05:61", want: "minutes and seconds 0-59"},
		{in: "13:05pm", want: "with am/pm the hour runs from 1 to 12"},
		{in: "0am", want: "with am/pm the hour runs from 1 to 12"},
		{in: "2026-02-30 10:00", want: "2026-02-30 is not a date"},
		{in: "2026-13-01 10:00", want: "2026-13-01 is not a date"},
		{in: "2026-11-21", want: "a date needs a time of day too, e.g. 2026-11-21 14:05"},
		{in: "2026-11-21x14:05", want: whenFormsText},
		{in: "14:05 XYZ", want: `cannot read time "14:05 XYZ": unknown zone "XYZ": use UTC, an IANA name`},
		{in: "14:05 Local", want: `unknown zone "Local"`},
		{in: "14:05 Mars/Olympus", want: `unknown zone "Mars/Olympus"`},
		{in: "14:05 +15:00", want: "offsets run from -14:00 to +14:00"},
		{in: "14:05 +0560", want: `unknown zone "+0560"`},
		{in: "14:05:30:10", want: "cannot read time"},
		{in: "2pmx", want: "cannot read time"},
		{in: "2026-03-08 02:30", zone: "America/New_York", want: "does not exist in America/New_York"},
		{in: "2026-03-29 02:30 Europe/Berlin", want: "does not exist in Europe/Berlin"},
		{in: strings.Repeat("1", 500), want: "cannot read time \"" + strings.Repeat("1", 40) + "…\""},
	}
	now := mustUTC(t, whenNow)
	for _, tt := range tests {
		zone := time.UTC
		if tt.zone != "" {
			zone = mustZone(t, tt.zone)
		}
		got, err := incident.ParseWhen(tt.in, now, zone)
		if err == nil {
			t.Errorf("ParseWhen(%q) = %s, want an error", tt.in, got)
			continue
		}
		var e *incident.Error
		if !errors.As(err, &e) || e.Code != incident.EINVALID {
			t.Errorf("ParseWhen(%q) error %v (%T) is not an EINVALID *incident.Error", tt.in, err, err)
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseWhen(%q) error\n  %s\nwant it to contain\n  %s", tt.in, err, tt.want)
		}
		if !got.IsZero() {
			t.Errorf("ParseWhen(%q) returned %s with an error; want the zero time", tt.in, got)
		}
	}
}

// TestParseWhenRefusesTheFuture: what happened is never ahead of the clock,
// and a clock time ahead of it is refused, never moved to yesterday (at
// 15:34, "15:50 paged DB team" once went 23 h 44 m back); the message shows
// the date the time would have had.
func TestParseWhenRefusesTheFuture(t *testing.T) {
	tests := []struct {
		in, zone, now, want string
	}{
		{in: "15:50", now: "2026-11-21T15:34:00Z", want: `time "15:50" is 16m in the future (Sat 21 Nov 2026 15:50 UTC)`},
		{in: "14:35", want: "is 5m in the future (Sat 21 Nov 2026 14:35 UTC)"},
		{in: "14:31:01", want: "in the future (Sat 21 Nov 2026 14:31 UTC)"}, // past the minute of slack
		{in: "23:59", want: "9h 29m in the future (Sat 21 Nov 2026 23:59 UTC)"},
		{in: "00:10", now: "2026-11-21T23:55:00Z", want: "in the future (Sun 22 Nov 2026 00:10 UTC)"},
		{in: "00:00", want: "in the future (Sun 22 Nov 2026 00:00 UTC)"},
		{in: "14:05", zone: "America/New_York", want: "4h 35m in the future (Sat 21 Nov 2026 14:05 EST)"},
		{in: "16:00", zone: "Europe/Berlin", want: "30m in the future (Sat 21 Nov 2026 16:00 CET)"},
		{in: "23:00", zone: "America/New_York", now: "2026-11-21T03:00:00Z", want: "1h in the future (Fri 20 Nov 2026 23:00 EST)"},
		{in: "15:45 CET", want: "15m in the future (Sat 21 Nov 2026 15:45 CET)"},
		{in: "12:00", zone: "America/New_York", now: "2026-03-09T12:00:00Z", want: "4h in the future (Mon 9 Mar 2026 12:00 EDT)"},
		{in: "2026-11-22 14:05", want: "23h 35m in the future (Sun 22 Nov 2026 14:05 UTC)"},
		{in: "2026-11-21 14:05", zone: "America/New_York", want: "in the future (Sat 21 Nov 2026 14:05 EST)"},
		{in: "2030-01-01T00:00:00Z", want: "in the future"},
		// the message suggests the date that is in the past
		{in: "15:50", now: "2026-11-21T15:34:00Z", want: "for an earlier day write its date, e.g. 2026-11-20 15:50"},
		// a clock skipped by daylight saving on the nearest day is refused
		{in: "02:30", zone: "America/New_York", now: "2026-03-08T06:30:00Z", want: "does not exist in America/New_York"},
	}
	for _, tt := range tests {
		zone := time.UTC
		if tt.zone != "" {
			zone = mustZone(t, tt.zone)
		}
		now := mustUTC(t, whenNow)
		if tt.now != "" {
			now = mustUTC(t, tt.now)
		}
		got, err := incident.ParseWhen(tt.in, now, zone)
		if err == nil || incident.ErrorCode(err) != incident.EINVALID || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseWhen(%q, %s, %s) = %v, %v; want an invalid-input error containing %q", tt.in, now.Format(time.RFC3339), zone, got, err, tt.want)
		}
	}
}

// TestParseWhenRefusesOutOfRange: an instant outside 1970..2199 UTC cannot
// enter, even when its wall time looks fine ("9999-12-31 23:59" behind UTC
// is year 10000).
func TestParseWhenRefusesOutOfRange(t *testing.T) {
	now := mustUTC(t, whenNow)
	for _, in := range []string{"9999-12-31 23:59 -05:00", "0000-01-01 00:00 +14:00", "1969-12-31 23:59 UTC", "0001-01-01T00:00:00Z", "1900-05-01 10:00"} {
		got, err := incident.ParseWhen(in, now, mustZone(t, "America/New_York"))
		if err == nil || !strings.Contains(err.Error(), "outside the times scribe accepts") {
			t.Errorf("ParseWhen(%q) = %v, %v; want an out-of-range error", in, got, err)
		}
	}
	if _, err := incident.ParseWhen("1970-01-01 00:00 UTC", now, nil); err != nil {
		t.Errorf("the first accepted instant is refused: %v", err)
	}
}

// TestParseWhenSkippedToday: a clock time that daylight saving skipped
// today, and is already past, is a mistake, not yesterday.
func TestParseWhenSkippedToday(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	_, err := incident.ParseWhen("02:30", mustUTC(t, "2026-03-08T15:00:00Z"), ny)
	if err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("got %v, want a does-not-exist error", err)
	}
}

func TestSplitLeadingTime(t *testing.T) {
	now := mustUTC(t, whenNow)
	ny := mustZone(t, "America/New_York")
	tests := []struct {
		line string
		at   string // "" when no time should be split off
		rest string
	}{
		{"14:05 paged the DB team", "2026-11-21T14:05:00Z", "paged the DB team"},
		{"-10m rolled back", "2026-11-21T14:20:00Z", "rolled back"},
		{"2:05pm failover started", "2026-11-21T14:05:00Z", "failover started"},
		{"2:05 PM failover started", "2026-11-21T14:05:00Z", "failover started"},
		{"2:05 pm PT failover started", "", ""}, // 7 h ahead: refused, see TestCutLeadingTime
		{"6:05 am PT failover started", "2026-11-21T14:05:00Z", "failover started"},
		{"5m ago disk alarm fired", "2026-11-21T14:25:00Z", "disk alarm fired"},
		{"2 hours ago deploy 4411 went out", "2026-11-21T12:30:00Z", "deploy 4411 went out"},
		{"an hour ago the cache emptied", "2026-11-21T13:30:00Z", "the cache emptied"},
		{"2026-11-21 14:05 UTC cert expired", "2026-11-21T14:05:00Z", "cert expired"},
		{"2026-11-21 14:05 cert expired", "2026-11-21T14:05:00Z", "cert expired"},
		{"2026/11/20 02:05 PM PST cert expired", "2026-11-20T22:05:00Z", "cert expired"},
		{"2022-12-15T17:33:00Z flag service down", "2022-12-15T17:33:00Z", "flag service down"},
		{"14:05 Europe/Berlin pager went off", "2026-11-21T13:05:00Z", "pager went off"},
		{"14:05 +02:00 pager went off", "2026-11-21T12:05:00Z", "pager went off"},
		{"-1h30m queue backed up", "2026-11-21T13:00:00Z", "queue backed up"},
		{"-1h 30m queue backed up", "2026-11-21T13:00:00Z", "queue backed up"},
		{"  14:05   indented", "2026-11-21T14:05:00Z", "indented"},
		{"14:05\tpaged", "2026-11-21T14:05:00Z", "paged"},
		// separators after the time are dropped
		{"14:05 - paged", "2026-11-21T14:05:00Z", "paged"},
		{"14:05 — paged", "2026-11-21T14:05:00Z", "paged"},
		{"14:05: paged", "2026-11-21T14:05:00Z", "paged"},
		{"14:05, paged", "2026-11-21T14:05:00Z", "paged"},
		{"14:05 | paged", "2026-11-21T14:05:00Z", "paged"},
		{"14:05 -5% error rate", "2026-11-21T14:05:00Z", "-5% error rate"},
		// only a time
		{"14:05", "2026-11-21T14:05:00Z", ""},
		{"-10m", "2026-11-21T14:20:00Z", ""},
		// a zone word counts only when it looks like one
		{"14:05 west region failing", "2026-11-21T14:05:00Z", "west region failing"},
		{"14:05 et al. reviewed", "2026-11-21T14:05:00Z", "et al. reviewed"},
		{"14:05 GB of logs dropped", "2026-11-21T14:05:00Z", "GB of logs dropped"},
		{"14:05 NZ team online", "2026-11-21T14:05:00Z", "NZ team online"},
		{"14:05 DB team paged", "2026-11-21T14:05:00Z", "DB team paged"},
		{"14:05 500 errors", "2026-11-21T14:05:00Z", "500 errors"},
		{"14:05 I paged the DB team", "2026-11-21T14:05:00Z", "I paged the DB team"},
		{"-10m 5 users affected", "2026-11-21T14:20:00Z", "5 users affected"},

		// false positives: these stay text
		{"3 pods restarted", "", ""},
		{"500 errors", "", ""},
		{"10 mins of errors", "", ""},
		{"5m users affected", "", ""},
		{"5 min later it recovered", "", ""},
		{"2pm deploy is the suspect", "", ""},
		{"2 pm deploy is the suspect", "", ""},
		{"now seeing errors", "", ""},
		{"1:1 with the vendor", "", ""},
		{"- 5m users affected", "", ""},
		{"-5% error rate", "", ""},
		{"-1 exit code", "", ""},
		{"a few minutes ago it spiked", "", ""},
		{"an alert fired", "", ""},
		{"2026-11-21 was the date", "", ""},
		{"404s on /login", "", ""},
		{"25:00 is not a time", "", ""},
		{"paged at 14:05", "", ""},
		{"", "", ""},
		{"   ", "", ""},
	}
	for _, tt := range tests {
		at, rest, ok := incident.SplitLeadingTime(tt.line, now, time.UTC)
		if tt.at == "" {
			if ok {
				t.Errorf("SplitLeadingTime(%q) = %s, %q; want no time", tt.line, at.Format(time.RFC3339), rest)
			}
			if rest != tt.line {
				t.Errorf("SplitLeadingTime(%q) rest = %q; want the line unchanged", tt.line, rest)
			}
			continue
		}
		if !ok {
			t.Errorf("SplitLeadingTime(%q) found no time; want %s", tt.line, tt.at)
			continue
		}
		if want := mustUTC(t, tt.at); !at.Equal(want) || at.Location() != time.UTC {
			t.Errorf("SplitLeadingTime(%q) at = %s, want %s", tt.line, at, tt.at)
		}
		if rest != tt.rest {
			t.Errorf("SplitLeadingTime(%q) rest = %q, want %q", tt.line, rest, tt.rest)
		}
	}

	// The incident's zone applies to a split clock time as it does to ParseWhen.
	at, rest, ok := incident.SplitLeadingTime("09:00 standup moved", now, ny)
	if !ok || !at.Equal(mustUTC(t, "2026-11-21T14:00:00Z")) || rest != "standup moved" {
		t.Errorf("SplitLeadingTime in New York = %s, %q, %v", at, rest, ok)
	}
}

// TestCutLeadingTime: a leading time that is refused is reported, so that
// the caller keeps the line instead of logging it as text at now.
func TestCutLeadingTime(t *testing.T) {
	now := mustUTC(t, "2026-11-21T15:34:00Z")
	at, rest, found, err := incident.CutLeadingTime("15:50 paged DB team", now, time.UTC)
	if !found || err == nil || !strings.Contains(err.Error(), "16m in the future (Sat 21 Nov 2026 15:50 UTC)") || rest != "15:50 paged DB team" || !at.IsZero() {
		t.Errorf("CutLeadingTime(future) = %v, %q, %v, %v", at, rest, found, err)
	}
	at, rest, found, err = incident.CutLeadingTime("15:20 paged DB team", now, time.UTC)
	if !found || err != nil || rest != "paged DB team" || !at.Equal(mustUTC(t, "2026-11-21T15:20:00Z")) {
		t.Errorf("CutLeadingTime(past) = %v, %q, %v, %v", at, rest, found, err)
	}
	_, rest, found, err = incident.CutLeadingTime("3 pods restarted", now, time.UTC)
	if found || err != nil || rest != "3 pods restarted" {
		t.Errorf("CutLeadingTime(text) = %q, %v, %v", rest, found, err)
	}
	_, _, found, err = incident.CutLeadingTime("9999-12-31 23:59 -05:00 far away", now, time.UTC)
	if !found || err == nil || !strings.Contains(err.Error(), "outside the times scribe accepts") {
		t.Errorf("CutLeadingTime(year 10000) = %v, %v", found, err)
	}
}

func FuzzParseWhen(f *testing.F) {
	for _, s := range []string{
		"now", "-5m", "-1h30m", "5m ago", "90s ago", "2 hours ago", "an hour ago", "14:05", "14:05:30",
		"2:05pm", "2pm", "2:05 PM", "2026-11-21 14:05", "2026-11-21T14:05", "2026/11/21 02:05PM",
		"2022/12/15 09:24AM PST", "2022-12-15 12:23 ET", "2022-12-15T17:33:00Z", "2022-12-15T17:33:00.5+02:00",
		"14:05 Europe/Berlin", "14:05 UTC+2", "14:05 (UTC)", "yesterday-ish", "2026-03-08 02:30", "-1.5h",
		"9999-12-31 23:59 +14:00", "0000-01-01 00:00 -14:00", "14:05 etc/gmt+5",
	} {
		f.Add(s, int64(1795271400), "America/New_York")
	}
	f.Add("01:30", int64(1793511600), "America/New_York")
	f.Add("23:59", int64(0), "UTC")
	f.Fuzz(func(t *testing.T, in string, unix int64, zoneName string) {
		zone, err := time.LoadLocation(zoneName)
		if err != nil {
			zone = time.UTC
		}
		now := time.Unix(unix%(1<<40), 0)
		got, err := incident.ParseWhen(in, now, zone)
		if err != nil {
			var e *incident.Error
			if !errors.As(err, &e) || e.Code != incident.EINVALID {
				t.Fatalf("ParseWhen(%q) error %v (%T) is not an EINVALID *incident.Error", in, err, err)
			}
			if !got.IsZero() {
				t.Fatalf("ParseWhen(%q) returned %v with an error", in, got)
			}
			return
		}
		if got.Location() != time.UTC {
			t.Fatalf("ParseWhen(%q) = %v, not in UTC", in, got)
		}
		at, rest, ok := incident.SplitLeadingTime(in+" tail", now, zone)
		if ok && !strings.HasSuffix(rest, "tail") {
			t.Fatalf("SplitLeadingTime(%q) lost text: rest %q", in+" tail", rest)
		}
		if ok && at.Location() != time.UTC {
			t.Fatalf("SplitLeadingTime(%q) = %v, not in UTC", in+" tail", at)
		}
	})
}

func FuzzSplitLeadingTime(f *testing.F) {
	for _, s := range []string{
		"14:05 paged the DB team", "-10m rolled back", "2:05pm x", "5m ago x", "2026-11-21 14:05 UTC x",
		"3 pods restarted", "500 errors", "10 mins of errors", "5m users affected", "14:05 - x", "14:05: x",
		"an hour ago x", "2:05 pm PT x", "14:05 west", "",
	} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 21, 14, 30, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, line string) {
		at, rest, ok := incident.SplitLeadingTime(line, now, time.UTC)
		if !ok {
			if rest != line || !at.IsZero() {
				t.Fatalf("SplitLeadingTime(%q) = %v, %q without a time; want the zero time and the line", line, at, rest)
			}
			return
		}
		// Text is never invented or reordered: what is left is the line's tail.
		if !strings.HasSuffix(line, rest) {
			t.Fatalf("SplitLeadingTime(%q) rest %q is not the end of the line", line, rest)
		}
		if at.Location() != time.UTC {
			t.Fatalf("SplitLeadingTime(%q) = %v, not in UTC", line, at)
		}
	})
}
