// Package cli is scribe's command line and its wiring: main.go calls
// App.Run, which installs the signal handling where a command needs it
// (signals.go); cli opens the store (read-write, or
// read-only for the reading commands when the file or its directory cannot
// be written), hands the TUI the store through the TUI's own interface and
// the functions it needs (preview, filing), and prints.
//
// One file per command (log.go, action.go, …). Each command follows cli/cli's
// shape: a constructor that parses the arguments and flags into an options
// struct and then calls runF when a test gave one (so the parsing is tested
// apart from running) or the command's run function. Values are checked with
// the domain's one validation (package incident) before the database is
// opened, so bad input never opens, creates or changes it.
//
// Shared behaviour, each in its own file: who the author is (identity.go:
// --by, SCRIBE_AUTHOR, git's user.name, the login name); ids and output
// that went nowhere (output.go: 74 when a change is saved but its id could
// not be printed); bounded, cancellable reads (read.go); atomic, cancellable
// -o writes that never touch the database (outfile.go); the section file of
// scribe edit (narrative.go).
//
// Team mode is wired here too: a postgres:// --db opens the team database
// through the outbox (team.go), and the write commands go through the
// writer interface (writer.go), which *store.Store and *outbox.Team both
// satisfy, so each command is written once for both.
//
// Where the code differs from DESIGN.md: the command line grew corrections
// (action edit/delete/restore, retro edit/delete/restore, milestone
// --clear, lint), the runbook (checklist, remind, update, config), the
// look back (followups, report), push and --version; exit statuses beyond
// 0/1/2 are 74 (saved, id not printed), 75 (team mode: only queued in the
// outbox), 130 (interrupted by SIGINT) and 143 (by SIGTERM); signals are
// installed here rather than in main.go, because `scribe log` to a file
// does without them (signals.go, runLog).
package cli
