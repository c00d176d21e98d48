package githubtest

import (
	"regexp"
	"strings"
)

// linkPatterns are the ways GitHub turns text in an issue body into a
// notification or a link: @mentions of people and teams, issue and pull
// request references (#1, owner/repo#1, GH-1), commit SHAs (a word of 7 to
// 40 hex digits, also after owner@ or owner/repo@), character references
// that decode to any of these, and the start of an HTML comment, which is
// how scribe's marker hides. They are wider than GitHub's own (any "#1"
// counts, wherever it stands), so a body they find nothing in is safe.
var linkPatterns = []*regexp.Regexp{
	regexp.MustCompile(`@[A-Za-z0-9][A-Za-z0-9-]*(?:/[A-Za-z0-9][A-Za-z0-9_-]*)?`),
	regexp.MustCompile(`#[0-9]+`),
	regexp.MustCompile(`(?i)GH-[0-9]+`),
	regexp.MustCompile(`&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);`),
	regexp.MustCompile(`<!--`),
}

// issueURL finds URLs of issues, pull requests and discussions on any
// host, which GitHub shows as cross-references on them when it links them;
// Links keeps those outside a code span (not right after a backtick).
var issueURL = regexp.MustCompile(`(?i)(?:https?://|www\.)[A-Za-z0-9_.-]+/[^\s/]+/[^\s/]+/(?:issues|pulls?|discussions)/[0-9]+`)

// Links lists what GitHub would make of text as a mention, a reference, a
// commit link or an HTML comment, in the order of the patterns above, then
// the issue URLs it would link.
func Links(text string) []string {
	var out []string
	for _, p := range linkPatterns {
		for _, m := range p.FindAllStringSubmatch(text, -1) {
			switch m[0] {
			case "&amp;", "&lt;", "&gt;", "&quot;", "&apos;":
				continue // decodes to & < > " or ', which link nothing
			}
			out = append(out, strings.TrimSpace(m[len(m)-1]))
		}
	}
	for _, m := range hexWord.FindAllStringIndex(text, -1) {
		if (m[0] == 0 || !isWord(text[m[0]-1])) && (m[1] == len(text) || !isWord(text[m[1]])) {
			out = append(out, text[m[0]:m[1]])
		}
	}
	for _, m := range issueURL.FindAllStringIndex(text, -1) {
		if m[0] == 0 || text[m[0]-1] != '`' {
			out = append(out, text[m[0]:m[1]])
		}
	}
	return out
}

// hexWord finds runs of hex digits; Links keeps those that are whole words.
var hexWord = regexp.MustCompile(`[0-9A-Fa-f]{7,}`)

func isWord(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// UserText is an issue body without scribe's marker line, the part whose
// text came from people.
func UserText(body string) string {
	body = strings.TrimRight(body, " \t\r\n")
	if i := strings.LastIndexByte(body, '\n'); i >= 0 && strings.HasPrefix(strings.TrimSpace(body[i+1:]), "<!-- scribe:action-item:") {
		return body[:i]
	}
	return body
}
