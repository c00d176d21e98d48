package incident

import (
	"slices"
	"sort"
)

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

// Apply brings s up to date with c: the incident and its sequence, the
// lists that changed, and each event in its place by time then id (a
// deleted one leaves). It changes s's slices in place: s must be the
// caller's own copy.
func (s *Snapshot) Apply(c Changes) {
	if c.Incident != nil {
		s.Incident = *c.Incident
	}
	s.Incident.Seq = c.Seq
	if c.RolesChanged {
		s.Roles = c.Roles
	}
	if c.ItemsChanged {
		s.ActionItems = c.ActionItems
	}
	if c.RetroChanged {
		s.Retro = c.Retro
	}
	if c.ChecklistChanged {
		s.Checklist = c.Checklist
	}
	if c.RemindersChanged {
		s.Reminders = c.Reminders
	}
	for _, ev := range c.Events {
		s.Events = mergeEvent(s.Events, ev)
	}
}

// mergeEvent puts ev in evs, sorted by time then id, in place of the copy
// with its id; a deleted one leaves.
func mergeEvent(evs []Event, ev Event) []Event {
	// A changed event is most often a recent one: look from the end.
	for i := len(evs) - 1; i >= 0; i-- {
		if evs[i].ID == ev.ID {
			evs = slices.Delete(evs, i, i+1)
			break
		}
	}
	if ev.Deleted() {
		return evs
	}
	i := sort.Search(len(evs), func(i int) bool {
		e := evs[i]
		return e.OccurredAt.After(ev.OccurredAt) || e.OccurredAt.Equal(ev.OccurredAt) && e.ID > ev.ID
	})
	return slices.Insert(evs, i, ev)
}
