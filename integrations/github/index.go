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

// indexMarkers lists the repository's issues (state=all, following the Link
// headers page by page) and indexes the markers in their bodies. Two
// listings are merged: the issues labelled incident-followup, whatever
// their age, and every issue updated since since. An issue made for an item
// cannot have been updated before the item existed, so the second listing,
// narrowed by the items' creation, finds even an issue whose label a person
// removed; the first still finds labelled issues should a server (or a
// clock) get updated_at wrong. The search API is not used: its index lags.
// Only issues opened by authors count (see issueAuthors).
func (c *Client) indexMarkers(ctx context.Context, repo Repo, since time.Time, authors issueAuthors, notify func(string)) (markerIndex, error) {
	idx := markerIndex{}
	for _, opt := range []*gh.IssueListByRepoOptions{
		{State: "all", Labels: []string{FollowupLabel}, Sort: "created", Direction: "asc", ListOptions: gh.ListOptions{PerPage: c.pageSize}},
		{State: "all", Since: since, Sort: "created", Direction: "asc", ListOptions: gh.ListOptions{PerPage: c.pageSize}},
	} {
		err := eachPage(ctx, c, notify, func() ([]*gh.Issue, *gh.Response, error) {
			return c.gh.Issues.ListByRepo(ctx, repo.Owner, repo.Name, opt)
		}, func(page []*gh.Issue) { idx.add(page, authors) })
		if err != nil {
			return nil, c.repoError(repo, "list issues", err)
		}
	}
	return idx, nil
}

// add indexes the markers of a page of issues, keeping the oldest issue per
// marker; pull requests are skipped, since a marker quoted in one does not
// file anything, and so are issues opened by anyone but authors.
func (idx markerIndex) add(page []*gh.Issue, authors issueAuthors) {
	for _, iss := range page {
		if iss.IsPullRequest() || !authors.trusted(iss) {
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
}
