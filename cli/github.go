package cli

// Owned by the GitHub work: `scribe github file|sync`.

import (
	"errors"

	"github.com/spf13/cobra"
)

func (a *App) githubCmd() *cobra.Command {
	return &cobra.Command{Use: "github", Short: "File action items as GitHub issues", Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error { return errors.New("github is not built yet") }}
}
