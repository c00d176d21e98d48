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
	s = escapeHTML(s)
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
// stay; raw HTML is escaped outside code (inside fenced blocks and code
// spans it renders as text anyway, and escaping there would show entities).
func block(s string) string {
	s = strings.TrimSpace(sanitize(s))
	if !strings.Contains(s, "<") {
		return s
	}
	lines := strings.Split(s, "\n")
	inFence := false
	for i, l := range lines {
		trimmed := strings.TrimSpace(l)
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			inFence = !inFence
			continue
		}
		if !inFence {
			lines[i] = escapeOutsideCodeSpans(l)
		}
	}
	if inFence {
		// An unclosed fence would swallow the rest of the postmortem.
		lines = append(lines, "```")
	}
	return strings.Join(lines, "\n")
}

// escapeOutsideCodeSpans escapes HTML except between matching backtick runs.
func escapeOutsideCodeSpans(line string) string {
	if !strings.Contains(line, "`") {
		return escapeHTML(line)
	}
	var b strings.Builder
	for line != "" {
		open := strings.IndexByte(line, '`')
		if open < 0 {
			b.WriteString(escapeHTML(line))
			break
		}
		b.WriteString(escapeHTML(line[:open]))
		run := open
		for run < len(line) && line[run] == '`' {
			run++
		}
		ticks := line[open:run]
		end := strings.Index(line[run:], ticks)
		if end < 0 {
			b.WriteString(ticks)
			line = line[run:]
			continue
		}
		b.WriteString(line[open : run+end+len(ticks)])
		line = line[run+end+len(ticks):]
	}
	return b.String()
}

// oneLine makes narrative text safe as a single list item, so that a retro
// note cannot open a heading or end the list.
func oneLine(s string) string {
	return strings.Join(strings.Fields(block(s)), " ")
}
