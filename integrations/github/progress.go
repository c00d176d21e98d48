package github

import "scribe/incident"

// ProgressKind says what a Progress report is about.
type ProgressKind int

// Kinds of progress reports.
const (
	// ProgressNote is news along the way: a retry, an assignee left off.
	ProgressNote ProgressKind = iota
	// ProgressWarning is something the user should act on although the run
	// goes on: a label that could not be created.
	ProgressWarning
	// ProgressFiled: an issue was created and recorded.
	ProgressFiled
	// ProgressLinked: an issue carrying the item's marker already existed
	// and is now recorded.
	ProgressLinked
	// ProgressFailed: the item could not be filed or synced; Err says why
	// and the store holds it as the item's sync error.
	ProgressFailed
	// ProgressSynced: an issue's state was read and applied.
	ProgressSynced
	// ProgressMissing: the issue is gone (deleted, or no longer visible).
	ProgressMissing
)

// Progress is one step of a run, for a CLI line or a TUI status.
type Progress struct {
	Kind ProgressKind
	// Item is the action item as recorded after this step (zero for notes
	// about the whole run).
	Item    incident.ActionItem
	Message string
	Err     error
	// Done of Total items have been dealt with so far.
	Done, Total int
}
