package incident

import "time"

// TrackingIssue is the GitHub issue that tracks an incident's follow-ups:
// the incident's summary and metrics, a link to the postmortem and a task
// list of its follow-ups' issues, ticked as they close. An incident has at
// most one; UUID ties the issue to it (its hidden marker).
type TrackingIssue struct {
	IncidentID int64
	UUID       string
	// Repo is OWNER/NAME: where the issue is, or where its create was sent
	// (Number 0) so that a later run knows where to look first.
	Repo      string
	Number    int
	URL       string
	State     string // open, closed, closed:not_planned, missing
	SyncError string
	// PostmortemURL is the link the body shows, kept for later rewrites.
	PostmortemURL string
	SyncedAt      time.Time
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// Filed reports whether the issue exists.
func (t TrackingIssue) Filed() bool { return t.Number > 0 }

// TrackingClaim is what a store found and did when a process asked for the
// right to create an incident's tracking issue; like FilingClaim, only one
// process at a time holds it.
type TrackingClaim struct {
	// Issue is the tracking issue as stored, created (with its UUID) when
	// the incident had none.
	Issue TrackingIssue
	// Held reports that the caller's token now holds the claim; false when
	// the issue is already filed or another process holds a live claim.
	Held bool
	// Busy reports a live claim under another token.
	Busy  bool
	Since time.Time
	// TookOver reports that an expired claim of another token was replaced:
	// that process may have created the issue before it stopped.
	TookOver bool
}
