package cli

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// interruptible returns ctx cancelled by Ctrl+C (SIGINT) or SIGTERM, and
// the function that stops listening: a command that waits (the TUI, a
// FIFO, a pipe, the network) ends with "interrupted" and exit status 130.
// An App not made by NewApp (the tests') listens for no signals.
//
// Listening costs a thread, which the runtime keeps blocked on the signal
// queue, and a goroutine: about a third of a millisecond of a one-line
// `scribe log`, which therefore does without (see runLog).
func (a *App) interruptible(ctx context.Context) (context.Context, context.CancelFunc) {
	if !a.signals {
		return ctx, func() {}
	}
	return signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
}

// ignoreInterrupts makes Ctrl+C and SIGTERM do nothing from now on, in a
// command that did not listen for them: once its change is committed, it
// prints the id and exits 0 rather than die between the two.
func (a *App) ignoreInterrupts() {
	if a.signals {
		signal.Ignore(os.Interrupt, syscall.SIGTERM)
	}
}
