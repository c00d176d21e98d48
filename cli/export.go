package cli

// Owned by the export work: `scribe export`, `scribe lint`.

import (
	"errors"

	"github.com/spf13/cobra"
)

func (a *App) exportCmd() *cobra.Command {
	return &cobra.Command{Use: "export N", Short: "Export the postmortem", Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error { return errors.New("export is not built yet") }}
}

func (a *App) lintCmd() *cobra.Command {
	return &cobra.Command{Use: "lint N", Short: "List the postmortem's warnings", Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error { return errors.New("lint is not built yet") }}
}
