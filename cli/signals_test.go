package cli

import (
	"context"
	"syscall"
	"testing"
	"time"
)

// TestInterruptedStatusNamesTheSignal: a SIGTERM (a real one, sent to the
// test process while the App listens) cancels the command's context and
// makes the exit status 143, as a shell reports it; Ctrl+C stays 130.
func TestInterruptedStatusNamesTheSignal(t *testing.T) {
	for sig, want := range map[syscall.Signal]int{syscall.SIGTERM: 143, syscall.SIGINT: 130} {
		a := &App{signals: true}
		ctx, stop := a.interruptible(context.Background())
		if err := syscall.Kill(syscall.Getpid(), sig); err != nil {
			t.Fatal(err)
		}
		select {
		case <-ctx.Done():
		case <-time.After(5 * time.Second):
			t.Fatalf("%v did not cancel the context", sig)
		}
		stop()
		if got := a.interruptedStatus(); got != want {
			t.Errorf("%v: exit status %d, want %d", sig, got, want)
		}
	}
}
