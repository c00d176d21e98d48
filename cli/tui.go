package cli

// Owned by the TUI work: `scribe` (no command), `scribe open N`, `scribe demo`.

import (
	"context"
	"errors"

	"github.com/spf13/cobra"
)

func (a *App) runTUI(ctx context.Context, incidentID int64) error {
	return errors.New("the TUI is not built yet")
}

func (a *App) openCmd() *cobra.Command {
	return &cobra.Command{Use: "open N", Short: "Open the TUI on incident N", Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error { return a.runTUI(cmd.Context(), 0) }}
}

func (a *App) demoCmd() *cobra.Command {
	return &cobra.Command{Use: "demo", Short: "Open the TUI on a sample incident", Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error { return errors.New("demo is not built yet") }}
}
