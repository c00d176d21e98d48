package github

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"time"

	gh "github.com/google/go-github/v60/github"
)

// Config says where and how to reach GitHub. Zero values mean the defaults.
type Config struct {
	// APIURL is GITHUB_API_URL; "" means github.com.
	APIURL string
	Token  Token
	// HTTPClient is copied, never modified; nil means NewHTTPClient().
	HTTPClient *http.Client
	// Sleep waits between retries; tests replace it to run fast.
	Sleep func(context.Context, time.Duration) error
	Now   func() time.Time
	// Attempts is how often one request is tried (default 5).
	Attempts int
	// MaxWait caps one wait between tries (default one minute).
	MaxWait time.Duration
	// PageSize is per_page for listings (default 100, GitHub's maximum).
	PageSize int
}

// Client is a GitHub API client for scribe's few calls, with retries.
type Client struct {
	api      *url.URL
	gh       *gh.Client
	token    Token
	retry    retryPolicy
	now      func() time.Time
	pageSize int
}

// NewClient checks cfg and builds a client; it makes no request.
func NewClient(cfg Config) (*Client, error) {
	api, err := ParseAPIURL(cfg.APIURL)
	if err != nil {
		return nil, err
	}
	if cfg.Token.Empty() {
		return nil, noToken("")
	}
	if err := cfg.Token.Check(); err != nil {
		return nil, err
	}
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	hc := cfg.HTTPClient
	if hc == nil {
		hc = NewHTTPClient()
	}
	copied := *hc
	base := copied.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	copied.Transport = &limitTransport{now: now, base: &authTransport{base: base, api: api, token: cfg.Token}}

	g := gh.NewClient(&copied)
	g.BaseURL = api
	g.UploadURL = api
	g.UserAgent = "scribe"

	c := &Client{
		api:      api,
		gh:       g,
		token:    cfg.Token,
		now:      now,
		pageSize: cfg.PageSize,
		retry: retryPolicy{
			attempts: cfg.Attempts,
			base:     time.Second,
			maxWait:  cfg.MaxWait,
			sleep:    cfg.Sleep,
		},
	}
	if c.pageSize <= 0 || c.pageSize > 100 {
		c.pageSize = 100
	}
	if c.retry.attempts <= 0 {
		c.retry.attempts = 5
	}
	if c.retry.maxWait <= 0 {
		c.retry.maxWait = time.Minute
	}
	if c.retry.sleep == nil {
		c.retry.sleep = sleepContext
	}
	return c, nil
}

// APIURL is the API root in use.
func (c *Client) APIURL() string { return c.api.String() }

// retried runs call until it succeeds, fails for good, or the retry budget
// is spent. Only calls that are safe to repeat go through here; creating an
// issue has its own loop because a failed create may have succeeded.
func retried[T any](ctx context.Context, c *Client, notify func(string), call func() (T, *gh.Response, error)) (T, *gh.Response, error) {
	for attempt := 1; ; attempt++ {
		v, resp, err := call()
		if err == nil {
			return v, resp, nil
		}
		wait, again := c.retry.backoff(attempt, err)
		if !again {
			return v, resp, err
		}
		if notify != nil {
			notify(retryMessage(c, err, wait, attempt))
		}
		if serr := c.retry.sleep(ctx, wait); serr != nil {
			return v, resp, serr
		}
	}
}

func retryMessage(c *Client, err error, wait time.Duration, attempt int) string {
	return fmt.Sprintf("%s; retrying in %s (try %d of %d)", scrubString(describe(err), c.token), wait, attempt+1, c.retry.attempts)
}
