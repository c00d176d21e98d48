package incident

import "errors"

// ErrQueued is what errors.Is finds in the error of a write that was kept
// in the local outbox, because the team database could not be reached,
// instead of being applied: it will be, later, exactly once. A screen shows
// such a write as pending, not as failed; `scribe log` exits 75.
var ErrQueued = errors.New("queued for the team database")
