package github

import (
	"context"
	"time"
)

// FromEnv builds a client the way the CLI and the TUI both do: the API root
// from GITHUB_API_URL, the token from GH_TOKEN, GITHUB_TOKEN or
// `gh auth token`. getenv is the environment to read; now may be nil.
func FromEnv(ctx context.Context, getenv func(string) string, now func() time.Time) (*Client, error) {
	api, err := ParseAPIURL(getenv("GITHUB_API_URL"))
	if err != nil {
		return nil, err
	}
	tok, err := FindToken(ctx, getenv, WebHost(api))
	if err != nil {
		return nil, err
	}
	return NewClient(Config{APIURL: api.String(), Token: tok, Now: now})
}
