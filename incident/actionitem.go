package incident

import (
	"strings"
	"time"
)

// Priority is P0 (most urgent) to P3.
type Priority string

// Priorities, most urgent first.
const (
	P0 Priority = "P0"
	P1 Priority = "P1"
	P2 Priority = "P2"
	P3 Priority = "P3"
)

// Priorities lists the accepted priorities.
var Priorities = []Priority{P0, P1, P2, P3}

// ParsePriority accepts "P1", "p1" or "1"; "" means unset.
func ParsePriority(in string) (Priority, error) {
	s := strings.ToUpper(strings.TrimSpace(in))
	if s == "" {
		return "", nil
	}
	if !strings.HasPrefix(s, "P") {
		s = "P" + s
	}
	for _, p := range Priorities {
		if Priority(s) == p {
			return p, nil
		}
	}
	return "", Errorf(EINVALID, "invalid priority %s: use one of P0, P1, P2, P3", Quote(in))
}

// ItemState is an action item's state.
type ItemState string

// Action item states.
const (
	ItemOpen   ItemState = "open"
	ItemDone   ItemState = "done"
	ItemWontDo ItemState = "wontdo"
)

// ParseItemState accepts open, done, wontdo ("won't do", "wont-do").
func ParseItemState(in string) (ItemState, error) {
	s := strings.NewReplacer("'", "", "’", "", "-", "", "_", "", " ", "").Replace(strings.ToLower(strings.TrimSpace(in)))
	switch s {
	case "open", "todo":
		return ItemOpen, nil
	case "done", "closed", "fixed":
		return ItemDone, nil
	case "wontdo", "wontfix", "notplanned":
		return ItemWontDo, nil
	}
	return "", Errorf(EINVALID, "invalid action item state %s: use open, done or wontdo", Quote(in))
}

// Label is the state as a reader sees it.
func (s ItemState) Label() string {
	if s == ItemWontDo {
		return "won't do"
	}
	return string(s)
}

// DateLayout is how due dates are written and stored.
const DateLayout = "2006-01-02"

// ActionItem is a follow-up captured during or after the incident.
type ActionItem struct {
	ID          int64
	IncidentID  int64
	UUID        string
	Title       string
	Description string
	Owner       string
	Priority    Priority
	Due         string // YYYY-MM-DD or ""
	State       ItemState
	EventID     int64 // the timeline event it came from, or 0

	GitHub GitHubIssue

	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt time.Time // zero unless soft-deleted

	// Invalid is set when part of the stored row could not be read (see
	// Event.Invalid).
	Invalid Unreadable
}

// GitHubIssue records where an action item was filed and what was last seen.
type GitHubIssue struct {
	Repo      string // OWNER/NAME
	Number    int
	URL       string
	State     string // open, closed, closed:not_planned, missing, …
	SyncError string
	SyncedAt  time.Time
}

// Filed reports whether the item has an issue.
func (g GitHubIssue) Filed() bool { return g.Number > 0 }

// Validate checks the fields a user sets.
func (a *ActionItem) Validate() error {
	if err := ValidateTitle(a.Title); err != nil {
		return Errorf(EINVALID, "action item %s", ErrorMessage(err))
	}
	if err := ValidateText("description", a.Description, false); err != nil {
		return err
	}
	if _, err := ParsePriority(string(a.Priority)); err != nil {
		return err
	}
	if err := CheckDue(a.Due); err != nil {
		return err
	}
	if _, err := ParseItemState(string(a.State)); err != nil {
		return err
	}
	return ValidateOwner(a.Owner)
}
