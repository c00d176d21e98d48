package cli

import (
	"strings"

	"scribe/incident"
)

// clean makes stored text safe to print on a terminal, keeping line breaks.
func clean(s string) string { return incident.PlainBlock(s) }

// oneLine is clean with line breaks folded, for table cells.
func oneLine(s string) string {
	return strings.Join(strings.Fields(incident.PlainText(s)), " ")
}
