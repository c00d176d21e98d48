package ingest

import (
	"testing"

	"scribe/incident"
)

func TestDonePassive(t *testing.T) {
	for _, c := range []struct {
		text string
		want incident.ItemState
	}{
		{"The `merge-bot` workflow has been disabled and removed from all repositories.", incident.ItemDone},
		{"Both signing tokens have now been revoked", incident.ItemDone},
		{"All pull requests will require a second reviewer", incident.ItemOpen},
		{"By June every token will have been rotated", incident.ItemOpen},
		{"Check whether the old token has been used since March", incident.ItemOpen},
	} {
		if got := parseItem(c.text, 2024).State; got != c.want {
			t.Errorf("%q: state %q, want %q", c.text, got, c.want)
		}
	}
}

// An item told in the simple past is done: a list of what changed after
// the incident writes "We added …", "Added …" or "… was installed". A
// participle that is also an adjective is a plan unless an article makes
// it the verb; an imperative that looks like a past form stays open.
func TestDonePast(t *testing.T) {
	for _, c := range []struct {
		text string
		want incident.ItemState
	}{
		{"We added an alert on the age of the oldest queued build.", incident.ItemDone},
		{"we requested every maintainer review their tokens", incident.ItemDone},
		{"Added alerting on free disk space", incident.ItemDone},
		{"Increased the volume size to 200 GB", incident.ItemDone},
		{"During the June site visit a serial console server was installed.", incident.ItemDone},
		{"Both keys were rotated (#88)", incident.ItemDone},
		{"Improved alerting on queue depth", incident.ItemOpen},
		{"Increased monitoring of the batch hosts", incident.ItemOpen},
		{"Set up websocket tracing on the edge nodes", incident.ItemOpen},
		{"Add an alert on free disk space", incident.ItemOpen},
		{"The proposal was rejected by the board", incident.ItemWontDo},
		{"We need to add a cleanup job", incident.ItemOpen},
		{"We tweaked/adjusted the registry pull limit", incident.ItemDone},
		{"We've advised the teams not to run single replicas", incident.ItemDone},
		{"We proceed with the migration next quarter", incident.ItemOpen},
		{"We should add a cleanup job", incident.ItemOpen},
		{"We've significantly tightened our release workflows", incident.ItemDone},
		{"Sent a notice to all 305 affected teams", incident.ItemDone},
		{"Re-worked our secrets handling", incident.ItemDone},
		{"We fully expect to finish by June", incident.ItemOpen},
		{"The manager cluster needs our pod policies instead - this has already been done.", incident.ItemDone},
		{"Check whether it is fixed in the next release", incident.ItemOpen},
		{"Investigate why the config change was deployed to all regions at once", incident.ItemOpen},
		{"Find out why the canary was disabled during the rollout", incident.ItemOpen},
		{"Alert when a deploy was rolled back automatically", incident.ItemOpen},
		{"We reviewed the sentinel config and found quorum=1; set it to 2", incident.ItemOpen},
		{"Increased the cache TTL as a stopgap — revert it after the fix", incident.ItemOpen},
		{"We've asked the vendor for a fix and will follow up weekly", incident.ItemOpen},
		{"We discovered the dashboards were missing pool metrics; add them", incident.ItemOpen},
		{"Moved to next quarter: rewrite the flag client", incident.ItemOpen},
		{"Migrate the payments db to the new cluster — NOT DONE, blocked on vendor", incident.ItemOpen},
		{"Add a test for key expiry. TO BE DONE by Q3", incident.ItemOpen},
	} {
		if got := parseItem(c.text, 2024).State; got != c.want {
			t.Errorf("%q: state %q, want %q", c.text, got, c.want)
		}
	}
}

// DONE in capitals after an item's words closes it, and what follows says
// where ("DONE in PR #51"); a ticket filed for an item leaves it to do.
func TestDoneCapitalsAndTickets(t *testing.T) {
	for _, c := range []struct {
		text, title, desc string
		want              incident.ItemState
	}{
		{"Page the on-call when the canary is down for 2 minutes. DONE in PR #51", "Page the on-call when the canary is down for 2 minutes", "Done in PR. Tracking: #51", incident.ItemDone},
		{"Created a ticket to migrate the null resources to the kubectl provider", "Created a ticket to migrate the null resources to the kubectl provider", "", incident.ItemOpen},
		{"We raised an issue to pin the chart version", "We raised an issue to pin the chart version", "", incident.ItemOpen},
		{"Created a dashboard for probe coverage", "Created a dashboard for probe coverage", "", incident.ItemDone},
	} {
		a := parseItem(c.text, 2024)
		if a.Title != c.title || a.Description != c.desc || a.State != c.want {
			t.Errorf("%q: %q %q %s, want %q %q %s", c.text, a.Title, a.Description, a.State, c.title, c.desc, c.want)
		}
	}
}
