package incident

import "time"

// FilingClaim is what a store found and did when a process asked for the
// right to create an action item's GitHub issue: only one process at a time
// may hold it, so two runs of scribe github file never both create one.
type FilingClaim struct {
	// Item is the action item as stored at the moment of the claim.
	Item ActionItem
	// Held reports that the caller's token now holds the claim. It is false
	// when the item already has an issue (nothing to file) or when another
	// token holds a live claim (Busy).
	Held bool
	// Busy reports a claim younger than the lease under another token:
	// another process is filing the item right now.
	Busy bool
	// Since is when the other claim was taken, when Busy.
	Since time.Time
	// TookOver reports that an expired claim under another token was
	// replaced: its process may have created the issue before it died, so
	// the caller should look for it before creating another.
	TookOver bool
}
