package incident

import (
	"strings"
	"testing"
	"time"
)

// TestOperationValidateByKind checks every kind against the table of
// kinds: what it must name and carry, and that it passes once it does.
func TestOperationValidateByKind(t *testing.T) {
	due := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		kind     OpKind
		targeted bool
		payload  string // the word Validate names when it is missing; "" none
		fill     func(op *Operation)
		ownRow   bool
	}{
		{OpCreateIncident, false, "incident", func(op *Operation) { op.New = &Incident{} }, true},
		{OpLogEvent, false, "event", func(op *Operation) { op.Event = &Event{} }, true},
		{OpSetStatus, false, "", nil, true},
		{OpAssignRole, false, "", nil, true},
		{OpSetMilestone, false, "", nil, true},
		{OpClearMilestone, false, "", nil, true},
		{OpSetSeverity, false, "", nil, true},
		{OpEditIncident, false, "fields", func(op *Operation) { op.Fields = &IncidentPatch{} }, false},
		{OpEditEvent, true, "event patch", func(op *Operation) { op.EventPatch = &EventPatch{} }, false},
		{OpDeleteEvent, true, "", nil, false},
		{OpRestoreEvent, true, "", nil, false},
		{OpAddActionItem, false, "action item", func(op *Operation) { op.Item = &ActionItem{} }, true},
		{OpEditActionItem, true, "action item patch", func(op *Operation) { op.ItemPatch = &ActionItemPatch{} }, false},
		{OpDeleteItem, true, "", nil, false},
		{OpRestoreItem, true, "", nil, false},
		{OpAddRetroNote, false, "retro note", func(op *Operation) { op.Note = &RetroNote{} }, true},
		{OpEditRetroNote, true, "retro note patch", func(op *Operation) { op.NotePatch = &RetroNotePatch{} }, false},
		{OpDeleteNote, true, "", nil, false},
		{OpRestoreNote, true, "", nil, false},
		{OpSetChecklistItem, true, "checklist state", func(op *Operation) { op.ChecklistState = ChecklistDone }, true},
		{OpAddReminder, false, "reminder", func(op *Operation) { op.Reminder = &Reminder{} }, true},
		{OpSetReminder, true, "reminder state or due time", func(op *Operation) { op.DueAt = due }, true},
	} {
		op := Operation{ID: "op-1", Kind: c.kind, Incident: Ref{ID: 7}}
		if got := c.kind.Targeted(); got != c.targeted {
			t.Errorf("%s: Targeted() = %v", c.kind, got)
		}
		if got := c.kind.WritesOwnRow(); got != c.ownRow {
			t.Errorf("%s: WritesOwnRow() = %v", c.kind, got)
		}
		if c.targeted {
			if err := op.Validate(); err == nil || !strings.Contains(err.Error(), "names nothing to change") {
				t.Errorf("%s without a target: %v", c.kind, err)
			}
			op.Target = Ref{ID: 3}
		}
		if c.payload != "" {
			if err := op.Validate(); err == nil || !strings.Contains(err.Error(), "carries no "+c.payload) {
				t.Errorf("%s without its payload: %v, want \"carries no %s\"", c.kind, err, c.payload)
			}
			c.fill(&op)
		}
		if err := op.Validate(); err != nil {
			t.Errorf("%s, well formed: %v", c.kind, err)
		}
	}
	bad := Operation{ID: "op-2", Kind: "drop-table", Incident: Ref{ID: 7}}
	if err := bad.Validate(); err == nil || !strings.Contains(err.Error(), `unknown operation "drop-table"`) {
		t.Errorf("unknown kind: %v", err)
	}
}
