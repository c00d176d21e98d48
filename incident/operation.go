package incident

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Operation is one write as data: what a store applies, and what the
// offline outbox keeps and replays later, possibly in another process. It
// is serialised as JSON. Its ID (a client-generated UUIDv7) makes it
// idempotent: a store that has applied it once does nothing the second
// time, so a write whose answer was lost can always be sent again. The ID
// is also the UUID of the event the operation logs, if any, so that a line
// typed offline keeps its identity in every database.
//
// Rows are named by Ref, by UUID where possible: an operation queued
// offline may name an incident or event that a queued operation before it
// creates, and whose number only the database will assign.
type Operation struct {
	ID       string `json:"id"`
	Kind     OpKind `json:"kind"`
	Incident Ref    `json:"incident"`
	// Target is the event, action item or retro note the operation
	// changes, for the kinds that change one.
	Target Ref `json:"target,omitzero"`

	// At is when it happened (an event's time, a milestone's, a hand-off's);
	// Logged when it was typed. A zero At means Logged, and a zero Logged
	// the moment the store applies it; the outbox sets both when it queues.
	At     time.Time `json:"at,omitzero"`
	Logged time.Time `json:"logged,omitzero"`
	Author string    `json:"author,omitempty"`
	Source Source    `json:"source,omitempty"`

	// The payload: the field(s) of its kind (see OpKind).
	Event      *Event           `json:"event,omitempty"`
	New        *Incident        `json:"new,omitempty"`
	State      State            `json:"state,omitempty"`
	Message    string           `json:"message,omitempty"`
	Role       string           `json:"role,omitempty"`
	Person     string           `json:"person,omitempty"`
	Milestone  Milestone        `json:"milestone,omitempty"`
	Severity   Severity         `json:"severity,omitempty"`
	Fields     *IncidentPatch   `json:"fields,omitempty"`
	EventPatch *EventPatch      `json:"event_patch,omitempty"`
	Item       *ActionItem      `json:"item,omitempty"`
	ItemPatch  *ActionItemPatch `json:"item_patch,omitempty"`
	Note       *RetroNote       `json:"note,omitempty"`
	NotePatch  *RetroNotePatch  `json:"note_patch,omitempty"`

	// The runbook's payloads (checklistop.go): the checklist a declaration
	// or an escalation attaches, a checklist item's new state, a reminder
	// to add, a reminder's new state or due time.
	Checklist      []string       `json:"checklist,omitempty"`
	ChecklistState ChecklistState `json:"checklist_state,omitempty"`
	Reminder       *Reminder      `json:"reminder,omitempty"`
	ReminderState  ReminderState  `json:"reminder_state,omitempty"`
	DueAt          time.Time      `json:"due_at,omitzero"`
}

// Ref names a stored row: by UUID, or by its number in one database.
type Ref struct {
	ID   int64  `json:"id,omitempty"`
	UUID string `json:"uuid,omitempty"`
}

// IsZero reports whether r names nothing.
func (r Ref) IsZero() bool { return r.ID == 0 && r.UUID == "" }

// String is how messages name the row: its number when known.
func (r Ref) String() string {
	if r.ID != 0 {
		return fmt.Sprintf("#%d", r.ID)
	}
	return r.UUID
}

// OpKind says what an Operation does, and which payload it carries.
type OpKind string

// The operations. Each logs the timeline event its comment names (the
// event's UUID is the operation's ID).
const (
	OpCreateIncident OpKind = "create-incident" // New; logs the declared milestone
	OpLogEvent       OpKind = "log-event"       // Event (kind, text, pinned)
	OpSetStatus      OpKind = "set-status"      // State, Message; logs the status update
	OpAssignRole     OpKind = "assign-role"     // Role, Person; logs the hand-off
	OpSetMilestone   OpKind = "set-milestone"   // Milestone; logs it
	OpClearMilestone OpKind = "clear-milestone" // Milestone; logs it
	OpSetSeverity    OpKind = "set-severity"    // Severity, Message (the reason); logs a severity event
	OpEditIncident   OpKind = "edit-incident"   // Fields (title, narrative, services, zone, milestones)
	OpEditEvent      OpKind = "edit-event"      // Target, EventPatch
	OpDeleteEvent    OpKind = "delete-event"    // Target
	OpRestoreEvent   OpKind = "restore-event"   // Target
	OpAddActionItem  OpKind = "add-action-item" // Item (its UUID set); logs an action-item event
	OpEditActionItem OpKind = "edit-action-item"
	OpDeleteItem     OpKind = "delete-action-item"
	OpRestoreItem    OpKind = "restore-action-item"
	OpAddRetroNote   OpKind = "add-retro-note" // Note; its UUID is the operation's ID
	OpEditRetroNote  OpKind = "edit-retro-note"
	OpDeleteNote     OpKind = "delete-retro-note"
	OpRestoreNote    OpKind = "restore-retro-note"
	// The runbook's operations (checklistop.go).
	OpSetChecklistItem OpKind = "set-checklist-item" // Target, ChecklistState; logs a checklist event
	OpAddReminder      OpKind = "add-reminder"       // Reminder; logs a reminder event
	OpSetReminder      OpKind = "set-reminder"       // Target, ReminderState or DueAt; logs a reminder event
)

// opSpec is what Validate and the stores need to know of a kind.
type opSpec struct {
	// targeted: it changes one row (an event, item, note, checklist item
	// or reminder), named by Target.
	targeted bool
	// ownRow: it inserts a row whose UUID is the operation's ID (the event
	// it logs, the note it adds), by which a replay is known.
	ownRow bool
	// carries reports whether op carries the payload the kind needs, named
	// by payload in Validate's message; nil: it needs none beyond Target.
	carries func(op *Operation) bool
	payload string
}

// spec is the kind's row of the operations' table: a new kind is a
// constant above, a row here, and its apply function in the store.
func (k OpKind) spec() (opSpec, bool) {
	switch k {
	case OpCreateIncident:
		return opSpec{ownRow: true, payload: "incident", carries: func(op *Operation) bool { return op.New != nil }}, true
	case OpLogEvent:
		return opSpec{ownRow: true, payload: "event", carries: func(op *Operation) bool { return op.Event != nil }}, true
	case OpSetStatus, OpAssignRole, OpSetMilestone, OpClearMilestone, OpSetSeverity:
		return opSpec{ownRow: true}, true
	case OpEditIncident:
		return opSpec{payload: "fields", carries: func(op *Operation) bool { return op.Fields != nil }}, true
	case OpEditEvent:
		return opSpec{targeted: true, payload: "event patch", carries: func(op *Operation) bool { return op.EventPatch != nil }}, true
	case OpDeleteEvent, OpRestoreEvent, OpDeleteItem, OpRestoreItem, OpDeleteNote, OpRestoreNote:
		return opSpec{targeted: true}, true
	case OpAddActionItem:
		return opSpec{ownRow: true, payload: "action item", carries: func(op *Operation) bool { return op.Item != nil }}, true
	case OpEditActionItem:
		return opSpec{targeted: true, payload: "action item patch", carries: func(op *Operation) bool { return op.ItemPatch != nil }}, true
	case OpAddRetroNote:
		return opSpec{ownRow: true, payload: "retro note", carries: func(op *Operation) bool { return op.Note != nil }}, true
	case OpEditRetroNote:
		return opSpec{targeted: true, payload: "retro note patch", carries: func(op *Operation) bool { return op.NotePatch != nil }}, true
	case OpSetChecklistItem:
		return opSpec{targeted: true, ownRow: true, payload: "checklist state", carries: func(op *Operation) bool {
			_, err := ParseChecklistState(string(op.ChecklistState))
			return err == nil
		}}, true
	case OpAddReminder:
		return opSpec{ownRow: true, payload: "reminder", carries: func(op *Operation) bool { return op.Reminder != nil }}, true
	case OpSetReminder:
		return opSpec{targeted: true, ownRow: true, payload: "reminder state or due time", carries: func(op *Operation) bool {
			return op.ReminderState != "" || !op.DueAt.IsZero()
		}}, true
	}
	return opSpec{}, false
}

// Targeted reports whether the kind changes one row, named by Target.
func (k OpKind) Targeted() bool {
	s, _ := k.spec()
	return s.targeted
}

// WritesOwnRow reports whether operations of the kind insert a row whose
// UUID is the operation's ID: the event they log, or the retro note they
// add. A store knows a replay of one by that row.
func (k OpKind) WritesOwnRow() bool {
	s, _ := k.spec()
	return s.ownRow
}

// Validate checks that the operation is well formed: an ID, a known kind,
// the incident and target it needs and its kind's payload. What the payload
// says is checked by the store, against the rows it changes.
func (op *Operation) Validate() error {
	if strings.TrimSpace(op.ID) == "" {
		return Errorf(EINVALID, "operation has no id")
	}
	spec, known := op.Kind.spec()
	if !known {
		return Errorf(EINVALID, "unknown operation %q", op.Kind)
	}
	if op.Incident.IsZero() {
		return Errorf(EINVALID, "%s operation %s names no incident", op.Kind, op.ID)
	}
	if spec.targeted && op.Target.IsZero() {
		return Errorf(EINVALID, "%s operation %s names nothing to change", op.Kind, op.ID)
	}
	if spec.carries != nil && !spec.carries(op) {
		return Errorf(EINVALID, "%s operation %s carries no %s", op.Kind, op.ID, spec.payload)
	}
	return op.validateRunbook() // checklistop.go
}

// MarshalOperation and UnmarshalOperation are the outbox's encoding.
func MarshalOperation(op Operation) ([]byte, error) {
	b, err := json.Marshal(op)
	if err != nil {
		return nil, fmt.Errorf("encode %s operation %s: %w", op.Kind, op.ID, err)
	}
	return b, nil
}

// UnmarshalOperation decodes and validates an operation.
func UnmarshalOperation(b []byte) (Operation, error) {
	var op Operation
	if err := json.Unmarshal(b, &op); err != nil {
		return op, Errorf(EINVALID, "cannot read operation: %v", err)
	}
	return op, op.Validate()
}

// Outcome is what applying an operation produced: the rows it wrote, as
// stored, and the incident's sequence after it. Replayed reports that the
// store had applied it before and did nothing this time.
type Outcome struct {
	IncidentID int64
	Seq        int64
	Event      Event      // the event it logged, if any
	ActionItem ActionItem // the item it added or changed, if any
	RetroNote  RetroNote  // the note it added or changed, if any
	Incident   Incident   // the incident after it
	Replayed   bool

	// ChecklistItem and Reminder: the item or reminder it changed or added.
	ChecklistItem ChecklistItem
	Reminder      Reminder
}
