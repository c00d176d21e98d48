package ingest

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// fenceOf returns the fence a line opens or closes (``` or ~~~), or "".
// A line that opens with backticks and has another further on is code
// inline ("```Hostname/IP does not match```"), not a fence: a fence's
// info string holds no backtick.
func fenceOf(lead string) string {
	switch {
	case strings.HasPrefix(lead, "```"):
		if strings.Contains(strings.TrimLeft(lead, "`"), "`") {
			return ""
		}
		return "```"
	case strings.HasPrefix(lead, "~~~"):
		return "~~~"
	}
	return ""
}

// headingOf returns a heading's level and text, or level 0: ATX ("## …")
// or, as Confluence and Jira pages are exported, wiki markup ("h2. …").
func headingOf(lead string) (int, string) {
	if len(lead) > 4 && lead[0] == 'h' && lead[1] >= '1' && lead[1] <= '6' && lead[2] == '.' && lead[3] == ' ' {
		return int(lead[1] - '0'), strings.TrimSpace(lead[4:])
	}
	mark := byte('#')
	if len(lead) > 2 && lead[0] == '=' {
		// AsciiDoc: "= Title", "== Timeline".
		mark = '='
	}
	n := 0
	for n < len(lead) && lead[n] == mark {
		n++
	}
	if n == 0 || n > 6 || n < len(lead) && lead[n] != ' ' && lead[n] != '\t' || mark == '=' && strings.TrimSpace(lead[n:]) == "" {
		return 0, ""
	}
	text := strings.TrimSpace(lead[n:])
	text = strings.TrimSpace(strings.TrimRight(text, "#"))
	return n, text
}

// setext is setextLevel for line i of the document, whose front matter's
// opening "---" underlines nothing.
func (p *parser) setext(i int) int {
	if p.skip[1] > 0 && i+1 == p.skip[0] {
		return 0
	}
	return setextLevel(p.lines, i)
}

// overline reports whether line i is the line of "=" or "-" above a
// reStructuredText title ("=====" / "Title" / "=====").
func (p *parser) overline(i int) bool {
	if u := strings.TrimLeft(p.lines[i], " \t"); u == "" || u[0] != '=' && u[0] != '-' {
		return false
	}
	return i+1 < len(p.lines) && p.setext(i+1) > 0 && strings.TrimSpace(p.lines[i]) == strings.TrimSpace(p.lines[i+2])
}

// setextLevel is the level of a heading written as a line of text with a
// line of "=" (1) or "-" (2) under it, as plain-text and reStructuredText
// documents write them; 0 when line i is none. The text must stand alone
// (a blank line or the start above it): under a paragraph's last line, a
// "---" is more likely a rule.
func setextLevel(lines []string, i int) int {
	if i+1 >= len(lines) {
		return 0
	}
	if u := strings.TrimLeft(lines[i+1], " \t"); u == "" || u[0] != '=' && u[0] != '-' {
		return 0 // most lines: decided without trimming or allocating
	}
	text, under := strings.TrimSpace(lines[i]), strings.TrimSpace(lines[i+1])
	above := ""
	if i > 0 {
		above = strings.TrimSpace(lines[i-1])
	}
	if text == "" || len(under) < 3 || above != "" && above != under {
		return 0 // an overline like the underline is reStructuredText's title
	}
	if _, listed := listItem(text); listed || strings.ContainsRune("|>#`~", rune(text[0])) {
		return 0
	}
	switch strings.Trim(under, string(under[0])) {
	case "":
		if under[0] == '=' {
			return 1
		}
		if under[0] == '-' {
			return 2
		}
	}
	return 0
}

// bullets are the list markers documents use, including the ones that
// survive copying from a rendered page.
var bullets = []string{"- ", "* ", "+ ", "• ", "– ", "— ", "◦ ", "▪ ", "· ", "#. "}

// listItem strips a list marker (bullet, "1.", "1)", a task box) and
// reports whether there was one.
func listItem(lead string) (string, bool) {
	s := lead
	found := false
	for _, b := range bullets {
		if strings.HasPrefix(s, b) {
			s, found = strings.TrimLeft(s[len(b):], " \t"), true
			break
		}
	}
	if !found {
		n := 0
		for n < len(s) && n < 4 && isDigit(s[n]) {
			n++
		}
		// "1. " is a list item; "14.43 …" and "1.26.0 …" are not.
		if n > 0 && n < len(s)-1 && (s[n] == '.' || s[n] == ')') && (s[n+1] == ' ' || s[n+1] == '\t') {
			s, found = strings.TrimLeft(s[n+1:], " \t"), true
		}
	}
	if e := emojiMarker(s); e > 0 {
		// "🔴 14:02 - alert fired": a symbol in front marks the line as a
		// bullet does.
		s, found = strings.TrimLeft(s[e:], " \t"), true
	}
	for _, box := range []string{"[ ] ", "[x] ", "[X] "} {
		if strings.HasPrefix(s, box) {
			s = strings.TrimLeft(s[len(box):], " \t")
		}
	}
	return s, found
}

// cleanInline removes bold markers, which wrap timestamps and whole entries
// alike, so that "**16:58 UTC** - Writer …" reads as a time and a text.
func cleanInline(s string) string {
	if strings.Contains(s, "**") {
		s = strings.ReplaceAll(s, "**", "")
	}
	if strings.Contains(s, "'''") {
		s = strings.ReplaceAll(s, "'''", "") // a wiki's bold
	}
	if strings.IndexByte(s, '\\') >= 0 {
		s = unescapePunct(s)
	}
	return strings.TrimSpace(s)
}

// unescapePunct drops the backslash Markdown writes before punctuation it
// would otherwise read as markup ("Login failures \\- Monday", "1\\. Alerts"),
// as Google Docs' Markdown export does for every dash and dot.
func unescapePunct(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// entryText tidies the text after a timestamp: separators in front,
// emphasis markers and Markdown hard breaks at the ends, HTML entities.
func entryText(s string) string {
	s = trimSeparators(s)
	s = trimEmphasis(strings.TrimRight(s, " \t\\"))
	if strings.Contains(s, "<br") {
		s = strings.TrimSpace(breaks.Replace(s))
	}
	if strings.Contains(s, "&") {
		s = html.UnescapeString(s)
	}
	return s
}

// trimSeparators drops what stands between a time and its text: spaces,
// dashes, colons, bars, commas and dots (strings.TrimLeft with the dashes
// in its cutset decodes every rune, on every line of a large log).
func trimSeparators(s string) string {
	for s != "" {
		switch c := s[0]; {
		case c == ' ' || c == '\t' || c == '-' || c == ':' || c == '|' || c == ',' || c == '.':
			s = s[1:]
		case strings.HasPrefix(s, "–") || strings.HasPrefix(s, "—"):
			s = s[len("–"):]
		default:
			return s
		}
	}
	return s
}

// breaks are the line breaks table cells carry.
var breaks = strings.NewReplacer("<br>", " ", "<br/>", " ", "<br />", " ", "<BR>", " ")

// tableCells splits a Markdown table row into trimmed cells. A wiki
// table's header ("||Date||Time||Event||", Confluence and Jira) has the
// same cells as its "|…|" rows.
func tableCells(lead string) []string {
	s := strings.TrimSpace(lead)
	if strings.HasPrefix(s, "||") {
		s = strings.ReplaceAll(s, "||", "|")
	}
	s = strings.TrimPrefix(s, "|")
	if strings.HasSuffix(s, "|") && !strings.HasSuffix(s, `\|`) {
		s = s[:len(s)-1]
	}
	var cells []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			i++
			continue
		}
		if s[i] == '|' {
			cells = append(cells, strings.ReplaceAll(strings.TrimSpace(s[start:i]), `\|`, "|"))
			start = i + 1
		}
	}
	return append(cells, strings.ReplaceAll(strings.TrimSpace(s[start:]), `\|`, "|"))
}

// separatorRow reports whether cells are a table's |---|:---:| line.
func separatorRow(cells []string) bool {
	for _, c := range cells {
		if strings.Trim(c, ":- ") != "" || !strings.Contains(c, "-") {
			return false
		}
	}
	return len(cells) > 0
}

// trimEmphasis drops "*" and "_" left over at either end by a timestamp's
// emphasis ("*14:02* - paged" leaves "* - paged"), keeping balanced pairs
// such as "*unable to scale*".
func trimEmphasis(s string) string {
	for _, c := range []string{"*", "_"} {
		for strings.Count(s, c)%2 == 1 {
			switch {
			case strings.HasPrefix(s, c):
				s = strings.TrimLeft(s[1:], " \t-–—:|,.")
			case strings.HasSuffix(s, c):
				s = strings.TrimRight(s[:len(s)-1], " \t")
			default:
				return s
			}
		}
	}
	return s
}

// emojiMarker returns the length of a leading symbol ("🔴", "✅", "⚠️")
// and the space after it, or 0.
func emojiMarker(s string) int {
	if s == "" || s[0] < utf8.RuneSelf {
		return 0
	}
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.Is(unicode.So, r) {
		return 0
	}
	for {
		// Variation selectors and joiners that follow the symbol.
		r2, m := utf8.DecodeRuneInString(s[n:])
		if r2 != '\ufe0f' && r2 != '\u200d' && !(unicode.Is(unicode.So, r2) || unicode.Is(unicode.Sk, r2)) || m == 0 {
			break
		}
		n += m
	}
	if byteAt(s, n) != ' ' && byteAt(s, n) != '\t' {
		return 0
	}
	return n
}
