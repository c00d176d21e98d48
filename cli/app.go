// Package cli is scribe's command line: one file per command, each a thin
// layer that parses flags, calls the store or a pure package, and prints.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"scribe/store"
)

// App carries what every command needs: streams, environment and clock.
// Nothing here is global, so tests run commands in-process side by side.
type App struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	Now    func() time.Time

	dbFlag string
}

// NewApp returns an App wired to the process's real streams and environment.
func NewApp() *App {
	return &App{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Now: time.Now}
}

// Run executes the command line args (without the program name) and returns
// the process exit status: 0 success, 1 failure, 2 usage error.
func (a *App) Run(ctx context.Context, args []string) int {
	root := a.rootCmd()
	root.SetArgs(args)
	root.SetIn(a.Stdin)
	root.SetOut(a.Stdout)
	root.SetErr(a.Stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	fmt.Fprintln(a.Stderr, "scribe: "+err.Error())
	var u usageError
	if errors.As(err, &u) || strings.HasPrefix(err.Error(), "unknown command ") {
		return 2
	}
	var x exitError
	if errors.As(err, &x) {
		return x.code
	}
	return 1
}

// usageError marks a mistake in the command line itself.
type usageError struct{ error }

func (u usageError) Unwrap() error { return u.error }

// exitError carries a specific exit status with its message.
type exitError struct {
	error
	code int
}

func (x exitError) Unwrap() error { return x.error }

func (a *App) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "scribe",
		Short: "Run an incident from the terminal and write it up afterwards",
		Long: `scribe records an incident as it happens: every line becomes a timestamped
event in a local SQLite file; roles, status, milestones and action items are
tracked; afterwards it exports a blameless postmortem and files follow-ups.

Run scribe with no command to open the incident list.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.runTUI(cmd.Context(), 0)
		},
	}
	root.PersistentFlags().StringVar(&a.dbFlag, "db", "", "database file (env SCRIBE_DB; default $XDG_DATA_HOME/scribe/scribe.db)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		if strings.HasPrefix(err.Error(), "unknown shorthand flag") {
			// Most often text that starts with "-": "-5 pods restarted".
			err = fmt.Errorf("%w (text that starts with - goes after --, as in: scribe log 7 -- -5 pods restarted)", err)
		}
		return usageError{err}
	})
	root.AddCommand(
		a.newCmd(), a.listCmd(), a.showCmd(), a.logCmd(), a.roleCmd(), a.statusCmd(),
		a.milestoneCmd(), a.setCmd(), a.retroCmd(), a.editCmd(), a.actionCmd(),
		a.openCmd(), a.demoCmd(), a.importCmd(), a.exportCmd(), a.lintCmd(), a.githubCmd(),
	)
	root.AddCommand(a.configCmd(), a.updateCmd())
	return root
}

// DBPath resolves the database file: --db, then SCRIBE_DB, then the XDG data
// directory.
func (a *App) DBPath() (string, error) {
	if a.dbFlag != "" {
		return a.dbFlag, nil
	}
	if p := a.Getenv("SCRIBE_DB"); p != "" {
		return p, nil
	}
	dir := a.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home := a.Getenv("HOME")
		if home == "" {
			h, err := os.UserHomeDir()
			if err != nil {
				return "", fmt.Errorf("cannot find the default database: neither XDG_DATA_HOME nor HOME is set; use --db PATH")
			}
			home = h
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "scribe", "scribe.db"), nil
}

// openStore opens the database the flags and environment name.
func (a *App) openStore(ctx context.Context) (*store.Store, error) {
	path, err := a.DBPath()
	if err != nil {
		return nil, err
	}
	if err := checkWritable(path); err != nil {
		return nil, err
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	st.Now = a.Now
	return st, nil
}

// withStore opens the store, runs fn and closes the store, keeping fn's error.
func (a *App) withStore(ctx context.Context, fn func(*store.Store) error) error {
	st, err := a.openStore(ctx)
	if err != nil {
		return err
	}
	err = fn(st)
	if cerr := st.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("close database: %w", cerr)
	}
	return err
}

// checkWritable refuses, before SQLite touches anything, a database that
// exists but cannot be written, or whose directory cannot take the -wal and
// -shm files beside it: even reading a WAL database needs both.
func checkWritable(path string) error {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return nil // missing (created later) or not a file: the store says what is wrong
	}
	if syscall.Access(path, 2) != nil {
		return fmt.Errorf("database %s is read-only: scribe needs write access to it (and to its directory, for the -wal and -shm files)", path)
	}
	if dir := filepath.Dir(path); syscall.Access(dir, 2|1) != nil {
		return fmt.Errorf("database %s is in a directory scribe cannot write to (%s): SQLite keeps -wal and -shm files beside the database", path, dir)
	}
	return nil
}
