// Command scribe runs an incident from the terminal and writes it up
// afterwards. See README.md.
package main

import (
	"context"
	"os"

	// Zone data inside the binary, so incident zones work on machines
	// without a system zoneinfo database.
	_ "time/tzdata"

	"scribe/cli"
)

func main() {
	growStack(0)
	// cli installs the signal handling: each command listens for Ctrl+C
	// and SIGTERM when it needs to (cli/signals.go).
	os.Exit(cli.NewApp().Run(context.Background(), os.Args[1:]))
}

// growStack grows the main goroutine's stack to 32 KB while it holds two
// frames. Left to itself, a `scribe log` grows it from 8 KB in two steps
// deep in its calls (cobra, database/sql, the driver), and each step walks
// every frame through the binary's function tables: callgrind counts 145k
// instructions more, and the pages of the tables it touches cost about
// 0.4 ms of a one-line log (interleaved runs). Its frame is what does it;
// the array is read so that the compiler keeps it.
//
//go:noinline
func growStack(i int) byte {
	var frame [24 << 10]byte
	return frame[i%len(frame)]
}
