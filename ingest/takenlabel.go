package ingest

import "strings"

// takenLabel reports a label that says what has already been done
// ("**Actions taken:**", "**Action taken:** the policy is published").
// Under a lesson it lists follow-ups already done; elsewhere it is the
// incident's resolution (see sectionNames).
func takenLabel(clean string) bool {
	label, _, _ := strings.Cut(clean, ":")
	switch strings.ToLower(strings.Trim(label, "*_ ")) {
	case "actions taken", "action taken", "steps taken", "measures taken", "changes made":
		return true
	}
	return false
}

// underRetro reports whether a retro section (Lessons learned, What went
// wrong, …) is among the headings in force.
func (d *documentParts) underRetro() bool {
	for _, h := range d.headings {
		if h.kind >= sectionWentWell {
			return true
		}
	}
	return false
}
