package cli

// Where config.toml is, and `scribe config`.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"scribe/config"
	"scribe/incident"
	"scribe/store"
)

// ConfigPath resolves the team policy file: SCRIBE_CONFIG, then
// $XDG_CONFIG_HOME/scribe/config.toml, then ~/.config/scribe/config.toml.
func (a *App) ConfigPath() (string, error) {
	if p := a.Getenv("SCRIBE_CONFIG"); p != "" {
		return p, nil
	}
	dir := a.Getenv("XDG_CONFIG_HOME")
	if dir == "" {
		home := a.Getenv("HOME")
		if home == "" {
			h, err := os.UserHomeDir()
			if err != nil {
				return "", fmt.Errorf("cannot find the configuration: neither XDG_CONFIG_HOME nor HOME is set; set SCRIBE_CONFIG to a config.toml")
			}
			home = h
		}
		dir = filepath.Join(home, ".config")
	}
	return filepath.Join(dir, "scribe", "config.toml"), nil
}

// loadConfig reads the team policy; no file means the built-in policy. A
// command that depends on the policy calls it before writing anything, so
// that a broken file stops it with nothing written.
func (a *App) loadConfig() (config.Config, error) {
	path, err := a.ConfigPath()
	if err != nil {
		return config.Config{}, err
	}
	return config.Load(path)
}

// policySnapshot reads incident id with the cadence of its severity set
// from the policy, as show --json, export and update present it.
func policySnapshot(ctx context.Context, st *store.Store, id int64, cfg config.Config) (incident.Snapshot, error) {
	snap, err := st.Snapshot(ctx, id)
	if err != nil {
		return incident.Snapshot{}, err
	}
	snap.UpdateEvery = cfg.UpdateEvery(snap.Incident.Severity)
	return snap, nil
}

// snapshotWithPolicy loads the policy, then the incident: the one call for
// read commands whose output carries the cadence.
func (a *App) snapshotWithPolicy(ctx context.Context, st *store.Store, id int64) (incident.Snapshot, error) {
	cfg, err := a.loadConfig()
	if err != nil {
		return incident.Snapshot{}, err
	}
	return policySnapshot(ctx, st, id, cfg)
}

const configUsage = "config [--default]"

func (a *App) configCmd() *cobra.Command {
	var builtIn bool
	cmd := &cobra.Command{
		Use:   configUsage,
		Short: "Print the policy for running incidents (cadence, checklists, update template)",
		Long: `Print the policy scribe applies when running an incident, as a config.toml:
per severity the stakeholder update cadence (update_every) and the checklist
attached on declaration and escalation, the stakeholder update template and
the follow-up deadlines per priority.

The file is $SCRIBE_CONFIG, else $XDG_CONFIG_HOME/scribe/config.toml, else
~/.config/scribe/config.toml. It is optional: keys it leaves out keep the
built-in policy. A broken file (bad TOML, an unknown or misspelt key, a value
of the wrong kind, a template that does not run) is refused with one line
naming the file, the line and what is accepted; this command is the way to
check one. --default prints the built-in policy, a starting point:

  scribe config --default > ~/.config/scribe/config.toml`,
		Args: maxArgs(0, configUsage),
		RunE: func(cmd *cobra.Command, _ []string) error {
			path, err := a.ConfigPath()
			if err != nil {
				return err
			}
			cfg := config.Default()
			if !builtIn {
				if cfg, err = config.Load(path); err != nil {
					return err
				}
				if cfg.File == "" {
					fmt.Fprintf(a.Stderr, "note: %s does not exist: the built-in policy applies\n", path)
				} else {
					fmt.Fprintf(a.Stderr, "note: read %s\n", path)
				}
			}
			return config.Write(a.Stdout, cfg)
		},
	}
	cmd.Flags().BoolVar(&builtIn, "default", false, "print the built-in policy instead of the one in effect")
	return cmd
}
