package cli

// `scribe followups`.

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"scribe/incident"
	"scribe/integrations/github"
	"scribe/store"
)

const followupsUsage = "followups [--json] [--owner WHO] [--overdue] [--repo OWNER/NAME]"

// followUpJSON is one line of `followups --json`.
type followUpJSON struct {
	Incident      int64  `json:"incident"`
	IncidentTitle string `json:"incident_title"`
	Severity      int    `json:"severity"`
	IncidentState string `json:"incident_state"`
	ID            int64  `json:"id"`
	UUID          string `json:"uuid"`
	Title         string `json:"title"`
	Owner         string `json:"owner,omitempty"`
	Priority      string `json:"priority,omitempty"`
	// Due is the date the item is held to: the one set, or the one its
	// priority's deadline gives (DueSource says which); absent when none.
	Due       string          `json:"due,omitempty"`
	DueSource string          `json:"due_source"`
	DaysLeft  *int            `json:"days_left,omitempty"`
	Overdue   bool            `json:"overdue"`
	State     string          `json:"state"`
	GitHub    *followUpGitHub `json:"github,omitempty"`
}

// followUpGitHub is the issue as the last `github sync` saw it.
type followUpGitHub struct {
	Repo      string  `json:"repo"`
	Number    int     `json:"number,omitempty"`
	URL       string  `json:"url,omitempty"`
	State     string  `json:"state,omitempty"`
	SyncedAt  *string `json:"synced_at,omitempty"`
	SyncError string  `json:"sync_error,omitempty"`
}

// followUpFilter is what the flags of `followups` keep.
type followUpFilter struct {
	owner   string
	repo    string
	overdue bool
}

func (f followUpFilter) keep(fu incident.FollowUp) bool {
	if f.overdue && !fu.Overdue() {
		return false
	}
	if f.owner != "" && !sameOwner(fu.Item.Owner, f.owner) {
		return false
	}
	if f.repo != "" && !strings.EqualFold(fu.Item.GitHub.Repo, f.repo) {
		return false
	}
	return true
}

// sameOwner compares owners as people write them: case does not matter,
// nor does the @ of a GitHub login.
func sameOwner(a, b string) bool {
	norm := func(s string) string { return strings.TrimPrefix(strings.TrimSpace(s), "@") }
	return strings.EqualFold(norm(a), norm(b))
}

func (a *App) followupsCmd() *cobra.Command {
	var asJSON bool
	var filter followUpFilter
	cmd := &cobra.Command{
		Use:   followupsUsage,
		Short: "List every open action item across incidents, overdue first",
		Long: `List the open action items (follow-ups) of every incident: overdue first
(the most overdue on top), then by due date, items with no due date last.

An item nobody gave a due date is held to its priority's deadline: by
default ` + incident.DefaultFollowUpPolicy().Describe() + `;
the [followups] table of config.toml changes them (scribe config). The deadline counts from the later of the item's creation and the incident's
resolution (nobody works on follow-ups during the outage, and an item written
in the retro a week later has not been waiting that week); for an incident
still open, from the item's creation. Dates are in the incident's zone, and
an item is overdue from the day after its due date. In the table such a
derived date is marked with *; in --json its due_source is "priority"
("set" for a date someone gave, "none" when there is no deadline).

The ISSUE column is the GitHub issue and its state as the last
"scribe github sync" saw it.`,
		Example: `  scribe followups
  scribe followups --overdue --owner @kenA
  scribe followups --repo acme/payments --json`,
		Args: maxArgs(0, followupsUsage),
		RunE: func(cmd *cobra.Command, _ []string) error {
			filter.owner = strings.TrimSpace(filter.owner)
			if cmd.Flags().Changed("owner") && strings.TrimPrefix(filter.owner, "@") == "" {
				return usageError{fmt.Errorf("--owner is empty: give a name or @login as action items record it")}
			}
			if cmd.Flags().Changed("repo") {
				r, err := github.ParseRepo(filter.repo)
				if err != nil {
					return usageError{fmt.Errorf("--repo: %w", err)}
				}
				filter.repo = r.String()
			}
			pol, err := a.followUpPolicy()
			if err != nil {
				return err
			}
			return a.withStore(cmd.Context(), func(st *store.Store) error {
				all, items, err := openFollowUps(cmd.Context(), st, pol, a.Now())
				if err != nil {
					return err
				}
				var fs []incident.FollowUp
				for _, f := range all {
					if filter.keep(f) {
						fs = append(fs, f)
					}
				}
				if asJSON {
					return a.printFollowUpsJSON(fs)
				}
				if items == 0 {
					fmt.Fprintln(a.Stderr, "no action items yet: scribe action add N TITLE captures one")
					return nil
				}
				return a.printFollowUps(fs, len(all), pol)
			})
		},
	}
	f := cmd.Flags()
	f.BoolVar(&asJSON, "json", false, "print JSON")
	f.StringVar(&filter.owner, "owner", "", "only items owned by WHO (case and a leading @ ignored)")
	f.BoolVar(&filter.overdue, "overdue", false, "only items past their due date")
	f.StringVar(&filter.repo, "repo", "", "only items filed (or being filed) in OWNER/NAME")
	return cmd
}

// followUpPolicy is the deadline policy the follow-up and report commands
// apply: the built-in one with the [followups] of a team's config.toml laid
// over it (cli/config.go); a broken file is an error.
func (a *App) followUpPolicy() (incident.FollowUpPolicy, error) {
	cfg, err := a.loadConfig()
	if err != nil {
		return incident.FollowUpPolicy{}, err
	}
	return cfg.FollowUps, nil
}

// openFollowUps reads every open action item of every incident, held to
// the policy as of now and sorted; items counts the live ones in any state.
func openFollowUps(ctx context.Context, st *store.Store, pol incident.FollowUpPolicy, now time.Time) (_ []incident.FollowUp, items int, _ error) {
	incs, err := st.Incidents(ctx)
	if err != nil {
		return nil, 0, err
	}
	var out []incident.FollowUp
	for _, inc := range incs {
		its, err := st.ActionItems(ctx, inc.ID)
		if err != nil {
			return nil, 0, fmt.Errorf("action items of incident #%d: %w", inc.ID, err)
		}
		items += len(its)
		for _, it := range its {
			if it.State == incident.ItemOpen || it.State == "" {
				out = append(out, incident.NewFollowUp(it, inc, pol, now))
			}
		}
	}
	incident.SortFollowUps(out)
	return out, items, nil
}

func (a *App) printFollowUpsJSON(fs []incident.FollowUp) error {
	out := make([]followUpJSON, 0, len(fs))
	for _, f := range fs {
		it := f.Item
		j := followUpJSON{
			Incident: f.Incident.ID, IncidentTitle: f.Incident.Title, Severity: int(f.Incident.Severity),
			IncidentState: string(f.Incident.State), ID: it.ID, UUID: it.UUID, Title: it.Title, Owner: it.Owner,
			Priority: string(it.Priority), Due: f.Due, DueSource: string(f.DueSource), Overdue: f.Overdue(),
			State: string(incident.ItemOpen),
		}
		if f.Due != "" {
			days := f.DaysLeft
			j.DaysLeft = &days
		}
		if g := it.GitHub; g.Repo != "" || g.Filed() || g.SyncError != "" {
			j.GitHub = &followUpGitHub{Repo: g.Repo, Number: g.Number, URL: g.URL, State: g.State, SyncError: g.SyncError}
			if !g.SyncedAt.IsZero() {
				s := g.SyncedAt.UTC().Format(rfc3339)
				j.GitHub.SyncedAt = &s
			}
		}
		out = append(out, j)
	}
	return a.writeJSON(out)
}

func (a *App) printFollowUps(fs []incident.FollowUp, open int, pol incident.FollowUpPolicy) error {
	if len(fs) == 0 {
		if open == 0 {
			fmt.Fprintln(a.Stderr, "no open follow-ups: every action item is done or won't do")
		} else {
			fmt.Fprintf(a.Stderr, "no open follow-up matches (%d open in all)\n", open)
		}
		return nil
	}
	tw := tabwriter.NewWriter(a.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DUE\tWHEN\tINCIDENT\tITEM\tPRI\tOWNER\tISSUE\tTITLE")
	derived, overdue := false, 0
	for _, f := range fs {
		due := dash(f.Due)
		if f.DueSource == incident.DuePolicy {
			due += " *"
			derived = true
		}
		if f.Overdue() {
			overdue++
		}
		fmt.Fprintf(tw, "%s\t%s\t#%d %s\t%d\t%s\t%s\t%s\t%s\n", due, dueWhen(f), f.Incident.ID, f.Incident.Severity,
			f.Item.ID, dash(string(f.Item.Priority)), dash(oneLine(f.Item.Owner)), issueCell(f.Item.GitHub), oneLine(f.Item.Title))
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write follow-ups: %w", err)
	}
	if derived {
		fmt.Fprintf(a.Stdout, "\n* from the priority's deadline (%s), counted from the later of the item's creation and the incident's resolution\n",
			pol.Describe())
	}
	fmt.Fprintf(a.Stderr, "%s, %d overdue\n", incident.Count(len(fs), "open follow-up"), overdue)
	return nil
}

// dueWhen says how far the due date is, as a person would: "3d late",
// "today", "in 5d".
func dueWhen(f incident.FollowUp) string {
	switch {
	case f.Due == "":
		return "-"
	case f.DaysLeft < 0:
		return fmt.Sprintf("%dd late", -f.DaysLeft)
	case f.DaysLeft == 0:
		return "today"
	}
	return fmt.Sprintf("in %dd", f.DaysLeft)
}

// issueCell is the GitHub issue as the last sync saw it.
func issueCell(g incident.GitHubIssue) string {
	switch {
	case g.Filed():
		s := fmt.Sprintf("%s#%d", oneLine(g.Repo), g.Number)
		if g.State != "" {
			s += " " + oneLine(g.State)
		}
		if g.SyncError != "" {
			s += " (sync failed)"
		}
		return s
	case g.SyncError != "":
		return "not filed (error)"
	}
	return "-"
}
