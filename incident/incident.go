package incident

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// MaxTitleLen bounds an incident or action item title, in characters.
const MaxTitleLen = 200

// Severity is 1 (worst) to 5 (least).
type Severity int

// Severity bounds.
const (
	SevWorst Severity = 1
	SevLeast Severity = 5
)

// Valid reports whether s is within SEV1..SEV5.
func (s Severity) Valid() bool { return s >= SevWorst && s <= SevLeast }

// String renders the severity as SEV1..SEV5.
func (s Severity) String() string { return "SEV" + strconv.Itoa(int(s)) }

// ParseSeverity accepts "2", "sev2", "SEV 2" or "S2".
func ParseSeverity(in string) (Severity, error) {
	s := strings.ToLower(strings.TrimSpace(in))
	s = strings.TrimPrefix(s, "sev")
	s = strings.TrimPrefix(s, "s")
	s = strings.TrimSpace(s)
	n, err := strconv.Atoi(s)
	if err != nil || !Severity(n).Valid() {
		return 0, Errorf(EINVALID, "invalid severity %s: use a number from 1 (worst) to 5, e.g. 2 or SEV2", Quote(in))
	}
	return Severity(n), nil
}

// State is the incident's status, in status-page vocabulary.
type State string

// The incident states, in their usual order.
const (
	Investigating State = "investigating"
	Identified    State = "identified"
	Monitoring    State = "monitoring"
	Resolved      State = "resolved"
)

// States lists the valid states in order.
var States = []State{Investigating, Identified, Monitoring, Resolved}

// ParseState accepts a state name in any case.
func ParseState(in string) (State, error) {
	s := State(strings.ToLower(strings.TrimSpace(in)))
	for _, v := range States {
		if s == v {
			return s, nil
		}
	}
	return "", Errorf(EINVALID, "invalid state %s: use one of %s", Quote(in), joinStrings(States))
}

// Incident is one incident: its identity, narrative and milestones.
type Incident struct {
	ID         int64
	UUID       string // client-generated (UUIDv7): the same incident in every database
	Seq        int64  // the incident's change sequence when read: every write bumps it
	Title      string
	Severity   Severity
	State      State
	Timezone   string // IANA name used for display
	Summary    string
	Impact     string
	RootCause  string
	Trigger    string
	Resolution string
	Services   []string
	Milestones Milestones
	CreatedAt  time.Time
	UpdatedAt  time.Time

	// Invalid is set when part of the stored row could not be read (see
	// Event.Invalid); the fields it names are zero or absent.
	Invalid Unreadable
}

// Validate checks the fields a user sets.
func (inc *Incident) Validate() error {
	if err := ValidateTitle(inc.Title); err != nil {
		return err
	}
	if !inc.Severity.Valid() {
		return Errorf(EINVALID, "invalid severity %d: use a number from 1 (worst) to 5", inc.Severity)
	}
	if _, err := ParseState(string(inc.State)); err != nil {
		return err
	}
	if _, err := LoadZone(inc.Timezone); err != nil {
		return err
	}
	for _, f := range NarrativeFields {
		if err := ValidateText(f.Label(), inc.Get(f), false); err != nil {
			return err
		}
	}
	if err := ValidateServices(inc.Services); err != nil {
		return err
	}
	return inc.Milestones.Validate()
}

// Location returns the incident's display zone, UTC when unset or unknown.
func (inc *Incident) Location() *time.Location {
	loc, err := LoadZone(inc.Timezone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// ValidateTitle rejects empty, overlong or multi-line titles.
func ValidateTitle(title string) error {
	if strings.TrimSpace(title) == "" {
		return Errorf(EINVALID, "title is empty: give a short description, e.g. \"Checkout errors after deploy\"")
	}
	return ValidateName("title", title, MaxTitleLen, true)
}

// LoadZone loads an IANA zone name; "" and "Local" are refused so that an
// incident always records an explicit zone.
func LoadZone(name string) (*time.Location, error) {
	if name == "" {
		return nil, Errorf(EINVALID, "time zone is empty: use an IANA name such as Europe/Berlin, America/New_York or UTC")
	}
	if name == "Local" {
		return nil, Errorf(EINVALID, "time zone \"Local\" is ambiguous: use an IANA name such as Europe/Berlin or UTC")
	}
	if len(name) > MaxZoneNameLen {
		return nil, Errorf(EINVALID, "unknown time zone %s: use an IANA name such as Europe/Berlin, America/New_York or UTC", Quote(name))
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, Errorf(EINVALID, "unknown time zone %s: use an IANA name such as Europe/Berlin, America/New_York or UTC", Quote(name))
	}
	return loc, nil
}

func joinStrings[T ~string](vs []T) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = string(v)
	}
	return strings.Join(parts, ", ")
}

// ParseServices splits a comma-separated list, trimming blanks and dropping
// empty entries and duplicates.
func ParseServices(in string) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range strings.Split(in, ",") {
		p = strings.TrimSpace(p)
		if p == "" || seen[strings.ToLower(p)] {
			continue
		}
		seen[strings.ToLower(p)] = true
		out = append(out, p)
	}
	return out
}

// String renders "#7 SEV2 Title".
func (inc *Incident) String() string {
	return fmt.Sprintf("#%d %s %s", inc.ID, inc.Severity, inc.Title)
}
