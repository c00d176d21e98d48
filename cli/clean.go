package cli

import "strings"

// clean makes stored text safe to print on a terminal: control characters
// (escape sequences start with one) become spaces, except newline and tab in
// multi-line text.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return ' '
		case r == '\u202e' || r == '\u202d' || r == '\u2066' || r == '\u2067' || r == '\u2068' || r == '\u2069':
			return -1
		}
		return r
	}, s)
}

// oneLine is clean with newlines folded, for table cells.
func oneLine(s string) string {
	return strings.Join(strings.Fields(clean(s)), " ")
}
