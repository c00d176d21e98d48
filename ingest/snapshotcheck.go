package ingest

import (
	"fmt"

	"scribe/incident"
)

// CheckSnapshot runs on a JSON document the checks an import makes before
// it writes anything (the incident's fields, its milestones, events, roles
// and action items, each time within incident.CheckInstant's range), so
// that `import --dry-run` refuses what the import itself would refuse
// instead of previewing it.
func CheckSnapshot(snap incident.Snapshot) error {
	inc := snap.Incident
	if err := inc.Validate(); err != nil {
		return err
	}
	for _, m := range incident.MilestoneOrder {
		if t, ok := inc.Milestones.Get(m); ok {
			if err := incident.CheckInstant(string(m)+" milestone", t); err != nil {
				return err
			}
		}
	}
	for i, e := range snap.Events {
		e.IncidentID = max(e.IncidentID, 1)
		if err := e.Validate(); err != nil {
			return fmt.Errorf("event %d: %w", i+1, err)
		}
		if err := incident.CheckInstant("time", e.OccurredAt); err != nil {
			return fmt.Errorf("event %d: %w", i+1, err)
		}
	}
	for i, r := range snap.Roles {
		if _, err := incident.CanonicalRole(r.Role); err != nil {
			return fmt.Errorf("role %d: %w", i+1, err)
		}
		if err := incident.ValidatePerson(r.Person); err != nil {
			return fmt.Errorf("role %d: %w", i+1, err)
		}
		if err := incident.CheckInstant("from", r.From); err != nil {
			return fmt.Errorf("role %d: %w", i+1, err)
		}
		if err := incident.CheckInstant("until", r.Until); err != nil {
			return fmt.Errorf("role %d: %w", i+1, err)
		}
	}
	for i, a := range snap.ActionItems {
		if err := a.Validate(); err != nil {
			return fmt.Errorf("action item %d: %w", i+1, err)
		}
	}
	return nil
}
