package tui

import (
	"context"
	"time"

	"scribe/incident"
)

// Store is the part of the store the TUI uses. *store.Store implements it;
// every call happens inside a tea.Cmd, never in Update or View.
type Store interface {
	DataVersion(ctx context.Context) (int64, error)
	Incidents(ctx context.Context) ([]incident.Incident, error)
	CreateIncident(ctx context.Context, inc *incident.Incident, o incident.Origin) error
	Snapshot(ctx context.Context, id int64) (incident.Snapshot, error)
	UpdateIncident(ctx context.Context, id int64, fn func(*incident.Incident) error) (incident.Incident, error)

	LogEvent(ctx context.Context, e *incident.Event) error
	EditEvent(ctx context.Context, id int64, fn func(*incident.Event) error) (incident.Event, error)
	DeleteEvent(ctx context.Context, id int64) error
	RestoreEvent(ctx context.Context, id int64) error

	SetSeverity(ctx context.Context, id int64, sev incident.Severity, reason string, o incident.Origin) (incident.Event, error)
	SetStatus(ctx context.Context, id int64, st incident.State, message string, o incident.Origin) (incident.Event, error)
	SetMilestone(ctx context.Context, id int64, m incident.Milestone, o incident.Origin) (incident.Event, error)
	// ClearMilestone unsets a milestone with an event that says so; deleting
	// that event brings the milestone back.
	ClearMilestone(ctx context.Context, id int64, m incident.Milestone, o incident.Origin) (incident.Event, error)
	AssignRole(ctx context.Context, id int64, role, person string, o incident.Origin) (incident.Event, error)

	AddActionItem(ctx context.Context, item *incident.ActionItem, o incident.Origin) error
	UpdateActionItem(ctx context.Context, id int64, fn func(*incident.ActionItem) error) (incident.ActionItem, error)
	// DeleteActionItem soft-deletes an item and its timeline event;
	// RestoreActionItem brings both back.
	DeleteActionItem(ctx context.Context, id int64) error
	RestoreActionItem(ctx context.Context, id int64) error

	AddRetroNote(ctx context.Context, n *incident.RetroNote) error
	UpdateRetroNote(ctx context.Context, id int64, fn func(*incident.RetroNote) error) (incident.RetroNote, error)
	DeleteRetroNote(ctx context.Context, id int64) error
	RestoreRetroNote(ctx context.Context, id int64) error

	// Import appends a pasted document (events, action items, retro notes)
	// to incident into in one transaction, filling the narrative fields
	// it has empty, and names what it added.
	Import(ctx context.Context, snap incident.Snapshot, into int64) (incident.Imported, error)
	// DeclareIncident is CreateIncident with the severity's checklist;
	// Escalate is SetSeverity that attaches the new severity's checklist
	// when it is worse (policy.go).
	DeclareIncident(ctx context.Context, inc *incident.Incident, checklist []string, o incident.Origin) error
	Escalate(ctx context.Context, id int64, sev incident.Severity, reason string, checklist []string, o incident.Origin) (incident.Event, error)

	// The runbook (checklist.go, reminder.go): a checklist item ticked,
	// reopened or skipped, and reminders set, closed or snoozed; each logs
	// its event.
	SetChecklistItem(ctx context.Context, itemID int64, state incident.ChecklistState, o incident.Origin) (incident.ChecklistItem, incident.Event, error)
	AddReminder(ctx context.Context, r *incident.Reminder, o incident.Origin) error
	CloseReminder(ctx context.Context, id int64, state incident.ReminderState, o incident.Origin) (incident.Reminder, error)
	SnoozeReminder(ctx context.Context, id int64, until time.Time, o incident.Origin) (incident.Reminder, error)
}
