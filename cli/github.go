package cli

// `scribe github file|sync`.

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"scribe/incident"
	ghub "scribe/integrations/github"
	"scribe/store"
)

const (
	githubFileUsage = "github file N --repo OWNER/NAME [--label L]... [--postmortem-url URL] [--tracking] [--not-filed-in OWNER/NAME]... [--dry-run]"
	githubSyncUsage = "github sync N"
)

func (a *App) githubCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "github",
		Short: "File action items as GitHub issues and sync their state back",
		Long: `File an incident's action items as GitHub issues, exactly once, and bring
the issues' state back.

The token comes from GH_TOKEN, then GITHUB_TOKEN, then ` + "`gh auth token`" + ` when gh is
installed (from an absolute PATH entry). It is never stored or printed. The
API is GITHUB_API_URL when set (https://HOST/api/v3 for GitHub Enterprise
Server), else github.com; plain http is refused except for a loopback host
(127.0.0.0/8, ::1, localhost), so the token never crosses a network in clear.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return usageError{fmt.Errorf("missing subcommand: usage: scribe %s | %s", githubFileUsage, githubSyncUsage)}
		},
	}
	cmd.AddCommand(a.githubFileCmd(), a.githubSyncCmd())
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{plainError{err}} })
	return cmd
}

// plainError shows an error on one line through the one sanitizer: GitHub's
// answers, item titles and flag values end up in these messages, and none
// may move the cursor or recolour the terminal.
type plainError struct{ error }

func (e plainError) Error() string { return oneLine(e.error.Error()) }
func (e plainError) Unwrap() error { return e.error }

// plain wraps err (nil stays nil) so that it prints sanitized.
func plain(err error) error {
	if err == nil {
		return nil
	}
	return plainError{err}
}

func (a *App) githubFileCmd() *cobra.Command {
	var repo, postmortem string
	var labels, notFiledIn []string
	var dryRun, tracking bool
	cmd := &cobra.Command{
		Use:   strings.TrimPrefix(githubFileUsage, "github "),
		Short: "File every open action item without an issue",
		Long: `File every open action item of incident N that has no issue yet.

Each issue gets the item's title; a body with its description, owner, due
date, priority and the incident's context; the labels incident-followup, the
severity (sev1…sev5) and each --label, created when missing (when GitHub
refuses, the issue is filed without that label and a warning says so).

Nobody is pinged and nothing is linked by what people typed: in the body,
@mentions, #123 and owner/repo#123 references, GH-123 and commit SHAs in the
title, description and owner are broken with an invisible word joiner (they
look the same). The owner field is read as a GitHub handle only when it is
exactly one: "@login" is assigned the issue, "@org/team" is mentioned in the
body (a team cannot be assigned); anything else is plain text.

Exactly once: each body carries a hidden marker with the item's uuid, and the
repository's issues are listed before anything is created; an issue found
with the marker is recorded instead of filed again. Each issue number is
recorded as soon as GitHub answers. Items that fail keep their error (see
"scribe action list") and the exit status is 1; run again to file the rest.
Two runs at once (two terminals, or the TUI) never file one item twice: an
item another run is filing right now is skipped with a message saying so,
and the exit status is 1.

Changing --repo between runs is safe: before its first create each item
records the repository it is sent to, and a run naming another repository
first looks there for the issue of a create whose answer was lost (and
records it if found, rather than filing a second one elsewhere). When that
repository cannot be read, the item is not filed and the message says how to
go on: finish it there, or, once you have checked by hand that the
repository holds no such issue, run again with --not-filed-in OWNER/NAME.

--dry-run prints what would be filed and touches nothing: it makes no request
at all and needs no token, so it cannot see issues that exist on GitHub but
were never recorded (a real run would record those instead of filing them).

--tracking also files one tracking issue for the incident (after the
follow-ups, so that it can link them): its severity, state and summary
(blameless, as in the postmortem), its time to detect, mitigate and resolve,
the --postmortem-url link, and a task list of its follow-ups ("- [ ] #123
title"), labelled incident-tracking and the severity. It is filed once, with
the same guarantees as the follow-ups (a hidden marker, a listing before any
create, a claim in the database); later runs, and "scribe github sync",
rewrite scribe's part of its body in place (boxes ticked as follow-ups close,
new follow-ups added) and keep whatever people wrote around it. Once filed it
stays in its repository: it is never filed a second time.`,
		Example: `  scribe github file 7 --repo acme/payments --label team-payments
  scribe github file 7 --repo acme/payments --postmortem-url https://wiki.example.com/pm/7 --dry-run
  scribe github file 7 --repo acme/incidents --tracking --postmortem-url https://wiki.example.com/pm/7`,
		Args: rangeArgs(1, 1, githubFileUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := incidentArg(args, githubFileUsage)
			if err != nil {
				return plain(err)
			}
			if strings.TrimSpace(repo) == "" {
				return usageError{fmt.Errorf("missing --repo OWNER/NAME: usage: scribe %s", githubFileUsage)}
			}
			r, err := ghub.ParseRepo(repo)
			if err != nil {
				return usageError{plain(err)}
			}
			opts := ghub.FileOptions{Repo: r, Labels: labels, PostmortemURL: strings.TrimSpace(postmortem)}
			for _, n := range notFiledIn {
				nr, err := ghub.ParseRepo(n)
				if err != nil {
					return usageError{plain(fmt.Errorf("--not-filed-in: %w", err))}
				}
				opts.NotFiledIn = append(opts.NotFiledIn, nr)
			}
			if err := opts.Validate(); err != nil {
				return usageError{plain(err)}
			}
			if dryRun {
				return plain(a.withStore(cmd.Context(), func(st *store.Store) error {
					if err := a.githubDryRun(cmd.Context(), st, id, opts); err != nil || !tracking {
						return err
					}
					return a.trackingDryRun(cmd.Context(), st, id, opts)
				}))
			}
			client, err := a.githubClient(cmd.Context())
			if err != nil {
				return plain(err)
			}
			return plain(a.withStore(cmd.Context(), func(st *store.Store) error {
				res, err := ghub.NewFiler(client, st).File(cmd.Context(), id, opts, a.printProgress)
				switch {
				case res.Total == 0 && err == nil:
					fmt.Fprintf(a.Stdout, "nothing to file: incident #%d has no open action item without an issue\n", id)
				case res.Total > 0:
					fmt.Fprintf(a.Stdout, "%d filed, %d already on GitHub, %d not filed (of %d)\n",
						len(res.Filed), len(res.Linked), res.Unfiled(), res.Total)
				}
				if tracking {
					// Filed even when some follow-ups were not: its list shows
					// them as not filed yet, and the next run completes it.
					terr := a.fileTracking(cmd.Context(), client, st, id, opts)
					if err == nil {
						err = terr
					}
				}
				if err != nil {
					return exitError{err, 1}
				}
				return nil
			}))
		},
	}
	cmd.Flags().StringVar(&repo, "repo", "", "repository to file in, OWNER/NAME")
	cmd.Flags().StringArrayVar(&notFiledIn, "not-filed-in", nil,
		"a repository you checked holds none of these issues: an earlier run's unanswered create there is not looked for (repeatable)")
	cmd.Flags().StringArrayVar(&labels, "label", nil, "extra label (repeatable)")
	cmd.Flags().StringVar(&postmortem, "postmortem-url", "", "link to the postmortem, shown in every issue")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "print what would be filed; no request, no change")
	cmd.Flags().BoolVar(&tracking, "tracking", false, "also file (once) and update the incident's tracking issue")
	return cmd
}

func (a *App) githubSyncCmd() *cobra.Command {
	return &cobra.Command{
		Use:   strings.TrimPrefix(githubSyncUsage, "github "),
		Short: "Bring the state of filed issues back to their action items",
		Long: `Read the issue of every filed action item of incident N and apply it: closed
marks the item done, closed as not planned marks it won't do, an open issue
makes a done or won't-do item open again. Deleted issues are recorded as
missing; transferred issues are followed and their new place recorded. One
line per item; the exit status is 1 when an issue could not be read.

When the incident has a tracking issue (github file --tracking), its task list
is then brought up to date and the issue edited in place: the boxes of closed
follow-ups ticked.`,
		Example: `  scribe github sync 7`,
		Args:    rangeArgs(1, 1, githubSyncUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := incidentArg(args, githubSyncUsage)
			if err != nil {
				return plain(err)
			}
			client, err := a.githubClient(cmd.Context())
			if err != nil {
				return plain(err)
			}
			return plain(a.withStore(cmd.Context(), func(st *store.Store) error {
				res, err := ghub.NewSyncer(client, st).Sync(cmd.Context(), id, a.printProgress)
				if len(res.Items) == 0 && err == nil {
					fmt.Fprintf(a.Stdout, "nothing to sync: no action item of incident #%d has an issue yet\n", id)
				} else {
					fmt.Fprintf(a.Stdout, "%d synced, %d changed, %d missing, %d moved, %d failed\n",
						len(res.Items)-res.Failed, res.Changed, res.Missing, res.Transferred, res.Failed)
				}
				if terr := a.syncTracking(cmd.Context(), client, st, id); err == nil {
					err = terr
				}
				if err != nil {
					return exitError{err, 1}
				}
				return nil
			}))
		},
	}
}

// githubClient finds the API root and the token from the environment.
func (a *App) githubClient(ctx context.Context) (*ghub.Client, error) {
	return ghub.FromEnv(ctx, a.Getenv, a.Now)
}

// printProgress puts results on stdout and news and failures on stderr,
// every line through the one sanitizer.
func (a *App) printProgress(p ghub.Progress) {
	msg, title := oneLine(p.Message), oneLine(p.Item.Title)
	switch p.Kind {
	case ghub.ProgressFiled, ghub.ProgressLinked, ghub.ProgressSynced:
		fmt.Fprintln(a.Stdout, msg)
	case ghub.ProgressMissing:
		fmt.Fprintf(a.Stdout, "#%d missing  %s: %s\n", p.Item.GitHub.Number, title, msg)
	case ghub.ProgressWarning:
		fmt.Fprintf(a.Stderr, "warning: %s\n", msg)
	case ghub.ProgressFailed:
		fmt.Fprintf(a.Stderr, "error: %s: %s\n", title, msg)
	default:
		fmt.Fprintf(a.Stderr, "note: %s\n", msg)
	}
}

// githubDryRun prints the plan; it reads the incident and nothing else.
func (a *App) githubDryRun(ctx context.Context, st *store.Store, id int64, opts ghub.FileOptions) error {
	snap, err := st.Snapshot(ctx, id)
	if err != nil {
		return err
	}
	plans, err := ghub.Plan(snap, opts)
	if err != nil {
		return err
	}
	if len(plans) == 0 {
		fmt.Fprintf(a.Stdout, "dry run: nothing to file: incident #%d has no open action item without an issue\n", id)
		return nil
	}
	fmt.Fprintf(a.Stdout, "dry run: would file %s in %s (nothing was sent or changed)\n", incident.Count(len(plans), "issue"), opts.Repo)
	for i, p := range plans {
		writePlan(a.Stdout, i+1, p)
	}
	return nil
}

// writePlan shows one planned issue. Everything in it passes the one
// sanitizer, titles, labels and the body alike.
func writePlan(w io.Writer, n int, p ghub.Planned) {
	fmt.Fprintf(w, "\n%d. %s\n", n, oneLine(p.Title))
	fmt.Fprintf(w, "   labels:   %s\n", oneLine(strings.Join(p.Labels, ", ")))
	if p.Assignee != "" {
		fmt.Fprintf(w, "   assignee: %s\n", oneLine(p.Assignee))
	}
	if p.Mentions != "" {
		fmt.Fprintf(w, "   mentions: %s (the owner field names this team)\n", oneLine(p.Mentions))
	}
	if p.EarlierRepo != "" {
		fmt.Fprintf(w, "   note:     an earlier run sent it to %s without hearing back; a real run looks there first\n", oneLine(p.EarlierRepo))
	}
	fmt.Fprintln(w, "   body:")
	lines := strings.Split(strings.TrimRight(p.Body, "\n"), "\n")
	const preview = 12
	for i, l := range lines {
		if i == preview {
			fmt.Fprintf(w, "   | … (%s)\n", incident.Count(len(lines)-preview, "more line"))
			break
		}
		fmt.Fprintf(w, "   | %s\n", incident.PlainText(l))
	}
}
