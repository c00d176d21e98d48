package export

import (
	"html"
	"strings"
)

// Links in user text stay links when they go somewhere a reader expects
// (https, http, mailto, a relative path, an anchor). A link to anything else
// ("javascript:", "data:", "vbscript:", "file:") is shown as the text that
// was typed, not made a link; an image becomes a link to it, so that opening
// the postmortem fetches nothing from a server someone's text named.

// safeLinks neutralises the links and images of one stretch of Markdown
// outside code: images become links, and a link or a reference definition
// whose destination is not safe has its bracket escaped, so it renders as
// the text typed.
func safeLinks(s string) string {
	if !strings.Contains(s, "](") && !strings.Contains(s, "![") && !strings.Contains(s, "]:") {
		return s
	}
	s = strings.ReplaceAll(s, "![", "[")
	var b strings.Builder
	for {
		k := strings.Index(s, "](")
		if k < 0 {
			break
		}
		dest, _ := linkDestination(s[k+2:])
		b.WriteString(s[:k+1])
		if !safeURL(dest) {
			b.WriteByte('\\')
		}
		b.WriteByte('(')
		s = s[k+2:]
	}
	b.WriteString(s)
	return safeDefinition(b.String())
}

// safeDefinition escapes a link reference definition ("[x]: javascript:…")
// whose destination is not safe, so the line is shown as typed.
func safeDefinition(line string) string {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || !strings.HasPrefix(t, "[") {
		return line
	}
	k := strings.Index(t, "]:")
	if k < 0 {
		return line
	}
	dest := strings.Fields(t[k+2:])
	if len(dest) == 0 || safeURL(strings.Trim(dest[0], "<>")) {
		return line
	}
	return line[:len(line)-len(t)] + `\` + t
}

// linkDestination returns a link's destination from the text after "](":
// "<…>" or up to the matching parenthesis or a space.
func linkDestination(s string) (string, int) {
	s2 := strings.TrimLeft(s, " \t")
	skip := len(s) - len(s2)
	if strings.HasPrefix(s2, "<") {
		if e := strings.IndexByte(s2, '>'); e > 0 {
			return s2[1:e], skip + e + 1
		}
	}
	depth := 0
	for i := 0; i < len(s2); i++ {
		switch s2[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return s2[:i], skip + i
			}
			depth--
		case ' ', '\t', '\n':
			return s2[:i], skip + i
		}
	}
	return s2, len(s)
}

// safeURL reports whether a link destination goes somewhere a reader
// expects: https, http or mailto, or no scheme at all (a relative path, an
// anchor). It reads the destination as a browser would: entities and
// backslash escapes decoded, tabs, newlines and control characters dropped
// ("java\tscript:", "javascript&#58;").
func safeURL(dest string) bool {
	d := html.UnescapeString(strings.ReplaceAll(dest, `\`, ""))
	d = strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, d)
	d = strings.ToLower(strings.TrimLeft(d, "<"))
	colon := strings.IndexByte(d, ':')
	if colon < 0 || strings.ContainsAny(d[:colon], "/?#") {
		return true
	}
	switch d[:colon] {
	case "https", "http", "mailto":
		return true
	}
	return false
}

// unsafeLinks counts what safeLinks would neutralise in s, outside code,
// for the lint: links to unsafe destinations and images.
func unsafeLinks(s string) (links, images int) {
	eachOutsideCode(s, func(seg string) {
		images += strings.Count(seg, "![")
		for rest := seg; ; {
			k := strings.Index(rest, "](")
			if k < 0 {
				break
			}
			if dest, _ := linkDestination(rest[k+2:]); !safeURL(dest) {
				links++
			}
			rest = rest[k+2:]
		}
	})
	return links, images
}

// eachOutsideCode calls fn with the stretches of s outside fenced code
// blocks and code spans.
func eachOutsideCode(s string, fn func(string)) {
	var open *fenceMark
	for _, line := range strings.Split(s, "\n") {
		if open != nil {
			if open.closedBy(line) {
				open = nil
			}
			continue
		}
		if f, ok := openingFence(line); ok {
			open = &f
			continue
		}
		splitCodeSpans(line, func(text string, code bool) {
			if !code {
				fn(text)
			}
		})
	}
}
