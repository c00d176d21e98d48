package incident_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

func TestParseSeverity(t *testing.T) {
	good := map[string]incident.Severity{
		"1": 1, "2": 2, "5": 5, " 3 ": 3, "sev2": 2, "SEV2": 2, "SEV 2": 2, "Sev4": 4, "S2": 2, "s1": 1,
	}
	for in, want := range good {
		got, err := incident.ParseSeverity(in)
		if err != nil || got != want {
			t.Errorf("ParseSeverity(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "6", "-1", "sev", "SEV0", "SEV6", "high", "2.5", "P1", "sev 2 3"} {
		_, err := incident.ParseSeverity(in)
		wantInvalid(t, "ParseSeverity("+in+")", err, "use a number from 1 (worst) to 5")
	}
}

func TestSeverity(t *testing.T) {
	for s := incident.Severity(-1); s <= 7; s++ {
		if want := s >= 1 && s <= 5; s.Valid() != want {
			t.Errorf("Severity(%d).Valid() = %v, want %v", s, s.Valid(), want)
		}
	}
	if got := incident.Severity(2).String(); got != "SEV2" {
		t.Errorf("String() = %q, want SEV2", got)
	}
}

func TestParseState(t *testing.T) {
	for _, in := range []string{"investigating", "Identified", " MONITORING ", "resolved"} {
		got, err := incident.ParseState(in)
		if err != nil || string(got) != strings.ToLower(strings.TrimSpace(in)) {
			t.Errorf("ParseState(%q) = %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "open", "closed", "resolve", "investigate"} {
		_, err := incident.ParseState(in)
		wantInvalid(t, "ParseState("+in+")", err, "use one of investigating, identified, monitoring, resolved")
	}
}

func TestValidateTitle(t *testing.T) {
	for _, ok := range []string{"Checkout errors after deploy", "  padded  ", strings.Repeat("é", incident.MaxTitleLen)} {
		if err := incident.ValidateTitle(ok); err != nil {
			t.Errorf("ValidateTitle(%q): %v", ok, err)
		}
	}
	bad := map[string]string{
		"":    "title is empty",
		"   ": "title is empty",
		strings.Repeat("x", incident.MaxTitleLen+1): "title is 201 characters long: at most 200",
		"line one\nline two":                        "title spans several lines",
		"line one\rline two":                        "title spans several lines",
	}
	for in, want := range bad {
		wantInvalid(t, "ValidateTitle", incident.ValidateTitle(in), want)
	}
}

func TestLoadZone(t *testing.T) {
	for _, ok := range []string{"UTC", "Europe/Berlin", "America/New_York", "Etc/GMT-2"} {
		loc, err := incident.LoadZone(ok)
		if err != nil || loc.String() != ok {
			t.Errorf("LoadZone(%q) = %v, %v", ok, loc, err)
		}
	}
	bad := map[string]string{
		"":              "time zone is empty",
		"Local":         `time zone "Local" is ambiguous`,
		"Mars/Olympus":  `unknown time zone "Mars/Olympus"`,
		"europe/berlin": `unknown time zone "europe/berlin"`, // stored names are exact; ParseZone is lenient
	}
	for in, want := range bad {
		_, err := incident.LoadZone(in)
		wantInvalid(t, "LoadZone("+in+")", err, want)
	}
}

func validIncident() incident.Incident {
	return incident.Incident{
		ID: 1, Title: "Checkout errors", Severity: 2, State: incident.Investigating, Timezone: "Europe/Berlin",
		Milestones: incident.Milestones{incident.MilestoneDetected: time.Date(2026, 11, 21, 14, 5, 0, 0, time.UTC)},
	}
}

func TestIncidentValidate(t *testing.T) {
	inc := validIncident()
	if err := inc.Validate(); err != nil {
		t.Fatalf("valid incident: %v", err)
	}
	tests := []struct {
		name   string
		change func(*incident.Incident)
		want   string
	}{
		{"empty title", func(i *incident.Incident) { i.Title = " " }, "title is empty"},
		{"severity 0", func(i *incident.Incident) { i.Severity = 0 }, "invalid severity 0"},
		{"severity 6", func(i *incident.Incident) { i.Severity = 6 }, "invalid severity 6"},
		{"unknown state", func(i *incident.Incident) { i.State = "open" }, `invalid state "open"`},
		{"no state", func(i *incident.Incident) { i.State = "" }, `invalid state ""`},
		{"no zone", func(i *incident.Incident) { i.Timezone = "" }, "time zone is empty"},
		{"bad zone", func(i *incident.Incident) { i.Timezone = "Nowhere" }, `unknown time zone "Nowhere"`},
		{"bad milestone", func(i *incident.Incident) {
			i.Milestones = incident.Milestones{"fixed": time.Now()}
		}, `unknown milestone "fixed"`},
	}
	for _, tt := range tests {
		inc := validIncident()
		tt.change(&inc)
		wantInvalid(t, tt.name, inc.Validate(), tt.want)
	}
}

func TestIncidentLocation(t *testing.T) {
	for zone, want := range map[string]string{"Europe/Berlin": "Europe/Berlin", "": "UTC", "Nowhere": "UTC", "Local": "UTC"} {
		inc := incident.Incident{Timezone: zone}
		if got := inc.Location().String(); got != want {
			t.Errorf("Location() with %q = %s, want %s", zone, got, want)
		}
	}
}

func TestParseServices(t *testing.T) {
	tests := map[string][]string{
		"":                            nil,
		" , ,":                        nil,
		"api":                         {"api"},
		"api, checkout ,db":           {"api", "checkout", "db"},
		"API, api, Checkout,checkout": {"API", "Checkout"},
	}
	for in, want := range tests {
		if got := incident.ParseServices(in); !reflect.DeepEqual(got, want) {
			t.Errorf("ParseServices(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIncidentString(t *testing.T) {
	inc := validIncident()
	inc.ID = 7
	if got, want := inc.String(), "#7 SEV2 Checkout errors"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

// TestSeverityChange: a severity change while the incident runs is a line
// at the time it was made; after it is resolved it is a correction, dated at
// the incident's declaration and saying when it was made, never a line
// dated today at the end of a months-old timeline.
func TestSeverityChange(t *testing.T) {
	declared := time.Date(2026, 3, 2, 9, 4, 0, 0, time.UTC)
	made := time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)
	months := time.Date(2026, 7, 15, 23, 30, 0, 0, time.UTC)
	inc := incident.Incident{State: incident.Identified, Timezone: "Europe/Berlin",
		Milestones: incident.Milestones{incident.MilestoneDeclared: declared}}
	at, corrected := incident.SeverityChangeAt(inc, made)
	ev := incident.Event{Kind: incident.KindSeverity, Severity: 2, PreviousSeverity: 3, LoggedAt: made, OccurredAt: at}
	if !at.Equal(made) || corrected || incident.SeverityText(ev, inc.Location()) != "Severity changed from SEV3 to SEV2" {
		t.Errorf("running incident: %v %v %q", at, corrected, incident.SeverityText(ev, inc.Location()))
	}
	ev.Text = "  checkout is down for everyone  "
	if got := incident.SeverityText(ev, inc.Location()); got != "Severity changed from SEV3 to SEV2 — checkout is down for everyone" {
		t.Errorf("with a reason: %q", got)
	}
	inc.State = incident.Resolved
	at, corrected = incident.SeverityChangeAt(inc, months)
	ev = incident.Event{Kind: incident.KindSeverity, Severity: 2, PreviousSeverity: 3, LoggedAt: months, OccurredAt: at, State: incident.SeverityCorrected}
	// 23:30 UTC is already the 16th in Berlin: the date is the incident's.
	if got := incident.SeverityText(ev, inc.Location()); !at.Equal(declared) || !corrected ||
		got != "Severity corrected from SEV3 to SEV2 on 16 Jul 2026, after the incident was resolved" {
		t.Errorf("resolved incident: %v %v %q", at, corrected, got)
	}
	ev.PreviousSeverity = 0
	if got := incident.SeverityHeadline(ev, time.UTC); got != "Severity corrected to SEV2 on 15 Jul 2026, after the incident was resolved" {
		t.Errorf("correction from an unknown severity: %q", got)
	}
	ev.State = ""
	if got := incident.SeverityHeadline(ev, time.UTC); got != "Severity set to SEV2" {
		t.Errorf("change from an unknown severity: %q", got)
	}
	// Without a declaration the earliest milestone is the beginning.
	started := declared.Add(-20 * time.Minute)
	inc.Milestones = incident.Milestones{incident.MilestoneResolved: made, incident.MilestoneStarted: started}
	if at, _ = incident.SeverityChangeAt(inc, months); !at.Equal(started) {
		t.Errorf("without a declaration the correction is at %v, want %v", at, started)
	}
	inc.Milestones = nil
	if at, corrected = incident.SeverityChangeAt(inc, months); !at.Equal(months) || !corrected {
		t.Errorf("without milestones the correction is at %v (%v), want when it was made", at, corrected)
	}
}

// A severity event carries a valid new severity, a valid or unknown (0)
// previous one, and no state but "corrected".
func TestSeverityEventValidate(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)
	base := incident.Event{IncidentID: 1, OccurredAt: at, LoggedAt: at, Kind: incident.KindSeverity, Severity: 2, PreviousSeverity: 3}
	if err := base.Validate(); err != nil {
		t.Fatalf("valid severity event: %v", err)
	}
	unknown := base
	unknown.PreviousSeverity = 0
	if err := unknown.Validate(); err != nil {
		t.Fatalf("severity event from an unknown severity: %v", err)
	}
	for name, mut := range map[string]func(*incident.Event){
		"no severity":      func(e *incident.Event) { e.Severity = 0 },
		"severity 6":       func(e *incident.Event) { e.Severity = 6 },
		"previous 9":       func(e *incident.Event) { e.PreviousSeverity = 9 },
		"a status's state": func(e *incident.Event) { e.State = incident.Identified },
		"NUL in reason":    func(e *incident.Event) { e.Text = "bad\x00text" },
	} {
		e := base
		mut(&e)
		if err := e.Validate(); incident.ErrorCode(err) != incident.EINVALID {
			t.Errorf("%s: Validate = %v, want EINVALID", name, err)
		}
	}
	if k, err := incident.ParseKind("severity", false); err == nil {
		t.Errorf("a user can log kind %q with text", k)
	}
	if !incident.KindSeverity.Structured() {
		t.Error("severity is not a structured kind")
	}
}

// A status event without a message reads as its state alone, also when an
// older scribe stored "Status: identified" for it.
func TestStatusText(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"", "IDENTIFIED"},
		{"  ", "IDENTIFIED"},
		{"Status: identified", "IDENTIFIED"},
		{"status: IDENTIFIED", "IDENTIFIED"},
		{"Status: monitoring", "IDENTIFIED — Status: monitoring"},
		{"Bad config in the deploy", "IDENTIFIED — Bad config in the deploy"},
	} {
		e := incident.Event{Kind: incident.KindStatus, State: incident.Identified, Text: c.text}
		if got := incident.StatusText(e); got != c.want {
			t.Errorf("StatusText(%q) = %q, want %q", c.text, got, c.want)
		}
	}
	note := incident.Event{Kind: incident.KindNote, Text: "Status: identified"}
	if got := incident.StatusMessage(note); got != "Status: identified" {
		t.Errorf("a note's text is its own: %q", got)
	}
}
