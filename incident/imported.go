package incident

import (
	"slices"
	"strings"
)

// Imported is what an import wrote: the incident it created or added to
// and, for an import into an existing incident, which of the document's
// narrative fields it filled (the incident's were empty) and which it left
// as the incident had them (FillNarrative).
type Imported struct {
	IncidentID int64
	Filled     []Field
	Kept       []Field
	// The rows it added, by their new ids, in the snapshot's order: what
	// undoing the import removes.
	Events      []int64
	ActionItems []int64
	RetroNotes  []int64
}

// DocumentFields are the fields an import into an existing incident takes
// from the document when the incident has none of its own.
var DocumentFields = []Field{FieldSummary, FieldImpact, FieldRootCause, FieldTrigger, FieldResolution, FieldServices}

// FillNarrative fills into's empty narrative fields and services from doc
// and names the fields it filled, and those where doc says something else
// than into, which keeps its own: an incident's narrative is written by its
// team, and a document imported into it never overwrites a word of it.
func FillNarrative(into *Incident, doc Incident) (filled, kept []Field) {
	for _, f := range DocumentFields {
		have, give := strings.TrimSpace(into.Get(f)), strings.TrimSpace(doc.Get(f))
		switch {
		case give == "" || give == have:
		case have == "" && f == FieldServices:
			into.Services = slices.Clone(doc.Services)
			filled = append(filled, f)
		case have == "":
			*narrativeField(into, f) = strings.TrimSpace(*narrativeField(&doc, f))
			filled = append(filled, f)
		default:
			kept = append(kept, f)
		}
	}
	return filled, kept
}

// narrativeField is where inc holds f, one of NarrativeFields.
func narrativeField(inc *Incident, f Field) *string {
	switch f {
	case FieldImpact:
		return &inc.Impact
	case FieldRootCause:
		return &inc.RootCause
	case FieldTrigger:
		return &inc.Trigger
	case FieldResolution:
		return &inc.Resolution
	}
	return &inc.Summary
}

// FieldList names fields for a message: "summary, impact and root cause".
func FieldList(fs []Field) string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = strings.ToLower(f.Label())
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
