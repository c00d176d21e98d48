package ingest

import "strings"

// plainCopy reports whether the document is a web page copied from the
// browser as text: no Markdown anywhere (no "#" heading, fence, bullet,
// table bar, bold marks or link), so its lists arrive as indented lines
// ("    10:27 Deployed the release") and its bold field labels as plain
// "Impact: …" lines. In such a text an indented line is a list item, not
// a code block.
func plainCopy(lines []string) bool {
	for _, raw := range lines {
		lead := strings.TrimSpace(raw)
		if lead == "" {
			continue
		}
		if level, _ := headingOf(lead); level > 0 || fenceOf(lead) != "" {
			return false
		}
		switch lead[0] {
		case '|', '>':
			return false
		case '-', '*', '+':
			if len(lead) > 1 && (lead[1] == ' ' || lead[1] == '\t') {
				return false
			}
		}
		if strings.Contains(lead, "**") || strings.Contains(lead, "](") {
			return false
		}
	}
	return true
}
