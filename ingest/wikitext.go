package ingest

import (
	"strings"

	"scribe/incident"
	"scribe/lazyregexp"
)

// A MediaWiki page (Wikimedia's incident reports) writes its markup in
// the text: templates on lines of their own ("{{irdoc|status=final}}", an
// "{{Incident scorecard" of "| key = value" lines closed by "}}"), which
// are the page's machinery, not its prose; bold as '''Impact''':; and in
// its action items a task's key as a template or a link
// ("{{Phabricator|T338830}}", "[[phab:T338831|T338831]]") and its state
// as one ("{{Done}}").

// templateLines is how far a template opened on a line of its own may run
// before it is taken for text that only starts with braces.
const templateLines = 100

// templateLine reports whether line i, lead, is part of a wiki template
// written on lines of its own, and follows the block it opens.
func (p *parser) templateLine(i int, lead string) bool {
	if i < p.templateEnd {
		return true
	}
	if !strings.HasPrefix(lead, "{{") {
		return false
	}
	depth := 0
	for k := i; k < len(p.lines) && k <= i+templateLines; k++ {
		l := strings.TrimSpace(p.lines[k])
		if k == i {
			l = lead
		}
		for j := 0; j+1 < len(l); j++ {
			switch l[j : j+2] {
			case "{{":
				depth++
				j++
			case "}}":
				depth--
				j++
				if depth == 0 && (k > i || strings.TrimSpace(l[j+1:]) == "") {
					// Closed: the block ends here, unless text follows a
					// template closed on its own line ("{{Done}} Document
					// the runbook" is that text).
					if k > i && strings.TrimSpace(l[j+1:]) != "" {
						return false
					}
					p.endParagraph()
					p.templateEnd = k + 1
					return true
				}
				if depth == 0 {
					return false
				}
			}
		}
	}
	return false
}

// wikiKey is a task's key written as a template or a wiki link:
// "{{Phabricator|T338830}}", "{{phab|T1}}", "[[phab:T338831|T338831]]".
var wikiKey = lazyregexp.New(`\(?\s*(?:\{\{\s*(?i:phabricator|phab|task|bug)\s*\|\s*(T?\d{1,8})\s*\}\}|\[\[\s*(?i:phab|phabricator):(T?\d{1,8})(?:\|[^\]]*)?\]\])\s*\)?`)

// wikiState is a template that states an item's state: "{{Done}}",
// "{{Declined}}".
var wikiState = lazyregexp.New(`\{\{\s*(?i:(done|resolved|fixed|completed?)|(declined|wontfix|won't fix|invalid)|(in progress|todo|open))\s*\}\}`)

// wikiItem takes out of an item's text the key and the state its wiki
// markup writes; key and state are "" when it writes none.
func wikiItem(text string) (rest, key string, state incident.ItemState) {
	if !strings.Contains(text, "{{") && !strings.Contains(text, "[[") {
		return text, "", ""
	}
	rest = text
	if m := wikiKey().FindStringSubmatch(rest); m != nil {
		key = m[1] + m[2]
		rest = strings.Replace(rest, m[0], " ", 1)
	}
	if m := wikiState().FindStringSubmatch(rest); m != nil {
		switch {
		case m[1] != "":
			state = incident.ItemDone
		case m[2] != "":
			state = incident.ItemWontDo
		default:
			state = incident.ItemOpen
		}
		rest = strings.Replace(rest, m[0], " ", 1)
	}
	return strings.TrimSpace(rest), key, state
}
