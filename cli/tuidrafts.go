package cli

import (
	"os"
	"path/filepath"

	"scribe/store"
	"scribe/tui"
)

// tuiDrafts is where the TUI keeps each incident's unsent line:
// $XDG_STATE_HOME/scribe/drafts (~/.local/state/scribe/drafts), one small
// file per incident of the database at dbPath. nil (no drafts) when there
// is no home to put them in.
func (a *App) tuiDrafts(dbPath string) tui.Drafts {
	dir := a.Getenv("XDG_STATE_HOME")
	if dir == "" {
		home := a.Getenv("HOME")
		if home == "" {
			h, err := os.UserHomeDir()
			if err != nil {
				return nil
			}
			home = h
		}
		dir = filepath.Join(home, ".local", "state")
	}
	if store.IsPostgres(dbPath) {
		dbPath = store.Redact(dbPath) // a team database: the URL, never its password
	} else if abs, err := filepath.Abs(dbPath); err == nil {
		dbPath = abs
	}
	return tui.DraftDir{Dir: filepath.Join(dir, "scribe", "drafts"), Scope: dbPath}
}
