// Package github files an incident's action items as GitHub issues exactly
// once and brings the issues' state back into the store. It speaks to
// GitHub through go-github and to the store through the small Store
// interface it defines; it never imports store.
//
// Exactly once rests on three things. Every issue body ends with scribe's
// footer and a hidden marker carrying the item's uuid (Marker), and before
// creating anything the run lists the repository's issues and indexes the
// markers found in that position only, in issues opened by the token's
// user, the repository's people or an app (issueAuthors): a marker quoted
// anywhere else, or written by anyone else, ties nothing. The
// search API is not used, because its index lags behind creation. An issue
// number is written to the store the moment its create returns, so a crash
// between "created" and "recorded" costs at most one listing on the next
// run, never a duplicate. And before its first create an item records the
// repository it is sent to (GitHubIssue.Repo with no number), so a later run
// naming another repository looks there first (run.earlierIssue) and the
// user may change --repo without filing twice.
//
// The listing cannot see an issue another scribe process is creating at the
// same moment, so creating also takes a claim on the item in the store (see
// claim): a run that meets another's live claim skips the item
// (BusyError), one that finds the item filed since its listing links it,
// and one that takes over a dead run's expired claim looks again first.
//
// Text people typed goes into bodies plain (incident.PlainText) and
// neutralized (see neutralize): it mentions nobody and links no issue,
// pull request or commit. Only the owner field, when it is exactly one
// handle, reaches GitHub as such (see Owner): @login is assigned, @org/team
// is mentioned.
//
// The token (Token) is never stored, logged or printed: its String hides
// it, every message is scrubbed of it, a malformed one is refused before any
// request, and it is sent only over https, or http to a loopback host, and
// only to the API's own host (ParseAPIURL, authTransport). What a server
// answers reaches messages plain and bounded (serverText).
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
// One File call is a run (run.go): the options, the label plan, the marker
// listings and the result so far, shared by each item's claim, check and
// create (create.go). Each item's issue link, state and last error are on
// its GitHubIssue after a run (and in every Progress), so a UI can show
// them from the store alone.
package github
