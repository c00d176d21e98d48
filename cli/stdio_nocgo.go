//go:build !cgo || !unix

package cli

// stdoutClosed cannot tell a closed standard output without cgo: the Go
// runtime has put /dev/null in its place before any Go code runs.
func stdoutClosed() bool { return false }
