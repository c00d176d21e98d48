package ingest

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// section is what a part of a postmortem holds, as its heading says.
type section int

const (
	sectionNone     section = iota // before any heading, or under one that says nothing known
	sectionTimeline                // entries
	sectionActions                 // follow-ups: action items, never events
	sectionSummary
	sectionImpact
	sectionRootCause
	sectionTrigger
	sectionResolution
	sectionDetection
	sectionServices
	sectionWentWell
	sectionWentWrong
	sectionLucky
	sectionFactors
	sectionLessons
)

// narrative reports whether the section's text fills a narrative field or
// retro notes.
func (s section) narrative() bool { return s >= sectionSummary }

// sectionNames classify a heading by the words it opens with or holds.
// Their order is their precedence: the first entry with a phrase in the
// heading wins, so "Root cause and resolution" is the root cause,
// "Customer impact timeline" the timeline, and "What went wrong" a retro
// section before "wrong" could be anything else.
var sectionNames = []struct {
	kind    section
	phrases []string
}{
	// Questions some templates ask (Azure's PIR), before the words in
	// them can say something else.
	{sectionRootCause, []string{"what went wrong and why", "why did it happen", "why did this happen"}},
	{sectionNone, []string{"how can customers", "customer guidance", "what customers can do"}},
	{sectionActions, []string{"less likely", "less impactful", "prevent this from happening", "preventing recurrence",
		"from happening again",
		"what are we doing", "what we are doing about"}},
	{sectionTimeline, []string{"timeline", "chronology", "sequence of events", "key events", "events"}},
	// What responders did during the incident, before "actions" could
	// make it a follow-up.
	{sectionResolution, []string{"actions taken", "action taken", "steps taken", "measures taken"}},
	{sectionActions, []string{"action item", "action plan", "next step", "follow-up", "follow up", "followup",
		"remediation", "how we're fixing", "how we are fixing", "what we're changing", "what we are changing",
		"what we're doing", "what we are doing", "what we will do", "what we'll do", "corrective", "preventive",
		"preventative", "prevention", "review actions", "improvements", "future work", "repair items",
		"going forward", "to do", "todo", "actions", "^tasks", "^task list", "preventing future", "prevent future",
		"changes we're making", "changes we are making", "commitments", "moving forward", "looking ahead", "work items",
		"what's next", "recommendations", "planned changes", "long-term fix", "short-term fix", "permanent fix",
		"long-term fixes", "short-term fixes", "long term fix", "short term fix", "long term fixes", "short term fixes",
		"what we'll change", "what we will change", "what will change", "what's changing", "what is changing",
		"changes we'll make", "changes we will make", "how we'll prevent", "how we will prevent", "how we'll improve",
		"how we will improve", "what we'll improve", "what we will improve", "countermeasures", "countermeasure",
		"improvement actions", "preventive measures", "actionables", "actionable items", "action planned", "planned action", "resulting action",
		"future measures", "further measures", "^measures", "future plans", "next actions", "future improvements",
		"is being done", "are we doing", "we are going to do", "we're going to do"}},
	{sectionWentWell, []string{"went well", "what worked", "things that worked", "what went right"}},
	{sectionWentWrong, []string{"went wrong", "went poorly", "go well", "went badly", "could have gone better", "go so well", "didn't go", "did not go",
		"didn't work", "did not work", "problems encountered", "challenges", "where we struggled", "can be improved", "could be improved",
		"could have been better", "could go better", "for improvement", "was hard", "was difficult", "went less well"}},
	{sectionLucky, []string{"lucky", "luck"}},
	{sectionLessons, []string{"lesson", "learning", "learnt", "takeaway", "what we learned", "what we've learned"}},
	{sectionFactors, []string{"contributing factor", "contributors"}},
	{sectionRootCause, []string{"root cause", "root-cause", "causes", "cause", "why did this happen",
		"why it happened", "what caused", "technical details"}},
	{sectionTrigger, []string{"trigger"}},
	{sectionDetection, []string{"detection", "how we found out", "how it was detected", "how we noticed"}},
	{sectionResolution, []string{"resolution", "recovery", "mitigation", "how we fixed", "how it was fixed"}},
	{sectionServices, []string{"affected services", "services affected", "affected components",
		"components affected", "affected systems", "systems affected"}},
	{sectionImpact, []string{"impact", "what was impacted", "who was impacted", "who was affected", "customer effect", "user effect"}},
	{sectionSummary, []string{"summary", "overview", "tl;dr", "tldr", "what happened", "description", "short version", "in brief", "at a glance", "context",
		"the incident"}},
}

// classify is the section a heading names, sectionNone when it names none.
// A phrase of several words may stand anywhere in the heading, a single
// word only among its first six ("Timeline", "Root causes", but not "Why
// the rollback caused a second outage"), and one written "^tasks" only as
// its first word ("Tasks", not "Background tasks"); a heading of more than
// fourteen words is prose, not a name.
func classify(heading string) section { return classifyWithin(heading, 6) }

// classifyWithin is classify with single words counted among the first
// within words of the heading only.
func classifyWithin(heading string, within int) section {
	if len(heading) > 200 {
		return sectionNone
	}
	if !mayName(heading) {
		return sectionNone
	}
	words := headingWordList(heading)
	if len(words) == 0 || len(words) > 14 {
		return sectionNone
	}
	best := -1
	for i, w := range words {
		for _, c := range phraseIndex()[w] {
			if (best < 0 || c.order < best) && (len(c.words) > 1 || i < within) && (!c.first || i == 0) && wordsAt(words, i, c.words) {
				best = c.order
			}
		}
		if w = strings.TrimSuffix(w, "s"); w != words[i] {
			for _, c := range phraseIndex()[w] {
				if (best < 0 || c.order < best) && len(c.words) == 1 && i < within && (!c.first || i == 0) {
					best = c.order
				}
			}
		}
	}
	if best < 0 {
		return sectionNone
	}
	return sectionNames[best].kind
}

// mayName reports whether any ASCII word of s, lower-cased, starts a phrase
// of sectionNames; it allocates nothing, so that the lines of a large log
// that are no heading cost little.
func mayName(s string) bool {
	var buf [24]byte
	for i := 0; i < len(s); {
		for i < len(s) && !isLetter(s[i]) && s[i] < 0x80 {
			i++
		}
		if i < len(s) && s[i] >= 0x80 {
			return true // an accented or other word: let classify look
		}
		n := 0
		for i < len(s) && (isLetter(s[i]) || s[i] == '\'' || s[i] == '-' || s[i] == ';') {
			if n < len(buf) {
				buf[n] = s[i] | 0x20
			}
			n++
			i++
		}
		if n == 0 || n > len(buf) {
			continue
		}
		if _, ok := phraseIndex()[string(buf[:n])]; ok {
			return true
		}
		if _, ok := phraseIndex()[string(buf[:n-1])]; ok && buf[n-1] == 's' {
			return true
		}
	}
	return false
}

// phraseStart is one phrase of sectionNames, indexed by its first word.
type phraseStart struct {
	order int // the entry's place in sectionNames: its precedence
	words []string
	first bool // the phrase names a section only as the heading's first words
}

// phraseIndex finds the phrases of sectionNames by their first word; it is
// built from the table on first use (not at start-up, which every command
// pays for) and only read.
var phraseIndex = sync.OnceValue(func() map[string][]phraseStart {
	idx := map[string][]phraseStart{}
	for order, s := range sectionNames {
		for _, ph := range s.phrases {
			first := strings.HasPrefix(ph, "^")
			words := strings.Fields(strings.TrimPrefix(ph, "^"))
			idx[words[0]] = append(idx[words[0]], phraseStart{order: order, words: words, first: first})
		}
	}
	return idx
})

// wordsAt reports whether words from i on start with phrase; its last word
// may carry a plural s ("Action items").
func wordsAt(words []string, i int, phrase []string) bool {
	if i+len(phrase) > len(words) {
		return false
	}
	for k, p := range phrase {
		w := words[i+k]
		if w != p && !(k == len(phrase)-1 && w == p+"s") {
			return false
		}
	}
	return true
}

// headingWordList lower-cases a heading and splits it into words, dropping
// markup, numbering ("3.", "IV."), emoji and punctuation; "what's" and
// "follow-up" stay one word.
func headingWordList(heading string) []string {
	var words []string
	var b strings.Builder
	flush := func() {
		if w := strings.TrimRight(b.String(), "'-;"); w != "" {
			words = append(words, w)
		}
		b.Reset()
	}
	for _, r := range heading {
		switch {
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + ('a' - 'A'))
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7f && unicode.IsLetter(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '’' && b.Len() > 0:
			b.WriteByte('\'')
		case (r == '\'' || r == '-' || r == ';') && b.Len() > 0:
			b.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	for len(words) > 0 && strings.TrimFunc(words[0], unicode.IsDigit) == "" {
		words = words[1:] // "3. Root cause"
	}
	return words
}

// headingLine reads a line that is not a Markdown heading but stands for one:
// a bold line ("**Timeline**", "**Root cause:**"), or a short line of its
// own that is a known section name ("Root cause", "Next steps:"), as
// status pages and pasted documents write them; plain says the document is
// a web page copied as text (see plainCopy), where "Impact: …" was bold. It returns the section
// and the text after a "Label:" on the same line.
func headingLine(clean, content string, listed, plain bool) (section, string, bool) {
	bold := strings.HasPrefix(content, "**") || strings.HasPrefix(content, "'''")
	if inner, ok := wrappedEmphasis(clean); ok {
		// "*Follow-ups*": Slack's bold (one asterisk), or Markdown's
		// italics around a whole line, as a canvas or a wiki heads a part.
		clean, bold = inner, true
	}
	if listed && !bold || clean == "" || !isLetter(clean[0]) && clean[0] < 0x80 {
		// "- Write an incident report" is an item, not a heading; a
		// section name starts with a letter (or an emoji).
		return sectionNone, "", false
	}
	label, rest, colon := strings.Cut(clean, ":")
	if !labelShape(clean, label, rest, colon, bold, listed, plain) {
		return sectionNone, "", false
	}
	if bold && colon && strings.EqualFold(strings.TrimSpace(label), "identified") {
		// "- **Identified**: a user reported …", as an incident log
		// tells how the incident was found; a status page's
		// "Identified" update is no bold label.
		return sectionDetection, strings.TrimSpace(rest), true
	}
	if !mayName(label) || !exactName(label) {
		return sectionNone, "", false
	}
	s := classify(label)
	if s == sectionNone || colon && !bold && !s.narrative() && strings.TrimSpace(rest) != "" {
		// "Next steps: we will …" in a copied page is a sentence of
		// commitments, read as such.
		return sectionNone, "", false
	}
	return s, strings.TrimSpace(rest), true
}

// labelShape reports whether a line has the shape of a section's label
// (what it names is checked after): see the cases.
func labelShape(clean, label, rest string, colon, bold, listed, plain bool) bool {
	switch {
	case listed && !bold:
		// "- Write an incident report" is an item, not a heading.
		return false
	case !colon && (len(clean) > 60 || strings.ContainsAny(strings.TrimSuffix(clean, "?"), ".!?,")):
		// "What went well?" asks what the section holds; a line with a
		// sentence in it is prose.
		return false
	case colon && !bold && !plain && strings.TrimSpace(rest) != "":
		// "Impact: 40% of requests failed" is a field only when the label
		// is bold; plain, it is as likely a sentence, unless the whole
		// document is a web page copied as text, which lost its bold.
		return false
	case colon && len(label) > 40:
		return false
	case colon && !bold && strings.Contains(label, ", "):
		// "In the config file, you need to do:" opens a clause, as a
		// sentence does; a section's name has no comma in it.
		return false
	}
	return true
}

// wrappedEmphasis is a line wrapped whole in one asterisk or underscore
// ("*Timeline*", "_Follow-ups:_"), without the marks.
func wrappedEmphasis(clean string) (string, bool) {
	if len(clean) < 3 {
		return "", false
	}
	c := clean[0]
	if c != '*' && c != '_' || clean[len(clean)-1] != c && !(clean[len(clean)-1] == ':' && clean[len(clean)-2] == c) {
		return "", false
	}
	inner := strings.TrimSpace(strings.TrimRight(strings.TrimSuffix(clean, ":"), string(c))[1:])
	if inner == "" || strings.IndexByte(inner, c) >= 0 {
		return "", false
	}
	return inner, true
}

// exactName reports whether a short line is a section name and nothing
// more: at most eight words ("What we are doing to prevent this"), the first capitalised, no sentence after it.
func exactName(label string) bool {
	l := strings.TrimSpace(strings.Trim(label, "*_ "))
	if l == "" || strings.Count(l, " ") > 8 {
		return false
	}
	if w := strings.Fields(l); len(w) > 8 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(l)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.Is(unicode.So, r)
}
