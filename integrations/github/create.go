package github

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"

	gh "github.com/google/go-github/v60/github"
)

// create files one issue. A create that fails ambiguously (5xx, dropped
// connection, timeout) may still have made the issue, so before trying
// again the repository is listed afresh and a marker found there is taken
// as the answer. found reports that the issue came from the listing.
//
// cl is this run's claim on the item, renewed before every retry. When it
// was taken over from a run that died (tookOver), that run may have made
// the issue after this run's listing, so the repository is listed again
// first.
func (r *run) create(ctx context.Context, p Planned, cl *claim, tookOver bool) (iss *gh.Issue, found bool, err error) {
	c := r.f.c
	if tookOver {
		r.note(fmt.Sprintf("%q: an earlier scribe run stopped while filing it; checking GitHub for its issue", p.Title))
		if got, ok, lerr := r.relist(ctx, p); lerr != nil || ok {
			if lerr != nil {
				cl.maybeCreated = true // still unknown: the next claimer must look too
			}
			return got, ok, lerr
		}
	}
	if err := r.f.markSent(ctx, p.Item, r.repo); err != nil {
		return nil, false, err
	}
	labels := slices.Clone(r.labels.use)
	req := &gh.IssueRequest{Title: gh.String(p.Title), Body: gh.String(p.Body), Labels: &labels}
	if p.Assignee != "" {
		req.Assignees = &[]string{p.Assignee}
	}
	for attempt := 1; ; attempt++ {
		if cl.sent {
			if rerr := cl.renew(ctx); rerr != nil {
				return nil, false, rerr
			}
		}
		cl.sent = true
		iss, _, err = c.gh.Issues.Create(ctx, r.repo.Owner, r.repo.Name, req)
		if err == nil {
			return iss, false, nil
		}
		cl.attempted(err)
		if req.Assignees != nil && assigneeRefused(err) {
			r.note(fmt.Sprintf("%q: GitHub cannot assign @%s (%s); filing unassigned", p.Title, p.Assignee, describe(err)))
			req.Assignees = nil
			attempt--
			continue
		}
		if len(r.labels.refused) > 0 && labelsRefused(err) {
			r.note(fmt.Sprintf("%q: GitHub will not apply %s (%s); filing without", p.Title, strings.Join(r.labels.refused, ", "), describe(err)))
			r.labels.dropRefused()
			labels = slices.Clone(r.labels.use)
			attempt--
			continue
		}
		if statusOf(err) == http.StatusUnauthorized {
			return nil, false, &BadCredentialsError{source: c.token.Source()}
		}
		wait, again := c.retry.backoff(attempt, err)
		if !again {
			return nil, false, c.annotate(err, "create issue in %s", r.repo)
		}
		r.note(fmt.Sprintf("%q: %s", p.Title, retryMessage(c, err, wait, attempt)))
		if serr := c.retry.sleep(ctx, wait); serr != nil {
			return nil, false, serr
		}
		if transient(err) {
			got, ok, lerr := r.relist(ctx, p)
			if lerr != nil {
				return nil, false, scrub(fmt.Errorf("create issue in %s failed (%s) and checking whether it was made anyway failed: %w",
					r.repo, describe(err), lerr), c.token)
			}
			if ok {
				return got, true, nil
			}
		}
	}
}

// relist lists the run's repository again, merges what it finds into the
// run's index, and returns the item's issue when it is there.
func (r *run) relist(ctx context.Context, p Planned) (*gh.Issue, bool, error) {
	fresh, err := r.f.c.indexMarkers(ctx, r.repo, r.since, r.authors, r.note)
	if err != nil {
		return nil, false, err
	}
	for k, v := range fresh {
		r.idx[k] = v
	}
	iss, ok := fresh[p.Item.UUID]
	return iss, ok, nil
}

// assigneeRefused is a 422 about the assignee: not a collaborator, or no
// such user. The issue is still worth filing.
func assigneeRefused(err error) bool {
	var er *gh.ErrorResponse
	if statusOf(err) != http.StatusUnprocessableEntity || !asErrorResponse(err, &er) {
		return false
	}
	for _, e := range er.Errors {
		if strings.HasPrefix(e.Field, "assignee") || strings.Contains(strings.ToLower(e.Message), "assignee") {
			return true
		}
	}
	return strings.Contains(strings.ToLower(er.Message), "assignee")
}

// labelPlan is the labels every issue of a run asks for, and those among
// them GitHub refused to create; once a create rejects those, later items go
// without them.
type labelPlan struct {
	use, refused []string
}

func (l *labelPlan) dropRefused() {
	l.use = slices.DeleteFunc(l.use, func(name string) bool { return slices.Contains(l.refused, name) })
	l.refused = nil
}

// labelsRefused is a 422 about labels.
func labelsRefused(err error) bool {
	var er *gh.ErrorResponse
	if statusOf(err) != http.StatusUnprocessableEntity || !asErrorResponse(err, &er) {
		return false
	}
	for _, e := range er.Errors {
		if strings.HasPrefix(e.Field, "label") || strings.Contains(strings.ToLower(e.Message), "label") {
			return true
		}
	}
	return strings.Contains(strings.ToLower(er.Message), "label")
}
