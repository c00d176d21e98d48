package store

import (
	"strings"
	"time"

	"scribe/incident"
)

// The claims that make GitHub filing exactly once (filing.go for an action
// item's issue, tracking.go for an incident's tracking issue) follow one
// rule: a token holds a claim for a lease, after which anyone may take it
// over.

// checkClaim refuses a claim on what that no one could tell apart from
// another's (an empty token) or that would never hold (no lease).
func checkClaim(what, token string, lease time.Duration) error {
	if strings.TrimSpace(token) == "" {
		return incident.Errorf(incident.EINVALID, "claim on %s has an empty token", what)
	}
	if lease <= 0 {
		return incident.Errorf(incident.EINVALID, "claim on %s has lease %s: give a positive duration", what, lease)
	}
	return nil
}

// claimHolds reports whether a claim taken at since still holds at now. A
// claim from the future (the clock was set back) is judged by its distance
// too, so that it cannot block filing for hours.
func claimHolds(now, since time.Time, lease time.Duration) bool {
	age := now.Sub(since)
	return age < lease && age > -lease
}
