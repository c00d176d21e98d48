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
	// cli installs the signal handling: each command listens for Ctrl+C
	// and SIGTERM when it needs to (cli/signals.go).
	os.Exit(cli.NewApp().Run(context.Background(), os.Args[1:]))
}
