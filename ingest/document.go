package ingest

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"scribe/incident"
	"scribe/lazyregexp"
)

// Narrative is what a postmortem's prose sections say, by field.
type Narrative struct {
	Summary, Impact, RootCause, Trigger, Resolution, Detection string
}

// linkDefinition is a Markdown reference link's target line.
var linkDefinition = lazyregexp.New(`^\[[^\]]+\]:\s*<?(?:https?://|/|#)\S*>?(?:\s+"[^"]*")?$`)

// documentParts is what a whole postmortem gives besides its timeline:
// the section in force and what its sections hold.
type documentParts struct {
	section  section
	headings []heading // the headings enclosing the current line
	// label is a bold list label that opened a section of its own ("-
	// **Review actions**:"), which its deeper lines belong to.
	label     *labelScope
	done      bool // the section's heading says its items are completed
	entriesIn bool // the section has given an entry (see fenceReads)
	seenHead  bool // a heading has been read: prose is no longer the lead

	fields    map[section]*strings.Builder
	fieldLine map[section]int // the line each field's text starts on, for reports
	lead      strings.Builder // prose before the first heading
	leadGap   bool            // a blank line ended the lead's last paragraph
	items     []incident.ActionItem
	itemInfo  []itemInfo // per item: the indent and line it came from
	group     *labelScope
	para      []string // the paragraph being read in an action or retro section
	paras     []string // an action section's paragraphs, items when it has no list
	listed    bool     // the action section has list items or table rows
	headItem  string   // the heading that names the action section's one item
	headline  int      // 1 + the index of the numbered bold item whose details follow, or 0
	// headlineGap is set by a blank line under that item, headlineMore
	// while the item has said nothing yet or its last line ends with a
	// colon (see headlineDetail).
	headlineGap, headlineMore bool
	// headDetails are the lines under headItem that give its owner, due
	// date, priority or state ("Owner: Jane").
	headDetails []string
	year        int  // the document's year, for due dates written without one
	lastList    bool // the line before was a list item (a wrapped one continues it)
	table       *actionTable
	retro       []incident.RetroNote
	services    []string
	// serviceList is set below a line or heading that only says
	// "Affected components": the lines after it name one service each,
	// until a blank line after one of them or a heading; serviceListed
	// says one was read.
	serviceList, serviceListed bool
}

// heading is one heading enclosing the current line.
type heading struct {
	level int
	kind  section
	done  bool
}

type labelScope struct {
	kind   section
	indent int
	text   string
	prev   section
	item   int // 1 + the index of the item its fragments make, 0 before one
	// criteria says the list lines under it are the conditions of its
	// item ("If an attack is ongoing: pause"), its description.
	criteria bool
}

type itemInfo struct {
	indent, line int
	text         string // as written, for a wrapped line to extend
	done         bool   // its section or task box says it is done
}

// docLine is one text line as the document readers see it.
type docLine struct {
	raw     string // the line without indentation
	content string // raw without its list marker
	clean   string // content without list marker and bold marks
	indent  int
	isList  bool
	n       int
}

// enterHeading makes a heading's section the one in force. A heading that
// names nothing known inherits the section of the heading it is under
// ("### Short-term" under "## Action items").
func (p *parser) enterHeading(level int, text string) {
	d := &p.doc
	d.endSection()
	d.label, d.seenHead = nil, true
	d.serviceList, d.serviceListed = serviceHeading(text), false
	for len(d.headings) > 0 && d.headings[len(d.headings)-1].level >= level {
		d.headings = d.headings[:len(d.headings)-1]
	}
	h := heading{level: level, kind: classify(text), done: completedMark(text)}
	if n := len(d.headings); n > 0 && d.headings[n-1].kind == sectionActions && h.kind.narrative() && goalLabel(text) {
		// "### Faster recovery" under "## Follow-ups" groups them.
		h.kind = sectionActions
	}
	if n := len(d.headings); n > 0 && d.headings[n-1].kind >= sectionWentWell && h.kind == sectionActions && classifyWithin(text, 1) != sectionActions {
		// "### Email spoofing prevention" under "## Takeaways" is one of
		// the lessons, about prevention; "### Follow-ups" under it would
		// be the follow-ups.
		h.kind = d.headings[n-1].kind
	}
	if n := len(d.headings); n > 0 && d.headings[n-1].kind == sectionActions && h.kind == sectionActions && markedHeading(text) {
		// "#### 2) TODO Configuration management" under the follow-ups
		// names one of them, not a section.
		h.kind = sectionNone
	}
	if h.kind == sectionNone && len(d.headings) > 0 {
		h.kind = d.headings[len(d.headings)-1].kind
		if h.kind == sectionActions {
			// "### Faster rollbacks" under "## What we're changing": the
			// heading names the item, its paragraphs describe it.
			d.headItem = headedItemText(entryText(cleanInline(text)))
		}
	}
	if len(d.headings) > 0 && d.headings[len(d.headings)-1].done || h.kind == sectionActions && doneHeading(text) {
		// Under a done heading, or "### Completed" among the follow-ups.
		h.done = true
	}
	d.headings = append(d.headings, h)
	d.section, d.done, d.entriesIn = h.kind, h.done, false
}

// numberedHeading reports whether a numbered line stands for a heading, as
// documents pasted from a word processor number them ("3. Follow-up
// tasks"): a section name of at most four words, alone between lines that
// are no list items. A name of another section than the one in force is a
// heading also between bullets ("5. Contributing factors" after the root
// cause's paragraph, with "• The flag was on." below it), but never
// between numbered lines, which make a list ("1. Improvements" over "2.
// Better alerts" in a follow-up section).
func (p *parser) numberedHeading(l docLine) bool {
	words := len(strings.Fields(l.clean))
	if l.indent > 0 || l.raw == "" || !isDigit(l.raw[0]) || words > 6 {
		return false
	}
	bulleted := false
	for _, k := range []int{p.nonBlank(l.n-2, -1), p.nonBlank(l.n, 1)} {
		if k < 0 {
			continue
		}
		next := strings.TrimSpace(p.lines[k])
		if _, listed := listItem(next); listed {
			if isDigit(next[0]) {
				return false
			}
			bulleted = true
		}
	}
	if !bulleted {
		return words <= 4
	}
	s, _, ok := headingLine(l.clean, l.clean, false, false)
	if p.doc.section == sectionActions && s < sectionWentWell {
		// "1. Detection" over bullets among the follow-ups groups them;
		// only a retro section ("9. Lessons learned") ends them.
		return false
	}
	return ok && s != p.doc.section
}

// nonBlank is the index of the first non-blank line from i on in
// direction step, -1 when there is none.
func (p *parser) nonBlank(i, step int) int {
	for ; i >= 0 && i < len(p.lines); i += step {
		if strings.TrimSpace(p.lines[i]) != "" {
			return i
		}
	}
	return -1
}

// doneHeading reports a heading that only says the items under it are
// done ("### Completed" in "## Remediations").
func doneHeading(text string) bool {
	l := strings.ToLower(strings.Trim(cleanInline(text), "*_:. "))
	for _, prefix := range []string{"already ", "items ", "actions "} {
		l = strings.TrimPrefix(l, prefix)
	}
	for _, suffix := range []string{" items", " actions", " action", " remediations", " follow-ups", " work", " tasks"} {
		l = strings.TrimSuffix(l, suffix)
	}
	switch l {
	case "completed", "complete", "done", "shipped", "finished", "fixed", "resolved", "closed":
		return true
	}
	return false
}

// completedMark reports whether a heading or item says it is done.
func completedMark(s string) bool {
	l := strings.ToLower(s)
	for _, m := range []string{"(completed)", "[completed]", "(done)", "[done]", "✅", "✔", "completed:", "done:", "(complete)", "[complete]", "(shipped)"} {
		if strings.Contains(l, m) {
			return true
		}
	}
	return false
}

// documentLine reads a text line for the document's sections: a line that
// stands for a heading, an action item, narrative. It reports whether the
// line is taken (action sections' lines never become entries).
func (p *parser) documentLine(l docLine) bool {
	d := &p.doc
	if d.label != nil && (l.indent <= d.label.indent || !l.isList && l.indent == 0) {
		d.endSection()
		d.section, d.label = d.label.prev, nil
	}
	if l.raw[0] == '[' && linkDefinition().MatchString(l.raw) {
		return true // "[#2226]: https://…", the target of a reference link
	}
	listed := l.isList && !p.numberedHeading(l)
	if s, rest, ok := headingLine(l.clean, l.content, listed, p.plain && !listed); ok && (p.pending == nil || p.pending.postmortem) && p.awaiting == nil && !d.numberedHeadline(l, s) {
		l.isList = listed
		p.labelHeading(l, s, rest)
		return true
	}
	if s := p.retroIntro(l); s != sectionNone {
		// "The lessons that we are taking away from this incident are
		// as follows:" with the lessons listed below it.
		p.endParagraph()
		p.open = -1
		d.endSection()
		d.label = &labelScope{kind: s, indent: -1, prev: d.section}
		d.section, d.done, d.entriesIn = s, false, false
		return true
	}
	if p.actionIntro(l) {
		// "Here's what we're doing to prevent this from happening
		// again:" with the follow-ups listed below it.
		p.endParagraph()
		p.open = -1
		d.endSection()
		d.label = &labelScope{kind: sectionActions, indent: -1, prev: d.section}
		d.section, d.done, d.entriesIn = sectionActions, false, false
		return true
	}
	if d.section != sectionNone && !l.isList && (p.statusPageLine(l.clean) || p.updateTimeLine(l.n, l.clean)) {
		// A status page's next update ends a postmortem posted as one.
		d.endSection()
		d.section, d.headings, d.label = sectionNone, nil, nil
		return false
	}
	switch {
	case d.section == sectionActions:
		d.actionLine(l, p)
		if !l.isList {
			// A sentence here may still say when something happened
			// ("Engineers were alerted at 09:19"): prose, read as prose is.
			p.para = append(p.para, textLine{l.clean, l.n})
		}
		return true
	case d.section.narrative() && !p.timedListItem(l):
		p.narrate(l)
	}
	return false
}

// labelHeading makes a line that stands for a heading (see headingLine)
// the section in force, with the text after its "Label:".
func (p *parser) labelHeading(l docLine, s section, rest string) {
	d := &p.doc
	if d.section == sectionActions && goalLabel(l.clean) {
		// "**Faster recovery**" over some of the follow-ups: a group
		// of them, not the Recovery section.
		s = sectionActions
	}
	done := false
	if s == sectionResolution && takenLabel(l.clean) && d.underRetro() {
		// "**Actions taken:**" under a lesson: follow-ups already
		// done, not how the incident was resolved.
		s, done = sectionActions, true
	}
	p.endParagraph()
	p.open = -1 // a heading never continues the entry above it
	d.endSection()
	if l.isList {
		// "- **Review actions**:" with the items below it.
		d.label = &labelScope{kind: s, indent: l.indent, prev: d.section}
	} else {
		d.headings = append(d.headings, heading{level: 7, kind: s})
		d.seenHead = true
	}
	d.section, d.done, d.entriesIn = s, done, false
	switch {
	case rest != "" && s == sectionActions && !l.isList && oneItemLabel(l.clean):
		// "**Action item:** Start incidents earlier. We should …" after
		// the list: one more item, told in a paragraph.
		d.endActionPara()
		d.listed = true
		d.addItem(rest, 0, l.n, d.done, p.docY)
		d.lastList = true
	case rest != "" && s == sectionActions:
		// "**Action planned:** We will alert on …": the item itself.
		d.actionLine(docLine{raw: rest, content: rest, clean: rest, indent: l.indent + 2, n: l.n}, p)
	case rest != "":
		p.narrate(docLine{raw: rest, clean: rest, indent: l.indent + 2, n: l.n})
	}
}

// timedListItem reports a list item of a narrative field's section that
// opens with a time ("- 02:14 UTC run fails"): a timeline entry, which
// the field does not repeat.
func (p *parser) timedListItem(l docLine) bool {
	if !l.isList || p.doc.section >= sectionWentWell {
		return false
	}
	st, rest, ok := p.leadStamp(l.clean)
	return ok && st.hasTime && entryText(rest) != ""
}

// planIntro is a sentence that announces what is to be done: a plan ("we
// will", "we are", "going forward") and the things planned ("the
// following changes"), or a plan alone at its end ("In the coming weeks
// we will").
var (
	planWho    = lazyregexp.New(`(?i)\b(?:we(?:'re| are| will|'ll| plan to| intend to| have started to)|going forward|in the (?:coming|next) (?:days|weeks|months))\b`)
	planWhat   = lazyregexp.New(`(?i)\b(?:following|these|several|some|a few|a number of)\b.*\b(?:actions|steps|changes|improvements|measures|items|things|follow-ups)\b|\b(?:do|take|make|implement) the following\b`)
	planEnding = lazyregexp.New(`(?i)\bwe(?:'re| are| will|'ll)(?: also)?(?: be)?$`)
)

// retroIntro is the retro section a paragraph line introduces the list
// below it as ("The lessons we are taking away are as follows:", "What
// went well:"): it ends with a colon, a list follows, and its words name
// a retro section; sectionNone for any other line.
func (p *parser) retroIntro(l docLine) section {
	d := &p.doc
	if l.isList || d.section == sectionActions || d.section == sectionTimeline || len(l.clean) > 160 || !strings.HasSuffix(l.clean, ":") {
		return sectionNone
	}
	next := p.nonBlank(l.n, 1)
	if next < 0 {
		return sectionNone
	}
	if _, listed := listItem(strings.TrimSpace(p.lines[next])); !listed {
		return sectionNone
	}
	if s := classify(strings.TrimSuffix(l.clean, ":")); s >= sectionWentWell && s != d.section {
		return s
	}
	return sectionNone
}

// actionIntro reports whether a paragraph line outside the action and
// timeline sections introduces the list below it as follow-ups: it ends
// with a colon, names an action section ("Here's what we're doing to
// prevent this from happening again:") or a plan ("We are making the
// following changes:", "Beyond that, we are:"), and a list follows.
func (p *parser) actionIntro(l docLine) bool {
	d := &p.doc
	// The paragraph's last sentence is the one that introduces the list
	// ("… for that we apologize. Going forward, we will do the following:").
	text := lastSentence(l.clean)
	if l.isList || d.section == sectionActions || d.section == sectionTimeline || len(text) > 240 || !strings.HasSuffix(text, ":") {
		return false
	}
	next := p.nonBlank(l.n, 1)
	if next < 0 {
		return false
	}
	if _, listed := listItem(strings.TrimSpace(p.lines[next])); !listed {
		return false
	}
	text = strings.TrimSpace(strings.TrimSuffix(text, ":"))
	return classify(text) == sectionActions || planWho().MatchString(text) && (planWhat().MatchString(text) || planEnding().MatchString(text))
}

// narrate adds a line to the narrative field or the retro notes of the
// section in force.
func (p *parser) narrate(l docLine) {
	d := &p.doc
	text := entryText(l.clean)
	if text == "" {
		return
	}
	switch d.section {
	case sectionServices:
		for _, s := range strings.Split(strings.TrimSuffix(text, "."), ",") {
			d.addService(s)
		}
		return
	case sectionWentWell, sectionWentWrong, sectionLucky, sectionFactors, sectionLessons:
		if l.isList {
			d.flushRetro()
		}
		d.para = append(d.para, text)
		if l.isList {
			d.lastList = true
		}
		return
	}
	if d.fields == nil {
		d.fields = map[section]*strings.Builder{}
	}
	b := d.fields[d.section]
	if b == nil {
		b = &strings.Builder{}
		d.fields[d.section] = b
		if d.fieldLine == nil {
			d.fieldLine = map[section]int{}
		}
		d.fieldLine[d.section] = l.n
	}
	if b.Len() > 2*incident.MaxTextLen {
		return // cut and reported in narrative
	}
	written := b.String()
	switch {
	case b.Len() == 0:
	case l.isList && strings.HasSuffix(written, "\n"):
	case l.isList:
		b.WriteString("\n")
	case strings.HasSuffix(written, "\n\n"):
	case d.lastList && strings.HasSuffix(written, "\n"):
		b.WriteString("\n")
	case d.lastList:
		b.WriteString("\n\n")
	default:
		b.WriteString(" ")
	}
	if l.isList {
		b.WriteString("- ")
	}
	b.WriteString(text)
	d.lastList = l.isList
}

// blankLine ends a paragraph of the document's sections.
func (d *documentParts) blankLine() {
	d.serviceList = d.serviceList && !d.serviceListed
	switch {
	case d.section == sectionActions:
		d.endActionPara()
	case d.section >= sectionWentWell:
		d.flushRetro()
	case d.section.narrative():
		if b := d.fields[d.section]; b != nil && b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
			b.WriteString("\n\n")
		}
	}
	d.lastList = false
	d.leadGap = d.lead.Len() > 0
	d.headlineGap = true
}

// flushRetro makes the paragraph or list item read so far a retro note.
func (d *documentParts) flushRetro() {
	if len(d.para) == 0 {
		return
	}
	text := strings.Join(d.para, " ")
	d.para = nil
	sec := map[section]incident.RetroSection{
		sectionWentWell: incident.RetroWentWell, sectionWentWrong: incident.RetroWentWrong,
		sectionLucky: incident.RetroLucky, sectionFactors: incident.RetroFactor, sectionLessons: incident.RetroLesson,
	}[d.section]
	if sec == "" || strings.HasSuffix(text, ":") && len(d.retro) == 0 && len(text) < 200 {
		return // an introduction to the list below
	}
	d.retro = append(d.retro, incident.RetroNote{Section: sec, Text: fitNarrative(text)})
}

// endSection finishes what the section in force was reading.
func (d *documentParts) endSection() {
	d.headline = 0
	switch {
	case d.section == sectionActions:
		d.endActionPara()
		switch {
		case d.listed:
		case d.headItem != "":
			if !d.addItem(d.headItem, 0, 0, d.done || headlineDone(d.headItem), d.year) {
				break
			}
			it := &d.items[len(d.items)-1]
			if len(d.paras) > 0 {
				it.Description = fitNarrative(strings.TrimSpace(it.Description + " " + strings.Join(d.paras, " ")))
			}
			for _, detail := range d.headDetails {
				extra := parseItem(detail, d.year)
				if extra.Owner == "" && extra.Priority == "" && extra.Due == "" && extra.State == incident.ItemOpen {
					// "Ticket: OPS-12", "Link: …": where it is tracked.
					it.Description = fitNarrative(strings.TrimSpace(it.Description + " " + detail))
				}
				fillDetail(it, extra)
			}
		default:
			for _, para := range d.paras {
				switch {
				case strings.HasSuffix(para, ":") || courtesy(para) || conditionPara(para):
				case !storyPara(para):
					// One follow-up, unless the paragraph makes several
					// promises ("We will add X. We will also roll Y, and
					// we're adding Z.").
					if ps := promises(para); len(ps) > 1 || len(ps) == 1 && !strings.HasPrefix(para, ps[0]) {
						// "It should not have been possible …. We will
						// introduce rate limiting …": the promise is the item.
						for _, c := range ps {
							d.addItem(c, 0, 0, d.done, 0)
						}
						break
					}
					d.addItem(para, 0, 0, d.done, 0)
				default:
					// A paragraph of several sentences: those that commit
					// to something are the items ("We will also validate
					// the chain."), the rest tells why.
					for _, c := range commitments(para) {
						for _, part := range splitCommitment(c) {
							d.addItem(part, 0, 0, d.done, 0)
						}
					}
				}
			}
		}
		d.paras, d.listed, d.group, d.table = nil, false, nil, nil
	case d.section >= sectionWentWell:
		d.flushRetro()
	}
	d.lastList, d.headItem, d.headDetails = false, "", nil
}

// clockInText is a time of day in running text ("at 06:42 US/Pacific").
var clockInText = lazyregexp.New(`\b(?:[01]?\d|2[0-3]):[0-5]\d\b`)

// storyPara reports whether a paragraph of an action section without a
// list tells what happened rather than what is to be done: it says when
// ("Engineers were alerted … at 06:42 US/Pacific"), or runs to three
// sentences or more. Follow-ups written as prose are a sentence or two
// each.
func storyPara(para string) bool {
	if clockInText().MatchString(para) {
		return true
	}
	n := 0
	for i := 0; i+2 < len(para); i++ {
		if (para[i] == '.' || para[i] == '!' || para[i] == '?') && para[i+1] == ' ' && isUpper(para[i+2]) {
			n++
		}
	}
	return n >= 2
}

// goalLabel reports a label that names what a group of follow-ups aims
// at ("Faster recovery", "Better detection", "Improved monitoring") rather
// than a section of the document.
func goalLabel(label string) bool {
	switch strings.ToLower(letters(strings.TrimLeft(label, "*_# "), 0)) {
	case "faster", "better", "improved", "improving", "improve", "quicker", "earlier", "stronger", "safer",
		"reduce", "reducing", "preventing", "prevent", "increase", "increasing", "automated", "automating", "more", "fewer":
		return true
	}
	return false
}

// commitment is a sentence that says what will be done: "We will …",
// "We're adding …", "Finally, we're going to …", "We plan to …".
var commitment = lazyregexp.New(`(?i)^(?:(?:also|finally|first(?:ly)?|second(?:ly)?|third(?:ly)?|next|additionally|in addition|lastly|longer[- ]term|in the short term|going forward),?\s+)?we(?:'ll|’ll|\s+will|\s+plan\s+to|\s+intend\s+to|(?:'re|’re|\s+are)\s+(?:also\s+|now\s+)?(?:going\s+to\s+\w+|\w+ing\b))`)

// futureTense is a sentence of a follow-up section that says what will be
// so, whoever its subject: "Staging will get deletion protection", "…, so
// we will keep a warm standby".
var futureTense = lazyregexp.New(`(?i)\b(?:will|shall)\s+(?:not\s+|no longer\s+|only\s+|also\s+|now\s+)?[a-z]{2,}`)

// commitments are the sentences of para that commit to something, without
// a time of day (which tells what happened).
func commitments(para string) []string {
	var out []string
	for i := 0; i < len(para); {
		e := sentenceEnd(para, i)
		if e <= i {
			break
		}
		s := strings.TrimSpace(para[i:e])
		if (commitment().MatchString(s) || futureTense().MatchString(s)) && !clockInText().MatchString(s) && !strings.HasPrefix(strings.ToLower(s), "we are sorry") {
			out = append(out, s)
		}
		i = e
	}
	return out
}

// promises are the commitments of para that "we" make ("We will …",
// "we're adding …"), one a clause: "We will also roll the change out one
// balancer at a time, and we're adding an alert" is two.
func promises(para string) []string {
	var out []string
	for _, c := range commitments(para) {
		if commitment().MatchString(c) {
			out = append(out, splitCommitment(c)...)
		}
	}
	return out
}

// splitCommitment cuts a sentence that commits to several things into
// its commitments when each of its clauses after the first makes one of
// its own ("…, and we're adding …"); otherwise it is one.
func splitCommitment(sentence string) []string {
	parts := clauses(sentence)
	if len(parts) < 2 {
		return []string{sentence}
	}
	for i, p := range parts[1:] {
		if !commitment().MatchString(p) {
			return []string{sentence}
		}
		parts[i+1] = capitalise(p)
	}
	return parts
}

// changeCommitment is a sentence outside any action section that commits
// to a change ("To reduce the likelihood of this, we are adding …", "We
// will require …"): a stricter commitment, since status updates say "We
// are investigating" and "We will provide an update".
var changeCommitment = lazyregexp.New(`(?i)^(?:(?:to (?:prevent|reduce|avoid|mitigate|minimi[sz]e|lower)[^,]{0,100}|going forward|moving forward|in the future|from now on),\s+we(?:'ll|’ll|\s+will|(?:'re|’re|\s+are))\s+(?:also\s+)?[a-z]{3,}|(?:(?:additionally|also|finally|next),\s+)?we(?:'ll|’ll|\s+will|(?:'re|’re|\s+are))\s+(?:also\s+|now\s+)?(?:going\s+to\s+(?:keep|stop|start|remove|replace|limit|cap|validate|monitor|test|document|add|change|make|improve|implement|introduce|build|update|automate|extend|harden|rework|revise|migrate|audit|enhance|expand|strengthen|enforce|require)\b|adding|changing|making|improving|implementing|introducing|building|updating|automating|extending|hardening|reworking|revising|migrating|auditing|enhancing|expanding|strengthening|enforcing|requiring|add|change|make|improve|implement|introduce|build|update|automate|extend|harden|rework|revise|migrate|audit|enhance|expand|strengthen|enforce|require)\b)`)

// vagueCommitment promises change without naming one ("we are making
// changes to prevent it from happening again").
var vagueCommitment = lazyregexp.New(`(?i)^we(?:'ll|’ll|\s+will|(?:'re|’re|\s+are))\s+(?:also\s+)?(?:making|make|taking|take)\s+(?:changes|improvements|steps|action)\b`)

// strayCommitments keeps, as action items, the sentences of a paragraph
// outside any section that commit to a change, as availability reports
// end each incident's account ("To prevent this, we are adding …").
func (d *documentParts) strayCommitments(para string) {
	for i := 0; i < len(para); {
		e := sentenceEnd(para, i)
		if e <= i {
			break
		}
		sentence := strings.TrimSpace(para[i:e])
		i = e
		if clockInText().MatchString(sentence) {
			continue // it tells what happened when
		}
		committed := false
		if label, rest, ok := strings.Cut(sentence, ":"); ok && len(label) < 30 && classify(label) == sectionActions {
			// "Next steps: we will move the window, and we'll add a
			// check": the label says the commitments follow.
			sentence, committed = strings.TrimSpace(rest), true
		}
		for _, c := range clauses(sentence) {
			// A clause after one that committed commits too ("…, and
			// we'll stop scheduling reindexing at night").
			if (changeCommitment().MatchString(c) || committed && commitment().MatchString(c)) && !vagueCommitment().MatchString(c) {
				d.addItem(c, 0, 0, false, 0)
				committed = true
			}
		}
	}
}

// clauses splits a sentence where "we" goes on with a second commitment:
// "We have disabled the tool, and we are adding a limit", "We have added
// monitoring and are moving it to automated rotation".
func clauses(sentence string) []string {
	var out []string
	rest := sentence
	for {
		cut, next := -1, ""
		for _, sep := range []string{", and we", "; we", " and we"} {
			if k := strings.Index(rest, sep); k > 0 && (cut < 0 || k < cut) && strings.IndexByte(" '’", byteAt(rest, k+len(sep))) >= 0 {
				cut, next = k, "we"+rest[k+len(sep):]
			}
		}
		if strings.HasPrefix(sentence, "We ") {
			for _, sep := range []string{" and are ", " and will "} {
				if k := strings.Index(rest, sep); k > 0 && (cut < 0 || k < cut) && !passiveAfter(rest[k+len(sep):]) {
					cut, next = k, "we "+rest[k+len(" and "):]
				}
			}
		}
		if cut < 0 || len(out) > 4 {
			return append(out, rest)
		}
		out = append(out, rest[:cut])
		rest = next
	}
}

// conditionPara reports a paragraph of a follow-up section that commits to
// nothing and opens as a condition or concession does ("While it is
// impossible to tell …", "If you feel that a policy is …"): context for
// the follow-ups, not one of them.
func conditionPara(para string) bool {
	switch strings.ToLower(letters(para, 0)) {
	case "while", "if", "although", "though", "regardless", "because", "since", "unless", "whether", "whilst":
		return len(commitments(para)) == 0 && !obligation().MatchString(para)
	}
	return false
}

// obligation is a sentence that says something is to be done, whoever
// does it: "the build should fall back …", "we need to pin …", "the
// platform team owns this change", "the team is moving the cache …".
var obligation = lazyregexp.New(`(?i)\b(?:should|must|need to|needs to|has to|have to|owns?|is moving|are moving|going to|plan to|plans to)\b`)

// passiveAfter reports a clause in the passive ("be treated as abuse"):
// in "… that flooding it is not allowed and will be treated as abuse"
// its subject is not ours, so it is no second promise.
func passiveAfter(clause string) bool {
	w := strings.Fields(clause)
	return len(w) > 1 && w[0] == "be" && (strings.HasSuffix(w[1], "ed") || strings.HasSuffix(w[1], "en"))
}

// courtesy reports a paragraph that only thanks or apologises ("Thanks
// for bearing with us."), which ends a post's follow-ups without being one.
func courtesy(para string) bool {
	l := strings.ToLower(strings.TrimSpace(para))
	if len(l) > 160 {
		return false
	}
	for _, w := range []string{"thank", "we apologi", "we're sorry", "we are sorry", "sorry ", "we sincerely apologi", "again, we apologi",
		"once again, thank", "we appreciate your", "if you have any questions", "please contact", "please reach out"} {
		if strings.HasPrefix(l, w) {
			return true
		}
	}
	return false
}

// addService records an affected service once.
func (d *documentParts) addService(s string) {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), ".;"))
	if s == "" || utf8.RuneCountInString(s) > 80 || len(d.services) >= 50 {
		return
	}
	for _, have := range d.services {
		if strings.EqualFold(have, s) {
			return
		}
	}
	d.services = append(d.services, s)
}

// affected reads a status page's "This incident affected: API and
// Dashboard (EU)." or a document's "Affected services: api, web".
func (d *documentParts) affected(clean string) bool {
	if d.serviceList {
		if d.listedService(clean) {
			return true
		}
		d.serviceList = false
	}
	if serviceHeading(clean) {
		d.serviceList, d.serviceListed = true, false
		return true
	}
	if !strings.Contains(clean, "ffected") && !strings.Contains(clean, "ervice") && !strings.Contains(clean, "omponent") &&
		!strings.Contains(clean, "ystems") {
		return false
	}
	if key, val, ok := strings.Cut(clean, "\t"); ok && !strings.Contains(val, "\t") && d.serviceRow([]string{key, strings.TrimSpace(val)}) {
		// "Services<TAB>checkout-api, basket-service": a properties
		// table copied from a wiki page as text.
		return true
	}
	if strings.Contains(clean, " · ") {
		// "Resolved · Minor · Affected: Email, Webhooks", a status page's
		// header: the field may be any of the parts.
		if i := strings.LastIndex(clean, " · "); d.affected(strings.TrimSpace(clean[i+len(" · "):])) {
			return true
		}
	}
	l := strings.ToLower(clean)
	if m := thisAffected().FindStringIndex(l); m != nil {
		// "This scheduled maintenance affected: Managed Databases (eu-central)."
		return d.addServices(clean[m[1]:])
	}
	for _, key := range serviceKeys {
		if i := strings.Index(l, key+":"); i >= 0 && i < 4 && strings.Trim(l[:i], "*_ ") == "" {
			list := strings.TrimSpace(strings.Trim(strings.TrimSpace(clean[i+len(key)+1:]), "*_"))
			if key == "affected" && (list == "" || isDigit(list[0]) || strings.ContainsAny(list, "%.")) {
				return false // "Affected: 12% of requests" counts, it names nothing
			}
			return d.addServices(list)
		}
	}
	return false
}

// serviceHeading reports a line or heading that only announces the list
// of affected services below it ("Affected components", "Services
// affected:").
func serviceHeading(text string) bool {
	l := strings.ToLower(strings.TrimRight(strings.Trim(text, "*_# "), ":"))
	for _, key := range serviceKeys[:10] { // the keys of two words or more
		if l == key {
			return true
		}
	}
	return false
}

// listedService reads one line of the list below serviceHeading: a name,
// with the state a status page gives it ("UPI payments (Partial outage)").
func (d *documentParts) listedService(clean string) bool {
	if utf8.RuneCountInString(clean) > 80 || strings.HasSuffix(clean, ".") || strings.Count(clean, " ") > 8 {
		return false
	}
	name := clean
	if i := strings.LastIndex(name, " ("); i > 0 && strings.HasSuffix(name, ")") && componentState(name[i+2:len(name)-1]) {
		name = name[:i]
	}
	d.addService(name)
	d.serviceListed = true
	return true
}

// componentState reports a status page's word for a component's state.
func componentState(s string) bool {
	switch strings.ToLower(s) {
	case "operational", "degraded performance", "partial outage", "major outage", "full outage", "under maintenance", "degraded", "outage":
		return true
	}
	return false
}

// thisAffected opens a status page's list of what an incident or a
// maintenance affected.
var thisAffected = lazyregexp.New(`^this (?:[a-z-]+ ){0,3}affected:\s*`)

// serviceKeys label a list of the services an incident affected: "Affected
// services: api, web", "**Services:** checkout".
var serviceKeys = []string{
	"this incident affected", "affected services", "services affected", "affected components", "components affected",
	"affected systems", "systems affected", "affected service", "affected products", "products affected",
	"services", "service(s)", "components", "systems", "component/s", "component(s)", "affected",
}

// serviceRow reads a two-column table row that lists the services, as a
// properties table at the top of a document has it ("| **Services** |
// api, web |").
func (d *documentParts) serviceRow(cells []string) bool {
	if len(cells) != 2 {
		return false
	}
	key := strings.ToLower(strings.TrimRight(strings.Trim(cells[0], "*_ "), ":"))
	for _, k := range serviceKeys {
		if key == k {
			return d.addServices(cells[1])
		}
	}
	return false
}

// addServices records the services of a comma-separated list ("api, web
// and billing").
func (d *documentParts) addServices(list string) bool {
	list = strings.TrimSuffix(strings.Trim(strings.TrimSpace(list), "*_ "), ".")
	if list == "" {
		return false
	}
	for _, part := range strings.Split(list, ",") {
		for _, s := range strings.Split(part, " and ") {
			d.addService(s)
		}
	}
	return true
}

// fitNarrative cuts a section longer than a narrative field holds.
func fitNarrative(s string) string {
	if utf8.RuneCountInString(s) <= incident.MaxTextLen {
		return s
	}
	return truncateRunes(s, incident.MaxTextLen)
}

// narrative gathers the fields; a section longer than a field holds is
// cut and reported.
func (p *parser) narrative() Narrative {
	get := func(s section, name string) string {
		b := p.doc.fields[s]
		if b == nil {
			return ""
		}
		text := strings.TrimSpace(b.String())
		if rest, ok := strings.CutPrefix(text, "- "); ok && !strings.Contains(rest, "\n") {
			// A field told in one bullet ("- **Resolution**:" over
			// "  - Increased the memory limit …") is that sentence.
			text = rest
		}
		if n := utf8.RuneCountInString(text); n > incident.MaxTextLen {
			p.change(max(p.doc.fieldLine[s], 1), name, fmt.Sprintf("the %s section is %d characters long: cut to the %d a field holds", name, n, incident.MaxTextLen))
			text = truncateRunes(text, incident.MaxTextLen)
		}
		return text
	}
	n := Narrative{
		Summary: get(sectionSummary, "summary"), Impact: get(sectionImpact, "impact"),
		RootCause: get(sectionRootCause, "root cause"), Trigger: get(sectionTrigger, "trigger"),
		Resolution: get(sectionResolution, "resolution"), Detection: get(sectionDetection, "detection"),
	}
	if lead := strings.TrimSpace(p.doc.lead.String()); lead != "" && n.Summary == "" {
		n.Summary = fitNarrative(lead)
	} else if lead != "" {
		// An introduction above a "What happened" section is the summary a
		// reader sees first: both are kept, the introduction first.
		n.Summary = fitNarrative(lead + "\n\n" + n.Summary)
	}
	return n
}

// leadLine keeps prose before the document's first heading, which is its
// summary when it has no section of that name.
func (p *parser) leadLine(l docLine, gaveEntry bool) {
	d := &p.doc
	if d.seenHead || gaveEntry || len(p.entries) > 0 || l.isList || p.pending != nil || d.lead.Len() > incident.MaxTextLen {
		return
	}
	if l.n-1 == p.titleIdx || l.n-1 == p.plainIdx || l.n == p.firstLine && p.skip[1] == 0 && p.titleIdx < 0 || strings.HasPrefix(strings.ToLower(l.clean), "incident report for ") {
		return
	}
	if len(l.clean) < 60 && (!strings.ContainsAny(l.clean, ".!?") || statedZone(l.clean) != "") || metaLine(l.clean) {
		return // a byline, a date, a page's name, the page's fields
	}
	switch {
	case d.lead.Len() > 0 && d.leadGap:
		d.lead.WriteString("\n\n")
	case d.lead.Len() > 0:
		d.lead.WriteString(" ")
	}
	d.leadGap = false
	d.lead.WriteString(entryText(l.clean))
}

// fieldLead is a "Key: " that opens a field of a page's header.
var fieldLead = lazyregexp.New(`(?:^|\s)[A-Z][\w/-]*(?: [\w/-]+){0,2}:\s`)

// metaLine reports a line of a page's header rather than prose: a byline
// with its reading time ("Created by Priya Raman, last updated on Mar 6,
// 2025 · 4 min read"), fields in a row ("Status: Complete · Owner: …",
// Jira's "Created: … Updated: …").
func metaLine(clean string) bool {
	if strings.HasPrefix(clean, "<") {
		// "<p><strong>Severity:</strong> SEV2&nbsp;|&nbsp;…</p>", a
		// header pasted as HTML.
		clean = strings.ReplaceAll(htmlTag().ReplaceAllString(clean, ""), "&nbsp;", " ")
	}
	t := strings.Trim(clean, "*_ ")
	l := strings.ToLower(t)
	for _, h := range []string{"to:", "cc:", "bcc:", "from:", "reply-to:", "sent:"} {
		if strings.HasPrefix(l, h) && strings.ContainsAny(t, "@<") {
			return true // a mail's header: "To: engineering@example.com"
		}
	}
	if strings.Contains(l, " min read") || strings.Contains(l, " minute read") || strings.HasPrefix(l, "last updated") ||
		strings.HasPrefix(l, "created by ") || strings.HasPrefix(l, "posted by ") || strings.HasPrefix(l, "written by ") {
		return true
	}
	if strings.HasSuffix(t, ".") {
		return fieldSentences(strings.TrimSuffix(t, "."))
	}
	return strings.Contains(t, " · ") || len(fieldLead().FindAllStringIndex(t, 3)) >= 2
}

// fieldSentences reports a line of short fields written as sentences
// ("Severity: SEV-2. Incident lead: Marta Nowak."), a header, not prose.
func fieldSentences(t string) bool {
	parts := strings.Split(t, ". ")
	if len(parts) < 2 || len(parts) > 6 {
		return false
	}
	for _, part := range parts {
		m := fieldLead().FindStringIndex(part)
		if m == nil || m[0] != 0 || len(part) > 60 {
			return false
		}
	}
	return true
}

// htmlTag is an HTML tag in a pasted line.
var htmlTag = lazyregexp.New(`</?[a-zA-Z][^<>]*>`)

// statusPageLine reports whether a line is a status page's own: a "Posted
// …" line with its time, or an update's status word.
func (p *parser) statusPageLine(clean string) bool {
	if len(clean) > 6 && strings.EqualFold(clean[:6], "posted") {
		for i := 7; i < len(clean); i++ {
			if clean[i-1] == ' ' && isDigit(clean[i]) || clean[i-1] == ' ' && monthOf(letters(clean, i)) > 0 {
				return true
			}
		}
	}
	if p.pending != nil {
		// The time of the update being read, alone below its message.
		if st, rest, ok := p.leadStamp(clean); ok && st.hasTime && st.hasDate() && entryText(rest) == "" {
			return true
		}
	}
	state, _, ok := statusLine(clean, false)
	return ok && state != ""
}
