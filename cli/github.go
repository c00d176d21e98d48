package cli

// Owned by the GitHub work: `scribe github file|sync`.

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	ghub "scribe/integrations/github"
	"scribe/store"
)

const (
	githubFileUsage = "github file N --repo OWNER/NAME [--label L]... [--postmortem-url URL] [--dry-run]"
	githubSyncUsage = "github sync N"
)

func (a *App) githubCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "github",
		Short: "File action items as GitHub issues and sync their state back",
		Long: `File an incident's action items as GitHub issues, exactly once, and bring
the issues' state back.

The token comes from GH_TOKEN, then GITHUB_TOKEN, then ` + "`gh auth token`" + ` when gh is
installed. It is never stored or printed. The API is GITHUB_API_URL when set
(https://HOST/api/v3 for GitHub Enterprise Server), else github.com.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return usageError{fmt.Errorf("missing subcommand: usage: scribe %s | %s", githubFileUsage, githubSyncUsage)}
		},
	}
	cmd.AddCommand(a.githubFileCmd(), a.githubSyncCmd())
	return cmd
}

func (a *App) githubFileCmd() *cobra.Command {
	var repo, postmortem string
	var labels []string
	var dryRun bool
	cmd := &cobra.Command{
		Use:   strings.TrimPrefix(githubFileUsage, "github "),
		Short: "File every open action item without an issue",
		Long: `File every open action item of incident N that has no issue yet.

Each issue gets the item's title; a body with its description, owner, due
date, priority and the incident's context; the labels incident-followup, the
severity (sev1…sev5) and each --label, created when missing (when GitHub
refuses, the issue is filed without that label and a warning says so); and
the owner as assignee when written @login.

Exactly once: each body carries a hidden marker with the item's uuid, and the
repository's issues are listed before anything is created; an issue found
with the marker is recorded instead of filed again. Each issue number is
recorded as soon as GitHub answers. Items that fail keep their error (see
"scribe action list") and the exit status is 1; run again to file the rest.
Two runs at once (two terminals, or the TUI) never file one item twice: an
item another run is filing right now is skipped with a message saying so,
and the exit status is 1.

--dry-run prints what would be filed and touches nothing: it makes no request
at all and needs no token, so it cannot see issues that exist on GitHub but
were never recorded (a real run would record those instead of filing them).`,
		Example: `  scribe github file 7 --repo acme/payments --label team-payments
  scribe github file 7 --repo acme/payments --postmortem-url https://wiki.example.com/pm/7 --dry-run`,
		Args: rangeArgs(1, 1, githubFileUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := incidentArg(args, githubFileUsage)
			if err != nil {
				return err
			}
			if strings.TrimSpace(repo) == "" {
				return usageError{fmt.Errorf("missing --repo OWNER/NAME: usage: scribe %s", githubFileUsage)}
			}
			r, err := ghub.ParseRepo(repo)
			if err != nil {
				return usageError{err}
			}
			opts := ghub.FileOptions{Repo: r, Labels: labels, PostmortemURL: strings.TrimSpace(postmortem)}
			if err := opts.Validate(); err != nil {
				return usageError{err}
			}
			if dryRun {
				return a.withStore(cmd.Context(), func(st *store.Store) error { return a.githubDryRun(cmd.Context(), st, id, opts) })
			}
			client, err := a.githubClient(cmd.Context())
			if err != nil {
				return err
			}
			return a.withStore(cmd.Context(), func(st *store.Store) error {
				res, err := ghub.NewFiler(client, st).File(cmd.Context(), id, opts, a.printProgress)
				if res.Total == 0 && err == nil {
					fmt.Fprintf(a.Stdout, "nothing to file: incident #%d has no open action item without an issue\n", id)
					return nil
				}
				if res.Total > 0 {
					fmt.Fprintf(a.Stdout, "%d filed, %d already on GitHub, %d not filed (of %d)\n",
						len(res.Filed), len(res.Linked), res.Unfiled(), res.Total)
				}
				if err != nil {
					return exitError{err, 1}
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&repo, "repo", "", "repository to file in, OWNER/NAME")
	cmd.Flags().StringArrayVar(&labels, "label", nil, "extra label (repeatable)")
	cmd.Flags().StringVar(&postmortem, "postmortem-url", "", "link to the postmortem, shown in every issue")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "print what would be filed; no request, no change")
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
line per item; the exit status is 1 when an issue could not be read.`,
		Example: `  scribe github sync 7`,
		Args:    rangeArgs(1, 1, githubSyncUsage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := incidentArg(args, githubSyncUsage)
			if err != nil {
				return err
			}
			client, err := a.githubClient(cmd.Context())
			if err != nil {
				return err
			}
			return a.withStore(cmd.Context(), func(st *store.Store) error {
				res, err := ghub.NewSyncer(client, st).Sync(cmd.Context(), id, a.printProgress)
				if len(res.Items) == 0 && err == nil {
					fmt.Fprintf(a.Stdout, "nothing to sync: no action item of incident #%d has an issue yet\n", id)
					return nil
				}
				fmt.Fprintf(a.Stdout, "%d synced, %d changed, %d missing, %d moved, %d failed\n",
					len(res.Items)-res.Failed, res.Changed, res.Missing, res.Transferred, res.Failed)
				if err != nil {
					return exitError{err, 1}
				}
				return nil
			})
		},
	}
}

// githubClient finds the API root and the token from the environment.
func (a *App) githubClient(ctx context.Context) (*ghub.Client, error) {
	return ghub.FromEnv(ctx, a.Getenv, a.Now)
}

// printProgress puts results on stdout and news and failures on stderr.
func (a *App) printProgress(p ghub.Progress) {
	switch p.Kind {
	case ghub.ProgressFiled, ghub.ProgressLinked, ghub.ProgressSynced:
		fmt.Fprintln(a.Stdout, p.Message)
	case ghub.ProgressMissing:
		fmt.Fprintf(a.Stdout, "#%d missing  %s: %s\n", p.Item.GitHub.Number, p.Item.Title, p.Message)
	case ghub.ProgressWarning:
		fmt.Fprintf(a.Stderr, "warning: %s\n", p.Message)
	case ghub.ProgressFailed:
		fmt.Fprintf(a.Stderr, "error: %s: %s\n", p.Item.Title, p.Message)
	default:
		fmt.Fprintf(a.Stderr, "note: %s\n", p.Message)
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
	fmt.Fprintf(a.Stdout, "dry run: would file %d issue(s) in %s (nothing was sent or changed)\n", len(plans), opts.Repo)
	for i, p := range plans {
		writePlan(a.Stdout, i+1, p)
	}
	return nil
}

func writePlan(w io.Writer, n int, p ghub.Planned) {
	fmt.Fprintf(w, "\n%d. %s\n", n, p.Title)
	fmt.Fprintf(w, "   labels:   %s\n", strings.Join(p.Labels, ", "))
	if p.Assignee != "" {
		fmt.Fprintf(w, "   assignee: %s\n", p.Assignee)
	}
	fmt.Fprintln(w, "   body:")
	lines := strings.Split(strings.TrimRight(p.Body, "\n"), "\n")
	const preview = 12
	for i, l := range lines {
		if i == preview {
			fmt.Fprintf(w, "   | … (%d more lines)\n", len(lines)-preview)
			break
		}
		fmt.Fprintf(w, "   | %s\n", l)
	}
}
