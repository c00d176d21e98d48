// Command scribe runs an incident from the terminal and writes it up
// afterwards. See README.md.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	// Zone data inside the binary, so incident zones work on machines
	// without a system zoneinfo database.
	_ "time/tzdata"

	"scribe/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.NewApp().Run(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}
