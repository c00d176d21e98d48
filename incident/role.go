package incident

import (
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// The canonical role names.
const (
	RoleCommander = "commander"
	RoleScribe    = "scribe"
	RoleComms     = "comms"
	RoleOps       = "ops"
	RoleLiaison   = "liaison"
)

// Roles lists the canonical roles in the order the header shows them.
var Roles = []string{RoleCommander, RoleOps, RoleComms, RoleScribe, RoleLiaison}

var roleAliases = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"commander": RoleCommander, "ic": RoleCommander, "lead": RoleCommander,
		"incident commander": RoleCommander, "incident-commander": RoleCommander, "incident lead": RoleCommander,
		"scribe": RoleScribe, "recorder": RoleScribe,
		"comms": RoleComms, "communications": RoleComms, "comms lead": RoleComms, "communications lead": RoleComms, "cl": RoleComms,
		"ops": RoleOps, "operations": RoleOps, "operations lead": RoleOps, "ops lead": RoleOps,
		"tech lead": RoleOps, "tech-lead": RoleOps, "tl": RoleOps, "technical lead": RoleOps,
		"liaison": RoleLiaison, "customer liaison": RoleLiaison,
	}
})

var roleTitles = sync.OnceValue(func() map[string]string {
	return map[string]string{
		RoleCommander: "incident commander",
		RoleScribe:    "scribe",
		RoleComms:     "comms lead",
		RoleOps:       "ops lead",
		RoleLiaison:   "liaison",
	}
})

var roleShort = sync.OnceValue(func() map[string]string {
	return map[string]string{
		RoleCommander: "IC",
		RoleScribe:    "Scribe",
		RoleComms:     "Comms",
		RoleOps:       "Ops",
		RoleLiaison:   "Liaison",
	}
})

// CanonicalRole maps an alias ("ic", "tech lead") to its canonical name and
// keeps any other role as typed, lower-cased and trimmed. Empty input or a
// role with control characters is refused.
func CanonicalRole(in string) (string, error) {
	if strings.TrimSpace(in) == "" {
		return "", Errorf(EINVALID, "role is empty: use commander (ic), ops (tech lead), comms, scribe, liaison or a role of your own")
	}
	if err := ValidateName("role", in, MaxRoleLen, true); err != nil {
		return "", err
	}
	s := strings.Join(strings.Fields(strings.ToLower(in)), " ")
	if c, ok := roleAliases()[s]; ok {
		return c, nil
	}
	return s, nil
}

// RoleTitle is how prose names the holder of a role: "incident commander",
// "ops lead"; a free-text role is used as typed, through PlainText like
// any other text someone typed.
func RoleTitle(role string) string {
	if t, ok := roleTitles()[role]; ok {
		return t
	}
	return PlainText(role)
}

// RoleShort is the header's label for a role: "IC", "Ops"; a free-text role
// is capitalised (and sanitized, as RoleTitle).
func RoleShort(role string) string {
	if t, ok := roleShort()[role]; ok {
		return t
	}
	role = PlainText(role)
	r, size := utf8.DecodeRuneInString(role)
	if size == 0 {
		return ""
	}
	return string(unicode.ToUpper(r)) + role[size:]
}

// RoleAssignment is one stretch of time during which a person held a role.
// A hand-off closes the previous assignment (Until) and opens the next.
type RoleAssignment struct {
	ID         int64
	UUID       string // client-generated (UUIDv7)
	IncidentID int64
	Role       string
	Person     string
	From       time.Time
	Until      time.Time // zero while the person still holds the role
	EventID    int64     // the timeline event recording the assignment
	CreatedAt  time.Time

	// Invalid is set when part of the stored row could not be read (see
	// Event.Invalid).
	Invalid Unreadable
}

// Active reports whether the assignment is still open.
func (a *RoleAssignment) Active() bool { return a.Until.IsZero() }

// Validate checks an assignment before it is stored or imported.
func (a *RoleAssignment) Validate() error {
	if _, err := CanonicalRole(a.Role); err != nil {
		return err
	}
	if err := ValidatePerson(a.Person); err != nil {
		return err
	}
	if a.From.IsZero() {
		return Errorf(EINVALID, "role assignment has no \"from\" time")
	}
	if err := CheckInstant("role from", a.From); err != nil {
		return err
	}
	if err := CheckInstant("role until", a.Until); err != nil {
		return err
	}
	if !a.Until.IsZero() && a.Until.Before(a.From) {
		return Errorf(EINVALID, "role assignment ends (%s) before it starts (%s)", a.Until.UTC().Format(time.RFC3339), a.From.UTC().Format(time.RFC3339))
	}
	return nil
}

// HolderAt returns who held role at t according to the assignments, or "".
func HolderAt(assignments []RoleAssignment, role string, t time.Time) string {
	holder := ""
	for _, a := range assignments {
		if a.Role != role || a.From.After(t) {
			continue
		}
		if a.Until.IsZero() || a.Until.After(t) {
			holder = a.Person
		}
	}
	return holder
}

// RolesOf returns the roles person held at t, canonical roles first in the
// header's order, then free-text roles in assignment order.
func RolesOf(assignments []RoleAssignment, person string, t time.Time) []string {
	var out []string
	for _, a := range assignments {
		if !strings.EqualFold(a.Person, person) || a.From.After(t) {
			continue
		}
		if a.Until.IsZero() || a.Until.After(t) {
			out = append(out, a.Role)
		}
	}
	rank := func(role string) int {
		if i := slices.Index(Roles, role); i >= 0 {
			return i
		}
		return len(Roles)
	}
	slices.SortStableFunc(out, func(a, b string) int { return rank(a) - rank(b) })
	return out
}
