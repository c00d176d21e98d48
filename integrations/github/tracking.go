package github

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	gh "github.com/google/go-github/v60/github"

	"scribe/incident"
)

// The tracking issue of an incident (scribe github file --tracking) holds
// its summary, metrics, postmortem link and a task list of its follow-ups,
// and is filed exactly once by the same three guarantees as a follow-up:
// a marker on its last line (TrackingMarker) found by listing the
// repository before any create, the issue number recorded the moment the
// create returns, and a claim in the store so that two processes never
// create it together. Afterwards it is only ever edited in place: a later
// --tracking run or github sync rewrites scribe's part of its body (between
// trackingBegin and trackingEnd) and keeps the rest.

// TrackingStore is what the tracking issue needs from scribe's database;
// *store.Store satisfies it.
type TrackingStore interface {
	Snapshot(ctx context.Context, id int64) (incident.Snapshot, error)
	TrackingIssue(ctx context.Context, incidentID int64) (incident.TrackingIssue, error)
	ClaimTracking(ctx context.Context, incidentID int64, token string, lease time.Duration) (incident.TrackingClaim, error)
	ReleaseTracking(ctx context.Context, incidentID int64, token string, maybeCreated bool) error
	UpdateTrackingIssue(ctx context.Context, incidentID int64, fn func(*incident.TrackingIssue) error) (incident.TrackingIssue, error)
}

// Tracker files and updates tracking issues.
type Tracker struct {
	c  *Client
	st TrackingStore
}

// NewTracker works through c and records in st.
func NewTracker(c *Client, st TrackingStore) *Tracker { return &Tracker{c: c, st: st} }

// TrackOptions say where and what to file.
type TrackOptions struct {
	Repo Repo
	// Labels are added to TrackingLabel and the severity label.
	Labels []string
	// PostmortemURL, when set, is linked (and kept for later rewrites);
	// empty keeps the link recorded before.
	PostmortemURL string
	// Summarize, when set, writes the summary (blameless, say); nil uses
	// the incident's summary as typed.
	Summarize func(incident.Snapshot) string
}

// TrackResult is what a run did to the tracking issue.
type TrackResult struct {
	Issue   incident.TrackingIssue
	Created bool // filed by this run
	Linked  bool // found on GitHub by its marker and recorded
	Edited  bool // its body rewritten in place
	// Elsewhere is set when the issue stays in another repository than
	// the one asked for: it is never filed a second time.
	Elsewhere string
	None      bool // Sync only: the incident has no tracking issue
}

// TrackingBusyError is a tracking issue another scribe process is filing.
type TrackingBusyError struct{ Incident int64 }

func (e *TrackingBusyError) Error() string {
	return fmt.Sprintf("another scribe process is filing the tracking issue of incident %d; run again in a moment", e.Incident)
}

// File makes sure the incident has its tracking issue in opts.Repo: found
// or created exactly once, then its body brought up to date.
func (t *Tracker) File(ctx context.Context, incidentID int64, opts TrackOptions, progress func(Progress)) (TrackResult, error) {
	if progress == nil {
		progress = func(Progress) {}
	}
	note := func(msg string) { progress(Progress{Kind: ProgressNote, Message: msg}) }
	if err := (FileOptions{Repo: opts.Repo, Labels: opts.Labels, PostmortemURL: opts.PostmortemURL}).Validate(); err != nil {
		return TrackResult{}, err
	}
	token := newToken()
	cl, err := t.st.ClaimTracking(ctx, incidentID, token, claimLease)
	if err != nil {
		return TrackResult{}, fmt.Errorf("claim the tracking issue: %w", err)
	}
	switch {
	case cl.Issue.Filed():
		res := TrackResult{Issue: cl.Issue}
		if !strings.EqualFold(cl.Issue.Repo, opts.Repo.String()) {
			res.Elsewhere = cl.Issue.Repo
		}
		return t.refresh(ctx, incidentID, opts, res, note)
	case cl.Busy:
		return TrackResult{Issue: cl.Issue}, &TrackingBusyError{Incident: incidentID}
	}
	h := &trackingClaim{t: t, incidentID: incidentID, token: token}
	res, err := t.findOrCreate(ctx, incidentID, opts, cl, h, note)
	h.release(ctx)
	if err != nil {
		return res, scrub(err, t.c.token)
	}
	return t.refresh(ctx, incidentID, opts, res, note)
}

// trackingClaim is this run's hold on creating the tracking issue.
type trackingClaim struct {
	t            *Tracker
	incidentID   int64
	token        string
	maybeCreated bool
	sent         bool
}

func (h *trackingClaim) renew(ctx context.Context) error {
	got, err := h.t.st.ClaimTracking(ctx, h.incidentID, h.token, claimLease)
	if err != nil {
		return fmt.Errorf("renew the claim on the tracking issue: %w", err)
	}
	if !got.Held {
		return &TrackingBusyError{Incident: h.incidentID}
	}
	return nil
}

func (h *trackingClaim) release(ctx context.Context) {
	_ = h.t.st.ReleaseTracking(context.WithoutCancel(ctx), h.incidentID, h.token, h.maybeCreated)
}

// findOrCreate looks for the issue by its marker (in the repository an
// earlier run sent its create to, then in opts.Repo) and creates it when it
// is nowhere, recording it at once.
func (t *Tracker) findOrCreate(ctx context.Context, incidentID int64, opts TrackOptions, cl incident.TrackingClaim,
	h *trackingClaim, note func(string)) (TrackResult, error) {
	since := cl.Issue.CreatedAt.Add(-sinceSlack).UTC()
	uuid := cl.Issue.UUID
	repos := []Repo{opts.Repo}
	if prev, err := ParseRepo(cl.Issue.Repo); err == nil && !strings.EqualFold(prev.String(), opts.Repo.String()) {
		note(fmt.Sprintf("an earlier run sent the tracking issue to %s without hearing back; looking there first", prev))
		repos = []Repo{prev, opts.Repo}
	}
	authors, err := t.c.authors(ctx, note)
	if err != nil {
		return TrackResult{Issue: cl.Issue}, err
	}
	for _, r := range repos {
		iss, err := t.find(ctx, r, uuid, since, authors, note)
		if err != nil {
			if r != opts.Repo {
				return TrackResult{Issue: cl.Issue}, fmt.Errorf("the tracking issue may be in %s, where an earlier run sent it, but %s cannot be read (%w); "+
					"run again with --repo %s", r, r, err, r)
			}
			return TrackResult{Issue: cl.Issue}, err
		}
		if iss != nil {
			rec, err := t.record(ctx, incidentID, r, iss)
			res := TrackResult{Issue: rec, Linked: true}
			if r != opts.Repo {
				res.Elsewhere = r.String()
			}
			return res, err
		}
	}
	snap, err := t.st.Snapshot(ctx, incidentID)
	if err != nil {
		return TrackResult{Issue: cl.Issue}, err
	}
	labels, _, warnings, err := t.c.ensureLabels(ctx, opts.Repo, trackingLabels(snap.Incident.Severity, opts.Labels), note)
	if err != nil {
		return TrackResult{Issue: cl.Issue}, t.c.repoError(opts.Repo, "list labels", err)
	}
	for _, w := range warnings {
		note("warning: " + w)
	}
	if _, err := t.st.UpdateTrackingIssue(ctx, incidentID, func(ti *incident.TrackingIssue) error {
		ti.Repo = opts.Repo.String()
		if opts.PostmortemURL != "" {
			ti.PostmortemURL = opts.PostmortemURL
		}
		return nil
	}); err != nil {
		return TrackResult{Issue: cl.Issue}, fmt.Errorf("record where the tracking issue is being filed: %w", err)
	}
	content := t.content(snap, opts, cl.Issue.PostmortemURL)
	req := &gh.IssueRequest{
		Title:  gh.String(TrackingTitle(snap.Incident)),
		Body:   gh.String(trackingBody(trackingSection(snap, content, opts.Repo), uuid)),
		Labels: &labels,
	}
	iss, found, err := t.create(ctx, opts.Repo, uuid, since, authors, req, h, note)
	if err != nil {
		return TrackResult{Issue: cl.Issue}, err
	}
	rec, err := t.record(ctx, incidentID, opts.Repo, iss)
	return TrackResult{Issue: rec, Created: !found, Linked: found}, err
}

// create sends the create, retrying as the follow-ups' create does: a
// create that fails ambiguously may have made the issue, so the repository
// is listed again before another try.
func (t *Tracker) create(ctx context.Context, repo Repo, uuid string, since time.Time, authors issueAuthors, req *gh.IssueRequest,
	h *trackingClaim, note func(string)) (*gh.Issue, bool, error) {
	c := t.c
	for attempt := 1; ; attempt++ {
		if h.sent {
			if err := h.renew(ctx); err != nil {
				return nil, false, err
			}
		}
		h.sent = true
		iss, _, err := c.gh.Issues.Create(ctx, repo.Owner, repo.Name, req)
		if err == nil {
			return iss, false, nil
		}
		if !certainlyNotCreated(err) {
			h.maybeCreated = true
		}
		if statusOf(err) == http.StatusUnauthorized {
			return nil, false, &BadCredentialsError{source: c.token.Source()}
		}
		wait, again := c.retry.backoff(attempt, err)
		if !again {
			return nil, false, c.annotate(err, "create the tracking issue in %s", repo)
		}
		note(fmt.Sprintf("tracking issue: %s", retryMessage(c, err, wait, attempt)))
		if serr := c.retry.sleep(ctx, wait); serr != nil {
			return nil, false, serr
		}
		if transient(err) {
			got, lerr := t.find(ctx, repo, uuid, since, authors, note)
			if lerr != nil {
				return nil, false, fmt.Errorf("create the tracking issue in %s failed (%s) and checking whether it was made anyway failed: %w",
					repo, describe(err), lerr)
			}
			if got != nil {
				return got, true, nil
			}
		}
	}
}

// find lists repo for the issue whose last line is the incident's marker
// under scribe's footer, opened by one of authors: the issues labelled
// TrackingLabel whatever their age, and every issue updated since since
// (which a removed label cannot hide). The oldest wins.
func (t *Tracker) find(ctx context.Context, repo Repo, uuid string, since time.Time, authors issueAuthors, note func(string)) (*gh.Issue, error) {
	c := t.c
	var found *gh.Issue
	for _, opt := range []*gh.IssueListByRepoOptions{
		{State: "all", Labels: []string{TrackingLabel}, Sort: "created", Direction: "asc", ListOptions: gh.ListOptions{PerPage: c.pageSize}},
		{State: "all", Since: since, Sort: "created", Direction: "asc", ListOptions: gh.ListOptions{PerPage: c.pageSize}},
	} {
		err := eachPage(ctx, c, note, func() ([]*gh.Issue, *gh.Response, error) {
			return c.gh.Issues.ListByRepo(ctx, repo.Owner, repo.Name, opt)
		}, func(page []*gh.Issue) {
			for _, iss := range page {
				if iss.IsPullRequest() || trackingMarkerIn(iss.GetBody()) != uuid || !authors.trusted(iss) {
					continue
				}
				if found == nil || iss.GetNumber() < found.GetNumber() {
					found = iss
				}
			}
		})
		if err != nil {
			return nil, c.repoError(repo, "list issues", err)
		}
	}
	return found, nil
}

// record stores the issue the moment it is known, even if ctx was
// cancelled just after the create returned.
func (t *Tracker) record(ctx context.Context, incidentID int64, repo Repo, iss *gh.Issue) (incident.TrackingIssue, error) {
	rec, err := t.st.UpdateTrackingIssue(context.WithoutCancel(ctx), incidentID, func(ti *incident.TrackingIssue) error {
		ti.Repo, ti.Number, ti.URL, ti.State = repo.String(), iss.GetNumber(), issueURL(iss), issueState(iss)
		ti.SyncError, ti.SyncedAt = "", t.c.now()
		return nil
	})
	if err != nil {
		return rec, fmt.Errorf("tracking issue %s#%d was filed but recording it failed (the next run finds it by its marker): %w",
			repo, iss.GetNumber(), err)
	}
	return rec, nil
}

// Sync brings the incident's tracking issue up to date with its follow-ups
// (run it after Syncer.Sync has read their issues): the boxes of the
// closed ones ticked, the body edited in place. An incident without a
// tracking issue is left alone (None).
func (t *Tracker) Sync(ctx context.Context, incidentID int64, summarize func(incident.Snapshot) string, progress func(Progress)) (TrackResult, error) {
	if progress == nil {
		progress = func(Progress) {}
	}
	note := func(msg string) { progress(Progress{Kind: ProgressNote, Message: msg}) }
	ti, err := t.st.TrackingIssue(ctx, incidentID)
	if incident.ErrorCode(err) == incident.ENOTFOUND || err == nil && !ti.Filed() {
		return TrackResult{None: true, Issue: ti}, nil
	}
	if err != nil {
		return TrackResult{}, err
	}
	repo, err := ParseRepo(ti.Repo)
	if err != nil {
		return TrackResult{Issue: ti}, fmt.Errorf("the tracking issue's recorded repository: %w", err)
	}
	return t.refresh(ctx, incidentID, TrackOptions{Repo: repo, Summarize: summarize}, TrackResult{Issue: ti}, note)
}

// refresh reads the filed tracking issue and rewrites scribe's part of its
// body when it changed; an edit that would change nothing is not sent.
func (t *Tracker) refresh(ctx context.Context, incidentID int64, opts TrackOptions, res TrackResult, note func(string)) (TrackResult, error) {
	c := t.c
	ti := res.Issue
	repo, err := ParseRepo(ti.Repo)
	if err != nil {
		return res, fmt.Errorf("the tracking issue's recorded repository: %w", err)
	}
	iss, _, err := retried(ctx, c, note, func() (*gh.Issue, *gh.Response, error) {
		return c.gh.Issues.Get(ctx, repo.Owner, repo.Name, ti.Number)
	})
	if s := statusOf(err); s == http.StatusNotFound || s == http.StatusGone {
		msg := fmt.Sprintf("tracking issue %s#%d is gone (HTTP %d): deleted, or the token can no longer see it; scribe does not file another", repo, ti.Number, s)
		res.Issue, _ = t.st.UpdateTrackingIssue(context.WithoutCancel(ctx), incidentID, func(x *incident.TrackingIssue) error {
			x.State, x.SyncError, x.SyncedAt = "missing", msg, c.now()
			return nil
		})
		return res, errors.New(msg)
	}
	if err != nil {
		return res, t.failed(ctx, incidentID, c.annotate(err, "get the tracking issue %s#%d", repo, ti.Number))
	}
	if moved := repoFromAPIURL(iss.GetRepositoryURL()); moved != "" && !strings.EqualFold(moved, repo.String()) {
		if repo, err = ParseRepo(moved); err != nil {
			return res, t.failed(ctx, incidentID, err)
		}
		note(fmt.Sprintf("the tracking issue moved to %s#%d", repo, iss.GetNumber()))
	}
	snap, err := t.st.Snapshot(ctx, incidentID)
	if err != nil {
		return res, err
	}
	pm := ti.PostmortemURL
	if opts.PostmortemURL != "" {
		pm = opts.PostmortemURL
	}
	body := withSection(iss.GetBody(), trackingSection(snap, t.content(snap, opts, pm), repo), ti.UUID)
	if body != iss.GetBody() {
		edited, _, err := retried(ctx, c, note, func() (*gh.Issue, *gh.Response, error) {
			return c.gh.Issues.Edit(ctx, repo.Owner, repo.Name, iss.GetNumber(), &gh.IssueRequest{Body: gh.String(body)})
		})
		if err != nil {
			return res, t.failed(ctx, incidentID, c.annotate(err, "edit the tracking issue %s#%d", repo, iss.GetNumber()))
		}
		iss, res.Edited = edited, true
	}
	res.Issue, err = t.st.UpdateTrackingIssue(context.WithoutCancel(ctx), incidentID, func(x *incident.TrackingIssue) error {
		x.Repo, x.Number, x.State, x.SyncError, x.SyncedAt = repo.String(), iss.GetNumber(), issueState(iss), "", c.now()
		if u := issueURL(iss); u != "" {
			x.URL = u
		}
		x.PostmortemURL = pm
		return nil
	})
	if err != nil {
		return res, fmt.Errorf("record the tracking issue: %w", err)
	}
	return res, nil
}

// failed keeps err as the tracking issue's last error and returns it.
func (t *Tracker) failed(ctx context.Context, incidentID int64, err error) error {
	err = scrub(err, t.c.token)
	msg := incident.ErrorMessage(err)
	_, _ = t.st.UpdateTrackingIssue(context.WithoutCancel(ctx), incidentID, func(x *incident.TrackingIssue) error {
		x.SyncError, x.SyncedAt = msg, t.c.now()
		return nil
	})
	return err
}

// content is what the body says besides the incident's fields.
func (t *Tracker) content(snap incident.Snapshot, opts TrackOptions, recordedURL string) TrackingContent {
	c := TrackingContent{PostmortemURL: recordedURL}
	if opts.PostmortemURL != "" {
		c.PostmortemURL = opts.PostmortemURL
	}
	if opts.Summarize != nil {
		c.Summary = opts.Summarize(snap)
	}
	return c
}

// trackingLabels are TrackingLabel, the severity and the extra labels.
func trackingLabels(sev incident.Severity, extra []string) []string {
	labels, err := labelSet(sev, extra)
	if err != nil || len(labels) == 0 {
		return []string{TrackingLabel}
	}
	// labelSet starts with the follow-up label; the tracking issue is not a
	// follow-up, so a follow-up listing never counts it.
	labels[0] = TrackingLabel
	return labels
}
