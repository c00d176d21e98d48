package github

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	gh "github.com/google/go-github/v60/github"

	"scribe/incident"
)

// Filer files an incident's open action items as issues.
type Filer struct {
	c  *Client
	st Store
}

// NewFiler files through c and records in st.
func NewFiler(c *Client, st Store) *Filer { return &Filer{c: c, st: st} }

// FileResult is what a run did.
type FileResult struct {
	Total  int                   // items that needed an issue
	Filed  []incident.ActionItem // created now
	Linked []incident.ActionItem // found already on GitHub and recorded
	Failed []incident.ActionItem // still unfiled, each with its SyncError
	// Busy are items another scribe process was filing at the same moment;
	// they are left to it, with nothing recorded (see BusyError).
	Busy     []incident.ActionItem
	Warnings []string
}

// Unfiled counts the items still without an issue.
func (r FileResult) Unfiled() int { return r.Total - len(r.Filed) - len(r.Linked) }

// File files every open action item of the incident that has no issue yet.
// Each issue number is recorded the moment its create returns. An item that
// fails keeps its error in the store and the run goes on, unless the failure
// dooms the rest (rate limit, bad credentials), in which case it stops at
// once. The error is non-nil whenever an item is left unfiled.
//
// Only the run holding an item's claim in the store creates its issue, so
// that two runs at once (two terminals, the TUI and the CLI) cannot both
// file it: an item another run is filing is skipped as Busy, and one that
// run filed meanwhile is reported as linked.
func (f *Filer) File(ctx context.Context, incidentID int64, opts FileOptions, progress func(Progress)) (FileResult, error) {
	if progress == nil {
		progress = func(Progress) {}
	}
	var res FileResult
	snap, err := f.st.Snapshot(ctx, incidentID)
	if err != nil {
		return res, err
	}
	plans, err := Plan(snap, opts)
	if err != nil {
		return res, err
	}
	res.Total = len(plans)
	if len(plans) == 0 {
		return res, nil
	}
	done := 0
	note := func(msg string) { progress(Progress{Kind: ProgressNote, Message: msg, Done: done, Total: res.Total}) }

	labels, refused, warnings, err := f.c.ensureLabels(ctx, opts.Repo, plans[0].Labels, note)
	if err != nil {
		return f.failRest(ctx, &res, plans, f.c.repoError(opts.Repo, "list labels", err), progress)
	}
	res.Warnings = warnings
	for _, w := range warnings {
		progress(Progress{Kind: ProgressWarning, Message: w, Total: res.Total})
	}
	since := listingSince(plans)
	idx, err := f.c.indexMarkers(ctx, opts.Repo, since, note)
	if err != nil {
		return f.failRest(ctx, &res, plans, err, progress)
	}

	lbl := &labelPlan{use: labels, refused: refused}
	token := newToken()
	for i, p := range plans {
		iss, found := idx[p.Item.UUID]
		var ferr error
		var cl *claim
		if !found {
			var got incident.FilingClaim
			cl, got, ferr = f.take(ctx, p.Item.ID, token)
			switch {
			case ferr != nil:
			case got.Item.GitHub.Filed():
				// Another run filed it after this run's snapshot; its
				// issue was not in the listing, which came before.
				done++
				res.Linked = append(res.Linked, got.Item)
				progress(Progress{Kind: ProgressLinked, Item: got.Item, Done: done, Total: res.Total,
					Message: fmt.Sprintf("filed meanwhile by another scribe process as #%d %s  %s", got.Item.GitHub.Number, got.Item.GitHub.URL, got.Item.Title)})
				continue
			case got.Busy:
				ferr = &BusyError{ItemID: p.Item.ID}
			default:
				iss, found, ferr = f.create(ctx, opts.Repo, p, lbl, since, idx, cl, got.TookOver, note)
			}
		}
		if busy := (*BusyError)(nil); errors.As(ferr, &busy) {
			// Not the item's error: the run holding the claim records the
			// outcome, and an error written here could outlive its success.
			done++
			res.Busy = append(res.Busy, p.Item)
			progress(Progress{Kind: ProgressFailed, Item: p.Item, Message: busy.Error(), Err: busy, Done: done, Total: res.Total})
			continue
		}
		if ferr != nil {
			if cl != nil {
				cl.release(ctx)
			}
			item := f.recordError(ctx, p.Item, ferr)
			res.Failed = append(res.Failed, item)
			done++
			progress(Progress{Kind: ProgressFailed, Item: item, Message: item.GitHub.SyncError, Err: ferr, Done: done, Total: res.Total})
			if stopsRun(ferr) || ctx.Err() != nil {
				return f.failRest(ctx, &res, plans[i+1:], ferr, progress)
			}
			continue
		}
		item, rerr := f.record(ctx, p.Item, opts.Repo, iss)
		if cl != nil {
			// Unrecorded, the issue is still on GitHub for the next claimer
			// to look for.
			cl.maybeCreated = rerr != nil
			cl.release(ctx)
		}
		if rerr != nil {
			// The issue exists but the number is not stored: the next run
			// finds it by its marker. Nothing later can be recorded either.
			err := fmt.Errorf("issue #%d was filed for %q but recording it failed: %w", iss.GetNumber(), p.Title, rerr)
			res.Failed = append(res.Failed, p.Item)
			return res, scrub(err, f.c.token)
		}
		idx[item.UUID] = iss
		done++
		kind, verb := ProgressFiled, "filed"
		if found {
			kind, verb = ProgressLinked, "already on GitHub as"
			res.Linked = append(res.Linked, item)
		} else {
			res.Filed = append(res.Filed, item)
		}
		progress(Progress{Kind: kind, Item: item, Done: done, Total: res.Total,
			Message: fmt.Sprintf("%s #%d %s  %s", verb, item.GitHub.Number, item.GitHub.URL, item.Title)})
	}
	return res, res.err()
}

func (r FileResult) err() error {
	if n := r.Unfiled(); n > 0 {
		return fmt.Errorf("%d of %d action items not filed; run again to file the rest", n, r.Total)
	}
	return nil
}

// create files one issue. A create that fails ambiguously (5xx, dropped
// connection, timeout) may still have made the issue, so before trying
// again the repository is listed afresh and a marker found there is taken
// as the answer. found reports that the issue came from the listing.
//
// cl is this run's claim on the item, renewed before every retry. When it
// was taken over from a run that died (tookOver), that run may have made
// the issue after this run's listing, so the repository is listed again
// first.
func (f *Filer) create(ctx context.Context, repo Repo, p Planned, lbl *labelPlan, since time.Time, idx markerIndex,
	cl *claim, tookOver bool, note func(string)) (iss *gh.Issue, found bool, err error) {
	if tookOver {
		note(fmt.Sprintf("%q: an earlier scribe run stopped while filing it; checking GitHub for its issue", p.Title))
		fresh, lerr := f.c.indexMarkers(ctx, repo, since, note)
		if lerr != nil {
			cl.maybeCreated = true // still unknown: the next claimer must look too
			return nil, false, lerr
		}
		for k, v := range fresh {
			idx[k] = v
		}
		if got, ok := fresh[p.Item.UUID]; ok {
			return got, true, nil
		}
	}
	labels := slices.Clone(lbl.use)
	req := &gh.IssueRequest{Title: gh.String(p.Title), Body: gh.String(p.Body), Labels: &labels}
	if p.Assignee != "" {
		req.Assignees = &[]string{p.Assignee}
	}
	for attempt, sent := 1, 0; ; attempt++ {
		if sent > 0 {
			if rerr := cl.renew(ctx); rerr != nil {
				return nil, false, rerr
			}
		}
		sent++
		iss, _, err = f.c.gh.Issues.Create(ctx, repo.Owner, repo.Name, req)
		if err == nil {
			return iss, false, nil
		}
		cl.attempted(err)
		if req.Assignees != nil && assigneeRefused(err) {
			note(fmt.Sprintf("%q: GitHub cannot assign @%s (%s); filing unassigned", p.Title, p.Assignee, describe(err)))
			req.Assignees = nil
			attempt--
			continue
		}
		if len(lbl.refused) > 0 && labelsRefused(err) {
			note(fmt.Sprintf("%q: GitHub will not apply %s (%s); filing without", p.Title, strings.Join(lbl.refused, ", "), describe(err)))
			lbl.dropRefused()
			labels = slices.Clone(lbl.use)
			attempt--
			continue
		}
		if statusOf(err) == http.StatusUnauthorized {
			return nil, false, &BadCredentialsError{source: f.c.token.Source()}
		}
		wait, again := f.c.retry.backoff(attempt, err)
		if !again {
			return nil, false, f.c.annotate(err, "create issue in %s", repo)
		}
		note(fmt.Sprintf("%q: %s", p.Title, retryMessage(f.c, err, wait, attempt)))
		if serr := f.c.retry.sleep(ctx, wait); serr != nil {
			return nil, false, serr
		}
		if transient(err) {
			fresh, lerr := f.c.indexMarkers(ctx, repo, since, note)
			if lerr != nil {
				return nil, false, scrub(fmt.Errorf("create issue in %s failed (%s) and checking whether it was made anyway failed: %w",
					repo, describe(err), lerr), f.c.token)
			}
			for k, v := range fresh {
				idx[k] = v
			}
			if got, ok := fresh[p.Item.UUID]; ok {
				return got, true, nil
			}
		}
	}
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

// record stores the issue on the item. It runs even when ctx was cancelled
// just after the create returned: losing that write costs a listing next
// time, but keeping it is cheap.
func (f *Filer) record(ctx context.Context, item incident.ActionItem, repo Repo, iss *gh.Issue) (incident.ActionItem, error) {
	return f.st.UpdateActionItem(context.WithoutCancel(ctx), item.ID, func(a *incident.ActionItem) error {
		a.GitHub = incident.GitHubIssue{
			Repo: repo.String(), Number: iss.GetNumber(), URL: iss.GetHTMLURL(),
			State: issueState(iss), SyncedAt: f.c.now(),
		}
		return nil
	})
}

// recordError keeps err as the item's last sync error and returns the item
// as stored (or as it was, with the message, when the store fails too).
func (f *Filer) recordError(ctx context.Context, item incident.ActionItem, err error) incident.ActionItem {
	msg := scrubString(incident.ErrorMessage(err), f.c.token)
	updated, uerr := f.st.UpdateActionItem(context.WithoutCancel(ctx), item.ID, func(a *incident.ActionItem) error {
		if a.GitHub.Filed() {
			return nil // another run filed it meanwhile; its success stands
		}
		a.GitHub.SyncError = msg
		a.GitHub.SyncedAt = f.c.now()
		return nil
	})
	if uerr != nil {
		item.GitHub.SyncError = msg
		return item
	}
	return updated
}

// failRest records err on every remaining item and ends the run with it.
func (f *Filer) failRest(ctx context.Context, res *FileResult, rest []Planned, err error, progress func(Progress)) (FileResult, error) {
	err = scrub(err, f.c.token)
	for _, p := range rest {
		item := f.recordError(ctx, p.Item, err)
		res.Failed = append(res.Failed, item)
		progress(Progress{Kind: ProgressFailed, Item: item, Message: "not attempted: " + item.GitHub.SyncError, Err: err,
			Done: len(res.Filed) + len(res.Linked) + len(res.Failed), Total: res.Total})
	}
	var rl *RateLimitError
	if errors.As(err, &rl) || res.Unfiled() > 0 {
		return *res, fmt.Errorf("%w; %d of %d action items not filed", err, res.Unfiled(), res.Total)
	}
	return *res, err
}

// listingSince is the start of the window an item's issue must fall in.
func listingSince(plans []Planned) time.Time {
	var first time.Time
	for _, p := range plans {
		if t := p.Item.CreatedAt; !t.IsZero() && (first.IsZero() || t.Before(first)) {
			first = t
		}
	}
	if first.IsZero() {
		return first
	}
	return first.Add(-sinceSlack).UTC()
}

// issueState is how an issue's state is recorded: open, closed, or
// closed:not_planned.
func issueState(iss *gh.Issue) string {
	if iss.GetState() == "closed" && iss.GetStateReason() == "not_planned" {
		return "closed:not_planned"
	}
	if iss.GetState() == "" {
		return "open"
	}
	return iss.GetState()
}
