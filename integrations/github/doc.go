// Package github files an incident's action items as GitHub issues exactly
// once and brings the issues' state back into the store.
//
// Exactly once rests on two things: every issue body carries a hidden marker
// with the item's uuid, and before creating anything the Filer lists the
// repository's issues and indexes those markers. The search API is not used
// because its index lags behind creation by seconds to minutes. An issue
// number is written to the store the moment its create returns, so a crash
// between "created" and "recorded" costs at most one listing on the next run,
// never a duplicate.
//
// The listing cannot see an issue that another scribe process is creating
// at the same moment, so creating also takes a claim on the item in the
// store (see claim): a run that meets another's live claim skips the item
// (BusyError), one that finds the item filed since its listing links it,
// and one that takes over a dead run's expired claim lists again first.
//
// All network and store I/O lives here, so the CLI only prints and the TUI
// can run a whole filing inside one command:
//
//	client, err := github.FromEnv(ctx, os.Getenv, time.Now)
//	// …
//	res, err := github.NewFiler(client, st).File(ctx, incidentID,
//		github.FileOptions{Repo: repo, Only: selectedIDs}, func(p github.Progress) {
//			// called on File's goroutine, in order; forward to the UI
//		})
//	res, err := github.NewSyncer(client, st).Sync(ctx, incidentID, progress)
//
// Each item's issue link, state and last error are on its GitHubIssue after
// a run (and in every Progress), so a UI can show them from the store alone.
package github
