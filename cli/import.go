package cli

// Owned by the ingest work: `scribe import`.

import (
	"errors"

	"github.com/spf13/cobra"
)

func (a *App) importCmd() *cobra.Command {
	return &cobra.Command{Use: "import (N|--new) FILE|-", Short: "Import a timeline", Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error { return errors.New("import is not built yet") }}
}
