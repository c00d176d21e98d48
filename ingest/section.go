package ingest

import (
	"strings"
	"unicode"
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
		"what are we doing", "what we are doing about"}},
	{sectionTimeline, []string{"timeline", "chronology", "sequence of events", "key events", "events"}},
	{sectionActions, []string{"action item", "action plan", "next step", "follow-up", "follow up", "followup",
		"remediation", "how we're fixing", "how we are fixing", "what we're changing", "what we are changing",
		"what we're doing", "what we are doing", "what we will do", "what we'll do", "corrective", "preventive",
		"preventative", "prevention", "review actions", "improvements", "future work", "repair items",
		"going forward", "to do", "todo", "actions"}},
	{sectionWentWell, []string{"went well", "what worked", "things that worked", "what went right"}},
	{sectionWentWrong, []string{"went wrong", "went poorly", "go well", "went badly", "could have gone better", "go so well", "didn't go", "did not go",
		"didn't work", "did not work", "problems encountered", "challenges", "where we struggled"}},
	{sectionLucky, []string{"lucky", "luck"}},
	{sectionLessons, []string{"lesson", "learning", "takeaway", "what we learned", "what we've learned"}},
	{sectionFactors, []string{"contributing factor", "contributors"}},
	{sectionRootCause, []string{"root cause", "root-cause", "causes", "cause", "why did this happen",
		"why it happened", "what caused", "technical details"}},
	{sectionTrigger, []string{"trigger"}},
	{sectionDetection, []string{"detection", "how we found out", "how it was detected", "how we noticed"}},
	{sectionResolution, []string{"resolution", "recovery", "mitigation", "how we fixed", "how it was fixed"}},
	{sectionServices, []string{"affected services", "services affected", "affected components",
		"components affected", "affected systems", "systems affected"}},
	{sectionImpact, []string{"impact", "who was affected", "customer effect", "user effect"}},
	{sectionSummary, []string{"summary", "overview", "tl;dr", "tldr", "what happened", "description",
		"the incident"}},
}

// classify is the section a heading names, sectionNone when it names none.
// Only the heading's first words count ("Timeline" but not "Why the
// timeline slipped"), and a heading that is long is prose, not a name.
func classify(heading string) section {
	h := headingWords(heading)
	if h == "" || len(strings.Fields(h)) > 14 {
		return sectionNone
	}
	for _, s := range sectionNames {
		for _, ph := range s.phrases {
			if phraseAt(h, ph) {
				return s.kind
			}
		}
	}
	return sectionNone
}

// headingWords lower-cases a heading and drops its markup, numbering
// ("3.", "IV."), emoji and trailing colon.
func headingWords(heading string) string {
	h := strings.ToLower(cleanInline(heading))
	h = strings.Map(func(r rune) rune {
		switch {
		case r == '’':
			return '\''
		case r == '*' || r == '_' || r == '`' || r == '#':
			return -1
		case unicode.Is(unicode.So, r):
			return ' '
		}
		return r
	}, h)
	h = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(h), ":"))
	if i := strings.IndexFunc(h, func(r rune) bool { return !unicode.IsDigit(r) && r != '.' && r != ')' }); i > 0 {
		h = strings.TrimSpace(h[i:])
	}
	return h
}

// phraseAt reports whether phrase is in h as whole words: anywhere when it
// is several words, among the first six when it is one ("Timeline", "Root
// causes", but not "Why the rollback caused a second outage").
func phraseAt(h, phrase string) bool {
	for at := 0; at < len(h); {
		k := strings.Index(h[at:], phrase)
		if k < 0 {
			return false
		}
		k += at
		start := k == 0 || !isLetter(h[k-1])
		end := k+len(phrase) == len(h) || !isLetter(h[k+len(phrase)]) || h[k+len(phrase)] == 's'
		if start && end && (strings.Contains(phrase, " ") || len(strings.Fields(h[:k])) < 6) {
			return true
		}
		at = k + 1
	}
	return false
}

// headingLine reads a line that is not Markdown heading but stands for one:
// a bold line ("**Timeline**", "**Root cause:**"), or a short line of its
// own that is a known section name ("Root cause", "Next steps:"), as
// status pages and pasted documents write them. It returns the section
// and the text after a "Label:" on the same line.
func headingLine(clean, raw string) (section, string, bool) {
	label, rest, colon := strings.Cut(clean, ":")
	content, listed := listItem(raw)
	bold := strings.HasPrefix(content, "**")
	switch {
	case listed && !bold:
		// "- Write an incident report" is an item, not a heading.
		return sectionNone, "", false
	case !colon && (len(clean) > 60 || strings.ContainsAny(clean, ".!?,")):
		return sectionNone, "", false
	case colon && !bold && strings.TrimSpace(rest) != "":
		// "Impact: 40% of requests failed" is a field only when the label
		// is bold; plain, it is as likely a sentence.
		return sectionNone, "", false
	case colon && len(label) > 40:
		return sectionNone, "", false
	}
	s := classify(label)
	if s == sectionNone || !exactName(label) {
		return sectionNone, "", false
	}
	return s, strings.TrimSpace(rest), true
}

// exactName reports whether a short line is a section name and nothing
// more: at most six words, the first capitalised, no sentence after it.
func exactName(label string) bool {
	l := strings.TrimSpace(strings.Trim(label, "*_ "))
	w := strings.Fields(l)
	if len(w) == 0 || len(w) > 6 {
		return false
	}
	r := []rune(w[0])
	return unicode.IsUpper(r[0]) || unicode.IsDigit(r[0]) || unicode.Is(unicode.So, r[0])
}
