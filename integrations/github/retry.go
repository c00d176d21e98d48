package github

import (
	"context"
	"time"
)

// retryPolicy bounds how often and how long a request is retried: only
// transient faults and secondary rate limits, at most attempts tries, and
// never a wait longer than maxWait (a longer Retry-After ends the retries,
// since sitting silent for many minutes helps nobody).
type retryPolicy struct {
	attempts int
	base     time.Duration
	maxWait  time.Duration
	sleep    func(context.Context, time.Duration) error
}

// backoff says whether the request that just failed with err on try
// attempt (1-based) should be tried again, and after how long.
func (p retryPolicy) backoff(attempt int, err error) (time.Duration, bool) {
	if attempt >= p.attempts {
		return 0, false
	}
	if sl, ok := asSecondary(err); ok {
		if sl.RetryAfter > p.maxWait {
			return 0, false
		}
		return sl.RetryAfter, true
	}
	if !transient(err) {
		return 0, false
	}
	wait := p.base << (attempt - 1)
	if wait > p.maxWait || wait <= 0 {
		wait = p.maxWait
	}
	return wait, true
}

// sleepContext waits for d or until ctx ends.
func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
