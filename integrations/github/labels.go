package github

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	gh "github.com/google/go-github/v60/github"
)

// labelColors give scribe's own labels a recognisable look; other labels
// get GitHub's neutral grey.
var labelColors = map[string]string{
	FollowupLabel: "d93f0b",
	"sev1":        "b60205",
	"sev2":        "d93f0b",
	"sev3":        "fbca04",
	"sev4":        "0e8a16",
	"sev5":        "c5def5",
}

// ensureLabels makes sure each wanted label exists in repo, creating the
// missing ones, and returns the names to put on issues, spelled as the
// repository spells them. A label GitHub refuses to create is still asked
// for (GitHub applies it when it can and silently drops it otherwise) and
// is returned in refused, so a create rejected because of it can be retried
// without it; a warning names it. Only a failure that would stop every
// later request (rate limit, bad credentials) is returned as an error.
func (c *Client) ensureLabels(ctx context.Context, repo Repo, want []string, notify func(string)) (use, refused, warnings []string, err error) {
	have, err := c.labels(ctx, repo, notify)
	if err != nil {
		if stopsRun(err) {
			return nil, nil, nil, err
		}
		warnings = append(warnings, fmt.Sprintf("could not list the labels of %s (%s): asking for %s as given",
			repo, scrubString(describe(err), c.token), strings.Join(want, ", ")))
		return want, nil, warnings, nil
	}
	for _, name := range want {
		if existing, ok := have[strings.ToLower(name)]; ok {
			use = append(use, existing)
			continue
		}
		color := labelColors[strings.ToLower(name)]
		if color == "" {
			color = "ededed"
		}
		label := &gh.Label{Name: gh.String(name), Color: gh.String(color), Description: gh.String("Filed by scribe")}
		_, _, cerr := retried(ctx, c, notify, func() (*gh.Label, *gh.Response, error) {
			return c.gh.Issues.CreateLabel(ctx, repo.Owner, repo.Name, label)
		})
		switch {
		case cerr == nil:
			have[strings.ToLower(name)] = name
		case alreadyExists(cerr):
		case stopsRun(cerr):
			return nil, nil, nil, cerr
		default:
			refused = append(refused, name)
			warnings = append(warnings, fmt.Sprintf("label %q could not be created in %s (%s): filing without it where GitHub will not apply it",
				name, repo, scrubString(describe(cerr), c.token)))
		}
		use = append(use, name)
	}
	return use, refused, warnings, nil
}

// labels lists the repository's labels by lower-case name.
func (c *Client) labels(ctx context.Context, repo Repo, notify func(string)) (map[string]string, error) {
	out := map[string]string{}
	opt := &gh.ListOptions{PerPage: c.pageSize}
	err := eachPage(ctx, c, notify, func() ([]*gh.Label, *gh.Response, error) {
		return c.gh.Issues.ListLabels(ctx, repo.Owner, repo.Name, opt)
	}, func(page []*gh.Label) {
		for _, l := range page {
			out[strings.ToLower(l.GetName())] = l.GetName()
		}
	})
	return out, err
}

// alreadyExists is a 422 saying the label exists: another run, or a case
// difference, got there first.
func alreadyExists(err error) bool {
	var er *gh.ErrorResponse
	if statusOf(err) != http.StatusUnprocessableEntity || !asErrorResponse(err, &er) {
		return false
	}
	for _, e := range er.Errors {
		if e.Code == "already_exists" {
			return true
		}
	}
	return false
}
