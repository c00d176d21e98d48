package ingest

import (
	"strings"
)

// readHTML reads the HTML in text as the structure it is, so that the
// parser sees Markdown: headings (h1-h6) as "#" headings, list items (li)
// as "- " items, table rows (tr) as "| cell | cell |" rows, paragraphs and
// other blocks on lines of their own; scripts, styles and a page's chrome
// (nav, footer, forms) are left out. A saved web page (it opens with
// <!DOCTYPE html>, <html>, <head> or <body>) is read whole; in other text,
// the HTML tables, lists and headings written among its lines are. page is
// set for a whole page; ok is false when there is no HTML to read.
func readHTML(text string) (out string, page, ok bool) {
	if htmlPage(text) {
		return htmlMarkdown(text), true, true
	}
	return htmlBlocks(text)
}

// htmlPage reports whether text is a web page.
func htmlPage(text string) bool {
	t := strings.ToLower(strings.TrimLeft(text, " \t\r\n\ufeff"))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// htmlBlockTags are the elements that, opening a line of text that is not
// a page, start a block read as HTML: tables, lists and headings. Other
// tags (a <p> header, <details> around Markdown) are left to the text
// reader.
var htmlBlockTags = []string{"table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"}

// htmlBlocks replaces each HTML block of text (see htmlBlockTags) outside
// code fences with what it reads as, padded with blank lines to the lines
// it held so that the lines after it keep their numbers.
func htmlBlocks(text string) (string, bool, bool) {
	if !strings.Contains(text, "<") {
		return text, false, false
	}
	lines := strings.Split(text, "\n")
	var b strings.Builder
	changed, fence := false, ""
	for i := 0; i < len(lines); i++ {
		lead := strings.TrimSpace(lines[i])
		if f := fenceOf(lead); f != "" && (fence == "" || strings.HasPrefix(lead, fence)) {
			if fence == "" {
				fence = f
			} else {
				fence = ""
			}
		}
		tag := ""
		if fence == "" {
			tag = blockTag(lead)
		}
		end := -1
		if tag != "" {
			end = blockEnd(lines, i, tag)
		}
		if end < 0 {
			b.WriteString(lines[i])
			if i < len(lines)-1 {
				b.WriteByte('\n')
			}
			continue
		}
		md := strings.Trim(htmlMarkdown(strings.Join(lines[i:end+1], "\n")), "\n")
		b.WriteString(md)
		for n := strings.Count(md, "\n"); n < end-i; n++ {
			b.WriteByte('\n')
		}
		if end < len(lines)-1 {
			b.WriteByte('\n')
		}
		changed, i = true, end
	}
	return b.String(), false, changed
}

// blockTag is the block element a line opens with, "" for none.
func blockTag(lead string) string {
	if len(lead) < 3 || lead[0] != '<' {
		return ""
	}
	l := strings.ToLower(lead[1:])
	for _, t := range htmlBlockTags {
		if strings.HasPrefix(l, t) && (len(l) == len(t) || strings.IndexByte("> \t/", l[len(t)]) >= 0) {
			return t
		}
	}
	return ""
}

// blockEnd is the line that closes the element tag opened on line i, -1
// when none does within a few hundred lines (a stray tag, left as text).
func blockEnd(lines []string, i int, tag string) int {
	depth := 0
	for j := i; j < len(lines) && j < i+2000; j++ {
		l := strings.ToLower(lines[j])
		depth += countTag(l, "<"+tag) - strings.Count(l, "</"+tag)
		if depth <= 0 {
			return j
		}
	}
	return -1
}

// countTag counts the tags "<name" opens in l, not "<name…" of a longer
// name ("<h1" in "<h10>", "<ul" in "<ulist>").
func countTag(l, open string) int {
	n := 0
	for rest := l; ; {
		k := strings.Index(rest, open)
		if k < 0 {
			return n
		}
		rest = rest[k+len(open):]
		if rest == "" || strings.IndexByte("> \t/\n", rest[0]) >= 0 {
			n++
		}
	}
}

// htmlSkipped reports whether the content of the element tag is no part
// of the text: code, a page's chrome.
func htmlSkipped(tag string) bool {
	switch tag {
	case "script", "style", "noscript", "template", "svg",
		"nav", "footer", "form", "button", "select", "iframe", "head":
		return true
	}
	return false
}

// htmlBlock reports whether the element tag starts a line of its own.
func htmlBlock(tag string) bool {
	switch tag {
	case "p", "div", "section", "article", "main", "header", "aside",
		"blockquote", "table", "ul", "ol", "dl", "dt", "dd",
		"figure", "figcaption", "hr", "details", "summary", "body", "html":
		return true
	}
	return false
}

// htmlWriter turns HTML tokens into Markdown lines.
type htmlWriter struct {
	out     strings.Builder
	line    strings.Builder // the line being written, whitespace collapsed
	prefix  string          // what the line opens with: "## ", "- ", "| "
	skip    int             // depth inside skipped elements
	lists   int             // depth of nested lists
	cells   []string        // the cells of the table row being read
	inCell  bool
	headRow bool // the row being read has th cells
	rows    int  // rows written of the current table
	title   string
	inTitle bool
	heading bool // a heading was written
	pre     bool
}

// htmlMarkdown reads a page or a fragment of HTML as Markdown.
func htmlMarkdown(src string) string {
	w := &htmlWriter{}
	htmlTokens(src, func(kind htmlToken, data string) {
		switch kind {
		case htmlStart, htmlSelfClosing:
			w.start(data, kind == htmlSelfClosing)
		case htmlEnd:
			w.end(data)
		case htmlText:
			w.text(data)
		}
	})
	w.flush()
	out := strings.TrimLeft(w.out.String(), "\n")
	if !w.heading && strings.TrimSpace(w.title) != "" {
		out = "# " + strings.Join(strings.Fields(w.title), " ") + "\n\n" + out
	}
	return out
}

func (w *htmlWriter) start(tag string, selfClosing bool) {
	if tag == "title" {
		w.inTitle = true
	}
	if htmlSkipped(tag) && !selfClosing {
		w.skip++
		return
	}
	if w.skip > 0 {
		return
	}
	switch tag {
	case "h1", "h2", "h3", "h4", "h5", "h6":
		w.block()
		w.prefix = strings.Repeat("#", int(tag[1]-'0')) + " "
		w.heading = true
	case "li":
		w.flush()
		w.prefix = strings.Repeat("  ", max(w.lists-1, 0)) + "- "
	case "ul", "ol":
		if w.lists == 0 {
			w.block()
		} else {
			w.flush()
		}
		w.lists++
	case "tr":
		w.flush()
		w.cells, w.headRow = nil, false
	case "td", "th":
		w.inCell, w.headRow = true, w.headRow || tag == "th"
		w.cells = append(w.cells, "")
	case "table":
		w.block()
		w.rows = 0
	case "br":
		if w.inCell {
			w.text(" ")
		} else {
			w.flush()
		}
	case "pre":
		w.block()
		w.out.WriteString("```\n")
		w.pre = true
	case "strong", "b":
		w.text("**")
	default:
		if htmlBlock(tag) {
			w.block()
		}
	}
}

func (w *htmlWriter) end(tag string) {
	if tag == "title" {
		w.inTitle = false
	}
	if htmlSkipped(tag) {
		w.skip = max(w.skip-1, 0)
		return
	}
	if w.skip > 0 {
		return
	}
	switch tag {
	case "h1", "h2", "h3", "h4", "h5", "h6":
		w.block()
	case "li":
		w.flush()
	case "ul", "ol":
		w.lists = max(w.lists-1, 0)
		if w.lists == 0 {
			w.block()
		} else {
			w.flush()
		}
	case "td", "th":
		w.inCell = false
	case "tr":
		w.row()
	case "table":
		w.block()
	case "pre":
		w.flush()
		w.out.WriteString("```\n\n")
		w.pre = false
	case "strong", "b":
		w.text("**")
	default:
		if htmlBlock(tag) {
			w.block()
		}
	}
}

// text adds text to the line, or to the cell, with whitespace collapsed
// (kept in a <pre>).
func (w *htmlWriter) text(s string) {
	if w.inTitle {
		w.title += s
		return
	}
	if w.skip > 0 {
		return
	}
	if w.pre {
		w.out.WriteString(s)
		return
	}
	lead := s != "" && isHTMLSpace(rune(s[0]))
	trail := s != "" && isHTMLSpace(rune(s[len(s)-1]))
	f := strings.Join(strings.FieldsFunc(s, isHTMLSpace), " ")
	switch {
	case f == "" && !lead:
		return
	case f == "":
		s = " "
	default:
		if lead {
			f = " " + f
		}
		if trail {
			f += " "
		}
		s = f
	}
	if w.inCell && len(w.cells) > 0 {
		w.cells[len(w.cells)-1] += s
		return
	}
	w.line.WriteString(s)
}

func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\u00a0'
}

// row writes a table row: the first row that has th cells heads the
// table, with the separator line Markdown puts below a header.
func (w *htmlWriter) row() {
	if len(w.cells) == 0 {
		return
	}
	cells := make([]string, len(w.cells))
	for i, c := range w.cells {
		cells[i] = strings.ReplaceAll(strings.Join(strings.Fields(c), " "), "|", "/")
	}
	w.out.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	if w.rows == 0 && w.headRow {
		w.out.WriteString("|" + strings.Repeat("---|", len(cells)) + "\n")
	}
	w.rows++
	w.cells = nil
}

// flush ends the line being written.
func (w *htmlWriter) flush() {
	s := strings.TrimSpace(w.line.String())
	w.line.Reset()
	if s != "" {
		w.out.WriteString(w.prefix + s + "\n")
	}
	w.prefix = ""
}

// block ends the line and leaves a blank line, as between Markdown blocks.
func (w *htmlWriter) block() {
	w.flush()
	if o := w.out.String(); o != "" && !strings.HasSuffix(o, "\n\n") {
		w.out.WriteString("\n")
	}
}
