package ingest

import (
	"strings"

	"scribe/lazyregexp"
)

// inlineLink is a Markdown link, "[text](address)" or "[text](address
// "title")"; autoLink is one written "<https://…>".
var (
	inlineLink = lazyregexp.New(`\[([^\]\[]+)\]\((\S+?)(?:\s+"[^"]*")?\)`)
	autoLink   = lazyregexp.New(`<((?:https?|ftp)://[^\s<>]+)>`)
)

// linkText makes an entry's text read as the document shows it: a link's
// own words in the sentence ("A message was sent to the deployments
// topic"), its address kept at the end in brackets so nothing is lost,
// and an address written "<https://…>" bare. A sentence that is only a
// link keeps it as it is.
func linkText(s string) string {
	if strings.Contains(s, "<") {
		s = autoLink().ReplaceAllString(s, "$1")
	}
	if !strings.Contains(s, "](") {
		return s
	}
	var addresses []string
	out := inlineLink().ReplaceAllStringFunc(s, func(m string) string {
		sub := inlineLink().FindStringSubmatch(m)
		if strings.Count(sub[2], "(") != strings.Count(sub[2], ")") {
			return m // an address with brackets of its own, cut short: left as written
		}
		if strings.TrimSpace(sub[1]) == sub[2] {
			return sub[2] // "[https://x](https://x)"
		}
		addresses = append(addresses, sub[2])
		return sub[1]
	})
	if len(addresses) == 0 {
		return out
	}
	if strings.Trim(inlineLink().ReplaceAllString(s, ""), " .,;:-") == "" {
		return s // "[PR #51](…)" alone: the link is the entry
	}
	out = strings.TrimRight(out, " ")
	end := ""
	if strings.HasSuffix(out, ".") {
		out, end = strings.TrimSuffix(out, "."), "."
	}
	return out + " (" + strings.Join(addresses, ", ") + ")" + end
}
