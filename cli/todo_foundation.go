package cli

// Temporary: replaced command by command by the foundation work.

import "github.com/spf13/cobra"

func (a *App) newCmd() *cobra.Command { return &cobra.Command{Use: "newCmd", Hidden: true} }

func (a *App) listCmd() *cobra.Command { return &cobra.Command{Use: "listCmd", Hidden: true} }

func (a *App) showCmd() *cobra.Command { return &cobra.Command{Use: "showCmd", Hidden: true} }

func (a *App) logCmd() *cobra.Command { return &cobra.Command{Use: "logCmd", Hidden: true} }

func (a *App) roleCmd() *cobra.Command { return &cobra.Command{Use: "roleCmd", Hidden: true} }

func (a *App) statusCmd() *cobra.Command { return &cobra.Command{Use: "statusCmd", Hidden: true} }

func (a *App) milestoneCmd() *cobra.Command { return &cobra.Command{Use: "milestoneCmd", Hidden: true} }

func (a *App) setCmd() *cobra.Command { return &cobra.Command{Use: "setCmd", Hidden: true} }

func (a *App) retroCmd() *cobra.Command { return &cobra.Command{Use: "retroCmd", Hidden: true} }

func (a *App) editCmd() *cobra.Command { return &cobra.Command{Use: "editCmd", Hidden: true} }

func (a *App) actionCmd() *cobra.Command { return &cobra.Command{Use: "actionCmd", Hidden: true} }
