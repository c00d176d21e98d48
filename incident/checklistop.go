package incident

// validateRunbook checks what the runbook's payloads say, beyond their
// presence (spec): a reminder's new state is one scribe knows, and a
// checklist a declaration or escalation attaches has steps that fit.
func (op *Operation) validateRunbook() error {
	if op.Kind == OpSetReminder && op.ReminderState != "" {
		if _, err := ParseReminderState(string(op.ReminderState)); err != nil {
			return err
		}
	}
	for _, text := range op.Checklist {
		if err := ValidateChecklistText(text); err != nil {
			return err
		}
	}
	return nil
}
