package github

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"time"

	gh "github.com/google/go-github/v60/github"

	"scribe/incident"
)

// RateLimitError is GitHub's primary quota spent: nothing can succeed before
// Reset, so a run stops at once.
type RateLimitError struct {
	Reset time.Time // zero when GitHub did not say
	Limit int
	// seen is when the limit was met, by the client's clock; the message
	// says how long from then the reset is (nothing when zero).
	seen time.Time
}

func (e *RateLimitError) Error() string {
	msg := "GitHub API rate limit exceeded"
	if e.Limit > 0 {
		msg += fmt.Sprintf(" (%d requests an hour)", e.Limit)
	}
	if e.Reset.IsZero() {
		return msg + "; try again later"
	}
	return msg + "; it resets at " + describeTime(e.Reset, e.seen)
}

// describeTime names a moment in local time and UTC, with how far off it is
// from now (left out when now is zero).
func describeTime(t, now time.Time) string {
	local, utc := t.Local(), t.UTC()
	s := local.Format("2006-01-02 15:04:05 MST")
	if local.Location() != time.UTC && local.Format("MST") != "UTC" {
		s += " (" + utc.Format("15:04:05 UTC") + ")"
	}
	if d := t.Sub(now).Round(time.Second); !now.IsZero() && d > 0 {
		s += ", in " + d.String()
	}
	return s
}

// SecondaryLimitError is GitHub asking the client to slow down: the request
// was refused, not carried out, and may be retried after RetryAfter.
type SecondaryLimitError struct {
	RetryAfter time.Duration
	Status     int
	op         string
}

func (e *SecondaryLimitError) Error() string {
	return fmt.Sprintf("%s: GitHub secondary rate limit (HTTP %d), asked to wait %s", e.op, e.Status, e.RetryAfter)
}

// BadCredentialsError is a 401: the token is wrong, expired or revoked.
type BadCredentialsError struct{ source string }

func (e *BadCredentialsError) Error() string {
	return "GitHub rejected the token from " + e.source + " (401 bad credentials): check that it is valid, not expired, and has access to the repository"
}

// asRateLimit finds a primary rate limit in err, including go-github's own
// type (which it returns without a request when it already knows the quota
// is spent).
func asRateLimit(err error) (*RateLimitError, bool) {
	var rl *RateLimitError
	if errors.As(err, &rl) {
		return rl, true
	}
	var grl *gh.RateLimitError
	if errors.As(err, &grl) {
		return &RateLimitError{Reset: grl.Rate.Reset.Time, Limit: grl.Rate.Limit}, true
	}
	return nil, false
}

func isRateLimit(err error) bool {
	_, ok := asRateLimit(err)
	return ok
}

// asSecondary finds a secondary rate limit in err, including go-github's
// AbuseRateLimitError.
func asSecondary(err error) (*SecondaryLimitError, bool) {
	var sl *SecondaryLimitError
	if errors.As(err, &sl) {
		return sl, true
	}
	var ab *gh.AbuseRateLimitError
	if errors.As(err, &ab) {
		wait := time.Minute
		if ab.RetryAfter != nil {
			wait = max(*ab.RetryAfter, 0)
		}
		return &SecondaryLimitError{RetryAfter: wait, Status: http.StatusForbidden, op: "request"}, true
	}
	return nil, false
}

// statusOf is the HTTP status of a GitHub error response, or 0.
func statusOf(err error) int {
	var er *gh.ErrorResponse
	if errors.As(err, &er) && er.Response != nil {
		return er.Response.StatusCode
	}
	return 0
}

// transient reports whether err may go away on its own: a 5xx, a dropped
// connection, a timeout. For a create it is also ambiguous: GitHub may have
// made the issue.
func transient(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) || refused(err) {
		return false
	}
	if s := statusOf(err); s >= 500 {
		return true
	}
	if statusOf(err) != 0 {
		return false
	}
	if _, ok := asRateLimit(err); ok {
		return false
	}
	if _, ok := asSecondary(err); ok {
		return false
	}
	var ue *url.Error
	var ne net.Error
	return errors.As(err, &ue) || errors.As(err, &ne) || errors.Is(err, context.DeadlineExceeded)
}

// refused reports a connection the API host (or the proxy) turned away:
// nothing listens there, which waiting does not change, and no request was
// sent, so nothing can have been made.
func refused(err error) bool { return errors.Is(err, syscall.ECONNREFUSED) }

// describeRefused says which address refused, and what to check.
func describeRefused(err error) string {
	host := "the GitHub API"
	var ue *url.Error
	if errors.As(err, &ue) {
		if u, perr := url.Parse(ue.URL); perr == nil && u.Host != "" {
			host = u.Host
		}
	}
	return "cannot connect to " + host + ": connection refused (nothing listens there: check GITHUB_API_URL, its port, and that the server is up)"
}

// describe turns a GitHub error into one line for a person. go-github's
// messages carry the request URL; the token is never in a URL, but every
// message is scrubbed of it anyway before it leaves the package.
func describe(err error) string {
	if refused(err) {
		return describeRefused(err)
	}
	if rl, ok := asRateLimit(err); ok {
		return rl.Error()
	}
	var sl *SecondaryLimitError
	if errors.As(err, &sl) {
		return fmt.Sprintf("GitHub secondary rate limit (HTTP %d), asked to wait %s", sl.Status, sl.RetryAfter)
	}
	var er *gh.ErrorResponse
	if errors.As(err, &er) && er.Response != nil {
		msg := fmt.Sprintf("HTTP %d", er.Response.StatusCode)
		if er.Message != "" {
			msg += " " + serverText(er.Message)
		}
		var details []string
		for _, e := range er.Errors {
			d := e.Message
			if d == "" {
				d = strings.TrimSpace(e.Field + " " + e.Code)
			}
			if d = serverText(d); d != "" {
				details = append(details, d)
			}
			if len(details) == maxDetails {
				break
			}
		}
		if len(details) > 0 {
			msg += ": " + strings.Join(details, "; ")
		}
		return msg
	}
	return serverText(err.Error())
}

// maxDetails and maxServerText bound what of a server's answer reaches a
// message: enough to act on, not a page.
const (
	maxDetails    = 5
	maxServerText = 300
)

// serverText makes text from the server (or an error quoting it) fit for a
// message on a terminal and in the store: one line, no escape sequences or
// controls (incident.PlainText), and at most maxServerText characters. A
// server is not trusted to send only what GitHub would.
func serverText(s string) string {
	s = strings.Join(strings.Fields(incident.PlainText(s)), " ")
	if r := []rune(s); len(r) > maxServerText {
		s = string(r[:maxServerText]) + "…"
	}
	return s
}

// secretError replaces every occurrence of the token in a message, keeping
// the chain underneath for errors.As.
type secretError struct {
	msg string
	err error
}

func (e *secretError) Error() string { return e.msg }
func (e *secretError) Unwrap() error { return e.err }

// annotate says what was being done, then what GitHub answered, keeping
// err underneath for errors.As.
func (c *Client) annotate(err error, format string, args ...any) error {
	return &secretError{msg: scrubString(fmt.Sprintf(format, args...)+": "+describe(err), c.token), err: err}
}

func scrub(err error, tok Token) error {
	if err == nil {
		return nil
	}
	return &secretError{msg: scrubString(err.Error(), tok), err: err}
}

func scrubString(s string, tok Token) string {
	if tok.value == "" {
		return s
	}
	return strings.ReplaceAll(s, tok.value, "[redacted]")
}

func asErrorResponse(err error, target **gh.ErrorResponse) bool { return errors.As(err, target) }

// stopsRun reports whether err dooms every later request of the run too:
// a spent quota, a secondary limit that outlasted the retries, a rejected
// token, a cancelled run.
func stopsRun(err error) bool {
	if _, ok := asRateLimit(err); ok {
		return true
	}
	if _, ok := asSecondary(err); ok {
		return true
	}
	var bc *BadCredentialsError
	return errors.As(err, &bc) || statusOf(err) == http.StatusUnauthorized || errors.Is(err, context.Canceled) || refused(err)
}

// repoError explains a failure of a repository-wide call (listing labels or
// issues), where 404 and 410 are about the repository, not one item.
func (c *Client) repoError(repo Repo, op string, err error) error {
	switch statusOf(err) {
	case http.StatusUnauthorized:
		return &BadCredentialsError{source: c.token.Source()}
	case http.StatusNotFound:
		return scrub(fmt.Errorf("repository %s not found, or the token from %s cannot see it", repo, c.token.Source()), c.token)
	case http.StatusGone:
		return scrub(fmt.Errorf("repository %s has issues turned off (HTTP 410)", repo), c.token)
	}
	if rl, ok := asRateLimit(err); ok {
		return rl
	}
	return c.annotate(err, "%s in %s", op, repo)
}
