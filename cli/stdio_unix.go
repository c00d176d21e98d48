//go:build unix

package cli

import (
	"golang.org/x/sys/unix"
)

// stdoutClosed reports whether scribe was started with its standard output
// closed (`scribe log 7 x >&-`). The Go runtime then opens /dev/null in its
// place, read-write, before any of scribe runs, so every write "succeeds"
// and an id would vanish with exit status 0. A shell's `>/dev/null` opens it
// write-only, and a daemon that points all three streams at /dev/null
// discards on purpose, so only a read-write /dev/null on stdout beside a
// stderr that is something else counts as closed.
func stdoutClosed() bool {
	return runtimeDevNull(1) && !isDevNull(2)
}

func runtimeDevNull(fd int) bool {
	flags, err := unix.FcntlInt(uintptr(fd), unix.F_GETFL, 0)
	return err == nil && flags&unix.O_ACCMODE == unix.O_RDWR && isDevNull(fd)
}

func isDevNull(fd int) bool {
	var st, null unix.Stat_t
	if unix.Fstat(fd, &st) != nil || unix.Stat("/dev/null", &null) != nil {
		return false
	}
	return st.Mode&unix.S_IFMT == unix.S_IFCHR && st.Rdev == null.Rdev
}
