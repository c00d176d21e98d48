package incident

import (
	"strings"
	"unicode/utf8"
)

// Text in scribe comes from anyone who can write to the database file (a
// script, an import, a pasted alert). An escape sequence in it could retitle
// a terminal window, clear the screen or move the cursor, and a
// bidirectional override can make text read differently from what it is.
// Everything scribe shows on a terminal or writes into a postmortem passes
// through PlainText or PlainBlock; what is stored stays as typed.

// PlainText makes text safe to show on one line: every escape sequence
// (CSI, OSC, DCS, SOS, PM, APC, in their 7-bit and 8-bit forms) is dropped
// whole, every other C0 and C1 control character and the bidirectional
// controls are dropped, tabs and line breaks become spaces, and invalid
// UTF-8 becomes U+FFFD.
func PlainText(s string) string { return plain(s, false) }

// PlainBlock is PlainText for multi-line text: line breaks are kept,
// normalised to "\n".
func PlainBlock(s string) string { return plain(s, true) }

func plain(s string, keepNewlines bool) string {
	if isPlain(s, keepNewlines) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteRune(utf8.RuneError)
			i++
			continue
		case r == 0x1b:
			i = skipEscape(s, i+1)
			continue
		case r == 0x9b: // 8-bit CSI
			i = skipCSI(s, i+size)
			continue
		case r == 0x9d, r == 0x90, r == 0x98, r == 0x9e, r == 0x9f: // 8-bit OSC, DCS, SOS, PM, APC
			i = skipString(s, i+size)
			continue
		case r == '\n':
			if keepNewlines {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		case r == '\r':
			if keepNewlines {
				if i+1 >= len(s) || s[i+1] != '\n' {
					b.WriteByte('\n')
				}
			} else if i+1 >= len(s) || s[i+1] != '\n' {
				b.WriteByte(' ')
			}
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
			// other controls: dropped
		case isBidiControl(r):
			// dropped
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// isPlain is the fast path: most text has nothing to remove, and then it
// is returned as it is, without a copy.
func isPlain(s string, keepNewlines bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x20 && c < 0x7f, c == '\n' && keepNewlines:
			continue
		case c < 0x80:
			return false
		}
		if !utf8.ValidString(s[i:]) {
			return false
		}
		for _, r := range s[i:] {
			if r < 0x20 && (r != '\n' || !keepNewlines) || r >= 0x7f && r <= 0x9f || isBidiControl(r) {
				return false
			}
		}
		return true
	}
	return true
}

// isBidiControl reports the embedding, override and isolate controls and the
// directional marks (the "Trojan Source" characters).
func isBidiControl(r rune) bool {
	switch {
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}

// skipEscape returns the index after the escape sequence whose ESC was just
// before i.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', 'X', '^', '_':
		return skipString(s, i+1)
	}
	// A two-character escape (ESC c, ESC 7, ESC ( B…): intermediates
	// 0x20–0x2f, then one final character.
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// skipCSI skips parameter and intermediate bytes up to the final byte.
func skipCSI(s string, i int) int {
	for i < len(s) {
		c := s[i]
		i++
		if c >= 0x40 && c <= 0x7e {
			return i
		}
		if c < 0x20 || c >= 0x7f {
			// Malformed: stop here, the byte is handled as text/control.
			return i - 1
		}
	}
	return i
}

// skipString skips a control string (OSC, DCS, SOS, PM, APC) up to and
// including its terminator: BEL, ESC \ or the 8-bit ST. An unterminated
// string runs to the end of the text, which is what a terminal would
// swallow too.
func skipString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i + 1
		case strings.HasPrefix(s[i:], "\u009c"):
			return i + len("\u009c")
		}
		i++
	}
	return i
}
