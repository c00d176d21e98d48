package github

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
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
//
// Plain http is accepted only for a loopback API (ParseAPIURL), and this
// client makes sure such a request stays on the machine: it never goes
// through a proxy from the environment (HTTP_PROXY may be another machine,
// and Go's proxy rules take "LOCALHOST" or "localhost." for remote names),
// and it connects only to a loopback address, whatever a name resolves
// to. https requests use the environment's proxy as usual.
func NewHTTPClient() *http.Client {
	secure := newTransport(http.ProxyFromEnvironment, (&net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second}).DialContext)
	plain := newTransport(nil, localDial(&net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second, Control: loopbackOnly}))
	return &http.Client{Transport: schemeTransport{secure: secure, plain: plain}, Timeout: requestTimeout}
}

type dialFunc func(ctx context.Context, network, address string) (net.Conn, error)

func newTransport(proxy func(*http.Request) (*url.URL, error), dial dialFunc) *http.Transport {
	return &http.Transport{
		Proxy:                 proxy,
		DialContext:           dial,
		TLSHandshakeTimeout:   tlsTimeout,
		ResponseHeaderTimeout: responseHeaderTimeout,
		ExpectContinueTimeout: time.Second,
		IdleConnTimeout:       90 * time.Second,
		MaxIdleConns:          10,
		ForceAttemptHTTP2:     true,
	}
}

// schemeTransport sends https requests through secure and every other one
// (plain http) through plain.
type schemeTransport struct {
	secure, plain http.RoundTripper
}

func (t schemeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if strings.EqualFold(req.URL.Scheme, "https") {
		return t.secure.RoundTrip(req)
	}
	return t.plain.RoundTrip(req)
}

// localDial dials with d, reading any spelling of localhost (LOCALHOST,
// localhost.) as the one name the system resolves locally: a fully
// qualified "localhost." would otherwise be asked of the DNS server.
func localDial(d *net.Dialer) dialFunc {
	return func(ctx context.Context, network, address string) (net.Conn, error) {
		if host, port, err := net.SplitHostPort(address); err == nil && strings.EqualFold(strings.TrimSuffix(host, "."), "localhost") {
			address = net.JoinHostPort("localhost", port)
		}
		return d.DialContext(ctx, network, address)
	}
}

// loopbackOnly is a dialer's Control for plain http: the address it is
// about to connect to (after name resolution) must be a loopback one.
func loopbackOnly(_, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		host = address
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("plain http to %s refused: it is not a loopback address, and the GitHub token is never sent unencrypted over a network", address)
	}
	return nil
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
