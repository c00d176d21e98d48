// Package markdown draws the Markdown that scribe's export writes (and the
// usual Markdown of a team's own template) for a terminal: headings,
// paragraphs, lists, tables, code blocks and inline emphasis, wrapped to a
// width. It is deliberately small: the TUI's preview needs a faithful
// picture of the postmortem, not a general renderer, and a general one
// (glamour, with chroma's lexers) adds tens of milliseconds to the start of
// every scribe process, `scribe log` included.
package markdown

import (
	"html"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Styles are the looks of each element. The zero value draws plain text.
type Styles struct {
	H1, H2, H3  lipgloss.Style
	Bold        lipgloss.Style
	Italic      lipgloss.Style
	Code        lipgloss.Style
	CodeBlock   lipgloss.Style
	TableHeader lipgloss.Style
	Rule        lipgloss.Style
	Link        lipgloss.Style
}

// Render returns md as terminal lines no wider than width cells. Input must
// already be free of terminal escape sequences; the only ones in the result
// are the styles'.
func Render(md string, width int, st Styles) []string {
	width = max(width, 10)
	r := renderer{width: width, st: st}
	lines := strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~"):
			fence := trimmed[:3]
			j := i + 1
			for j < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[j]), fence) {
				j++
			}
			r.code(lines[i+1 : min(j, len(lines))])
			i = j
		case strings.HasPrefix(trimmed, "|"):
			j := i
			for j < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[j]), "|") {
				j++
			}
			r.table(lines[i:j])
			i = j - 1
		case strings.HasPrefix(trimmed, "#"):
			r.heading(trimmed)
		case trimmed == "---" || trimmed == "***" || trimmed == "___":
			r.out = append(r.out, st.Rule.Render(strings.Repeat("─", width)))
		case trimmed == "":
			if n := len(r.out); n > 0 && r.out[n-1] != "" {
				r.out = append(r.out, "")
			}
		case strings.HasPrefix(trimmed, "<!--"):
			for i < len(lines) && !strings.Contains(lines[i], "-->") {
				i++
			}
		default:
			r.paragraph(line)
		}
	}
	for len(r.out) > 0 && r.out[len(r.out)-1] == "" {
		r.out = r.out[:len(r.out)-1]
	}
	return r.out
}

type renderer struct {
	width int
	st    Styles
	out   []string
}

func (r *renderer) heading(line string) {
	level := len(line) - len(strings.TrimLeft(line, "#"))
	text := strings.TrimSpace(line[level:])
	if n := len(r.out); n > 0 && r.out[n-1] != "" {
		r.out = append(r.out, "")
	}
	style := r.st.H3
	switch level {
	case 1:
		style = r.st.H1
	case 2:
		style = r.st.H2
	}
	for _, l := range wrap(r.inline(text), r.width) {
		r.out = append(r.out, style.Render(l))
	}
	if level <= 2 {
		r.out = append(r.out, r.st.Rule.Render(strings.Repeat("─", min(r.width, max(ansi.StringWidth(text), 3)))))
	}
}

// paragraph draws one source line: a list item keeps its marker and hangs
// its continuation lines under the text.
func (r *renderer) paragraph(line string) {
	indent := len(line) - len(strings.TrimLeft(line, " "))
	body := strings.TrimSpace(line)
	marker := ""
	switch {
	case strings.HasPrefix(body, "- ") || strings.HasPrefix(body, "* ") || strings.HasPrefix(body, "+ "):
		marker, body = "• ", body[2:]
	case numbered(body) > 0:
		n := numbered(body)
		marker, body = body[:n]+" ", strings.TrimSpace(body[n:])
	case strings.HasPrefix(body, "> "):
		marker, body = "│ ", body[2:]
	}
	lead := strings.Repeat(" ", min(indent, r.width/2))
	hang := lead + strings.Repeat(" ", ansi.StringWidth(marker))
	for i, l := range wrap(r.inline(body), r.width-ansi.StringWidth(hang)) {
		if i == 0 {
			r.out = append(r.out, lead+marker+l)
		} else {
			r.out = append(r.out, hang+l)
		}
	}
}

// numbered returns the length of a "12." list marker at the start of s, or 0.
func numbered(s string) int {
	i := 0
	for i < len(s) && i < 4 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && s[i] == '.' && s[i+1] == ' ' {
		return i + 1
	}
	return 0
}

func (r *renderer) code(lines []string) {
	for _, l := range lines {
		l = strings.ReplaceAll(l, "\t", "    ")
		r.out = append(r.out, r.st.CodeBlock.Render("  "+ansi.Truncate(l, r.width-2, "…")))
	}
}

// table draws a Markdown table with its columns fitted to the width: narrow
// columns keep their natural width and the widest ones share what is left,
// wrapping their cells.
func (r *renderer) table(rows []string) {
	var cells [][]string
	header := -1
	for _, row := range rows {
		cols := splitRow(row)
		if isDelimiterRow(cols) {
			header = len(cells) - 1
			continue
		}
		for i, c := range cols {
			cols[i] = r.inline(c)
		}
		cells = append(cells, cols)
	}
	ncols := 0
	for _, c := range cells {
		ncols = max(ncols, len(c))
	}
	if ncols == 0 {
		return
	}
	natural := make([]int, ncols)
	for _, row := range cells {
		if spanning(row) {
			continue
		}
		for i, c := range row {
			for _, part := range strings.Split(c, "\n") {
				natural[i] = max(natural[i], ansi.StringWidth(part))
			}
		}
	}
	widths := fitColumns(natural, r.width-2*(ncols-1))
	for ri, row := range cells {
		if spanning(row) && ri != header {
			r.out = append(r.out, wrap(row[0], r.width)...)
			continue
		}
		wrapped := make([][]string, ncols)
		height := 1
		for i := 0; i < ncols; i++ {
			text := ""
			if i < len(row) {
				text = row[i]
			}
			var parts []string
			for _, p := range strings.Split(text, "\n") {
				parts = append(parts, wrap(p, widths[i])...)
			}
			wrapped[i] = parts
			height = max(height, len(parts))
		}
		for h := 0; h < height; h++ {
			var b strings.Builder
			for i := 0; i < ncols; i++ {
				part := ""
				if h < len(wrapped[i]) {
					part = wrapped[i][h]
				}
				if ri == header {
					part = r.st.TableHeader.Render(part)
				}
				b.WriteString(part)
				if i < ncols-1 {
					b.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(part)+2))
				}
			}
			r.out = append(r.out, strings.TrimRight(b.String(), " "))
		}
		if ri == header {
			r.out = append(r.out, r.st.Rule.Render(strings.Repeat("─", min(r.width, sum(widths)+2*(ncols-1)))))
		}
	}
}

// spanning reports whether only the first cell of a row has text, as in
// the date rows of the timeline: such a row is drawn across the table.
func spanning(row []string) bool {
	if len(row) < 2 || row[0] == "" {
		return false
	}
	for _, c := range row[1:] {
		if c != "" {
			return false
		}
	}
	return true
}

// fitColumns shrinks the widest columns until the total fits in avail.
func fitColumns(natural []int, avail int) []int {
	widths := append([]int(nil), natural...)
	for i := range widths {
		widths[i] = max(widths[i], 1)
	}
	for sum(widths) > avail {
		widest := 0
		for i, w := range widths {
			if w > widths[widest] {
				widest = i
			}
		}
		if widths[widest] <= 4 {
			break
		}
		widths[widest]--
	}
	return widths
}

func sum(ns []int) int {
	t := 0
	for _, n := range ns {
		t += n
	}
	return t
}

// splitRow splits "| a | b \| c |" into cells, honouring escaped pipes and
// turning <br> into line breaks.
func splitRow(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) {
		row = row[:len(row)-1]
	}
	var cells []string
	var b strings.Builder
	for i := 0; i < len(row); i++ {
		switch {
		case row[i] == '\\' && i+1 < len(row) && row[i+1] == '|':
			b.WriteByte('|')
			i++
		case row[i] == '|':
			cells = append(cells, b.String())
			b.Reset()
		default:
			b.WriteByte(row[i])
		}
	}
	cells = append(cells, b.String())
	for i, c := range cells {
		c = strings.ReplaceAll(c, "<br>", "\n")
		cells[i] = strings.TrimSpace(c)
	}
	return cells
}

func isDelimiterRow(cols []string) bool {
	for _, c := range cols {
		if strings.Trim(c, ":- ") != "" || !strings.Contains(c, "-") {
			return false
		}
	}
	return len(cols) > 0
}

// inline draws emphasis, code spans and links, and resolves HTML entities
// and backslash escapes.
func (r *renderer) inline(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		switch {
		case s[i] == '\\' && i+1 < len(s) && strings.IndexByte("\\`*_{}[]()#+-.!|<>~", s[i+1]) >= 0:
			b.WriteByte(s[i+1])
			i += 2
		case strings.HasPrefix(s[i:], "**") || strings.HasPrefix(s[i:], "__"):
			if end := strings.Index(s[i+2:], s[i:i+2]); end > 0 {
				b.WriteString(r.st.Bold.Render(r.inline(s[i+2 : i+2+end])))
				i += end + 4
				continue
			}
			b.WriteString(s[i : i+2])
			i += 2
		case s[i] == '`':
			if end := strings.IndexByte(s[i+1:], '`'); end >= 0 {
				b.WriteString(r.st.Code.Render(s[i+1 : i+1+end]))
				i += end + 2
				continue
			}
			b.WriteByte(s[i])
			i++
		case (s[i] == '_' || s[i] == '*') && (i == 0 || s[i-1] == ' ' || s[i-1] == '('):
			if end := strings.IndexByte(s[i+1:], s[i]); end > 0 && s[i+1] != ' ' {
				b.WriteString(r.st.Italic.Render(r.inline(s[i+1 : i+1+end])))
				i += end + 2
				continue
			}
			b.WriteByte(s[i])
			i++
		case s[i] == '[':
			if text, url, n := link(s[i:]); n > 0 {
				b.WriteString(r.st.Link.Render(r.inline(text)))
				if url != text {
					b.WriteString(" (" + url + ")")
				}
				i += n
				continue
			}
			b.WriteByte(s[i])
			i++
		case s[i] == '&':
			if end := strings.IndexByte(s[i:], ';'); end > 1 && end < 10 {
				if u := html.UnescapeString(s[i : i+end+1]); u != s[i:i+end+1] {
					b.WriteString(u)
					i += end + 1
					continue
				}
			}
			b.WriteByte(s[i])
			i++
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String()
}

// link reads "[text](url)" at the start of s.
func link(s string) (text, url string, n int) {
	close := strings.Index(s, "](")
	if close < 1 {
		return "", "", 0
	}
	end := strings.IndexByte(s[close+2:], ')')
	if end < 0 {
		return "", "", 0
	}
	return s[1:close], s[close+2 : close+2+end], close + 3 + end
}

// wrap breaks styled text into lines of at most width cells.
func wrap(s string, width int) []string {
	width = max(width, 4)
	if ansi.StringWidth(s) <= width {
		return []string{s}
	}
	return strings.Split(ansi.Wrap(s, width, ""), "\n")
}
