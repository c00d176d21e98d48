package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/sys/unix"

	"scribe/incident"
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

	dbFlag  string
	signals bool         // Ctrl+C and SIGTERM are the process's to handle (see signals.go)
	caught  atomic.Int32 // the signal that interrupted the command, 0 if none
}

// NewApp returns an App wired to the process's real streams and environment.
func NewApp() *App {
	a := &App{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Now: time.Now, signals: true}
	if stdoutClosed() {
		a.Stdout = closedWriter{}
	}
	return a
}

// Exit statuses besides 0, 1 (failure) and 2 (usage error).
const exitInterrupted = 130 // Ctrl+C (SIGINT) stopped the command, as a shell reports 128+2; SIGTERM gives 143

// Run executes the command line args (without the program name) and returns
// the process exit status: 0 success, 1 failure, 2 usage error, 74 saved
// but the id could not be printed, 130 interrupted by Ctrl+C, 143 by
// SIGTERM.
func (a *App) Run(ctx context.Context, args []string) int {
	// Ctrl+C and SIGTERM cancel ctx, except for a log, which listens only
	// when it has a network to wait for (see runLog).
	if commandName(args) != "log" {
		var stop context.CancelFunc
		ctx, stop = a.interruptible(ctx)
		defer stop()
	}
	// Output that went nowhere (a full disk, a closed pipe) is a failure,
	// whichever command wrote it.
	stdout := &checkedWriter{w: a.Stdout}
	saved := a.Stdout
	a.Stdout = stdout
	defer func() { a.Stdout = saved }()

	root := a.rootCmd(args)
	root.SetArgs(args)
	root.SetIn(a.Stdin)
	root.SetOut(a.Stdout)
	root.SetErr(a.Stderr)
	err := root.ExecuteContext(ctx)
	if err == nil && stdout.err != nil {
		err = fmt.Errorf("write standard output: %w", stdout.err)
	}
	if err == nil {
		return 0
	}
	// Messages quote paths, arguments and stored text: whatever they hold,
	// no escape sequence reaches the terminal.
	msg := boundError(incident.PlainBlock(err.Error()))
	// Nothing but a signal cancels a command's context.
	if errors.Is(err, context.Canceled) || (ctx.Err() != nil && errors.Is(err, ctx.Err())) {
		fmt.Fprintln(a.Stderr, "scribe: interrupted: "+msg)
		return a.interruptedStatus()
	}
	fmt.Fprintln(a.Stderr, "scribe: "+msg)
	var u usageError
	if errors.As(err, &u) || strings.HasPrefix(err.Error(), "unknown command ") {
		return 2
	}
	var x exitError
	if errors.As(err, &x) {
		if x.code == exitInterrupted {
			return a.interruptedStatus()
		}
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

func (a *App) rootCmd(args []string) *cobra.Command {
	root := &cobra.Command{
		Use:   "scribe",
		Short: "Run an incident from the terminal and write it up afterwards",
		Long: `scribe records an incident as it happens: every line becomes a timestamped
event in a local SQLite file; roles, status, milestones and action items are
tracked; afterwards it exports a blameless postmortem and files follow-ups.

Run scribe with no command to open the incident list.`,
		Version:       versionFor(args),
		SilenceUsage:  true,
		SilenceErrors: true,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageError{fmt.Errorf("unknown command %s: run scribe --help for the list", incident.Quote(args[0]))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.runTUI(cmd.Context(), 0)
		},
	}
	root.SetVersionTemplate("scribe {{.Version}}\n")
	root.PersistentFlags().StringVar(&a.dbFlag, "db", "", "database file, or a postgres:// URL for a team database (env SCRIBE_DB; default $XDG_DATA_HOME/scribe/scribe.db)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		msg := err.Error()
		if len(msg) > maxFlagError {
			// pflag repeats the value it refused in full.
			msg = msg[:maxFlagError] + "…"
		}
		if strings.HasPrefix(msg, "unknown shorthand flag") {
			// Most often text that starts with "-": "-5 pods restarted".
			msg += " (text that starts with - goes after --, as in: scribe log 7 -- -5 pods restarted)"
		}
		return usageError{errors.New(msg)}
	})
	cmds := a.commands(args)
	// A command named on the command line is run, never completed: the
	// completion commands cobra would add are start-up cost for nothing.
	root.CompletionOptions.DisableDefaultCmd = len(cmds) == 1
	root.AddCommand(cmds...)
	return root
}

// versionFor is the build's description when args ask for it, and a
// placeholder otherwise: cobra needs a version to offer --version, and
// reading the build information is start-up cost a log does not need.
func versionFor(args []string) string {
	for _, arg := range args {
		if arg == "--version" || arg == "-v" {
			return version()
		}
	}
	return "(run scribe --version)"
}

// maxFlagError bounds a flag error, which quotes the refused value.
const maxFlagError = 200

// commands builds the subcommands. A command line that names one (as
// `scribe log 7 …` from a script or an alert hook does) builds only that
// one: the others' flags and help cost start-up time a one-line log does
// not need.
func (a *App) commands(args []string) []*cobra.Command {
	table := []struct {
		name string
		cmd  func() *cobra.Command
	}{
		{"new", func() *cobra.Command { return a.newCmd(nil) }},
		{"list", func() *cobra.Command { return a.listCmd(nil) }},
		{"show", func() *cobra.Command { return a.showCmd(nil) }},
		{"log", func() *cobra.Command { return a.logCmd(nil) }},
		{"role", func() *cobra.Command { return a.roleCmd(nil) }},
		{"status", func() *cobra.Command { return a.statusCmd(nil) }},
		{"milestone", func() *cobra.Command { return a.milestoneCmd(nil) }},
		{"set", func() *cobra.Command { return a.setCmd(nil) }},
		{"retro", a.retroCmd},
		{"edit", func() *cobra.Command { return a.editCmd(nil) }},
		{"action", a.actionCmd},
		{"open", a.openCmd},
		{"demo", a.demoCmd},
		{"import", a.importCmd},
		{"export", func() *cobra.Command { return a.exportCmd(nil) }},
		{"lint", func() *cobra.Command { return a.lintCmd(nil) }},
		{"github", a.githubCmd},
		{"followups", a.followupsCmd},
		{"report", a.reportCmd},
		{"push", func() *cobra.Command { return a.pushCmd(nil) }},
		{"config", a.configCmd}, // the runbook: cli/config.go, cli/update.go
		{"update", a.updateCmd},
		{"checklist", a.checklistCmd},
		{"remind", a.remindCmd},
	}
	named := commandName(args)
	var out []*cobra.Command
	for _, c := range table {
		if c.name == named {
			return []*cobra.Command{c.cmd()}
		}
	}
	for _, c := range table {
		out = append(out, c.cmd())
	}
	return out
}

// commandName is the first word of args that is not a global flag or its
// value: the command the user named, or "" (or a word that names none, such
// as help, completion or a typo, which then sees every command).
func commandName(args []string) string {
	for i := 0; i < len(args); i++ {
		switch arg := args[i]; {
		case arg == "--db":
			i++
		case strings.HasPrefix(arg, "-"):
			if arg == "--" {
				return ""
			}
			if !strings.HasPrefix(arg, "--db=") {
				return "" // a flag before the command: let cobra sort it out
			}
		default:
			return arg
		}
	}
	return ""
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
	if store.IsPostgres(path) {
		return a.openTeamStore(ctx, path)
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

// withReader is withStore for commands that only read (show, list,
// export, lint, action list): a database scribe may write is opened as
// usual (created on first use, migrated); one it may only read (a copy
// from a colleague, a read-only mount or directory) is opened read-only,
// so that it can still be shown and exported.
func (a *App) withReader(ctx context.Context, fn func(*store.Store) error) error {
	path, err := a.DBPath()
	if err != nil {
		return err
	}
	if checkWritable(path) == nil {
		return a.withStore(ctx, fn)
	}
	st, err := store.OpenReadOnly(ctx, path)
	if err != nil {
		return err
	}
	st.Now = a.Now
	err = fn(st)
	if cerr := st.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("close database: %w", cerr)
	}
	return err
}

// checkWritable refuses, before SQLite touches anything, a database that
// exists but cannot be written, or whose directory cannot take the -wal and
// -shm files beside it (reads then go through store.OpenReadOnly).
func checkWritable(path string) error {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return nil // missing (created later) or not a file: the store says what is wrong
	}
	if unix.Access(path, unix.W_OK) != nil {
		return fmt.Errorf("database %s is read-only: scribe needs write access to it (and to its directory, for the -wal and -shm files) to change it; show, list and export can still read it", path)
	}
	// Creating the -wal and -shm files needs write and search permission.
	if dir := filepath.Dir(path); unix.Access(dir, unix.W_OK|unix.X_OK) != nil {
		return fmt.Errorf("database %s is in a directory scribe cannot write to (%s): SQLite keeps -wal and -shm files beside the database", path, dir)
	}
	return nil
}
