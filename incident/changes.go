package incident

// Changes is what changed in an incident after a sequence number (see
// Incident.Seq): what a screen showing the incident needs to catch up
// without reading it all again.
type Changes struct {
	// Seq is the incident's sequence now; ask from it next time.
	Seq int64
	// Incident is the incident, set when its own fields changed.
	Incident *Incident
	// Events are the events written since, deleted ones included (see
	// Event.Deleted), by OccurredAt then ID.
	Events []Event
	// Roles, ActionItems and Retro are the incident's whole lists (live
	// rows), set when any row of theirs changed: they are short.
	Roles        []RoleAssignment
	ActionItems  []ActionItem
	Retro        []RetroNote
	RolesChanged bool
	ItemsChanged bool
	RetroChanged bool
	// Checklist and Reminders, likewise: whole lists when any row changed.
	Checklist        []ChecklistItem
	Reminders        []Reminder
	ChecklistChanged bool
	RemindersChanged bool
}

// Empty reports whether nothing changed.
func (c *Changes) Empty() bool {
	return c.Incident == nil && len(c.Events) == 0 && !c.RolesChanged && !c.ItemsChanged && !c.RetroChanged &&
		!c.ChecklistChanged && !c.RemindersChanged
}
