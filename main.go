// Command scribe runs an incident from the terminal and writes it up
// afterwards. See README.md.
package main

import (
	"context"
	"os"
	"runtime"

	// Zone data inside the binary, so incident zones work on machines
	// without a system zoneinfo database.
	_ "time/tzdata"

	"scribe/cli"
)

func main() {
	// Two start-up costs of a one-line `scribe log`, measured with perf
	// and callgrind in interleaved runs: run on the process's main thread,
	// SQLite's C allocations come from glibc's main arena, whose pages the
	// C start-up has already touched (from another thread they cost about
	// 50 more page faults and 0.25 ms); growStack saves another 0.4 ms.
	runtime.LockOSThread()
	growStack(0)
	// cli installs the signal handling: each command listens for Ctrl+C
	// and SIGTERM when it needs to (cli/signals.go).
	os.Exit(cli.NewApp().Run(context.Background(), os.Args[1:]))
}

// growStack grows the main goroutine's stack to 32 KB while it holds two
// frames. Left to itself, a `scribe log` grows it in steps deep in its
// calls (cobra, database/sql, the driver), and each step walks every frame
// through the binary's function tables: 145k more instructions and about
// 30 more page faults. Its frame is what does it; the array is read so
// that the compiler keeps it.
//
//go:noinline
func growStack(i int) byte {
	var frame [24 << 10]byte
	return frame[i%len(frame)]
}
