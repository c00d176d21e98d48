package ingest

import (
	"html"
	"strings"
)

// htmlToken is the kind of one piece of HTML source.
type htmlToken int

const (
	htmlText        htmlToken = iota // text between tags, its entities decoded
	htmlStart                        // <tag …>
	htmlSelfClosing                  // <tag …/>
	htmlEnd                          // </tag>
)

// htmlRawText reports whether the content of the element name is not
// markup: it runs to the element's end tag. Its text is reported as it is
// written (script, style) or with its entities decoded (title, textarea).
func htmlRawText(name string) bool {
	switch name {
	case "script", "style", "title", "textarea", "xmp":
		return true
	}
	return false
}

// htmlTokens calls f with each tag (its name in lower case) and each run
// of text in src, in order. Comments, doctypes and processing
// instructions are dropped; attributes are not needed and are skipped; a
// '<' that opens no tag is text. It is the little of an HTML tokenizer
// that reading a page's structure needs, with no tables built at start-up
// (every scribe command would pay for them, a one-line log included).
func htmlTokens(src string, f func(kind htmlToken, data string)) {
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			f(htmlText, html.UnescapeString(text.String()))
			text.Reset()
		}
	}
	for src != "" {
		i := strings.IndexByte(src, '<')
		if i < 0 {
			text.WriteString(src)
			break
		}
		text.WriteString(src[:i])
		src = src[i:]
		n, name, kind := htmlTagAt(src)
		switch {
		case n < 0: // an unterminated comment or tag: the rest is not text
			src = ""
		case n == 0:
			text.WriteByte('<')
			src = src[1:]
		case name == "": // comment, doctype, processing instruction
			src = src[n:]
		default:
			flush()
			f(kind, name)
			src = src[n:]
			if kind == htmlStart && htmlRawText(name) {
				end := htmlRawEnd(src, name)
				if body := src[:end]; body != "" {
					if name == "script" || name == "style" || name == "xmp" {
						f(htmlText, body)
					} else {
						f(htmlText, html.UnescapeString(body))
					}
				}
				src = src[end:]
			}
		}
	}
	flush()
}

// htmlTagAt reads the tag, comment or declaration src opens with (src
// starts with '<'): n is its length in bytes (0: no tag opens here, a
// literal '<'; -1: it never ends), name the tag's name in lower case
// ("" for a comment or declaration).
func htmlTagAt(src string) (n int, name string, kind htmlToken) {
	if strings.HasPrefix(src, "<!--") {
		end := strings.Index(src[4:], "-->")
		if end < 0 {
			return -1, "", htmlText
		}
		return 4 + end + 3, "", htmlText
	}
	if len(src) < 2 {
		return 0, "", htmlText
	}
	start, kind := 1, htmlStart
	switch {
	case src[1] == '!' || src[1] == '?':
		end := strings.IndexByte(src, '>')
		if end < 0 {
			return -1, "", htmlText
		}
		return end + 1, "", htmlText
	case src[1] == '/':
		start, kind = 2, htmlEnd
	}
	j := start
	for j < len(src) && htmlNameByte(src[j], j == start) {
		j++
	}
	if j == start {
		return 0, "", htmlText
	}
	end := htmlTagEnd(src, j)
	if end < 0 {
		return -1, "", htmlText
	}
	if kind == htmlStart && src[end-1] == '/' {
		kind = htmlSelfClosing
	}
	return end + 1, strings.ToLower(src[start:j]), kind
}

// htmlNameByte reports whether b can be part of a tag name (first: its
// first byte, which must be a letter).
func htmlNameByte(b byte, first bool) bool {
	letter := b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
	if first {
		return letter
	}
	return letter || b >= '0' && b <= '9' || b == '-' || b == ':' || b == '_'
}

// htmlTagEnd is the index of the '>' that closes the tag whose attributes
// start at i, skipping quoted attribute values; -1 when there is none.
func htmlTagEnd(src string, i int) int {
	var quote byte
	for ; i < len(src); i++ {
		switch c := src[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i
		}
	}
	return -1
}

// htmlRawEnd is the length of a raw text element's content: up to its end
// tag ("</script", any case), or all of src when it has none.
func htmlRawEnd(src, name string) int {
	closing := "</" + name
	for i := 0; i+len(closing) <= len(src); {
		k := strings.IndexByte(src[i:], '<')
		if k < 0 {
			break
		}
		i += k
		if i+len(closing) <= len(src) && strings.EqualFold(src[i:i+len(closing)], closing) {
			return i
		}
		i++
	}
	return len(src)
}
