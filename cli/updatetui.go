package cli

// The team's policy in the TUI, and its /update drafts.

import (
	"strings"
	"time"

	"scribe/config"
	"scribe/incident"
	"scribe/tui"
	"scribe/update"
)

// tuiPolicy gives the TUI the team's policy: the cadence its header counts
// down, the checklists it attaches, and the drafts of /update.
func tuiPolicy(opts *tui.Options, cfg config.Config) {
	opts.DraftUpdate = draftUpdate(cfg)
	opts.UpdateEvery = cfg.UpdateEvery
	opts.Checklist = func(sev incident.Severity) []string { return cfg.For(sev).Checklist }
}

// draftUpdate is the TUI's /update: the draft `scribe update` prints, with
// the team's template.
func draftUpdate(cfg config.Config) tui.DraftFunc {
	return func(snap incident.Snapshot, format string, now time.Time) (string, error) {
		f, err := update.ParseFormat(format)
		if err != nil {
			return "", err
		}
		var b strings.Builder
		if err := update.Render(&b, update.Build(snap, update.Options{Format: f, Now: now}), cfg.UpdateTemplate); err != nil {
			return "", err
		}
		return b.String(), nil
	}
}
