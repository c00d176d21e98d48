package incident_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

// TestRunbookRoundTrip: the cadence, the checklist and the reminders go
// out in the document and come back as they were; the derived times are
// written and not needed back.
func TestRunbookRoundTrip(t *testing.T) {
	s := sampleSnapshot()
	s.Incident.State = incident.Monitoring
	s.UpdateEvery = 30 * time.Minute
	s.Checklist = []incident.ChecklistItem{
		{IncidentID: 7, UUID: "c-1", Text: "Name an incident commander", Severity: 2, Order: 1, State: incident.ChecklistDone, At: at(14, 9), By: "Ana"},
		{IncidentID: 7, UUID: "c-2", Text: "Decide on customer comms", Severity: 2, Order: 2, State: incident.ChecklistSkipped, At: at(14, 30), By: "Ana"},
		{IncidentID: 7, UUID: "c-3", Text: "Freeze deploys", Severity: 1, Order: 3, State: incident.ChecklistOpen},
	}
	s.Reminders = []incident.Reminder{
		{IncidentID: 7, UUID: "r-1", Text: "check replica lag @ben", Who: "ben", DueAt: at(14, 45), State: incident.ReminderOpen, By: "Ana", CreatedAt: at(14, 30)},
		{IncidentID: 7, UUID: "r-2", Text: "rotate on-call", DueAt: at(15, 0), State: incident.ReminderDone, CreatedAt: at(14, 0), ClosedAt: at(15, 2)},
	}
	back, data := roundTrip(t, s)
	for _, want := range []string{
		`"comms":{"update_every":"30m","last_update":"2026-11-21T14:20:00Z","next_update_due":"2026-11-21T14:50:00Z"}`,
		`{"uuid":"c-3","text":"Freeze deploys","severity":1,"state":"open","at":null}`,
		`{"uuid":"r-1","text":"check replica lag @ben","who":"ben","due_at":"2026-11-21T14:45:00Z","state":"open","by":"Ana","created_at":"2026-11-21T14:30:00Z","closed_at":null}`,
	} {
		if !strings.Contains(string(data), want) {
			t.Errorf("document lacks %s\n%s", want, data)
		}
	}
	if back.UpdateEvery != s.UpdateEvery || !reflect.DeepEqual(back.Checklist, s.Checklist) || !reflect.DeepEqual(back.Reminders, s.Reminders) {
		t.Errorf("round trip changed the runbook\n got %v %+v %+v\nwant %v %+v %+v", back.UpdateEvery, back.Checklist, back.Reminders, s.UpdateEvery, s.Checklist, s.Reminders)
	}
}

func TestRunbookDocumentWithoutCadence(t *testing.T) {
	s := sampleSnapshot()
	data, err := json.Marshal(incident.NewDocument(s))
	if err != nil {
		t.Fatal(err)
	}
	// Resolved: no next update; no cadence: null; lists are [].
	for _, want := range []string{`"comms":{"update_every":null,"last_update":"2026-11-21T14:20:00Z","next_update_due":null}`, `"checklist":[]`, `"reminders":[]`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("document lacks %s\n%s", want, data)
		}
	}
	// An older document without any of it reads as before.
	doc, err := incident.ParseDocument([]byte(`{"schema_version":1,"incident":{"title":"T","severity":2}}`))
	if err != nil {
		t.Fatal(err)
	}
	if snap, err := doc.Snapshot(); err != nil || snap.UpdateEvery != 0 || snap.Checklist != nil || snap.Reminders != nil {
		t.Errorf("old document: %+v, %v", snap, err)
	}
}

func TestRunbookDocumentErrors(t *testing.T) {
	valid := func(extra string) string {
		return `{"schema_version": 1, "incident": {"title": "T", "severity": 2, "timezone": "UTC"` + extra
	}
	for name, tt := range map[string]struct{ data, want string }{
		"bad cadence":     {valid(`, "comms": {"update_every": "often"}}}`), `incident: comms: invalid update_every "often"`},
		"empty item":      {valid(`}, "checklist": [{"text": "ok"}, {"text": ""}]}`), "checklist item 2: checklist item is empty"},
		"bad item state":  {valid(`}, "checklist": [{"text": "ok", "state": "meh"}]}`), `checklist item 1: invalid checklist state "meh"`},
		"reminder no due": {valid(`}, "reminders": [{"text": "x"}]}`), "reminder 1: reminder \"x\" has no due time"},
		"reminder state":  {valid(`}, "reminders": [{"text": "x", "due_at": "2026-11-21T14:00:00Z", "state": "later"}]}`), `reminder 1: invalid reminder state "later"`},
	} {
		_, err := incident.ParseDocument([]byte(tt.data))
		wantInvalid(t, name, err, tt.want)
	}
	// An item without a severity takes the incident's; without a state, open.
	doc, err := incident.ParseDocument([]byte(valid(`}, "checklist": [{"text": "Page the DBA"}]}`)))
	if err != nil {
		t.Fatal(err)
	}
	snap, _ := doc.Snapshot()
	if c := snap.Checklist[0]; c.Severity != 2 || c.State != incident.ChecklistOpen || c.Order != 1 {
		t.Errorf("defaults: %+v", c)
	}
}
