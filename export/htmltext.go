package export

import (
	"strings"

	"scribe/lazyregexp"
)

// The HTML postmortem shows the facilitator's Markdown as what it means
// (paragraphs, lists, code, links, bold) without ever passing user text
// through as markup: the text is cut into pieces here and html/template
// escapes each piece where it lands. Links keep the Markdown export's rule
// (safeURL); an image becomes a link to it, so the page fetches nothing.

// htmlInline is one run of text in a paragraph, list item or table cell.
type htmlInline struct {
	Text   string
	Code   bool
	Strong bool
	Href   string // a link when set
}

// htmlBlock is one block of narrative text.
type htmlBlock struct {
	Kind    string // "p", "ul", "ol", "pre", "h"
	Inlines []htmlInline
	Items   [][]htmlInline // list items
	Code    string         // pre
}

// listItem matches a list item: "- ", "* ", "+ " or "1. ", "1) ".
var listItem = lazyregexp.New(`^\s{0,3}(?:([-*+])|(\d{1,9})[.)])\s+(.*)$`)

// heading matches an ATX heading.
var heading = lazyregexp.New(`^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$`)

// htmlBlocks cuts sanitized narrative text into blocks.
func htmlBlocks(s string) []htmlBlock {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	var out []htmlBlock
	var para []string
	flush := func() {
		if len(para) > 0 {
			out = append(out, htmlBlock{Kind: "p", Inlines: htmlInlines(strings.Join(para, " "))})
			para = nil
		}
	}
	lines := strings.Split(s, "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if f, ok := openingFence(line); ok {
			flush()
			var code []string
			for i++; i < len(lines) && !f.closedBy(lines[i]); i++ {
				code = append(code, lines[i])
			}
			out = append(out, htmlBlock{Kind: "pre", Code: strings.Join(code, "\n")})
			continue
		}
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		if m := heading().FindStringSubmatch(line); m != nil {
			flush()
			out = append(out, htmlBlock{Kind: "h", Inlines: htmlInlines(m[1])})
			continue
		}
		if m := listItem().FindStringSubmatch(line); m != nil {
			flush()
			kind := "ul"
			if m[2] != "" {
				kind = "ol"
			}
			if n := len(out); n == 0 || out[n-1].Kind != kind || !continuesList(lines, i) {
				out = append(out, htmlBlock{Kind: kind})
			}
			b := &out[len(out)-1]
			b.Items = append(b.Items, htmlInlines(m[3]))
			continue
		}
		if n := len(out); len(para) == 0 && n > 0 && (out[n-1].Kind == "ul" || out[n-1].Kind == "ol") &&
			i > 0 && strings.TrimSpace(lines[i-1]) != "" && strings.HasPrefix(line, " ") {
			// An indented line right under an item continues it.
			b := &out[n-1]
			last := &b.Items[len(b.Items)-1]
			*last = mergeRuns(append(append(*last, htmlInline{Text: " "}), htmlInlines(strings.TrimSpace(line))...))
			continue
		}
		para = append(para, strings.TrimSpace(line))
	}
	flush()
	return out
}

// continuesList reports whether the list item at lines[i] belongs to the
// list just before it: no blank line between them.
func continuesList(lines []string, i int) bool {
	return i > 0 && strings.TrimSpace(lines[i-1]) != ""
}

// htmlInlines cuts one line of Markdown into runs: code spans, links,
// bold, text.
func htmlInlines(line string) []htmlInline {
	if line == "" {
		return nil
	}
	if !strings.ContainsAny(line, "`[]*_\\:") {
		// Nothing that could be markup: the common case, and the one a
		// 100,000-event timeline pays for on every row.
		return []htmlInline{{Text: line}}
	}
	var out []htmlInline
	splitCodeSpans(line, func(text string, code bool) {
		if code {
			ticks := 0
			for ticks < len(text) && text[ticks] == '`' {
				ticks++
			}
			inner := text[ticks : len(text)-ticks]
			if len(inner) >= 2 && inner[0] == ' ' && inner[len(inner)-1] == ' ' && strings.TrimSpace(inner) != "" {
				inner = inner[1 : len(inner)-1]
			}
			out = append(out, htmlInline{Text: inner, Code: true})
			return
		}
		out = append(out, linkRuns(text)...)
	})
	return mergeRuns(out)
}

// mdLink matches [text](destination) and ![alt](destination).
var mdLink = lazyregexp.New(`!?\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)`)

// bareURL matches an http(s) address written out, which GitHub links too.
var bareURL = lazyregexp.New(`https?://[^\s<>"]*[^\s<>".,;:!?)\]'*_]`)

// linkRuns finds links in text outside code.
func linkRuns(text string) []htmlInline {
	if !strings.Contains(text, "](") {
		return bareLinks(text)
	}
	var out []htmlInline
	for text != "" {
		loc := mdLink().FindStringSubmatchIndex(text)
		if loc == nil {
			out = append(out, bareLinks(text)...)
			break
		}
		out = append(out, bareLinks(text[:loc[0]])...)
		label, dest := text[loc[2]:loc[3]], text[loc[4]:loc[5]]
		if label == "" {
			label = dest
		}
		if dest != "" && safeURL(dest) {
			out = append(out, htmlInline{Text: unescapeMarkdown(label), Href: dest})
		} else {
			// Shown as typed, as the Markdown export shows it.
			out = append(out, htmlInline{Text: text[loc[0]:loc[1]]})
		}
		text = text[loc[1]:]
	}
	return out
}

// bareLinks links written-out addresses and marks bold runs in text.
func bareLinks(text string) []htmlInline {
	if !strings.Contains(text, "://") {
		return strongRuns(text)
	}
	var out []htmlInline
	for text != "" {
		loc := bareURL().FindStringIndex(text)
		if loc == nil {
			out = append(out, strongRuns(text)...)
			break
		}
		out = append(out, strongRuns(text[:loc[0]])...)
		u := text[loc[0]:loc[1]]
		out = append(out, htmlInline{Text: u, Href: u})
		text = text[loc[1]:]
	}
	return out
}

// strong matches **bold** (or __bold__).
var strong = lazyregexp.New(`\*\*([^*\s](?:[^*]*[^*\s])?)\*\*|__([^_\s](?:[^_]*[^_\s])?)__`)

func strongRuns(text string) []htmlInline {
	if !strings.Contains(text, "**") && !strings.Contains(text, "__") {
		return []htmlInline{{Text: unescapeMarkdown(text)}}
	}
	var out []htmlInline
	for text != "" {
		loc := strong().FindStringSubmatchIndex(text)
		if loc == nil {
			out = append(out, htmlInline{Text: unescapeMarkdown(text)})
			break
		}
		if loc[0] > 0 {
			out = append(out, htmlInline{Text: unescapeMarkdown(text[:loc[0]])})
		}
		inner := ""
		if loc[2] >= 0 {
			inner = text[loc[2]:loc[3]]
		} else {
			inner = text[loc[4]:loc[5]]
		}
		out = append(out, htmlInline{Text: unescapeMarkdown(inner), Strong: true})
		text = text[loc[1]:]
	}
	return out
}

// unescapeMarkdown drops the backslash of a Markdown escape ("\|", "\*"),
// which only the Markdown needed.
func unescapeMarkdown(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("\\`*_{}[]()#+-.!|<>~", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// mergeRuns joins neighbouring plain runs, which keeps the page small.
func mergeRuns(in []htmlInline) []htmlInline {
	var out []htmlInline
	for _, r := range in {
		if r.Text == "" {
			continue
		}
		if n := len(out); n > 0 && plainRun(out[n-1]) && plainRun(r) {
			out[n-1].Text += r.Text
			continue
		}
		out = append(out, r)
	}
	return out
}

func plainRun(r htmlInline) bool { return !r.Code && !r.Strong && r.Href == "" }
