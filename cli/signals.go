package cli

import (
	"context"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// interruptible returns ctx cancelled by Ctrl+C (SIGINT) or SIGTERM, and
// the function that stops listening: a command that waits (the TUI, a
// FIFO, a pipe, the network) ends with "interrupted" and the exit status a
// shell gives a process the signal ended, 128 plus its number: 130 for
// Ctrl+C, 143 for SIGTERM (see interruptedStatus). An App not made by
// NewApp (the tests') listens for no signals.
//
// Listening costs a thread, which the runtime keeps blocked on the signal
// queue, and a goroutine: about a third of a millisecond of a one-line
// `scribe log`, which therefore does without (see runLog).
func (a *App) interruptible(ctx context.Context) (context.Context, context.CancelFunc) {
	if !a.signals {
		return ctx, func() {}
	}
	ctx, cancel := context.WithCancel(ctx)
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			if s, ok := sig.(syscall.Signal); ok {
				a.caught.CompareAndSwap(0, int32(s))
			}
			cancel()
		case <-done:
		}
	}()
	return ctx, sync.OnceFunc(func() {
		signal.Stop(ch)
		close(done)
		cancel()
	})
}

// interruptedStatus is the exit status of a command a signal stopped: 128
// plus the signal's number, as a shell reports it (130 when none was
// recorded: a context cancelled some other way reads as Ctrl+C).
func (a *App) interruptedStatus() int {
	if s := a.caught.Load(); s != 0 {
		return 128 + int(s)
	}
	return exitInterrupted
}

// ignoreInterrupts makes Ctrl+C and SIGTERM do nothing from now on, in a
// command that did not listen for them: once its change is committed, it
// prints the id and exits 0 rather than die between the two.
func (a *App) ignoreInterrupts() {
	if a.signals {
		signal.Ignore(os.Interrupt, syscall.SIGTERM)
	}
}
