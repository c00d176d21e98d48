package ingest

import "strings"

// lastSentence is the last sentence of a paragraph line: the text after
// its last ". ", "! " or "? ", or the whole line when it has one sentence.
func lastSentence(s string) string {
	i := max(strings.LastIndex(s, ". "), strings.LastIndex(s, "! "), strings.LastIndex(s, "? "))
	if i < 0 {
		return s
	}
	return strings.TrimSpace(s[i+2:])
}
