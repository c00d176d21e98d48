package cli

// The tracking issue of `scribe github file --tracking` and `scribe github
// sync`.

import (
	"context"
	"fmt"
	"strings"

	"scribe/export"
	"scribe/incident"
	ghub "scribe/integrations/github"
	"scribe/store"
)

// trackingSummary is the incident's summary as the postmortem writes it:
// blameless, Markdown-safe.
func trackingSummary(snap incident.Snapshot) string {
	return export.Build(snap, export.Options{}).Summary
}

// fileTracking files (once) or updates the tracking issue and says which.
func (a *App) fileTracking(ctx context.Context, client *ghub.Client, st *store.Store, id int64, opts ghub.FileOptions) error {
	res, err := ghub.NewTracker(client, st).File(ctx, id, ghub.TrackOptions{
		Repo: opts.Repo, Labels: opts.Labels, PostmortemURL: opts.PostmortemURL, Summarize: trackingSummary,
	}, a.printProgress)
	a.printTracking(res)
	return err
}

// syncTracking updates the tracking issue, when there is one.
func (a *App) syncTracking(ctx context.Context, client *ghub.Client, st *store.Store, id int64) error {
	res, err := ghub.NewTracker(client, st).Sync(ctx, id, trackingSummary, a.printProgress)
	if !res.None {
		a.printTracking(res)
	}
	return err
}

func (a *App) printTracking(res ghub.TrackResult) {
	ti := res.Issue
	if !ti.Filed() {
		return
	}
	what := "tracking issue unchanged"
	switch {
	case res.Created:
		what = "tracking issue filed"
	case res.Linked:
		what = "tracking issue already on GitHub as"
	case res.Edited:
		what = "tracking issue updated"
	}
	line := fmt.Sprintf("%s %s#%d %s", what, ti.Repo, ti.Number, ti.URL)
	if res.Elsewhere != "" {
		line += fmt.Sprintf(" (it stays in %s: a tracking issue is never filed twice)", res.Elsewhere)
	}
	fmt.Fprintln(a.Stdout, oneLine(line))
}

// trackingDryRun shows the tracking issue a real run would file (or
// update); like the follow-ups' dry run it makes no request.
func (a *App) trackingDryRun(ctx context.Context, st *store.Store, id int64, opts ghub.FileOptions) error {
	snap, err := st.Snapshot(ctx, id)
	if err != nil {
		return err
	}
	if ti, err := st.TrackingIssue(ctx, id); err == nil && ti.Filed() {
		fmt.Fprintf(a.Stdout, "\ndry run: the tracking issue %s#%d would be updated in place\n", oneLine(ti.Repo), ti.Number)
		return nil
	}
	title, body := ghub.TrackingPreview(snap, ghub.TrackOptions{Repo: opts.Repo, PostmortemURL: opts.PostmortemURL, Summarize: trackingSummary})
	fmt.Fprintf(a.Stdout, "\ndry run: would file the tracking issue in %s\n   title: %s\n   body:\n", opts.Repo, oneLine(title))
	for _, l := range strings.Split(strings.TrimRight(body, "\n"), "\n") {
		fmt.Fprintf(a.Stdout, "   | %s\n", incident.PlainText(l))
	}
	return nil
}
