package incident

import "time"

// MilestoneCleared is the State of a milestone event that records its
// milestone being cleared rather than set. It rides in State (a status
// event's field, unused by milestone events) so that the JSON document
// carries it and imports it back without a new key.
const MilestoneCleared State = "cleared"

// ClearsMilestone reports whether e records that its milestone was cleared.
func (e *Event) ClearsMilestone() bool {
	return e.Kind == KindMilestone && e.State == MilestoneCleared
}

// Deleted reports whether the action item is soft-deleted.
func (a *ActionItem) Deleted() bool { return !a.DeletedAt.IsZero() }

// Deleted reports whether the note is soft-deleted.
func (n *RetroNote) Deleted() bool { return !n.DeletedAt.IsZero() }

// ActionItemRevision is an earlier version of an action item's own fields,
// kept when they are edited (the GitHub fields are the sync's record, not
// the user's, and keep no history).
type ActionItemRevision struct {
	ActionItemID int64
	Title        string
	Description  string
	Owner        string
	Priority     Priority
	Due          string
	State        ItemState
	RevisedAt    time.Time // when it was replaced
}

// RetroNoteRevision is an earlier version of a retro note, kept when it is
// edited.
type RetroNoteRevision struct {
	RetroNoteID int64
	Section     RetroSection
	Text        string
	RevisedAt   time.Time // when it was replaced
}
