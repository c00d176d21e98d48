package export

import (
	"text/template"
	"time"

	"scribe/incident"
)

// Options tune a postmortem. The zero value is the default export:
// blameless, in the incident's zone, with the embedded template.
type Options struct {
	// Zone displays times; nil means the incident's own zone.
	Zone *time.Location
	// Names keeps people's names in the timeline and narrative instead of
	// the roles they held.
	Names bool
	// Template renders the postmortem; nil means the embedded default. Make
	// one with ParseTemplate so the helper functions are available.
	Template *template.Template
	// Now, when set, is printed as the time the postmortem was generated.
	Now time.Time
}

func (o Options) zone(inc incident.Incident) *time.Location {
	if o.Zone != nil {
		return o.Zone
	}
	return inc.Location()
}
