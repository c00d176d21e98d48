package outbox

// The Team as the TUI's store for checklists and reminders. A declaration
// or an escalation with its checklist, and a new reminder, are one
// operation each and are queued while the team database is out of reach,
// like a line; ticking a step and closing or snoozing a reminder name rows
// by number and need the database, like corrections.

import (
	"context"
	"time"

	"scribe/incident"
	"scribe/store"
)

// DeclareIncident: see store.Store.DeclareIncident.
func (t *Team) DeclareIncident(ctx context.Context, inc *incident.Incident, checklist []string, o incident.Origin) error {
	c := *inc
	op := NewOperation(incident.OpCreateIncident, incident.Ref{UUID: store.NewID()}, o, t.Now())
	op.New, op.Checklist = &c, checklist
	out, err := t.Apply(ctx, op)
	if err == nil {
		*inc = out.Incident
	}
	return err
}

// Escalate: see store.Store.Escalate.
func (t *Team) Escalate(ctx context.Context, id int64, sev incident.Severity, reason string, checklist []string, o incident.Origin) (incident.Event, error) {
	op := t.op(incident.OpSetSeverity, id, o)
	op.Severity, op.Message, op.Checklist = sev, reason, checklist
	out, err := t.Apply(ctx, op)
	return out.Event, err
}

// AddReminder: see store.Store.AddReminder.
func (t *Team) AddReminder(ctx context.Context, r *incident.Reminder, o incident.Origin) error {
	op := t.op(incident.OpAddReminder, r.IncidentID, o)
	c := *r
	op.Reminder = &c
	out, err := t.Apply(ctx, op)
	*r = out.Reminder
	return err
}

// SetChecklistItem needs the database.
func (t *Team) SetChecklistItem(ctx context.Context, itemID int64, state incident.ChecklistState, o incident.Origin) (incident.ChecklistItem, incident.Event, error) {
	st, err := t.online(ctx)
	if err != nil {
		return incident.ChecklistItem{}, incident.Event{}, err
	}
	actx, cancel := context.WithTimeout(ctx, answerTimeout)
	defer cancel()
	return st.SetChecklistItem(actx, itemID, state, o)
}

// CloseReminder needs the database.
func (t *Team) CloseReminder(ctx context.Context, id int64, state incident.ReminderState, o incident.Origin) (incident.Reminder, error) {
	st, err := t.online(ctx)
	if err != nil {
		return incident.Reminder{}, err
	}
	actx, cancel := context.WithTimeout(ctx, answerTimeout)
	defer cancel()
	return st.CloseReminder(actx, id, state, o)
}

// SnoozeReminder needs the database.
func (t *Team) SnoozeReminder(ctx context.Context, id int64, until time.Time, o incident.Origin) (incident.Reminder, error) {
	st, err := t.online(ctx)
	if err != nil {
		return incident.Reminder{}, err
	}
	actx, cancel := context.WithTimeout(ctx, answerTimeout)
	defer cancel()
	return st.SnoozeReminder(actx, id, until, o)
}
