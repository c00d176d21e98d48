package incident_test

import (
	"reflect"
	"strings"
	"testing"

	"scribe/incident"
)

func TestParseField(t *testing.T) {
	tests := map[string]incident.Field{
		"title": incident.FieldTitle, "TITLE": incident.FieldTitle, " severity ": incident.FieldSeverity, "sev": incident.FieldSeverity,
		"summary": incident.FieldSummary, "impact": incident.FieldImpact,
		"root-cause": incident.FieldRootCause, "root_cause": incident.FieldRootCause, "rootcause": incident.FieldRootCause, "cause": incident.FieldRootCause,
		"trigger": incident.FieldTrigger, "resolution": incident.FieldResolution,
		"services": incident.FieldServices, "service": incident.FieldServices, "affected_services": incident.FieldServices,
		"tz": incident.FieldTimezone, "zone": incident.FieldTimezone, "timezone": incident.FieldTimezone, "time_zone": incident.FieldTimezone,
	}
	for in, want := range tests {
		got, err := incident.ParseField(in)
		if err != nil || got != want {
			t.Errorf("ParseField(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "state", "owner", "root cause"} {
		_, err := incident.ParseField(in)
		wantInvalid(t, "ParseField("+in+")", err, "use one of title, severity, summary, impact, root-cause, trigger, resolution, services, tz")
	}
}

func TestFieldLabel(t *testing.T) {
	tests := map[incident.Field]string{
		incident.FieldTitle: "Title", incident.FieldRootCause: "Root cause", incident.FieldTimezone: "Time zone",
		incident.FieldServices: "Services", incident.FieldSummary: "Summary",
	}
	for f, want := range tests {
		if got := f.Label(); got != want {
			t.Errorf("%s.Label() = %q, want %q", f, got, want)
		}
	}
}

func TestIncidentSetAndGet(t *testing.T) {
	tests := []struct {
		field incident.Field
		value string
		get   string // what Get returns afterwards
	}{
		{incident.FieldTitle, "  Search is slow  ", "Search is slow"},
		{incident.FieldSeverity, "sev1", "SEV1"},
		{incident.FieldSeverity, "3", "SEV3"},
		{incident.FieldSummary, " Search latency rose tenfold. ", "Search latency rose tenfold."},
		{incident.FieldImpact, "Half of searches timed out", "Half of searches timed out"},
		{incident.FieldRootCause, "An index was dropped", "An index was dropped"},
		{incident.FieldTrigger, "A migration ran", "A migration ran"},
		{incident.FieldResolution, "The index was rebuilt", "The index was rebuilt"},
		{incident.FieldServices, "search, api, search", "search, api"},
		{incident.FieldServices, "", ""},
		{incident.FieldTimezone, "Asia/Tokyo", "Asia/Tokyo"},
		{incident.FieldTimezone, "ET", "America/New_York"},
		{incident.FieldTimezone, "cest", "Europe/Berlin"},
		{incident.FieldTimezone, "+02:00", "Etc/GMT-2"},
		{incident.FieldTimezone, "utc", "UTC"},
	}
	for _, tt := range tests {
		inc := validIncident()
		if err := inc.Set(tt.field, tt.value); err != nil {
			t.Errorf("Set(%s, %q): %v", tt.field, tt.value, err)
			continue
		}
		if got := inc.Get(tt.field); got != tt.get {
			t.Errorf("after Set(%s, %q), Get = %q, want %q", tt.field, tt.value, got, tt.get)
		}
		if err := inc.Validate(); err != nil {
			t.Errorf("after Set(%s, %q), Validate: %v", tt.field, tt.value, err)
		}
	}
}

func TestIncidentSetRefusesAndKeeps(t *testing.T) {
	tests := []struct {
		field incident.Field
		value string
		want  string
	}{
		{incident.FieldTitle, "", "title is empty"},
		{incident.FieldTitle, "a\nb", "title spans several lines"},
		{incident.FieldSeverity, "7", `invalid severity "7"`},
		{incident.FieldTimezone, "Mars/Olympus", `unknown time zone "Mars/Olympus"`},
		{incident.FieldTimezone, "+05:30", "not a whole-hour offset"},
		{incident.FieldTimezone, "Local", `unknown time zone "Local"`},
		{incident.FieldSummary, strings.Repeat("x", incident.MaxTextLen+1), "Summary is 10001 characters long"},
		{incident.FieldRootCause, "\xff", "Root cause is not valid UTF-8"},
		{"owner", "x", `unknown field "owner"`},
	}
	for _, tt := range tests {
		inc := validIncident()
		before := validIncident()
		wantInvalid(t, "Set("+string(tt.field)+")", inc.Set(tt.field, tt.value), tt.want)
		if !reflect.DeepEqual(inc, before) {
			t.Errorf("Set(%s, %q) failed but changed the incident: %+v", tt.field, tt.value, inc)
		}
	}
}

func TestEveryFieldIsSettable(t *testing.T) {
	for _, f := range incident.Fields {
		parsed, err := incident.ParseField(string(f))
		if err != nil || parsed != f {
			t.Errorf("ParseField(%q) = %q, %v", f, parsed, err)
		}
	}
	for _, f := range incident.NarrativeFields {
		inc := validIncident()
		if err := inc.Set(f, "some words"); err != nil || inc.Get(f) != "some words" {
			t.Errorf("narrative field %s: Set/Get = %q, %v", f, inc.Get(f), err)
		}
	}
}
