//go:build !unix

package cli

// stdoutClosed cannot tell a closed standard output on this system.
func stdoutClosed() bool { return false }
