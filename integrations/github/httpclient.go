package github

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Timeouts of the one HTTP client: a dead host fails fast, a slow answer
// fails within a request's budget, and retries are decided above it.
const (
	dialTimeout           = 10 * time.Second
	tlsTimeout            = 10 * time.Second
	responseHeaderTimeout = 30 * time.Second
	requestTimeout        = 60 * time.Second
)

// NewHTTPClient returns the HTTP client scribe talks to GitHub with.
func NewHTTPClient() *http.Client {
	tr := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout:   tlsTimeout,
		ResponseHeaderTimeout: responseHeaderTimeout,
		ExpectContinueTimeout: time.Second,
		IdleConnTimeout:       90 * time.Second,
		MaxIdleConns:          10,
		ForceAttemptHTTP2:     true,
	}
	return &http.Client{Transport: tr, Timeout: requestTimeout}
}

// authTransport adds the token only to requests for the API's own host
// and scheme, so that a redirect elsewhere (a transferred issue on another
// host, a proxy page) never carries it, and neither does a redirect or a
// pagination link that turns https into plain http on the same host.
type authTransport struct {
	base  http.RoundTripper
	api   *url.URL
	token Token
}

func (t *authTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if t.token.Empty() || !strings.EqualFold(req.URL.Host, t.api.Host) ||
		!strings.EqualFold(req.URL.Scheme, t.api.Scheme) || !secureScheme(req.URL) {
		return t.base.RoundTrip(req)
	}
	req = req.Clone(req.Context())
	req.Header.Set("Authorization", "Bearer "+t.token.value)
	return t.base.RoundTrip(req)
}

// limitTransport turns rate-limit refusals into typed errors before
// go-github sees them. go-github would otherwise remember a secondary limit
// against the wall clock and refuse requests itself, and it does not map
// 429 at all; here both kinds are decided once, from the headers GitHub
// documents.
type limitTransport struct {
	base http.RoundTripper
	now  func() time.Time // the client's clock
}

func (t *limitTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	if err != nil || (resp.StatusCode != http.StatusForbidden && resp.StatusCode != http.StatusTooManyRequests) {
		return resp, err
	}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(body))
	if lerr := classifyLimit(req, resp, body, t.now()); lerr != nil {
		return nil, lerr
	}
	return resp, nil
}

// classifyLimit follows GitHub's rules: X-RateLimit-Remaining 0 means the
// primary quota is spent until X-RateLimit-Reset (checked first, as
// go-github does, so a spent quota never turns into minutes of retries);
// Retry-After means wait that long; a 403 naming the secondary limit or any
// 429 otherwise means wait at least a minute. now is the client's clock, for
// a Retry-After given as a date.
func classifyLimit(req *http.Request, resp *http.Response, body []byte, now time.Time) error {
	h := resp.Header
	retryAfter, hasRetryAfter := parseRetryAfter(h.Get("Retry-After"), now)
	remaining := strings.TrimSpace(h.Get("X-RateLimit-Remaining"))
	switch {
	case remaining == "0":
		return &RateLimitError{Reset: parseReset(h.Get("X-RateLimit-Reset")), Limit: atoi(h.Get("X-RateLimit-Limit")), seen: now}
	case hasRetryAfter:
		return &SecondaryLimitError{RetryAfter: retryAfter, Status: resp.StatusCode, op: opName(req)}
	case resp.StatusCode == http.StatusTooManyRequests || mentionsSecondaryLimit(body):
		return &SecondaryLimitError{RetryAfter: time.Minute, Status: resp.StatusCode, op: opName(req)}
	}
	return nil
}

func mentionsSecondaryLimit(body []byte) bool {
	b := strings.ToLower(string(body))
	return strings.Contains(b, "secondary rate limit") || strings.Contains(b, "abuse")
}

// parseRetryAfter reads seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(n) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

func parseReset(v string) time.Time {
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || n <= 0 {
		return time.Time{}
	}
	return time.Unix(n, 0)
}

func atoi(v string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(v))
	return n
}

// opName describes a request without its query, which is where a secret
// would travel if anything ever put one there.
func opName(req *http.Request) string {
	u := *req.URL
	u.RawQuery, u.User = "", nil
	return req.Method + " " + (&url.URL{Path: u.Path}).String()
}
