package cli

// Owned by the ingest work: the action items and retro notes an import's
// --dry-run preview lists below its events.

import (
	"fmt"
	"io"
	"strings"

	"scribe/incident"
)

// printPreviewFollowups lists what a document gives besides its events,
// one line each, as show lists them (without ids: nothing is stored yet).
func printPreviewFollowups(w io.Writer, snap incident.Snapshot) {
	if len(snap.ActionItems) > 0 {
		fmt.Fprintf(w, "\nAction items\n")
		for _, it := range snap.ActionItems {
			var extra []string
			if it.Priority != "" {
				extra = append(extra, string(it.Priority))
			}
			if it.Owner != "" {
				extra = append(extra, "owner "+oneLine(it.Owner))
			}
			if it.Due != "" {
				extra = append(extra, "due "+it.Due)
			}
			line := fmt.Sprintf("  %-8s %s", it.State.Label(), oneLine(it.Title))
			if len(extra) > 0 {
				line += "  (" + oneLine(strings.Join(extra, ", ")) + ")"
			}
			fmt.Fprintln(w, line)
		}
	}
	if len(snap.Retro) > 0 {
		fmt.Fprintf(w, "\nRetro notes\n")
		for _, n := range snap.Retro {
			fmt.Fprintf(w, "  %-10s %s\n", oneLine(string(n.Section)), oneLine(n.Text))
		}
	}
}
