package incident

import (
	"unicode/utf8"
)

// EscapeJSONControls rewrites, in encoded JSON, every C1 control
// (U+0080–U+009F), bidirectional control and line or paragraph separator
// as a \uXXXX escape. encoding/json passes them through raw, and a JSON
// document printed to a terminal or opened in an editor is read by people
// too: an 8-bit CSI (U+009B) can drive the terminal, a right-to-left
// override (U+202E) can make a line read differently from what it holds.
// Outside strings, valid JSON has only ASCII, so every such rune is inside
// a string, where the escape means the same character. Input without such
// runes is returned as it is.
func EscapeJSONControls(b []byte) []byte {
	first := -1
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if jsonEscaped(r) {
			first = i
			break
		}
		i += size
	}
	if first < 0 {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	out = append(out, b[:first]...)
	for i := first; i < len(b); {
		if b[i] < utf8.RuneSelf {
			out = append(out, b[i])
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if jsonEscaped(r) {
			const hex = "0123456789abcdef"
			out = append(out, '\\', 'u', hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf])
		} else {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}

func jsonEscaped(r rune) bool {
	return (r >= 0x80 && r <= 0x9f) || r == 0x2028 || r == 0x2029 || isBidiControl(r)
}
