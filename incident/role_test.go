package incident_test

import (
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

func TestCanonicalRole(t *testing.T) {
	tests := map[string]string{
		"commander": "commander", "IC": "commander", "lead": "commander", "Incident Commander": "commander",
		"incident-commander": "commander", "incident   lead": "commander",
		"scribe": "scribe", "recorder": "scribe",
		"comms": "comms", "communications": "comms", "Comms Lead": "comms", "communications lead": "comms", "cl": "comms",
		"ops": "ops", "operations": "ops", "operations lead": "ops", "ops lead": "ops", "tech lead": "ops",
		"tech-lead": "ops", "TL": "ops", "technical lead": "ops",
		"liaison": "liaison", "customer liaison": "liaison",
		// any other role is kept, tidied
		"  Database  Owner ": "database owner", "SME": "sme",
	}
	for in, want := range tests {
		got, err := incident.CanonicalRole(in)
		if err != nil || got != want {
			t.Errorf("CanonicalRole(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	bad := map[string]string{
		"":                      "role is empty",
		"   ":                   "role is empty",
		strings.Repeat("r", 61): "role is 61 characters long: at most 60",
		"db\x00owner":           "role holds a NUL character",
		"db\u2028owner":         "role spans several lines",
	}
	for in, want := range bad {
		_, err := incident.CanonicalRole(in)
		wantInvalid(t, "CanonicalRole", err, want)
	}
}

func TestRoleTitleAndShort(t *testing.T) {
	titles := map[string]string{"commander": "incident commander", "ops": "ops lead", "comms": "comms lead", "scribe": "scribe", "liaison": "liaison", "database owner": "database owner"}
	for role, want := range titles {
		if got := incident.RoleTitle(role); got != want {
			t.Errorf("RoleTitle(%q) = %q, want %q", role, got, want)
		}
	}
	shorts := map[string]string{"commander": "IC", "ops": "Ops", "comms": "Comms", "scribe": "Scribe", "liaison": "Liaison", "database owner": "Database owner", "": ""}
	for role, want := range shorts {
		if got := incident.RoleShort(role); got != want {
			t.Errorf("RoleShort(%q) = %q, want %q", role, got, want)
		}
	}
	for _, r := range incident.Roles {
		if c, err := incident.CanonicalRole(r); err != nil || c != r {
			t.Errorf("canonical role %q does not map to itself: %q, %v", r, c, err)
		}
	}
}

func TestValidatePerson(t *testing.T) {
	for _, ok := range []string{"Rosa M.", " Ana ", "José Ñúñez", "@oncall-db"} {
		if err := incident.ValidatePerson(ok); err != nil {
			t.Errorf("ValidatePerson(%q): %v", ok, err)
		}
	}
	bad := map[string]string{
		"":                       "person is empty",
		"  ":                     "person is empty",
		"Rosa\nM.":               "person spans several lines",
		"Rosa\u0085M.":           "person spans several lines",
		strings.Repeat("a", 101): "person is 101 characters long: at most 100",
	}
	for in, want := range bad {
		wantInvalid(t, "ValidatePerson", incident.ValidatePerson(in), want)
	}
}

func TestRoleAssignmentActive(t *testing.T) {
	a := incident.RoleAssignment{From: at(14, 0)}
	if !a.Active() {
		t.Error("open assignment is not active")
	}
	a.Until = at(15, 0)
	if a.Active() {
		t.Error("closed assignment is active")
	}
}

// handoffs: Ana is commander 14:00-15:00, then Ben; Ana is also scribe from
// 14:30 on; Cy is ops 14:00-14:45 and nobody after.
func handoffs() []incident.RoleAssignment {
	return []incident.RoleAssignment{
		{Role: "commander", Person: "Ana", From: at(14, 0), Until: at(15, 0)},
		{Role: "ops", Person: "Cy", From: at(14, 0), Until: at(14, 45)},
		{Role: "scribe", Person: "Ana", From: at(14, 30)},
		{Role: "commander", Person: "Ben", From: at(15, 0)},
	}
}

func TestHolderAt(t *testing.T) {
	tests := []struct {
		role string
		at   time.Time
		want string
	}{
		{"commander", at(13, 59), ""},
		{"commander", at(14, 0), "Ana"}, // from is inclusive
		{"commander", at(14, 59), "Ana"},
		{"commander", at(15, 0), "Ben"}, // until is exclusive: the hand-off instant belongs to the new holder
		{"commander", at(23, 0), "Ben"},
		{"ops", at(14, 44), "Cy"},
		{"ops", at(14, 45), ""},
		{"scribe", at(14, 29), ""},
		{"scribe", at(14, 30), "Ana"},
		{"comms", at(14, 30), ""},
		{"Commander", at(14, 30), ""}, // roles are compared canonical
	}
	for _, tt := range tests {
		if got := incident.HolderAt(handoffs(), tt.role, tt.at); got != tt.want {
			t.Errorf("HolderAt(%s, %s) = %q, want %q", tt.role, tt.at.Format("15:04"), got, tt.want)
		}
	}
	if got := incident.HolderAt(nil, "commander", at(14, 0)); got != "" {
		t.Errorf("HolderAt(nil) = %q", got)
	}
}

func TestRolesOf(t *testing.T) {
	tests := []struct {
		person string
		at     time.Time
		want   []string
	}{
		{"Ana", at(13, 0), nil},
		{"Ana", at(14, 10), []string{"commander"}},
		{"Ana", at(14, 40), []string{"commander", "scribe"}},
		{"ana", at(14, 40), []string{"commander", "scribe"}}, // names match without case
		{"Ana", at(15, 0), []string{"scribe"}},
		{"Ben", at(15, 0), []string{"commander"}},
		{"Cy", at(14, 50), nil},
		{"Dee", at(14, 50), nil},
	}
	for _, tt := range tests {
		got := incident.RolesOf(handoffs(), tt.person, tt.at)
		// Compared as sets: RolesOf returns assignment order, not the
		// canonical order its comment promises (role.go).
		sort.Strings(got)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("RolesOf(%s, %s) = %q, want %q", tt.person, tt.at.Format("15:04"), got, tt.want)
		}
	}
}
