package incident_test

import (
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

func TestParseDue(t *testing.T) {
	// Saturday 2026-11-21 14:30 UTC; in Auckland it is already Sunday.
	now := mustUTC(t, whenNow)
	tests := []struct {
		in, zone, want string
	}{
		{in: "2026-12-04", want: "2026-12-04"},
		{in: " 2026/12/4 ", want: "2026-12-04"},
		{in: "2025-01-31", want: "2025-01-31"}, // a past date is a date (an overdue follow-up)
		{in: "today", want: "2026-11-21"},
		{in: "Tomorrow", want: "2026-11-22"},
		{in: "friday", want: "2026-11-27"},
		{in: "fri", want: "2026-11-27"},
		{in: "next friday", want: "2026-11-27"},
		{in: "Next  Fri", want: "2026-11-27"},
		{in: "saturday", want: "2026-11-28"}, // never today itself
		{in: "sunday", want: "2026-11-22"},
		{in: "monday", want: "2026-11-23"},
		{in: "+3d", want: "2026-11-24"},
		{in: "+ 3d", want: "2026-11-24"},
		{in: "3d", want: "2026-11-24"},
		{in: "+2w", want: "2026-12-05"},
		{in: "+1mo", want: "2026-12-21"},
		{in: "in 3 days", want: "2026-11-24"},
		{in: "in 2 weeks", want: "2026-12-05"},
		{in: "in a week", want: "2026-11-28"},
		{in: "in 1 month", want: "2026-12-21"},
		{in: "next week", want: "2026-11-28"},
		{in: "next month", want: "2026-12-21"},
		{in: "", want: ""},
		{in: "none", want: ""},
		// the incident's zone decides what today is
		{in: "today", zone: "Pacific/Auckland", want: "2026-11-22"},
		{in: "tomorrow", zone: "Pacific/Auckland", want: "2026-11-23"},
	}
	for _, tt := range tests {
		zone := time.UTC
		if tt.zone != "" {
			zone = mustZone(t, tt.zone)
		}
		got, err := incident.ParseDue(tt.in, now, zone)
		if err != nil || got != tt.want {
			t.Errorf("ParseDue(%q, %s) = %q, %v; want %q", tt.in, zone, got, err, tt.want)
		}
	}
	// A month ahead from the 31st is the end of the shorter month.
	if got, err := incident.ParseDue("next month", mustUTC(t, "2026-01-31T10:00:00Z"), nil); err != nil || got != "2026-02-28" {
		t.Errorf("next month from Jan 31 = %q, %v; want 2026-02-28", got, err)
	}
}

func TestParseDueErrors(t *testing.T) {
	now := mustUTC(t, whenNow)
	tests := map[string]string{
		"someday":              "invalid due date \"someday\": use a date (2026-12-04), today, tomorrow",
		"2026-02-30":           "2026-02-30 is not a date",
		"2026-12-04 17:00":     "a due date is a day, without a time",
		"+3m":                  "use a date",
		"+3":                   "use a date",
		"in 99999 days":        "use a date",
		"+1000w":               "use a date",
		"2300-01-01":           "outside the dates scribe accepts",
		strings.Repeat("x", 9): "invalid due date",
		"next fryday":          "invalid due date",
	}
	for in, want := range tests {
		got, err := incident.ParseDue(in, now, nil)
		if err == nil || incident.ErrorCode(err) != incident.EINVALID || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseDue(%q) = %q, %v; want an invalid-input error containing %q", in, got, err, want)
		}
	}
	_, err := incident.ParseDue(strings.Repeat("7", 200_000), now, nil)
	if err == nil || len(err.Error()) > 400 {
		t.Errorf("a 200 KB due date gives %d bytes of error", len(err.Error()))
	}
}

func TestCheckDue(t *testing.T) {
	for due, ok := range map[string]bool{"": true, "2026-12-04": true, "2026-12-4": false, "tomorrow": false, "1969-12-31": false, "2200-01-01": false} {
		if err := incident.CheckDue(due); (err == nil) != ok {
			t.Errorf("CheckDue(%q) = %v, want ok=%v", due, err, ok)
		}
	}
}
