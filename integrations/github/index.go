package github

import (
	"context"
	"time"

	gh "github.com/google/go-github/v60/github"
)

// markerIndex maps an action item's uuid to the oldest issue carrying its
// marker.
type markerIndex map[string]*gh.Issue

// sinceSlack widens the listing window for clock skew between this machine
// and GitHub, and for items whose creation time was rewritten (imports).
const sinceSlack = 48 * time.Hour

// indexMarkers lists every issue and pull request of repo updated since
// since (state=all, following the Link headers page by page) and indexes the
// markers in their bodies. An issue made for an item cannot have been
// updated before the item existed, so since, derived from the items'
// creation, narrows the listing without missing one. The label is not used
// as a filter: a person may have removed it.
func (c *Client) indexMarkers(ctx context.Context, repo Repo, since time.Time, notify func(string)) (markerIndex, error) {
	idx := markerIndex{}
	opt := &gh.IssueListByRepoOptions{
		State: "all", Sort: "created", Direction: "asc", Since: since,
		ListOptions: gh.ListOptions{PerPage: c.pageSize},
	}
	err := eachPage(ctx, c, notify, func() ([]*gh.Issue, *gh.Response, error) {
		return c.gh.Issues.ListByRepo(ctx, repo.Owner, repo.Name, opt)
	}, func(page []*gh.Issue) {
		for _, iss := range page {
			if iss.IsPullRequest() {
				continue
			}
			uuid := markerIn(iss.GetBody())
			if uuid == "" {
				continue
			}
			if prev, ok := idx[uuid]; !ok || iss.GetNumber() < prev.GetNumber() {
				idx[uuid] = iss
			}
		}
	})
	if err != nil {
		return nil, c.repoError(repo, "list issues", err)
	}
	return idx, nil
}
