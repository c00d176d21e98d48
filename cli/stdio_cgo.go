//go:build cgo && unix

package cli

/*
#include <errno.h>
#include <fcntl.h>

// Whether scribe was started with standard output closed, seen before the
// Go runtime starts: the runtime then opens /dev/null in the gap (so that
// a file opened later never becomes fd 1), after which a closed stdout and
// a deliberate /dev/null look the same. A constructor runs before it.
static int scribe_stdout_was_closed;

__attribute__((constructor)) static void scribe_check_stdout(void) {
	scribe_stdout_was_closed = fcntl(1, F_GETFD) == -1 && errno == EBADF;
}

static int scribe_stdout_closed(void) { return scribe_stdout_was_closed; }
*/
import "C"

// stdoutClosed reports whether scribe was started with its standard output
// closed (`scribe log 7 x >&-`): an id printed there would vanish with exit
// status 0, so the command must fail and say what was saved.
func stdoutClosed() bool { return C.scribe_stdout_closed() != 0 }
