package github

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	gh "github.com/google/go-github/v60/github"
)

// maxPages stops a listing whose Link headers never end; finishing early
// would risk a duplicate, so it is an error.
const maxPages = 5000

// eachPage calls first, then follows each response's rel="next" link as
// given, until there is none. Following the link itself, rather than
// counting pages, keeps working whatever the server puts in it.
func eachPage[T any](ctx context.Context, c *Client, notify func(string), first func() ([]T, *gh.Response, error), fn func([]T)) error {
	page, resp, err := retried(ctx, c, notify, first)
	seen := map[string]bool{}
	for {
		if err != nil {
			return err
		}
		fn(page)
		next := nextLink(resp)
		if next == "" {
			return nil
		}
		if seen[next] || len(seen) >= maxPages {
			return fmt.Errorf("listing did not end after %d pages (next: %s)", len(seen)+1, next)
		}
		seen[next] = true
		page, resp, err = retried(ctx, c, notify, func() ([]T, *gh.Response, error) {
			req, err := c.gh.NewRequest(http.MethodGet, next, nil)
			if err != nil {
				return nil, nil, err
			}
			var out []T
			resp, err := c.gh.Do(ctx, req, &out)
			return out, resp, err
		})
	}
}

// nextLink is the rel="next" target of a response's Link headers, or "".
func nextLink(resp *gh.Response) string {
	if resp == nil || resp.Response == nil {
		return ""
	}
	for _, header := range resp.Header.Values("Link") {
		for _, link := range strings.Split(header, ",") {
			target, params, ok := strings.Cut(strings.TrimSpace(link), ";")
			target = strings.TrimSpace(target)
			if !ok || !strings.HasPrefix(target, "<") || !strings.HasSuffix(target, ">") {
				continue
			}
			for _, p := range strings.Split(params, ";") {
				k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
				if strings.EqualFold(k, "rel") && hasWord(strings.Trim(v, `"`), "next") {
					return target[1 : len(target)-1]
				}
			}
		}
	}
	return ""
}

func hasWord(s, w string) bool {
	for _, f := range strings.Fields(s) {
		if strings.EqualFold(f, w) {
			return true
		}
	}
	return false
}
