package cli

// The TUI commands: `scribe` (no command), `scribe open N`, `scribe demo`.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"scribe/demo"
	"scribe/export"
	"scribe/incident"
	ghub "scribe/integrations/github"
	"scribe/store"
	"scribe/tui"
)

// runTUI opens the database and runs the TUI on it: the incident list, or
// incident incidentID when it is not 0.
func (a *App) runTUI(ctx context.Context, incidentID int64) error {
	if dsn, err := a.DBPath(); err == nil && store.IsPostgres(dsn) {
		return a.runTeamTUI(ctx, dsn, incidentID)
	}
	return a.withStore(ctx, func(st *store.Store) error {
		if incidentID != 0 {
			// Fail before taking over the terminal when the number is wrong.
			if _, err := st.Incident(ctx, incidentID); err != nil {
				return err
			}
		}
		return a.runProgram(ctx, st, incidentID, a.tuiDrafts(st.Path()), a.fileFromTUI(storeOf(st)))
	})
}

func (a *App) runProgram(ctx context.Context, st tui.Store, incidentID int64, drafts tui.Drafts, file tui.FileFunc) error {
	author, err := a.author("")
	if err != nil {
		return err
	}
	opts := tui.Options{
		IncidentID: incidentID,
		Author:     author,
		Now:        a.Now,
		Zone:       localZoneName(a.Getenv),
		Preview:    previewPostmortem,
		Editor:     a.editorCommand(),
		File:       file,
		Drafts:     drafts,
	}
	// The terminal itself, not Run's checking wrapper: Bubble Tea sizes and
	// styles the screen only when it sees the *os.File.
	out := a.Stdout
	if c, ok := out.(*checkedWriter); ok {
		out = c.w
	}
	// The team policy (cli/config.go): a broken config.toml stops scribe
	// before it takes over the terminal.
	cfg, err := a.loadConfig()
	if err != nil {
		return err
	}
	tuiPolicy(&opts, cfg) // cli/updatetui.go
	popts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithInput(a.Stdin), tea.WithOutput(out)}
	if a.signals {
		// Run listens already (signals.go): Bubble Tea's own handler would
		// race it and turn a SIGTERM into a quit with exit status 0.
		popts = append(popts, tea.WithoutSignalHandler())
	}
	p := tea.NewProgram(tui.New(ctx, st, opts), popts...)
	if _, err := p.Run(); err != nil {
		return fmt.Errorf("run the terminal interface: %w", err)
	}
	return nil
}

// editorCommand is $VISUAL, else $EDITOR, else vi, as for `scribe edit`.
func (a *App) editorCommand() string {
	for _, v := range []string{"VISUAL", "EDITOR"} {
		if e := a.Getenv(v); e != "" {
			return e
		}
	}
	return "vi"
}

// storeOf is a store that is open already, for fileFromTUI.
func storeOf(st *store.Store) func(context.Context) (*store.Store, error) {
	return func(context.Context) (*store.Store, error) { return st, nil }
}

// fileFromTUI files action items from the TUI's Actions pane, with the
// token and API root `scribe github file` uses.
func (a *App) fileFromTUI(open func(context.Context) (*store.Store, error)) tui.FileFunc {
	return func(ctx context.Context, id int64, repo string, only []int64, progress func(string)) (string, error) {
		r, err := ghub.ParseRepo(repo)
		if err != nil {
			return "", err
		}
		opts := ghub.FileOptions{Repo: r, Only: only}
		if err := opts.Validate(); err != nil {
			return "", err
		}
		client, err := a.githubClient(ctx)
		if err != nil {
			return "", err
		}
		st, err := open(ctx)
		if err != nil {
			return "", err
		}
		res, err := ghub.NewFiler(client, st).File(ctx, id, opts, func(p ghub.Progress) {
			msg := p.Message
			if p.Total > 0 {
				msg = fmt.Sprintf("%d/%d %s", p.Done, p.Total, msg)
			}
			progress(msg)
		})
		if res.Total == 0 && err == nil {
			return "nothing to file: no open action item without an issue", nil
		}
		return fmt.Sprintf("%d filed, %d already on GitHub, %d not filed (of %d)", len(res.Filed), len(res.Linked), res.Unfiled(), res.Total), err
	}
}

// previewPostmortem is the TUI's Preview pane: the postmortem as `scribe
// export` would write it, the lint's findings with their levels, and the
// phases as the text strip, width cells wide, when it fits.
func previewPostmortem(snap incident.Snapshot, width int) (tui.Preview, error) {
	var b strings.Builder
	if err := export.Markdown(&b, snap, export.Options{}); err != nil {
		return tui.Preview{}, fmt.Errorf("render the postmortem: %w", err)
	}
	pv := tui.Preview{Markdown: b.String(), Strip: phaseStrip(snap, width)}
	for _, w := range export.Lint(snap, export.Options{}) {
		pv.Findings = append(pv.Findings, tui.Finding{Note: w.IsNote(), Text: w.String()})
	}
	return pv, nil
}

// phaseStrip is the phases in width cells, from the first milestone to the
// last, or to the latest event while the incident is not resolved; the
// legend follows on one line, or on two when one is too narrow. None when
// the milestones do not span two moments.
func phaseStrip(snap incident.Snapshot, width int) []string {
	var until time.Time
	for _, e := range snap.Events {
		if e.OccurredAt.After(until) {
			until = e.OccurredAt
		}
	}
	strip, ok := export.NewPhaseStrip(snap.Incident.Milestones, until, width)
	if !ok {
		return nil
	}
	lines := []string{phaseSpan(snap.Incident, until), strip.Bands, strip.Marks}
	if utf8.RuneCountInString(export.StripLegend) <= width {
		return append(lines, export.StripLegend)
	}
	fills, letters, _ := strings.Cut(export.StripLegend, "   ")
	return append(lines, fills, strings.TrimSpace(letters))
}

// phaseSpan is the strip's caption: the span it draws, in the incident's
// zone ("Phases 09:02 to 10:33 UTC", with the dates when they differ).
func phaseSpan(inc incident.Incident, until time.Time) string {
	loc := inc.Location()
	var first, last time.Time
	for _, m := range incident.MilestoneOrder {
		if t, ok := inc.Milestones.Get(m); ok {
			if first.IsZero() || t.Before(first) {
				first = t
			}
			if t.After(last) {
				last = t
			}
		}
	}
	if _, resolved := inc.Milestones.Get(incident.MilestoneResolved); !resolved && until.After(last) {
		last = until
	}
	from, to := first.In(loc), last.In(loc)
	layout := "15:04"
	if from.Format(incident.DateLayout) != to.Format(incident.DateLayout) {
		layout = "Mon 2 Jan 15:04"
	}
	return "Phases " + from.Format(layout) + " to " + to.Format(layout) + " " + to.Format("MST")
}

func (a *App) openCmd() *cobra.Command {
	const usage = "open N"
	return &cobra.Command{
		Use:   usage,
		Short: "Open the TUI on incident N",
		Args:  minArgs(1, usage),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := incidentArg(args, usage)
			if err != nil {
				return err
			}
			return a.runTUI(cmd.Context(), id)
		},
	}
}

func (a *App) demoCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "demo",
		Short: "Open the TUI on a sample incident in a temporary database",
		Long: `Open the TUI on a sample incident, seeded into a temporary database that is
removed on exit. Nothing touches your own database.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			dir, err := os.MkdirTemp("", "scribe-demo-")
			if err != nil {
				return fmt.Errorf("create the demo directory: %w", err)
			}
			defer func() {
				os.RemoveAll(dir)
				fmt.Fprintf(a.Stderr, "scribe: the demo database was %s (removed)\n", filepath.Join(dir, "demo.db"))
			}()
			st, err := store.Open(ctx, filepath.Join(dir, "demo.db"))
			if err != nil {
				return err
			}
			defer st.Close()
			st.Now = a.Now
			id, err := demo.Seed(ctx, st, a.Now())
			if err != nil {
				return fmt.Errorf("seed the demo incident: %w", err)
			}
			return a.runProgram(ctx, st, id, nil, a.fileFromTUI(storeOf(st))) // a demo's drafts would outlive its database
		},
	}
}

// The TUI reaches the database through its own small interface.
var _ tui.Store = (*store.Store)(nil)
