package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
)

// exitSavedNotPrinted is the exit status when a change was committed but
// its id could not be written to standard output (EX_IOERR): a script must
// not run the command again, or the change would be made twice.
const exitSavedNotPrinted = 74

// errStdoutClosed is what writing to a standard output that was closed
// when scribe started gives (see stdoutClosed).
var errStdoutClosed = errors.New("standard output is closed")

// checkedWriter remembers the first error writing to w, so that a command
// whose output went nowhere (a full disk, `>/dev/full`, a closed pipe)
// fails instead of exiting 0.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err != nil {
		c.err = err
	}
	return n, err
}

// closedWriter stands for a standard output that was closed.
type closedWriter struct{}

func (closedWriter) Write([]byte) (int, error) { return 0, errStdoutClosed }

// printID prints an id alone on stdout, for scripts.
func (a *App) printID(id int64) error { return a.printSavedID("the change", id) }

// printSavedID prints the id of what was just committed alone on stdout.
// The change is already saved, so a failed write says so, with the id, and
// exits exitSavedNotPrinted: a script must not make the change again.
func (a *App) printSavedID(what string, id int64) error {
	if _, err := fmt.Fprintln(a.Stdout, id); err != nil {
		return exitError{fmt.Errorf("%s is saved (id %d), but its id could not be printed: %w; do not run the command again", what, id, err), exitSavedNotPrinted}
	}
	return nil
}

// writeOut writes data to stdout, giving up when ctx ends: a pipe whose
// reader stopped reading (`scribe export 7 | less`, then SIGTERM) must not
// hold scribe for ever. The abandoned write ends with the process.
func (a *App) writeOut(ctx context.Context, data []byte) error {
	done := make(chan error, 1)
	go func() {
		_, err := a.Stdout.Write(data)
		done <- err
	}()
	select {
	case <-ctx.Done():
		return fmt.Errorf("write standard output: %w", ctx.Err())
	case err := <-done:
		if err != nil {
			return fmt.Errorf("write standard output: %w", err)
		}
		return nil
	}
}
