package incident_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

// sampleSnapshot is an incident with one of everything, in UTC, holding only
// what the document carries (see carried).
func sampleSnapshot() incident.Snapshot {
	inc := incident.Incident{
		ID: 7, Title: "Search timeouts after index migration", Severity: 2, State: incident.Resolved,
		Timezone: "America/New_York", Summary: "Search timed out for 40 minutes.", Impact: "Half of searches failed.",
		RootCause: "A migration dropped an index.", Trigger: "Migration 112 ran.", Resolution: "The index was rebuilt.",
		Services: []string{"search", "api"},
		Milestones: incident.Milestones{
			incident.MilestoneStarted: at(14, 0), incident.MilestoneDetected: at(14, 7),
			incident.MilestoneMitigated: at(14, 40), incident.MilestoneResolved: at(15, 10),
		},
		CreatedAt: at(14, 9),
	}
	return incident.Snapshot{
		Incident: inc,
		Events: []incident.Event{
			{ID: 1, IncidentID: 7, OccurredAt: at(14, 0), LoggedAt: at(14, 20), Kind: incident.KindMilestone, Milestone: incident.MilestoneStarted, Source: incident.SourceCLI},
			{ID: 2, IncidentID: 7, OccurredAt: at(14, 7), LoggedAt: at(14, 9), Kind: incident.KindObservation, Text: "p99 latency alert fired", Author: "ana", Pinned: true, Source: incident.SourceTUI},
			{ID: 3, IncidentID: 7, OccurredAt: at(14, 9), LoggedAt: at(14, 9), Kind: incident.KindRole, Text: "Ana is incident commander", Role: "commander", Person: "Ana", Source: incident.SourceTUI},
			{ID: 4, IncidentID: 7, OccurredAt: at(14, 20), LoggedAt: at(14, 21), Kind: incident.KindStatus, Text: "index missing", State: incident.Identified, Source: incident.SourceTUI},
			{ID: 5, IncidentID: 7, OccurredAt: at(14, 30), LoggedAt: at(14, 30), Kind: incident.KindActionItem, Text: "check migrations for dropped indexes", ActionItemID: 21, Source: incident.SourceTUI},
			{ID: 6, IncidentID: 7, OccurredAt: at(15, 10), LoggedAt: at(15, 10), Kind: incident.KindNote, Text: "all clear ✓", Source: incident.SourceImport},
			{ID: 7, IncidentID: 7, OccurredAt: at(15, 11), LoggedAt: at(15, 11), Kind: incident.KindSeverity, Text: "half of searches failed", Severity: 2, PreviousSeverity: 3, Source: incident.SourceTUI},
			{ID: 8, IncidentID: 7, OccurredAt: at(15, 12), LoggedAt: at(15, 12), Kind: incident.KindSeverity, Severity: 3, State: incident.SeverityCorrected, Source: incident.SourceCLI},
		},
		Roles: []incident.RoleAssignment{
			{IncidentID: 7, Role: "commander", Person: "Ana", From: at(14, 9), Until: at(15, 0)},
			{IncidentID: 7, Role: "commander", Person: "Ben", From: at(15, 0)},
		},
		ActionItems: []incident.ActionItem{
			{ID: 21, UUID: "5f0c6d3e-1c1e-4a57-9b7e-3a1f1b2c3d4e", Title: "Check migrations for dropped indexes", Description: "A CI step.", Owner: "Ben", Priority: incident.P1, Due: "2026-12-01", State: incident.ItemOpen,
				GitHub: incident.GitHubIssue{Repo: "acme/search", Number: 42, URL: "https://github.com/acme/search/issues/42", State: "open"}},
			{ID: 22, UUID: "0b5d4c7a-2d2e-4b68-8c8f-4b2a2c3d4e5f", Title: "Page on index size drop", State: incident.ItemWontDo},
		},
		Retro: []incident.RetroNote{
			{IncidentID: 7, Section: incident.RetroWentWell, Text: "The alert fired within minutes.", Order: 1},
			{IncidentID: 7, Section: incident.RetroLucky, Text: "Traffic was low.", Order: 2},
		},
	}
}

// carried clears what the document does not carry: store bookkeeping (row
// ids of roles and notes, the event ids of assignments and items, update and
// sync times, sync errors).
func carried(s incident.Snapshot) incident.Snapshot {
	s.Incident.UpdatedAt = time.Time{}
	for i := range s.Events {
		s.Events[i].UpdatedAt = time.Time{}
	}
	for i := range s.Roles {
		s.Roles[i].ID, s.Roles[i].EventID, s.Roles[i].CreatedAt = 0, 0, time.Time{}
	}
	for i := range s.ActionItems {
		a := &s.ActionItems[i]
		a.EventID, a.CreatedAt, a.UpdatedAt = 0, time.Time{}, time.Time{}
		a.GitHub.SyncError, a.GitHub.SyncedAt = "", time.Time{}
		// Document.Snapshot does not set an action item's IncidentID, unlike
		// the other parts (document.go); compare without it.
		a.IncidentID = 0
	}
	for i := range s.Retro {
		s.Retro[i].ID, s.Retro[i].CreatedAt = 0, time.Time{}
	}
	return s
}

func roundTrip(t *testing.T, s incident.Snapshot) (incident.Snapshot, []byte) {
	t.Helper()
	data, err := json.Marshal(incident.NewDocument(s))
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	doc, err := incident.ParseDocument(data)
	if err != nil {
		t.Fatalf("ParseDocument: %v\n%s", err, data)
	}
	back, err := doc.Snapshot()
	if err != nil {
		t.Fatalf("Snapshot: %v", err)
	}
	return back, data
}

func TestDocumentRoundTrip(t *testing.T) {
	in := sampleSnapshot()
	back, data := roundTrip(t, in)
	want := carried(sampleSnapshot())
	if got := carried(back); !reflect.DeepEqual(got, want) {
		t.Errorf("round trip changed the snapshot\n got: %+v\nwant: %+v", got, want)
	}
	// The link from the action-item event to its item survives by uuid.
	if back.Events[4].ActionItemID != 21 {
		t.Errorf("action-item event links to item %d, want 21", back.Events[4].ActionItemID)
	}
	// A second trip writes the same bytes: export is deterministic.
	again, err := json.Marshal(incident.NewDocument(back))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, data) {
		t.Errorf("second export differs:\n%s\n%s", data, again)
	}
}

func TestDocumentTimesAreUTC(t *testing.T) {
	berlin := mustZone(t, "Europe/Berlin")
	s := sampleSnapshot()
	s.Incident.CreatedAt = s.Incident.CreatedAt.In(berlin)
	s.Incident.Milestones[incident.MilestoneStarted] = at(14, 0).In(berlin)
	s.Events[1].OccurredAt = s.Events[1].OccurredAt.In(berlin)
	s.Roles[0].From = s.Roles[0].From.In(berlin)
	data, err := json.Marshal(incident.NewDocument(s))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "+01:00") || !strings.Contains(string(data), `"started":"2026-11-21T14:00:00Z"`) {
		t.Errorf("document times are not UTC RFC3339:\n%s", data)
	}
	back, _ := roundTrip(t, s)
	if !back.Events[1].OccurredAt.Equal(at(14, 7)) || back.Events[1].OccurredAt.Location() != time.UTC {
		t.Errorf("event time came back as %v", back.Events[1].OccurredAt)
	}
}

func TestDocumentEmptyIncident(t *testing.T) {
	s := incident.Snapshot{Incident: incident.Incident{ID: 1, Title: "Quiet", Severity: 4, State: incident.Investigating, Timezone: "UTC", Milestones: incident.Milestones{}}}
	data, err := json.Marshal(incident.NewDocument(s))
	if err != nil {
		t.Fatal(err)
	}
	// Lists are [] and unset milestones null, so consumers need no special case.
	for _, want := range []string{`"schema_version":1`, `"services":[]`, `"events":[]`, `"roles":[]`, `"action_items":[]`, `"retro":[]`, `"started":null`, `"resolved":null`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("document lacks %s:\n%s", want, data)
		}
	}
	if strings.Contains(string(data), "created_at") {
		t.Errorf("unset created_at is written:\n%s", data)
	}
	back, _ := roundTrip(t, s)
	if back.Incident.Title != "Quiet" || len(back.Events) != 0 || len(back.Incident.Milestones) != 0 {
		t.Errorf("empty incident came back as %+v", back)
	}
}

func TestParseDocumentDefaultsAndOrder(t *testing.T) {
	data := `{
		"schema_version": 1,
		"future_key": {"ignored": true},
		"incident": {"id": 3, "title": "Imported", "severity": 3},
		"events": [
			{"at": "2026-11-21T15:00:00Z", "text": "second"},
			{"at": "2026-11-21T14:00:00+01:00", "text": "first", "kind": "decision"}
		],
		"action_items": [{"title": "Do a thing", "uuid": "u-1"}],
		"retro": [{"section": "lesson", "text": "one"}, {"section": "lucky", "text": "two"}]
	}`
	doc, err := incident.ParseDocument([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	s, err := doc.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if s.Incident.State != incident.Investigating || s.Incident.Timezone != "UTC" {
		t.Errorf("defaults: state %q zone %q, want investigating and UTC", s.Incident.State, s.Incident.Timezone)
	}
	if len(s.Events) != 2 || s.Events[0].Text != "first" || s.Events[1].Text != "second" {
		t.Fatalf("events not ordered by time: %+v", s.Events)
	}
	if s.Events[0].Kind != incident.KindDecision || s.Events[1].Kind != incident.KindNote {
		t.Errorf("kinds = %q, %q; a missing kind should be note", s.Events[0].Kind, s.Events[1].Kind)
	}
	if !s.Events[0].OccurredAt.Equal(at(13, 0)) || s.Events[0].OccurredAt.Location() != time.UTC {
		t.Errorf("offset time read as %v, want 13:00 UTC", s.Events[0].OccurredAt)
	}
	if s.Events[0].IncidentID != 3 {
		t.Errorf("event incident id = %d, want 3", s.Events[0].IncidentID)
	}
	if len(s.ActionItems) != 1 || s.ActionItems[0].State != incident.ItemOpen {
		t.Errorf("action item state defaults: %+v", s.ActionItems)
	}
	if len(s.Retro) != 2 || s.Retro[0].Order != 1 || s.Retro[1].Order != 2 || s.Retro[1].Section != incident.RetroLucky {
		t.Errorf("retro notes: %+v", s.Retro)
	}
}

func TestParseDocumentErrors(t *testing.T) {
	valid := func(extra string) string {
		return `{"schema_version": 1, "incident": {"title": "T", "severity": 2, "timezone": "UTC"}` + extra + `}`
	}
	tests := []struct {
		name, data, want string
	}{
		{"not json", `{"schema_version": 1,`, "not a scribe JSON document"},
		{"a list", `[]`, "not a scribe JSON document"},
		{"no version", `{"incident": {"title": "T", "severity": 2}}`, "schema_version is missing"},
		{"newer version", `{"schema_version": 2, "incident": {"title": "T", "severity": 2}}`, "the document has schema_version 2; this scribe reads up to 1: upgrade scribe"},
		{"bad severity", `{"schema_version": 1, "incident": {"title": "T", "severity": 9}}`, "incident: invalid severity 9"},
		{"no title", `{"schema_version": 1, "incident": {"severity": 2}}`, "incident: title is empty"},
		{"bad zone", `{"schema_version": 1, "incident": {"title": "T", "severity": 2, "timezone": "Nowhere"}}`, `incident: unknown time zone "Nowhere"`},
		{"bad state", `{"schema_version": 1, "incident": {"title": "T", "severity": 2, "state": "done"}}`, `incident: invalid state "done"`},
		{"event without time", valid(`, "events": [{"text": "x"}]`), `event 1 (id 0): it has no time ("at" is missing`},
		{"event with bad kind", valid(`, "events": [{"at": "2026-11-21T14:00:00Z", "text": "x"}, {"at": "2026-11-21T14:00:00Z", "kind": "gossip", "text": "y"}]`), `event 2: unknown kind "gossip"`},
		{"event with bad time", valid(`, "events": [{"at": "14:05", "text": "x"}]`), "not a scribe JSON document"},
		{"role without person", valid(`, "roles": [{"role": "ic", "person": "", "from": "2026-11-21T14:00:00Z"}]`), "role 1: person is empty"},
		{"role without from", valid(`, "roles": [{"role": "ic", "person": "Ana"}]`), `role 1 (ic): it has no start ("from" is missing`},
		{"item without title", valid(`, "action_items": [{"uuid": "x"}]`), "action item 1: action item title is empty"},
		{"note in no section", valid(`, "retro": [{"section": "misc", "text": "x"}]`), `retro note 1: unknown retro section "misc"`},

		// times outside 1970..2199 UTC, in every place a document holds one
		{"year-1 milestone", `{"schema_version": 1, "incident": {"title": "T", "severity": 2, "milestones": {"started": "0001-01-01T00:00:00Z"}}}`, "incident: milestone started: 0001-01-01T00:00:00Z is outside the times scribe accepts"},
		{"year-1 declared", `{"schema_version": 1, "incident": {"title": "T", "severity": 2, "milestones": {"declared": "0001-01-01T00:00:01Z"}}}`, "milestone declared: 0001-01-01 00:00 UTC is outside the times scribe accepts"},
		{"year-10000 resolved", `{"schema_version": 1, "incident": {"title": "T", "severity": 2, "milestones": {"resolved": "9999-12-31T23:59:00-05:00"}}}`, "milestone resolved: 10000-01-01 04:59 UTC is outside"},
		{"1900 created", `{"schema_version": 1, "incident": {"title": "T", "severity": 2, "created_at": "1900-01-01T00:00:00Z"}}`, "incident created_at: 1900-01-01 00:00 UTC is outside"},
		{"event in 2300", valid(`, "events": [{"at": "2300-01-01T00:00:00Z", "text": "x"}]`), "event 1: event time: 2300-01-01 00:00 UTC is outside"},
		{"event logged in year 1", valid(`, "events": [{"at": "2026-11-21T14:00:00Z", "logged_at": "0001-01-01T00:00:00Z", "text": "x"}]`), "event 1: logged_at: 0001-01-01T00:00:00Z is outside"},
		{"role from 1969", valid(`, "roles": [{"role": "ic", "person": "Ana", "from": "1969-07-20T20:17:00Z"}]`), "role 1: role from: 1969-07-20 20:17 UTC is outside"},
		{"role until year 1", valid(`, "roles": [{"role": "ic", "person": "Ana", "from": "2026-11-21T14:00:00Z", "until": "0001-01-01T00:00:00Z"}]`), "role 1: until: 0001-01-01T00:00:00Z is outside"},

		// one validation per field: NUL, invalid UTF-8 and control characters
		{"NUL in title", `{"schema_version": 1, "incident": {"title": "T\u0000", "severity": 2}}`, "incident: title holds a NUL character"},
		{"newline in owner", valid(`, "action_items": [{"title": "x", "owner": "a\nb"}]`), "action item 1: owner spans several lines"},
		{"NUL in note", valid(`, "retro": [{"section": "lesson", "text": "a\u0000b"}]`), "retro note 1: retro note holds a NUL character"},
		{"line break in author", valid(`, "events": [{"at": "2026-11-21T14:00:00Z", "text": "x", "author": "a\u2028b"}]`), "event 1: author spans several lines"},
	}
	for _, tt := range tests {
		_, err := incident.ParseDocument([]byte(tt.data))
		wantInvalid(t, tt.name, err, tt.want)
	}
}

func TestParseDocumentCanonicalisesRoles(t *testing.T) {
	data := `{"schema_version": 1, "incident": {"title": "T", "severity": 2},
		"roles": [{"role": "Tech Lead", "person": "Cy", "from": "2026-11-21T14:00:00Z", "until": null}]}`
	doc, err := incident.ParseDocument([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	s, err := doc.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Roles) != 1 || s.Roles[0].Role != incident.RoleOps || !s.Roles[0].Active() {
		t.Errorf("roles = %+v, want one active ops assignment", s.Roles)
	}
}
