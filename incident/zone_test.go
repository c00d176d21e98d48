package incident_test

import (
	"errors"
	"strings"
	"testing"

	"scribe/incident"
)

func TestParseZone(t *testing.T) {
	tests := []struct{ in, want string }{
		{"UTC", "UTC"}, {"utc", "UTC"}, {"Z", "UTC"}, {"z", "UTC"}, {"GMT", "UTC"}, {" gmt ", "UTC"},
		{"Europe/Berlin", "Europe/Berlin"}, {"europe/berlin", "Europe/Berlin"}, {"EUROPE/BERLIN", "Europe/Berlin"},
		{"America/New_York", "America/New_York"}, {"america/new_york", "America/New_York"},
		{"Asia/Kolkata", "Asia/Kolkata"}, {"Etc/GMT+5", "Etc/GMT+5"}, {"etc/gmt+5", "Etc/GMT+5"},
		// abbreviations stand for their region, so daylight saving is followed
		{"ET", "America/New_York"}, {"et", "America/New_York"}, {"EST", "America/New_York"}, {"edt", "America/New_York"},
		{"CT", "America/Chicago"}, {"CST", "America/Chicago"}, {"CDT", "America/Chicago"},
		{"MT", "America/Denver"}, {"MST", "America/Denver"}, {"MDT", "America/Denver"},
		{"PT", "America/Los_Angeles"}, {"pst", "America/Los_Angeles"}, {"PDT", "America/Los_Angeles"},
		{"AKST", "America/Anchorage"}, {"AKDT", "America/Anchorage"}, {"HST", "Pacific/Honolulu"},
		{"BST", "Europe/London"}, {"WET", "Europe/Lisbon"}, {"WEST", "Europe/Lisbon"},
		{"CET", "Europe/Berlin"}, {"cest", "Europe/Berlin"}, {"EET", "Europe/Athens"}, {"EEST", "Europe/Athens"},
		{"MSK", "Europe/Moscow"}, {"IST", "Asia/Kolkata"}, {"JST", "Asia/Tokyo"}, {"KST", "Asia/Seoul"},
		{"SGT", "Asia/Singapore"}, {"HKT", "Asia/Hong_Kong"}, {"AEST", "Australia/Sydney"}, {"AEDT", "Australia/Sydney"},
		{"ACST", "Australia/Adelaide"}, {"AWST", "Australia/Perth"}, {"NZST", "Pacific/Auckland"}, {"NZDT", "Pacific/Auckland"},
		// whole-hour offsets become Etc/GMT zones, whose sign is inverted
		{"+02:00", "Etc/GMT-2"}, {"-0500", "Etc/GMT+5"}, {"+2", "Etc/GMT-2"}, {"UTC+2", "Etc/GMT-2"},
		{"GMT-5", "Etc/GMT+5"}, {"+00:00", "UTC"}, {"+14:00", "Etc/GMT-14"}, {"-12:00", "Etc/GMT+12"},
	}
	for _, tt := range tests {
		loc, err := incident.ParseZone(tt.in)
		if err != nil {
			t.Errorf("ParseZone(%q): %v", tt.in, err)
			continue
		}
		if loc.String() != tt.want {
			t.Errorf("ParseZone(%q) = %s, want %s", tt.in, loc, tt.want)
		}
		// The name is stored as the incident's zone and loaded back later.
		if _, err := incident.LoadZone(loc.String()); err != nil {
			t.Errorf("ParseZone(%q) = %s, which LoadZone refuses: %v", tt.in, loc, err)
		}
	}
}

func TestParseZoneErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "time zone is empty: use UTC, an IANA name (Europe/Berlin, America/New_York), an offset (+02:00, -0500) or an abbreviation"},
		{"  ", "time zone is empty"},
		{"Mars/Olympus", `unknown time zone "Mars/Olympus": use UTC, an IANA name`},
		{"XYZ", `unknown time zone "XYZ"`},
		{"Local", `unknown time zone "Local"`},
		{"local", `unknown time zone "local"`},
		{"../../etc/passwd", `unknown time zone "../../etc/passwd"`},
		{"+05:30", `time zone "+05:30" is not a whole-hour offset`},
		{"+15:00", `time zone "+15:00" is out of range: offsets run from -12:00 to +14:00`},
		{"-13", `time zone "-13" is out of range`},
		{"+0560", `unknown time zone "+0560"`},
		{"14:05", `unknown time zone "14:05"`},
	}
	for _, tt := range tests {
		loc, err := incident.ParseZone(tt.in)
		if err == nil {
			t.Errorf("ParseZone(%q) = %s, want an error", tt.in, loc)
			continue
		}
		var e *incident.Error
		if !errors.As(err, &e) || e.Code != incident.EINVALID {
			t.Errorf("ParseZone(%q) error %v is not an EINVALID *incident.Error", tt.in, err)
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseZone(%q) error\n  %s\nwant it to contain\n  %s", tt.in, err, tt.want)
		}
	}
}

func TestZoneNote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"IST", "India Standard Time"},
		{"ist", "India Standard Time"},
		{"14:05 IST", "India Standard Time"},
		{"2026-11-21 14:05 (IST)", "Asia/Kolkata"},
		{"CST", "China Standard Time"},
		{"BST", "Bangladesh"},
		{"MST", "America/Phoenix"},
		{"ET", ""},
		{"PST", ""},
		{"Europe/Berlin", ""},
		{"14:05", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got := incident.ZoneNote(tt.in)
		if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("ZoneNote(%q) = %q, want it to mention %q", tt.in, got, tt.want)
		}
	}
}
