package incident_test

import (
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

// huge is a 130 KB argument: errors about it quote a short prefix only.
var huge = strings.Repeat("x", 130<<10)

// TestValidationParity: every field a user types refuses invalid UTF-8 and
// NUL, one-line fields refuse control characters and have a length limit,
// and no error repeats more than a short prefix of what it refuses.
func TestValidationParity(t *testing.T) {
	at := time.Date(2026, 11, 21, 14, 0, 0, 0, time.UTC)
	fields := map[string]func(v string) error{
		"title": incident.ValidateTitle,
		"incident title": func(v string) error {
			inc := incident.Incident{Title: v, Severity: 2, State: incident.Investigating, Timezone: "UTC"}
			return inc.Validate()
		},
		"set title":    func(v string) error { inc := incident.Incident{}; return inc.Set(incident.FieldTitle, v) },
		"set summary":  func(v string) error { inc := incident.Incident{}; return inc.Set(incident.FieldSummary, "ok "+v) },
		"set services": func(v string) error { inc := incident.Incident{}; return inc.Set(incident.FieldServices, "api, "+v) },
		"set tz":       func(v string) error { inc := incident.Incident{}; return inc.Set(incident.FieldTimezone, v) },
		"incident services": func(v string) error {
			inc := incident.Incident{Title: "t", Severity: 2, State: incident.Investigating, Timezone: "UTC", Services: []string{v}}
			return inc.Validate()
		},
		"role":   func(v string) error { _, err := incident.CanonicalRole(v); return err },
		"person": incident.ValidatePerson,
		"owner":  incident.ValidateOwner,
		"author": incident.ValidateAuthor,
		"event text": func(v string) error {
			e := incident.Event{IncidentID: 1, OccurredAt: at, Kind: incident.KindNote, Text: "ok " + v}
			return e.Validate()
		},
		"event author": func(v string) error {
			e := incident.Event{IncidentID: 1, OccurredAt: at, Kind: incident.KindNote, Text: "ok", Author: v}
			return e.Validate()
		},
		"role event person": func(v string) error {
			e := incident.Event{IncidentID: 1, OccurredAt: at, Kind: incident.KindRole, Role: "commander", Person: v}
			return e.Validate()
		},
		"action item": func(v string) error {
			a := incident.ActionItem{Title: "t", Owner: v, State: incident.ItemOpen}
			return a.Validate()
		},
		"action description": func(v string) error {
			a := incident.ActionItem{Title: "t", Description: "ok " + v, State: incident.ItemOpen}
			return a.Validate()
		},
		"retro note": func(v string) error {
			n := incident.RetroNote{Section: incident.RetroLesson, Text: "ok " + v}
			return n.Validate()
		},
		"role assignment": func(v string) error {
			r := incident.RoleAssignment{Role: "ops", Person: v, From: at}
			return r.Validate()
		},
	}
	for name, validate := range fields {
		for what, v := range map[string]string{"invalid UTF-8": "bad \xff byte", "NUL": "nul \x00 inside"} {
			if err := validate(v); err == nil || incident.ErrorCode(err) != incident.EINVALID {
				t.Errorf("%s accepts %s: %v", name, what, err)
			}
		}
		if err := validate(huge); err == nil {
			t.Errorf("%s accepts 130 KB", name)
		} else if len(err.Error()) > 300 {
			t.Errorf("%s: the error for 130 KB is %d bytes long: %.120s…", name, len(err.Error()), err)
		}
	}
}

// TestValidateNameRefusesLineBreaks: a name is one line, whichever
// character would break it; other controls are kept as typed and removed
// on display.
func TestValidateNameRefusesLineBreaks(t *testing.T) {
	for _, v := range []string{"Rosa\nM.", "Rosa\rM.", "Rosa\u0085M.", "Rosa\u2028M.", "Rosa\u2029M."} {
		if err := incident.ValidateOwner(v); err == nil || !strings.Contains(err.Error(), "spans several lines") {
			t.Errorf("ValidateOwner(%q) = %v, want a one-line error", v, err)
		}
	}
	for _, v := range []string{"", "Rosa M.", "@rosa", "Zoë 東京", "Rosa\tM.", "esc \x1b[31m", strings.Repeat("a", incident.MaxNameLen)} {
		if err := incident.ValidateOwner(v); err != nil {
			t.Errorf("ValidateOwner(%q) = %v", v, err)
		}
	}
	if err := incident.ValidateOwner(strings.Repeat("a", incident.MaxNameLen+1)); err == nil || !strings.Contains(err.Error(), "at most 100") {
		t.Errorf("an overlong owner gives %v", err)
	}
	// Text keeps its line breaks and tabs, and the escapes a pasted alert carries.
	if err := incident.ValidateText("summary", "line one\n\tline two \x1b[31mred\x1b[0m\r\n", false); err != nil {
		t.Errorf("ValidateText refused ordinary text: %v", err)
	}
}

func TestServicesLimits(t *testing.T) {
	inc := incident.Incident{}
	many := strings.TrimSuffix(strings.Repeat("svc,", incident.MaxServices+1), ",")
	// ParseServices drops duplicates, so make each name distinct.
	var names []string
	for i := range incident.MaxServices + 1 {
		names = append(names, "svc"+strings.Repeat("x", i))
	}
	if err := inc.Set(incident.FieldServices, strings.Join(names, ",")); err == nil {
		t.Errorf("%d services accepted", len(names))
	}
	if err := inc.Set(incident.FieldServices, many); err != nil {
		t.Errorf("duplicates counted against the limit: %v", err)
	}
	if err := inc.Set(incident.FieldServices, "api, "+strings.Repeat("s", incident.MaxNameLen+1)); err == nil {
		t.Error("an overlong service name accepted")
	}
}

func TestQuote(t *testing.T) {
	tests := map[string]string{
		"short":                  `"short"`,
		"a\x1b[2Jb":              `"a\x1b[2Jb"`,
		"bad \xff":               `"bad \xff"`,
		strings.Repeat("é", 50):  `"` + strings.Repeat("é", 40) + `"…`,
		"rtl \u202e override":    `"rtl \u202e override"`,
		strings.Repeat("ab", 20): `"` + strings.Repeat("ab", 20) + `"`,
	}
	for in, want := range tests {
		if got := incident.Quote(in); got != want {
			t.Errorf("Quote(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestInstantsRefusedEverywhere: every domain type refuses times outside
// CheckInstant's range, so a year-1 milestone (metrics of 106751d) or a
// year-10000 event cannot be stored or imported.
func TestInstantsRefusedEverywhere(t *testing.T) {
	ok := time.Date(2026, 11, 21, 14, 0, 0, 0, time.UTC)
	for _, bad := range []time.Time{
		time.Date(1, 1, 1, 0, 0, 1, 0, time.UTC),
		time.Date(1969, 12, 31, 23, 59, 0, 0, time.UTC),
		time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(10000, 1, 1, 4, 59, 0, 0, time.UTC),
		time.Date(-1, 12, 31, 10, 0, 0, 0, time.UTC),
	} {
		e := incident.Event{IncidentID: 1, OccurredAt: bad, Kind: incident.KindNote, Text: "x"}
		if err := e.Validate(); err == nil {
			t.Errorf("event at %v accepted", bad)
		}
		e = incident.Event{IncidentID: 1, OccurredAt: ok, LoggedAt: bad, Kind: incident.KindNote, Text: "x"}
		if err := e.Validate(); err == nil {
			t.Errorf("event logged at %v accepted", bad)
		}
		for _, m := range incident.MilestoneOrder {
			inc := incident.Incident{Title: "t", Severity: 2, State: incident.Investigating, Timezone: "UTC",
				Milestones: incident.Milestones{incident.MilestoneDeclared: ok, m: bad}}
			if err := inc.Validate(); err == nil || !strings.Contains(err.Error(), "milestone "+string(m)) {
				t.Errorf("milestone %s at %v: %v", m, bad, err)
			}
		}
		r := incident.RoleAssignment{Role: "ops", Person: "Ken", From: bad}
		if err := r.Validate(); err == nil {
			t.Errorf("role from %v accepted", bad)
		}
		r = incident.RoleAssignment{Role: "ops", Person: "Ken", From: ok, Until: bad}
		if err := r.Validate(); err == nil {
			t.Errorf("role until %v accepted", bad)
		}
	}
	a := incident.ActionItem{Title: "t", State: incident.ItemOpen, Due: "0001-01-01"}
	if err := a.Validate(); err == nil {
		t.Error("due date in year 1 accepted")
	}
	r := incident.RoleAssignment{Role: "ops", Person: "Ken", From: ok, Until: ok.Add(-time.Hour)}
	if err := r.Validate(); err == nil {
		t.Error("a role ending before it starts accepted")
	}
}
