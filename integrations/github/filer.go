package github

import (
	"context"
	"fmt"

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

func (r FileResult) err() error {
	if n := r.Unfiled(); n > 0 {
		return fmt.Errorf("%d of %d action items not filed; run again to file the rest", n, r.Total)
	}
	return nil
}

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
//
// Before its first create the item records the repository it is sent to.
// A later run for another repository looks there first (see run.earlier),
// so an issue whose create answer was lost is found, not filed twice.
func (f *Filer) File(ctx context.Context, incidentID int64, opts FileOptions, progress func(Progress)) (FileResult, error) {
	if progress == nil {
		progress = func(Progress) {}
	}
	snap, err := f.st.Snapshot(ctx, incidentID)
	if err != nil {
		return FileResult{}, err
	}
	plans, err := Plan(snap, opts)
	if err != nil {
		return FileResult{}, err
	}
	r := newRun(f, snap.Incident.ID, opts, plans, progress)
	if len(plans) == 0 {
		return r.res, nil
	}
	labels, refused, warnings, err := f.c.ensureLabels(ctx, opts.Repo, plans[0].Labels, r.note)
	if err != nil {
		return r.failRest(ctx, plans, f.c.repoError(opts.Repo, "list labels", err))
	}
	r.res.Warnings = warnings
	for _, w := range warnings {
		progress(Progress{Kind: ProgressWarning, Message: w, Total: r.res.Total})
	}
	r.labels = &labelPlan{use: labels, refused: refused}
	if r.authors, err = f.c.authors(ctx, r.note); err != nil {
		return r.failRest(ctx, plans, err)
	}
	if r.idx, err = f.c.indexMarkers(ctx, opts.Repo, r.since, r.authors, r.note); err != nil {
		return r.failRest(ctx, plans, err)
	}
	for i, p := range plans {
		stop, abort := r.fileItem(ctx, p)
		switch {
		case abort:
			return r.res, stop
		case stop != nil:
			return r.failRest(ctx, plans[i+1:], stop)
		}
	}
	return r.res, r.res.err()
}
