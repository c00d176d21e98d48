package github

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	gh "github.com/google/go-github/v60/github"

	"scribe/incident"
)

// Syncer brings filed issues' state back to their action items.
type Syncer struct {
	c  *Client
	st Store
}

// NewSyncer reads through c and records in st.
func NewSyncer(c *Client, st Store) *Syncer { return &Syncer{c: c, st: st} }

// SyncResult is what a sync run saw.
type SyncResult struct {
	Items       []incident.ActionItem // every filed item, as recorded after the run
	Changed     int                   // items whose state changed
	Missing     int
	Transferred int
	Failed      int
}

// Sync reads each filed item's issue and applies it: closed as not planned
// makes the item won't do, any other close makes it done, an open issue
// makes a done or won't-do item open again (once filed, the issue is where
// the follow-up is tracked). An issue that is gone is recorded as missing;
// one that moved to another repository is followed and its new place
// recorded.
func (s *Syncer) Sync(ctx context.Context, incidentID int64, progress func(Progress)) (SyncResult, error) {
	if progress == nil {
		progress = func(Progress) {}
	}
	var res SyncResult
	items, err := s.st.ActionItems(ctx, incidentID)
	if err != nil {
		return res, err
	}
	var filed []incident.ActionItem
	for _, it := range items {
		if it.GitHub.Filed() {
			filed = append(filed, it)
		}
	}
	note := func(msg string) { progress(Progress{Kind: ProgressNote, Message: msg, Total: len(filed)}) }
	for i, it := range filed {
		p, err := s.syncOne(ctx, it, note, &res)
		p.Done, p.Total = i+1, len(filed)
		res.Items = append(res.Items, p.Item)
		progress(p)
		if err != nil && (stopsRun(err) || ctx.Err() != nil) {
			return res, fmt.Errorf("%w; %d of %d issues not synced", err, len(filed)-i, len(filed))
		}
	}
	if res.Failed > 0 {
		return res, fmt.Errorf("%d of %d issues could not be synced; run again", res.Failed, len(filed))
	}
	return res, nil
}

func (s *Syncer) syncOne(ctx context.Context, it incident.ActionItem, note func(string), res *SyncResult) (Progress, error) {
	repo, err := ParseRepo(it.GitHub.Repo)
	if err != nil {
		return s.fail(ctx, it, fmt.Errorf("recorded repository: %w", err), res)
	}
	iss, _, err := retried(ctx, s.c, note, func() (*gh.Issue, *gh.Response, error) {
		return s.c.gh.Issues.Get(ctx, repo.Owner, repo.Name, it.GitHub.Number)
	})
	switch st := statusOf(err); {
	case err == nil:
	case st == http.StatusNotFound || st == http.StatusGone:
		res.Missing++
		msg := fmt.Sprintf("issue %s#%d is gone (HTTP %d): deleted, or the token can no longer see it", repo, it.GitHub.Number, st)
		item, uerr := s.update(ctx, it, func(a *incident.ActionItem) {
			a.GitHub.State, a.GitHub.SyncError = "missing", msg
		})
		if uerr != nil {
			return s.fail(ctx, it, uerr, res)
		}
		return Progress{Kind: ProgressMissing, Item: item, Message: msg}, nil
	case isRateLimit(err):
		rl, _ := asRateLimit(err)
		return s.fail(ctx, it, rl, res)
	case st == http.StatusUnauthorized:
		return s.fail(ctx, it, &BadCredentialsError{source: s.c.token.Source()}, res)
	default:
		return s.fail(ctx, it, s.c.annotate(err, "get issue %s#%d", repo, it.GitHub.Number), res)
	}

	newRepo := repoFromAPIURL(iss.GetRepositoryURL())
	moved := (newRepo != "" && !strings.EqualFold(newRepo, it.GitHub.Repo)) || iss.GetNumber() != it.GitHub.Number
	before := it.State
	after := itemStateFor(iss)
	item, err := s.update(ctx, it, func(a *incident.ActionItem) {
		a.State = after
		a.GitHub.State = issueState(iss)
		a.GitHub.SyncError = ""
		if moved {
			if newRepo != "" {
				a.GitHub.Repo = newRepo
			}
			a.GitHub.Number = iss.GetNumber()
			a.GitHub.URL = issueURL(iss)
		}
	})
	if err != nil {
		return s.fail(ctx, it, err, res)
	}
	msg := fmt.Sprintf("#%d %s  %s", item.GitHub.Number, item.GitHub.State, item.Title)
	if before != after {
		res.Changed++
		msg += fmt.Sprintf(": %s → %s", before.Label(), after.Label())
	}
	if moved {
		res.Transferred++
		msg += fmt.Sprintf(" (moved from %s#%d to %s)", it.GitHub.Repo, it.GitHub.Number, item.GitHub.URL)
	}
	return Progress{Kind: ProgressSynced, Item: item, Message: msg}, nil
}

// itemStateFor maps an issue onto its item's state.
func itemStateFor(iss *gh.Issue) incident.ItemState {
	if iss.GetState() == "closed" {
		if iss.GetStateReason() == "not_planned" {
			return incident.ItemWontDo
		}
		return incident.ItemDone
	}
	return incident.ItemOpen
}

func (s *Syncer) update(ctx context.Context, it incident.ActionItem, fn func(*incident.ActionItem)) (incident.ActionItem, error) {
	return s.st.UpdateActionItem(context.WithoutCancel(ctx), it.ID, func(a *incident.ActionItem) error {
		fn(a)
		a.GitHub.SyncedAt = s.c.now()
		return nil
	})
}

func (s *Syncer) fail(ctx context.Context, it incident.ActionItem, err error, res *SyncResult) (Progress, error) {
	res.Failed++
	err = scrub(err, s.c.token)
	msg := incident.ErrorMessage(err)
	if item, uerr := s.update(ctx, it, func(a *incident.ActionItem) { a.GitHub.SyncError = msg }); uerr == nil {
		it = item
	} else {
		it.GitHub.SyncError = msg
	}
	return Progress{Kind: ProgressFailed, Item: it, Message: msg, Err: err}, err
}
