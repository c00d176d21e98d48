package github

import (
	"strings"
	"unicode/utf8"
)

// wordJoiner (U+2060) is invisible, zero width, and forbids a line break
// where it stands. Put between "@" and a login, or "#" and a number, it
// keeps the text looking as typed while GitHub no longer reads a mention
// or a reference there, whether it parses the rendered Markdown or, as for
// e-mail replies, the plain text. Code spans were the other choice; they
// change how the text looks and are not parsed in plain-text paths.
const wordJoiner = "\u2060"

// maxHexRun is the longest run of hex digits left whole: GitHub links a
// word of 7 to 40 hex digits to the commit it abbreviates.
const maxHexRun = 6

// neutralize makes text a user typed safe to put into an issue body: it
// pings nobody, links no issue, pull request or commit, and cannot carry
// scribe's marker. The text looks the same when rendered; the changes are
// invisible word joiners and entity escapes:
//
//   - "@" before a login character: @login, @org/team, owner@sha, e-mail
//     addresses (no mention, no commit link);
//   - "#" before a digit: #123 and owner/repo#123;
//   - "GH-" before a digit: GH-123;
//   - a word of 7 or more hex digits is split every 6: commit SHAs;
//   - "<!--" becomes "<!" joiner "--", so no HTML comment, and so no
//     marker, can start in user text;
//   - "&" that begins a character reference (&#64; &commat; &#x23;)
//     becomes "&amp;", since GitHub decodes references before it looks
//     for mentions: the reference shows as typed instead; &lt; &gt; &amp;
//     &quot; and &apos; stay (see punctuationRef).
//
// Inside code spans and blocks the same is done: a code span does not stop
// a mention in every path GitHub has (e-mail replies read plain text), and
// telling code from text the way GitHub does cannot be done safely here.
//
// A URL the user wrote (http:// or https:// where GitHub makes a link of
// it: after a space, "(", "*", "_" or "~", with a domain GitHub accepts)
// keeps its "#123" fragments, SHAs and GH- words, so links to commits and
// comments still work; only its "@" is broken. When the text holds
// anything that may be raw HTML, inside which GitHub makes no links, no
// URL is spared.
//
// A URL of an issue, pull request or discussion (HOST/OWNER/REPO/issues/N,
// /pull/N, /pulls/N, /discussions/N, with http://, https:// or www.) is
// put in a code span wherever it stands, since GitHub would show its link
// as a cross-reference on that issue ("mentioned this"): it reads as
// typed, in code type, and copies whole, but is not clickable (any link to
// it, even behind other text, would make the reference). The host is not
// checked: a GitHub Enterprise host cannot be told from any other, and a
// forge with the same paths losing a link is the cheaper mistake.
func neutralize(s string) string {
	spareURLs := !mayHoldHTML(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i := 0; i < len(s); {
		if issueURLMayStart(s, i) {
			if n := issueURLLen(s[i:]); n > 0 {
				b.WriteByte('`')
				writeURL(&b, s[i:i+n])
				b.WriteByte('`')
				i += n
				continue
			}
		}
		if spareURLs && urlMayStart(s, i) {
			if n := urlLen(s[i:]); n > 0 {
				writeURL(&b, s[i:i+n])
				i += n
				continue
			}
		}
		if n := hexRunLen(s, i); n > maxHexRun {
			writeHexRun(&b, s[i:i+n])
			i += n
			continue
		}
		c := s[i]
		switch {
		case c == '@' && i+1 < len(s) && isAlnum(s[i+1]):
			b.WriteString("@" + wordJoiner)
		case c == '#' && i+1 < len(s) && isDigit(s[i+1]):
			b.WriteString("#" + wordJoiner)
		case (c == 'g' || c == 'G') && hasGHRef(s[i:]):
			b.WriteString(s[i:i+3] + wordJoiner)
			i += 3
			continue
		case c == '<' && strings.HasPrefix(s[i:], "<!--"):
			b.WriteString("<!" + wordJoiner + "--")
			i += 4
			continue
		case c == '&' && charRefLen(s[i:]) > 0 && !punctuationRef(s[i:i+charRefLen(s[i:])]):
			b.WriteString("&amp;")
		default:
			_, size := utf8.DecodeRuneInString(s[i:])
			b.WriteString(s[i : i+size])
			i += size
			continue
		}
		i++
	}
	return b.String()
}

// hasGHRef reports "GH-" (any case) followed by a digit at the start of s.
func hasGHRef(s string) bool {
	return len(s) > 3 && strings.EqualFold(s[:3], "gh-") && isDigit(s[3])
}

// hexRunLen is the length of the word of hex digits starting at i, or 0
// when i does not start one. Words are bounded by anything but an ASCII
// letter, digit or "_": a non-ASCII letter counts as a boundary, which
// splits more words than needed rather than fewer.
func hexRunLen(s string, i int) int {
	if i > 0 && isWordByte(s[i-1]) {
		return 0
	}
	j := i
	for j < len(s) && isHex(s[j]) {
		j++
	}
	if j < len(s) && isWordByte(s[j]) {
		return 0
	}
	return j - i
}

func writeHexRun(b *strings.Builder, run string) {
	for k := 0; k < len(run); k += maxHexRun {
		if k > 0 {
			b.WriteString(wordJoiner)
		}
		b.WriteString(run[k:min(k+maxHexRun, len(run))])
	}
}

// charRefLen is the length of the HTML character reference at the start
// of s (&name; &#123; &#x1F;), or 0.
func charRefLen(s string) int {
	i := 1
	switch {
	case strings.HasPrefix(s, "&#x"), strings.HasPrefix(s, "&#X"):
		i = 3
		for i < len(s) && isHex(s[i]) {
			i++
		}
		if i == 3 {
			return 0
		}
	case strings.HasPrefix(s, "&#"):
		i = 2
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i == 2 {
			return 0
		}
	default:
		if i >= len(s) || !isLetter(s[i]) {
			return 0
		}
		for i < len(s) && isAlnum(s[i]) {
			i++
		}
	}
	if i < len(s) && s[i] == ';' {
		return i + 1
	}
	return 0
}

// punctuationRef reports the references Markdown writers emit for HTML's
// own characters (&lt; &gt; &amp; &quot; &apos;): they decode to text that
// can start no mention, reference or comment, and escaping them again
// would show "&lt;" where the postmortem shows "<".
func punctuationRef(ref string) bool {
	switch ref {
	case "&lt;", "&gt;", "&amp;", "&quot;", "&apos;":
		return true
	}
	return false
}

// mayHoldHTML reports a "<" that could open an HTML tag, comment or
// declaration. In an HTML block GitHub makes no autolinks, so a URL there
// is plain text whose "#123" would be a reference.
func mayHoldHTML(s string) bool {
	for i := strings.IndexByte(s, '<'); i >= 0; i = strings.IndexByte(s, '<') {
		s = s[i+1:]
		if s != "" && (isLetter(s[0]) || s[0] == '/' || s[0] == '!' || s[0] == '?') {
			return true
		}
	}
	return false
}

// urlMayStart reports whether GitHub could begin an autolink at i: at the
// start of a line, after whitespace, or after one of * _ ~ (.
func urlMayStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	switch s[i-1] {
	case ' ', '\t', '\n', '\r', '*', '_', '~', '(':
		return true
	}
	return false
}

// urlLen is the length of the URL GitHub would autolink at the start of s,
// or 0: http:// or https://, a valid domain (segments of letters, digits,
// "-" and "_", at least one ".", no "_" in the last two segments), then
// anything up to whitespace or "<". It errs towards 0: the end is also
// taken at characters that Markdown could give a meaning (` * [ ] \ " >),
// and a text that is not spared is only neutralized.
func urlLen(s string) int {
	var rest string
	switch {
	case strings.HasPrefix(s, "https://"):
		rest = s[len("https://"):]
	case strings.HasPrefix(s, "http://"):
		rest = s[len("http://"):]
	default:
		return 0
	}
	d := domainLen(rest)
	if d == 0 {
		return 0
	}
	n := len(s) - len(rest) + d
	for n < len(s) && !strings.ContainsRune(" \t\r\n<>`*[]\\\"", rune(s[n])) && s[n] < utf8.RuneSelf {
		n++
	}
	return n
}

// issueURLMayStart reports whether a URL starting at i stands on its own:
// not inside a word, nor right after a backtick (a code span the user
// wrote already).
func issueURLMayStart(s string, i int) bool {
	return i == 0 || !isWordByte(s[i-1]) && s[i-1] != '`'
}

// issueURLLen is the length of a URL to an issue, pull request or
// discussion at the start of s (http://, https:// or www., a domain, then
// /OWNER/REPO/issues/N and anything after it, as urlLen ends a URL), or 0.
// Trailing punctuation a sentence puts after a URL is left out.
func issueURLLen(s string) int {
	var rest string
	switch {
	case hasPrefixFold(s, "https://"):
		rest = s[len("https://"):]
	case hasPrefixFold(s, "http://"):
		rest = s[len("http://"):]
	case hasPrefixFold(s, "www."):
		rest = s
	default:
		return 0
	}
	d := domainLen(rest)
	if d == 0 {
		return 0
	}
	start := len(s) - len(rest) + d
	n := start
	for n < len(s) && !strings.ContainsRune(" \t\r\n<>`*[]\\\"", rune(s[n])) && s[n] < utf8.RuneSelf {
		n++
	}
	for n > start && strings.IndexByte(".,:;!?')", s[n-1]) >= 0 {
		n--
	}
	if !issuePath(s[start:n]) {
		return 0
	}
	return n
}

// issuePath reports /OWNER/REPO/issues/N (or pull, pulls, discussions),
// whatever follows N.
func issuePath(p string) bool {
	segs := strings.SplitN(p, "/", 5)
	if len(segs) < 5 || segs[0] != "" || segs[1] == "" || segs[2] == "" || segs[4] == "" || !isDigit(segs[4][0]) {
		return false
	}
	switch strings.ToLower(segs[3]) {
	case "issues", "pull", "pulls", "discussions":
		return true
	}
	return false
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// domainLen is the length of a valid domain at the start of s, or 0.
func domainLen(s string) int {
	n := 0
	for n < len(s) && (isWordByte(s[n]) || s[n] == '-' || s[n] == '.') {
		n++
	}
	segs := strings.Split(s[:n], ".")
	if len(segs) < 2 {
		return 0
	}
	for _, seg := range segs {
		if seg == "" {
			return 0
		}
	}
	if strings.Contains(segs[len(segs)-1], "_") || strings.Contains(segs[len(segs)-2], "_") {
		return 0
	}
	return n
}

// writeURL copies a spared URL, breaking only its mentions.
func writeURL(b *strings.Builder, u string) {
	for i := 0; i < len(u); i++ {
		b.WriteByte(u[i])
		if u[i] == '@' && i+1 < len(u) && isAlnum(u[i+1]) {
			b.WriteString(wordJoiner)
		}
	}
}

func isDigit(c byte) bool    { return c >= '0' && c <= '9' }
func isLetter(c byte) bool   { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isAlnum(c byte) bool    { return isDigit(c) || isLetter(c) }
func isHex(c byte) bool      { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }
func isWordByte(c byte) bool { return isAlnum(c) || c == '_' }
