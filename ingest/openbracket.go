package ingest

import "strings"

// openBracket reports a text that opens a bracket it does not close: a
// colon after it is inside the brackets ("Our next upgrade (Project:
// Bedrock) will …"), no lead of the item's title.
func openBracket(s string) bool {
	return strings.Count(s, "(") > strings.Count(s, ")") || strings.Count(s, "[") > strings.Count(s, "]")
}
