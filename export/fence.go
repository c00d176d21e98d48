package export

import "strings"

// fenceMark is an open fenced code block in Markdown: the character of its
// fence and how many there were ("````" needs four to close).
type fenceMark struct {
	char byte
	n    int
}

// openingFence reads a line that opens a fenced code block: up to three
// spaces, then three or more backticks or tildes (a backtick fence's info
// string may not hold a backtick).
func openingFence(line string) (fenceMark, bool) {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return fenceMark{}, false
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 || t[0] == '`' && strings.Contains(t[n:], "`") {
		return fenceMark{}, false
	}
	return fenceMark{char: t[0], n: n}, true
}

// closedBy reports whether line closes the block: the same character, at
// least as many, nothing else but spaces.
func (f fenceMark) closedBy(line string) bool {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 {
		return false
	}
	n := 0
	for n < len(t) && t[n] == f.char {
		n++
	}
	return n >= f.n && strings.TrimSpace(t[n:]) == ""
}

// closing is the line that closes the block.
func (f fenceMark) closing() string { return strings.Repeat(string(f.char), f.n) }

// unclosedFence returns the line number (from 1) of a fenced code block
// that text opens and never closes, or 0.
func unclosedFence(text string) int {
	var open *fenceMark
	at := 0
	for i, line := range strings.Split(text, "\n") {
		if open != nil {
			if open.closedBy(line) {
				open = nil
			}
			continue
		}
		if f, ok := openingFence(line); ok {
			open, at = &f, i+1
		}
	}
	if open == nil {
		return 0
	}
	return at
}
