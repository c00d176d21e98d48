package incident

// validateRunbook checks the payloads of the runbook's operations: the
// checklist, reminder and state they need.
func (op *Operation) validateRunbook(missing func(string) error) error {
	switch op.Kind {
	case OpSetChecklistItem:
		if _, err := ParseChecklistState(string(op.ChecklistState)); err != nil {
			return missing("checklist state")
		}
	case OpAddReminder:
		if op.Reminder == nil {
			return missing("reminder")
		}
	case OpSetReminder:
		if op.ReminderState == "" && op.DueAt.IsZero() {
			return missing("reminder state or due time")
		}
		if op.ReminderState != "" {
			if _, err := ParseReminderState(string(op.ReminderState)); err != nil {
				return err
			}
		}
	}
	for _, text := range op.Checklist {
		if err := ValidateChecklistText(text); err != nil {
			return err
		}
	}
	return nil
}
