package incident

import (
	"slices"
	"strings"
	"sync"
	"time"
)

// MaxTextLen bounds an event's or note's text, in characters.
const MaxTextLen = 10000

// Kind is the type of a timeline event.
type Kind string

// Free-text kinds a user picks, and the structured kinds scribe writes.
const (
	KindNote        Kind = "note"
	KindAction      Kind = "action"
	KindDecision    Kind = "decision"
	KindObservation Kind = "observation"
	KindComms       Kind = "comms"
	KindStatus      Kind = "status"
	KindRole        Kind = "role"
	KindMilestone   Kind = "milestone"
	KindActionItem  Kind = "action-item"
	// KindChecklist and KindReminder record the runbook: a checklist item
	// ticked, unticked or skipped; a reminder set, done, dismissed or
	// snoozed (checklist.go, reminder.go).
	KindChecklist Kind = "checklist"
	KindReminder  Kind = "reminder"
	// KindSeverity records a change of severity: the new one, the one it
	// replaced, and the reason given, if any, as its text (severity.go).
	KindSeverity Kind = "severity"
)

// Kinds lists every kind, free-text ones first.
var Kinds = []Kind{KindNote, KindAction, KindDecision, KindObservation, KindComms, KindStatus, KindRole, KindMilestone, KindActionItem, KindChecklist, KindReminder, KindSeverity}

// FreeKinds are the kinds a user can log with plain text.
var FreeKinds = []Kind{KindNote, KindAction, KindDecision, KindObservation, KindComms}

var kindAliases = sync.OnceValue(func() map[string]Kind {
	return map[string]Kind{
		"n": KindNote, "note": KindNote,
		"a": KindAction, "action": KindAction, "act": KindAction, "did": KindAction,
		"d": KindDecision, "decision": KindDecision, "decide": KindDecision, "dec": KindDecision,
		"o": KindObservation, "obs": KindObservation, "observation": KindObservation, "observe": KindObservation,
		"c": KindComms, "comms": KindComms, "comm": KindComms, "communication": KindComms, "update": KindComms,
	}
})

// ParseKind accepts a free-text kind or one of its short forms (n, a, d, o, c,
// obs, …). The structured kinds are accepted too when structured is true.
func ParseKind(in string, structured bool) (Kind, error) {
	s := strings.ToLower(strings.TrimSpace(in))
	if k, ok := kindAliases()[s]; ok {
		return k, nil
	}
	if structured {
		for _, k := range Kinds {
			if Kind(s) == k {
				return k, nil
			}
		}
	}
	return "", Errorf(EINVALID, "unknown kind %s: use one of %s", Quote(in), joinStrings(FreeKinds))
}

// Structured reports whether k carries structured fields written by scribe
// itself (status, role, milestone, action-item, checklist, reminder,
// severity).
func (k Kind) Structured() bool {
	switch k {
	case KindStatus, KindRole, KindMilestone, KindActionItem, KindChecklist, KindReminder, KindSeverity:
		return true
	}
	return false
}

// Source says where an event was typed.
type Source string

// Event sources.
const (
	SourceTUI    Source = "tui"
	SourceCLI    Source = "cli"
	SourceImport Source = "import"
)

// Event is one line of the timeline.
type Event struct {
	ID         int64
	UUID       string // client-generated (UUIDv7): the same event in every database and outbox
	IncidentID int64
	OccurredAt time.Time // when it happened; can be backdated or corrected
	LoggedAt   time.Time // when it was typed; never changes
	Kind       Kind
	Text       string
	Author     string
	Pinned     bool
	Source     Source

	// Structured fields, set for the kinds that need them.
	Role         string    // KindRole: canonical role name
	Person       string    // KindRole: who now holds it
	State        State     // KindStatus: the new state
	Milestone    Milestone // KindMilestone: which one
	ActionItemID int64     // KindActionItem: the item it created
	Severity     Severity  // KindSeverity: the new severity
	// PreviousSeverity is the severity a KindSeverity event replaced; 0
	// when it is not known (a change imported from elsewhere).
	PreviousSeverity Severity

	DeletedAt time.Time // zero unless soft-deleted
	UpdatedAt time.Time

	// Invalid lists what of the stored row could not be read (a time out
	// of range or malformed, written by an older scribe or by hand), with
	// the raw values. The fields it names are zero; the rest of the event
	// is as stored.
	Invalid Unreadable
}

// Deleted reports whether the event is soft-deleted.
func (e *Event) Deleted() bool { return !e.DeletedAt.IsZero() }

// Validate checks an event before it is stored.
func (e *Event) Validate() error {
	if e.IncidentID <= 0 {
		return Errorf(EINVALID, "event has no incident")
	}
	if e.OccurredAt.IsZero() {
		return Errorf(EINVALID, "event has no time")
	}
	if err := CheckInstant("event time", e.OccurredAt); err != nil {
		return err
	}
	if err := CheckInstant("event logged time", e.LoggedAt); err != nil {
		return err
	}
	if !slices.Contains(Kinds, e.Kind) {
		return Errorf(EINVALID, "unknown kind %s: use one of %s", Quote(string(e.Kind)), joinStrings(FreeKinds))
	}
	if err := ValidateText("event text", e.Text, !e.Kind.Structured()); err != nil {
		return err
	}
	if err := ValidateAuthor(e.Author); err != nil {
		return err
	}
	switch e.Kind {
	case KindRole:
		if e.Role == "" || strings.TrimSpace(e.Person) == "" {
			return Errorf(EINVALID, "a role change needs a role and a person")
		}
		if _, err := CanonicalRole(e.Role); err != nil {
			return err
		}
		if err := ValidatePerson(e.Person); err != nil {
			return err
		}
	case KindStatus:
		if _, err := ParseState(string(e.State)); err != nil {
			return err
		}
	case KindMilestone:
		if _, err := ParseMilestone(string(e.Milestone)); err != nil {
			return err
		}
	case KindSeverity:
		return e.validateSeverity()
	}
	return nil
}

// Revision is an earlier version of an event, kept when it is edited.
type Revision struct {
	EventID    int64
	OccurredAt time.Time
	Text       string
	Kind       Kind
	Pinned     bool
	RevisedAt  time.Time // when it was replaced
}
