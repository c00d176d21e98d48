package github

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	gh "github.com/google/go-github/v60/github"

	"scribe/incident"
)

// run is one File call: what filing each item shares, and what the run
// has done so far.
type run struct {
	f          *Filer
	incidentID int64
	repo       Repo
	opts       FileOptions
	progress   func(Progress)
	// claimToken names this run's claims in the store.
	claimToken string
	// since is the start of the window an item's issue must fall in.
	since  time.Time
	labels *labelPlan
	// idx indexes the markers in repo; earlier caches the listings of
	// repositories where earlier runs may have filed (lower-case name).
	idx     markerIndex
	earlier map[string]markerIndex
	// authors are who may have opened an item's issue (asked once a run).
	authors issueAuthors
	res     FileResult
	done    int
}

func newRun(f *Filer, incidentID int64, opts FileOptions, plans []Planned, progress func(Progress)) *run {
	return &run{
		f: f, incidentID: incidentID, repo: opts.Repo, opts: opts, progress: progress,
		claimToken: newToken(), since: listingSince(plans), earlier: map[string]markerIndex{},
		res: FileResult{Total: len(plans)},
	}
}

// note reports news along the way.
func (r *run) note(msg string) {
	r.progress(Progress{Kind: ProgressNote, Message: msg, Done: r.done, Total: r.res.Total})
}

// fileItem files one planned item: linked when the listing holds its issue,
// otherwise claimed, looked for where an earlier run may have filed it, and
// created. stop is non-nil when the run cannot go on: the rest are then
// recorded as not attempted, unless the store itself failed (abort).
func (r *run) fileItem(ctx context.Context, p Planned) (stop error, abort bool) {
	if iss, ok := r.idx[p.Item.UUID]; ok {
		return r.recorded(ctx, p, r.repo, iss, true, "")
	}
	cl, got, err := r.f.take(ctx, p.Item.ID, r.claimToken)
	switch {
	case err != nil:
	case got.Item.GitHub.Filed():
		// Another run filed it after this run's snapshot; its issue was
		// not in the listing, which came before.
		r.done++
		r.res.Linked = append(r.res.Linked, got.Item)
		r.progress(Progress{Kind: ProgressLinked, Item: got.Item, Done: r.done, Total: r.res.Total,
			Message: fmt.Sprintf("filed meanwhile by another scribe process as #%d %s  %s", got.Item.GitHub.Number,
				incident.PlainText(got.Item.GitHub.URL), p.Title)})
		return nil, false
	case got.Busy:
		// Not the item's error: the run holding the claim records the
		// outcome, and an error written here could outlive its success.
		busy := &BusyError{ItemID: p.Item.ID}
		r.done++
		r.res.Busy = append(r.res.Busy, p.Item)
		r.progress(Progress{Kind: ProgressFailed, Item: p.Item, Message: busy.Error(), Err: busy, Done: r.done, Total: r.res.Total})
		return nil, false
	default:
		var iss *gh.Issue
		var in Repo
		iss, in, err = r.earlierIssue(ctx, p, got)
		if err == nil && iss != nil {
			cl.release(ctx)
			return r.recorded(ctx, p, in, iss, true, fmt.Sprintf(" (an earlier run filed it there; not filed again in %s)", r.repo))
		}
		if err == nil {
			// A dead run's create went where the item records it was sent
			// (recorded before sending). Another repository has just been
			// checked above; this one is listed again only if it is that.
			prev := got.Item.GitHub.Repo
			relist := got.TookOver && (prev == "" || strings.EqualFold(prev, r.repo.String()))
			var found bool
			iss, found, err = r.create(ctx, p, cl, relist)
			if err == nil {
				stop, abort := r.recorded(ctx, p, r.repo, iss, found, "")
				cl.maybeCreated = abort // unrecorded: the next claimer must look
				cl.release(ctx)
				return stop, abort
			}
		}
	}
	var busy *BusyError
	if errors.As(err, &busy) {
		r.done++
		r.res.Busy = append(r.res.Busy, p.Item)
		r.progress(Progress{Kind: ProgressFailed, Item: p.Item, Message: busy.Error(), Err: busy, Done: r.done, Total: r.res.Total})
		return nil, false
	}
	if cl != nil {
		cl.release(ctx)
	}
	item := r.recordError(ctx, p.Item, err, cl != nil && !cl.maybeCreated && cl.sent)
	r.res.Failed = append(r.res.Failed, item)
	r.done++
	r.progress(Progress{Kind: ProgressFailed, Item: item, Message: item.GitHub.SyncError, Err: err, Done: r.done, Total: r.res.Total})
	if stopsRun(err) || ctx.Err() != nil {
		return err, false
	}
	return nil, false
}

// earlierIssue looks for the item's issue in the repository an earlier run
// sent its create to, when that is not this run's repository: the answer
// may have been lost while the issue was made. It returns the issue and
// where it is, nil when there is none, or an error saying how to go on
// when that repository cannot be read. got is the item as the claim found
// it, fresher than the run's snapshot.
func (r *run) earlierIssue(ctx context.Context, p Planned, got incident.FilingClaim) (*gh.Issue, Repo, error) {
	name := got.Item.GitHub.Repo
	if name == "" || strings.EqualFold(name, r.repo.String()) {
		return nil, Repo{}, nil
	}
	prev, err := ParseRepo(name)
	if err != nil {
		return nil, Repo{}, fmt.Errorf("the repository recorded for an earlier filing attempt: %w", err)
	}
	if r.opts.notFiledIn(prev.String()) {
		return nil, Repo{}, nil
	}
	key := strings.ToLower(prev.String())
	idx, ok := r.earlier[key]
	if !ok || got.TookOver {
		// A claim taken over may hide a create made after a cached
		// listing, so that listing is not trusted for this item.
		r.note(fmt.Sprintf("%q: an earlier run sent it to %s and did not hear back; checking %s for its issue before filing in %s",
			p.Title, prev, prev, r.repo))
		idx, err = r.f.c.indexMarkers(ctx, prev, r.since, r.authors, r.note)
		if err != nil {
			if stopsRun(err) {
				return nil, Repo{}, err
			}
			return nil, Repo{}, &EarlierRepoError{Repo: prev, Now: r.repo, Incident: r.incidentID, Marker: Marker(p.Item.UUID),
				err: scrub(err, r.f.c.token)}
		}
		r.earlier[key] = idx
	}
	if iss, ok := idx[p.Item.UUID]; ok {
		return iss, prev, nil
	}
	return nil, Repo{}, nil
}

// EarlierRepoError is an item that an earlier run may have filed in another
// repository, which cannot be read now: filing it here could make a second
// issue.
type EarlierRepoError struct {
	Repo, Now Repo
	Incident  int64
	Marker    string
	err       error
}

func (e *EarlierRepoError) Error() string {
	return fmt.Sprintf("an earlier run sent this item to %s and its answer was lost, so its issue may be there, but %s cannot be checked now (%s). "+
		"To finish it there, run scribe github file %d --repo %s; or, once you have made sure %s has no issue whose body ends with %s, "+
		"run again with --not-filed-in %s",
		e.Repo, e.Repo, incident.ErrorMessage(e.err), e.Incident, e.Repo, e.Repo, e.Marker, e.Repo)
}

func (e *EarlierRepoError) Unwrap() error { return e.err }

// recorded stores the issue on the item and reports it. found says the
// issue was already on GitHub; where is added to the message. A store that
// fails aborts the run: the issue is on GitHub for the next run to find by
// its marker, and nothing later could be recorded either.
func (r *run) recorded(ctx context.Context, p Planned, in Repo, iss *gh.Issue, found bool, where string) (stop error, abort bool) {
	item, err := r.f.record(ctx, p.Item, in, iss)
	if err != nil {
		r.res.Failed = append(r.res.Failed, p.Item)
		return scrub(fmt.Errorf("issue #%d was filed for %q but recording it failed: %w", iss.GetNumber(), p.Title, err), r.f.c.token), true
	}
	r.idx[item.UUID] = iss
	r.done++
	kind, verb := ProgressFiled, "filed"
	if found {
		kind, verb = ProgressLinked, "already on GitHub as"
		r.res.Linked = append(r.res.Linked, item)
	} else {
		r.res.Filed = append(r.res.Filed, item)
	}
	ref := fmt.Sprintf("#%d", item.GitHub.Number)
	if !strings.EqualFold(in.String(), r.repo.String()) {
		ref = in.String() + ref
	}
	r.progress(Progress{Kind: kind, Item: item, Done: r.done, Total: r.res.Total,
		Message: fmt.Sprintf("%s %s %s  %s%s", verb, ref, incident.PlainText(item.GitHub.URL), p.Title, where)})
	return nil, false
}

// recordError keeps err as the item's last sync error and returns the item
// as stored (or as it was, with the message, when the store fails too).
// refused says GitHub certainly made no issue for this run's creates, so
// the repository recorded before them no longer needs checking.
func (r *run) recordError(ctx context.Context, item incident.ActionItem, err error, refused bool) incident.ActionItem {
	msg := scrubString(incident.ErrorMessage(err), r.f.c.token)
	updated, uerr := r.f.st.UpdateActionItem(context.WithoutCancel(ctx), item.ID, func(a *incident.ActionItem) error {
		if a.GitHub.Filed() {
			return nil // another run filed it meanwhile; its success stands
		}
		if refused && strings.EqualFold(a.GitHub.Repo, r.repo.String()) {
			a.GitHub.Repo = ""
		}
		a.GitHub.SyncError = msg
		a.GitHub.SyncedAt = r.f.c.now()
		return nil
	})
	if uerr != nil {
		item.GitHub.SyncError = msg
		return item
	}
	return updated
}

// failRest records err on every remaining item and ends the run with it.
func (r *run) failRest(ctx context.Context, rest []Planned, err error) (FileResult, error) {
	err = scrub(err, r.f.c.token)
	for _, p := range rest {
		item := r.recordError(ctx, p.Item, err, false)
		r.res.Failed = append(r.res.Failed, item)
		r.progress(Progress{Kind: ProgressFailed, Item: item, Message: "not attempted: " + item.GitHub.SyncError, Err: err,
			Done: len(r.res.Filed) + len(r.res.Linked) + len(r.res.Failed), Total: r.res.Total})
	}
	var rl *RateLimitError
	if errors.As(err, &rl) || r.res.Unfiled() > 0 {
		return r.res, fmt.Errorf("%w; %d of %d action items not filed", err, r.res.Unfiled(), r.res.Total)
	}
	return r.res, err
}

// record stores the issue on the item. It runs even when ctx was cancelled
// just after the create returned: losing that write costs a listing next
// time, but keeping it is cheap.
func (f *Filer) record(ctx context.Context, item incident.ActionItem, repo Repo, iss *gh.Issue) (incident.ActionItem, error) {
	return f.st.UpdateActionItem(context.WithoutCancel(ctx), item.ID, func(a *incident.ActionItem) error {
		a.GitHub = incident.GitHubIssue{
			Repo: repo.String(), Number: iss.GetNumber(), URL: issueURL(iss),
			State: issueState(iss), SyncedAt: f.c.now(),
		}
		return nil
	})
}

// markSent records, before the first create is sent, the repository it is
// sent to. Should the answer be lost and the next run name another
// repository, that run knows where to look first. Nothing is sent when
// this cannot be recorded.
func (f *Filer) markSent(ctx context.Context, item incident.ActionItem, repo Repo) error {
	_, err := f.st.UpdateActionItem(ctx, item.ID, func(a *incident.ActionItem) error {
		if a.GitHub.Filed() || a.GitHub.Repo == repo.String() {
			return nil
		}
		a.GitHub.Repo = repo.String()
		return nil
	})
	if err != nil {
		return fmt.Errorf("record where action item %d is being filed: %w", item.ID, err)
	}
	return nil
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
// closed:not_planned. Anything else a server says is recorded as open,
// which is what an item with an issue is until the issue closes.
func issueState(iss *gh.Issue) string {
	switch {
	case iss.GetState() == "closed" && iss.GetStateReason() == "not_planned":
		return "closed:not_planned"
	case iss.GetState() == "closed":
		return "closed"
	}
	return "open"
}

// issueURL is the issue's web address as the server gave it, when it is an
// http or https URL with nothing a terminal or a Markdown link could
// misread; otherwise "". The server's text goes into exports and lists, so
// it is not taken on trust.
func issueURL(iss *gh.Issue) string {
	raw := iss.GetHTMLURL()
	if len(raw) > 2000 || checkWebURL("html_url", raw) != nil {
		return ""
	}
	return raw
}
