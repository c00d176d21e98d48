package ingest

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"scribe/incident"
)

// cp1252 are the characters Windows-1252 puts at 0x80-0x9F, where
// Latin-1 has control codes; 0 marks the five bytes it leaves undefined.
// From 0xA0 up both are Unicode's first 256 code points.
var cp1252 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// decodeText is data as text. UTF-8 is read as it is; a byte that is not
// part of a UTF-8 character (a file saved as Latin-1 or Windows-1252, as
// older editors and Windows tools write) is read as Windows-1252, and the
// note says so and where, so that "café" stays "café" rather than becoming
// "caf\uFFFD" without a word. note is "" for valid UTF-8.
func decodeText(data []byte) (text, note string) {
	if utf8.Valid(data) {
		return string(data), ""
	}
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	line, first, lines, lastBad := 1, 0, 0, 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			r = rune(data[i])
			if r >= 0x80 && r < 0xa0 {
				if r = cp1252[r-0x80]; r == 0 {
					r = utf8.RuneError
				}
			}
			if first == 0 {
				first = line
			}
			if lastBad != line {
				lines, lastBad = lines+1, line
			}
		}
		if r == '\n' {
			line++
		}
		b.WriteRune(r)
		i += size
	}
	text = b.String()
	note = fmt.Sprintf("line %d is not UTF-8: its bytes were read as Windows-1252 (Latin-1), giving %q", first, lineOf(text, first))
	if lines > 1 {
		note += fmt.Sprintf(", and so were those of %s more", incident.Count(lines-1, "line"))
	}
	return text, note + "; save the file as UTF-8 if that misreads them"
}

// lineOf is line n (1-based) of text, trimmed and cut to 60 characters.
func lineOf(text string, n int) string {
	for i := 1; i < n; i++ {
		_, text, _ = strings.Cut(text, "\n")
	}
	l, _, _ := strings.Cut(text, "\n")
	return truncateRunes(strings.TrimSpace(l), 60)
}
