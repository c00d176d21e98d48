package export

import (
	"strings"

	"scribe/incident"
)

// sanitize removes what must never reach a terminal or a Markdown renderer
// from user text (escape sequences, control characters, bidirectional
// overrides; see incident.PlainBlock), keeping line breaks.
func sanitize(s string) string { return incident.PlainBlock(s) }

// escapeHTML neutralises raw HTML while leaving Markdown and ordinary
// comparisons alone: only a "<" that could open a tag, a comment or a
// processing instruction becomes "&lt;", which GitHub shows as "<". A lone
// ">" cannot start HTML, so "a -> b" stays as typed.
func escapeHTML(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '<' && i+1 < len(s) && opensTag(s[i+1]) {
			b.WriteString("&lt;")
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func opensTag(c byte) bool {
	return c == '/' || c == '!' || c == '?' || (c|0x20 >= 'a' && c|0x20 <= 'z')
}

// cell makes user text safe inside a Markdown table cell: no raw HTML, no
// pipe that would split the cell, no newline that would end the row (line
// breaks become <br>, the only HTML scribe itself writes).
func cell(s string) string {
	return cellSanitized(sanitize(s))
}

// cellSanitized is cell for text that sanitize already cleaned.
func cellSanitized(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if strings.ContainsAny(s, "<[]") {
		s = safeOutsideCode(s, false)
	}
	if strings.ContainsAny(s, "|\n") {
		s = strings.ReplaceAll(s, "|", `\|`)
		lines := strings.Split(s, "\n")
		kept := lines[:0]
		for _, l := range lines {
			if l = strings.TrimSpace(l); l != "" {
				kept = append(kept, l)
			}
		}
		s = strings.Join(kept, "<br>")
	}
	return s
}

// block makes multi-line narrative text safe as Markdown paragraphs. The
// narrative is Markdown the facilitator wrote, so lists, emphasis and links
// stay; raw HTML is escaped and unsafe links neutralised outside code
// (inside fenced blocks and code spans they render as text anyway). A code
// fence left open is closed at the end of the text, so that it cannot
// swallow the rest of the postmortem; lint reports it.
func block(s string) string {
	s = strings.TrimSpace(sanitize(s))
	if !strings.ContainsAny(s, "<[]`~") {
		return s
	}
	lines := strings.Split(s, "\n")
	var open *fenceMark
	for i, l := range lines {
		if open != nil {
			if open.closedBy(l) {
				open = nil
			}
			continue
		}
		if f, ok := openingFence(l); ok {
			open = &f
			continue
		}
		lines[i] = safeOutsideCode(l, true)
	}
	if open != nil {
		lines = append(lines, open.closing())
	}
	return strings.Join(lines, "\n")
}

// safeOutsideCode escapes HTML and neutralises links in line except
// between matching backtick runs. In table cells (inCode false) code spans
// are escaped too: a cell's text was always escaped whole.
func safeOutsideCode(line string, keepCode bool) string {
	var b strings.Builder
	first := true
	splitCodeSpans(line, func(text string, code bool) {
		switch {
		case code && keepCode:
			b.WriteString(text)
		case code:
			b.WriteString(escapeHTML(text))
		case first:
			b.WriteString(escapeHTML(safeLinks(text)))
		default:
			b.WriteString(escapeHTML(safeLinksInline(text)))
		}
		first = false
	})
	return b.String()
}

// safeLinksInline is safeLinks for text that does not start a line, where
// no reference definition can begin.
func safeLinksInline(s string) string {
	if strings.HasPrefix(strings.TrimLeft(s, " "), "[") {
		return safeLinks("x" + s)[1:]
	}
	return safeLinks(s)
}

// splitCodeSpans calls fn with the stretches of line in order, code spans
// (between matching backtick runs, backticks included) marked.
func splitCodeSpans(line string, fn func(text string, code bool)) {
	for line != "" {
		open := strings.IndexByte(line, '`')
		if open < 0 {
			fn(line, false)
			return
		}
		run := open
		for run < len(line) && line[run] == '`' {
			run++
		}
		ticks := line[open:run]
		end := closingTicks(line[run:], ticks)
		if end < 0 {
			// An unmatched run is literal text.
			fn(line[:run], false)
			line = line[run:]
			continue
		}
		if open > 0 {
			fn(line[:open], false)
		}
		fn(line[open:run+end+len(ticks)], true)
		line = line[run+end+len(ticks):]
	}
}

// closingTicks finds a backtick run of exactly len(ticks) in s.
func closingTicks(s, ticks string) int {
	from := 0
	for {
		k := strings.Index(s[from:], ticks)
		if k < 0 {
			return -1
		}
		k += from
		end := k + len(ticks)
		if end < len(s) && s[end] == '`' {
			for end < len(s) && s[end] == '`' {
				end++
			}
			from = end
			continue
		}
		return k
	}
}

// oneLine makes narrative text safe as a single list item, so that a retro
// note cannot open a heading or end the list.
func oneLine(s string) string {
	return strings.Join(strings.Fields(block(s)), " ")
}
