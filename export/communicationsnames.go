package export

import (
	"time"

	"scribe/incident"
)

// Blameless returns the postmortem's rewrite of people, for other writers
// that quote the timeline (a stakeholder update): each person the snapshot
// knows, named in text, becomes the role they held at at ("the incident
// commander", "a responder"); a zero at stands for the whole incident. The
// text should be sanitized first; the result is not escaped for any format.
func Blameless(snap incident.Snapshot) func(text string, at time.Time) string {
	return newPeople(snap).rewrite
}
