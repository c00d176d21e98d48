package config

import (
	"time"

	"scribe/incident"
)

// Default is the built-in policy: updates every 20 minutes for a SEV1 and
// every 30 for a SEV2 (the rhythm incident commanders' guides give for the
// first hours, and executives' usual ask), hourly for a SEV3, none below;
// a full checklist for SEV1 and SEV2, a short one for SEV3; scribe's
// follow-up deadlines.
func Default() Config {
	return Config{
		severities: [incident.SevLeast]Severity{
			{UpdateEvery: 20 * time.Minute, Checklist: majorChecklist()},
			{UpdateEvery: 30 * time.Minute, Checklist: majorChecklist()},
			{UpdateEvery: time.Hour, Checklist: []string{
				"Name an incident commander",
				"Page the owning team",
				"Post a first update in the incident channel",
				"Decide whether the status page needs an incident",
			}},
			{},
			{},
		},
		FollowUps: incident.DefaultFollowUpPolicy(),
	}
}

// majorChecklist is what the first minutes of a major incident need: one
// person in charge, the owners on the call, customers and the company told,
// and the decisions that are easy to forget under stress.
func majorChecklist() []string {
	return []string{
		"Name an incident commander",
		"Open a dedicated incident channel and bridge",
		"Page the owning team",
		"Open the status page incident",
		"Post the first external update",
		"Name a comms lead for stakeholder updates",
		"Decide on customer comms (support, account managers)",
		"Tell executives and the support lead",
		"Record when impact started (the started milestone)",
		"Freeze unrelated deploys to the affected services",
	}
}
