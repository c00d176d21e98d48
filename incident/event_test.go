package incident_test

import (
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

func TestParseKind(t *testing.T) {
	free := map[string]incident.Kind{
		"n": incident.KindNote, "note": incident.KindNote, " NOTE ": incident.KindNote,
		"a": incident.KindAction, "action": incident.KindAction, "act": incident.KindAction, "did": incident.KindAction,
		"d": incident.KindDecision, "decision": incident.KindDecision, "decide": incident.KindDecision, "dec": incident.KindDecision,
		"o": incident.KindObservation, "obs": incident.KindObservation, "observation": incident.KindObservation, "observe": incident.KindObservation,
		"c": incident.KindComms, "comms": incident.KindComms, "comm": incident.KindComms, "communication": incident.KindComms, "update": incident.KindComms,
	}
	for in, want := range free {
		for _, structured := range []bool{false, true} {
			got, err := incident.ParseKind(in, structured)
			if err != nil || got != want {
				t.Errorf("ParseKind(%q, %v) = %q, %v; want %q", in, structured, got, err, want)
			}
		}
	}
	for _, k := range []incident.Kind{incident.KindStatus, incident.KindRole, incident.KindMilestone, incident.KindActionItem} {
		got, err := incident.ParseKind(string(k), true)
		if err != nil || got != k {
			t.Errorf("ParseKind(%q, true) = %q, %v", k, got, err)
		}
		_, err = incident.ParseKind(string(k), false)
		wantInvalid(t, "ParseKind("+string(k)+", false)", err, "use one of note, action, decision, observation, comms")
	}
	for _, in := range []string{"", "x", "todo", "notes"} {
		_, err := incident.ParseKind(in, true)
		wantInvalid(t, "ParseKind("+in+")", err, `unknown kind "`+in+`"`)
	}
}

func TestKindStructured(t *testing.T) {
	for _, k := range incident.Kinds {
		want := k == incident.KindStatus || k == incident.KindRole || k == incident.KindMilestone || k == incident.KindActionItem ||
			k == incident.KindChecklist || k == incident.KindReminder || k == incident.KindSeverity
		if k.Structured() != want {
			t.Errorf("%s.Structured() = %v, want %v", k, k.Structured(), want)
		}
	}
	for _, k := range incident.FreeKinds {
		if k.Structured() {
			t.Errorf("free kind %s is structured", k)
		}
	}
}

func validEvent() incident.Event {
	return incident.Event{
		IncidentID: 1, OccurredAt: time.Date(2026, 11, 21, 14, 5, 0, 0, time.UTC),
		Kind: incident.KindNote, Text: "paged the database on-call",
	}
}

func TestEventValidate(t *testing.T) {
	good := []func(*incident.Event){
		func(e *incident.Event) {},
		func(e *incident.Event) {
			e.Kind = incident.KindRole
			e.Text = ""
			e.Role = "commander"
			e.Person = "Rosa"
		},
		func(e *incident.Event) { e.Kind = incident.KindStatus; e.Text = ""; e.State = incident.Monitoring },
		func(e *incident.Event) {
			e.Kind = incident.KindMilestone
			e.Text = ""
			e.Milestone = incident.MilestoneMitigated
		},
		func(e *incident.Event) { e.Kind = incident.KindActionItem; e.Text = "add an alert" },
		func(e *incident.Event) { e.Text = strings.Repeat("ü", incident.MaxTextLen) },
	}
	for i, change := range good {
		e := validEvent()
		change(&e)
		if err := e.Validate(); err != nil {
			t.Errorf("good event %d: %v", i, err)
		}
	}
	bad := []struct {
		name   string
		change func(*incident.Event)
		want   string
	}{
		{"no incident", func(e *incident.Event) { e.IncidentID = 0 }, "event has no incident"},
		{"no time", func(e *incident.Event) { e.OccurredAt = time.Time{} }, "event has no time"},
		{"unknown kind", func(e *incident.Event) { e.Kind = "gossip" }, `unknown kind "gossip"`},
		{"empty text", func(e *incident.Event) { e.Text = "  " }, "event text is empty"},
		{"long text", func(e *incident.Event) { e.Text = strings.Repeat("x", incident.MaxTextLen+1) }, "event text is 10001 characters long"},
		{"bad utf-8", func(e *incident.Event) { e.Text = "bad \xff byte" }, "event text is not valid UTF-8"},
		{"role without person", func(e *incident.Event) { e.Kind = incident.KindRole; e.Role = "ops"; e.Person = " " }, "a role change needs a role and a person"},
		{"role without role", func(e *incident.Event) { e.Kind = incident.KindRole; e.Person = "Rosa" }, "a role change needs a role and a person"},
		{"status without state", func(e *incident.Event) { e.Kind = incident.KindStatus }, `invalid state ""`},
		{"milestone without name", func(e *incident.Event) { e.Kind = incident.KindMilestone; e.Milestone = "fixed" }, `unknown milestone "fixed"`},
	}
	for _, tt := range bad {
		e := validEvent()
		tt.change(&e)
		wantInvalid(t, tt.name, e.Validate(), tt.want)
	}
}

func TestValidateText(t *testing.T) {
	if err := incident.ValidateText("summary", "", false); err != nil {
		t.Errorf("optional empty text: %v", err)
	}
	wantInvalid(t, "required empty", incident.ValidateText("retro note", "", true), "retro note is empty")
	wantInvalid(t, "too long", incident.ValidateText("summary", strings.Repeat("a", incident.MaxTextLen+1), false), "summary is 10001 characters long: at most 10000")
}

func TestEventDeleted(t *testing.T) {
	e := validEvent()
	if e.Deleted() {
		t.Error("fresh event is deleted")
	}
	e.DeletedAt = time.Now()
	if !e.Deleted() {
		t.Error("event with DeletedAt is not deleted")
	}
}
