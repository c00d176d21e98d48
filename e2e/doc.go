// Package e2e runs the real scribe binary: the command line as a script
// would call it, several processes on one database, SIGKILL at random
// moments, and the TUI inside tmux. TestMain builds the binary once.
package e2e
