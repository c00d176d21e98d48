package ingest

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"scribe/incident"
	"scribe/lazyregexp"
)

// actionLine reads a line of an action section: a list item is an item
// (or, when deeper items follow it, the group they belong to), a wrapped
// line continues the item above, and paragraphs are kept in case the
// section has no list at all.
func (d *documentParts) actionLine(l docLine, p *parser) {
	text := l.clean
	if l.isList {
		d.endActionPara()
		d.listed = true
		if d.conditionLine(l, p) || d.describedLine(l) {
			d.lastList = true
			return
		}
		d.listItem(l, p)
		d.lastList = true
		return
	}
	if markedItem(text) {
		// "TODO: cap retries (owner: Lukas)" / "DONE: add the runbook
		// step", one a line as plain-text notes write them: items, not a
		// paragraph.
		d.endActionPara()
		d.listed = true
		d.listItem(l, p)
		d.lastList = true
		return
	}
	if d.headlineDetail(entryText(text)) {
		return
	}
	if d.headItem != "" && detailLine(text) && len(d.headDetails) < 8 {
		// "Owner: Jane" under "### AI-1: Automate certificate renewal".
		d.headDetails = append(d.headDetails, entryText(text))
		return
	}
	if d.lastList && d.describedLine(l) {
		return // a wrapped line of the description
	}
	if n := len(d.items); d.lastList && n > 0 {
		// A wrapped item: its text goes on.
		d.reparse(n-1, d.itemInfo[n-1].text+" "+entryText(text), p.docY)
		return
	}
	d.para = append(d.para, entryText(text))
	if strings.HasSuffix(text, ".") && len(text) < 200 && len(d.para) == 1 {
		// Lines that each end a sentence are items of their own, as a
		// status page's postmortem lists them; a paragraph wrapped at a
		// fixed width only ends with its last line.
		d.endActionPara()
	}
}

// listItem reads one list item of an action section.
func (d *documentParts) listItem(l docLine, p *parser) {
	text := entryText(l.clean)
	numbered := isDigit(byteAt(l.raw, 0))
	if !numbered && d.headlineDetail(text) {
		return
	}
	d.headline = 0
	defer func() {
		if numbered && boldHeadline(l.content) && len(d.items) > 0 && d.itemInfo[len(d.items)-1].line == l.n {
			d.headline, d.headlineGap, d.headlineMore = len(d.items), false, true
		}
	}()
	if d.group != nil && l.indent <= d.group.indent {
		d.group = nil
	}
	if strings.HasSuffix(text, ":") && len(text) < 200 {
		// "Improving external communication by:" with the items below it.
		d.group = &labelScope{indent: l.indent, text: strings.TrimSuffix(text, ":")}
		return
	}
	if d.group != nil && l.indent > d.group.indent && fragmentItem(text) {
		// "- [ ] Ensure alerting is in place for:" over "- [ ] Relay"
		// and "- [ ] Claims API": one item that names them.
		d.groupFragment(text, l, p)
		return
	}
	if n := len(d.items); n > 0 && l.indent > d.itemInfo[n-1].indent {
		last, info := d.items[n-1], d.itemInfo[n-1]
		if detailLine(text) || !groupLike(last.Title) && !subTask(text) {
			// A detail of the item above ("owner: Priya"), or its steps.
			joinItemText(&d.items[n-1], text)
			return
		}
		if groupLike(last.Title) {
			// "Improving the software by" with the items below it.
			d.items, d.itemInfo = d.items[:n-1], d.itemInfo[:n-1]
			d.group = &labelScope{indent: info.indent, text: last.Title}
		}
	}
	if lesson, ok := cutLabel(text, "lesson:", "lesson learned:", "learning:", "takeaway:"); ok {
		// "- Lesson: we relied on one provider" among the action items of
		// a "Lessons and action items" section: a lesson, not an item.
		d.retro = append(d.retro, incident.RetroNote{Section: incident.RetroLesson, Text: fitNarrative(capitalise(lesson))})
		return
	}
	if item, ok := cutLabel(text, "ai:", "action:", "action item:", "ar:"); ok {
		text = capitalise(item) // "  - AI: alert on provider errors (@elena)"
	}
	done := d.done || taskDone(l.raw)
	unticked := taskOpen(l.raw)
	if m := doneMarkAfter(text); m != "" {
		text = strings.TrimSpace(strings.TrimRight(strings.TrimRight(text, " \t\ufe0f"), m))
	}
	if !d.addItem(text, l.indent, l.n, done, p.docY) {
		return
	}
	if it := &d.items[len(d.items)-1]; unticked && it.State == incident.ItemDone {
		// "- [ ] We added a dashboard; still need alerts on it": the
		// box says it is not done, whatever the words tell.
		it.State = incident.ItemOpen
	}
	if d.group == nil {
		return
	}
	it := &d.items[len(d.items)-1]
	desc := d.group.text + " " + lowerFirst(it.Title)
	if it.Description != "" {
		desc += ": " + it.Description
	}
	it.Description = fitNarrative(desc)
}

// detailLine reports whether a line under an item gives its owner, due
// date, priority, status or ticket rather than an item of its own.
func detailLine(text string) bool {
	w := strings.ToLower(letters(strings.TrimLeft(text, "*_ "), 0))
	switch w {
	case "owner", "owners", "assignee", "due", "priority", "status", "state", "eta", "ticket", "jira", "link", "tracking", "issue", "deadline", "team":
		return true
	}
	return false
}

// groupLike reports whether an item's text introduces the items below it
// rather than being one: it ends with a colon or an unfinished "by".
func groupLike(t string) bool {
	t = strings.TrimSpace(t)
	l := strings.ToLower(t)
	return strings.HasSuffix(t, ":") || strings.HasSuffix(l, " by") || strings.HasSuffix(l, " to") ||
		strings.HasSuffix(l, " for") || len(strings.Fields(t)) <= 4 && !strings.ContainsAny(t, ".")
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsUpper(r) || len(s) > n && unicode.IsUpper(rune(s[n])) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// taskDone reports a ticked task box ("- [x] …").
func taskDone(raw string) bool {
	s := strings.TrimLeft(raw, "-*+•0123456789.) \t")
	return strings.HasPrefix(s, "[x]") || strings.HasPrefix(s, "[X]") || strings.HasPrefix(s, "✅") || strings.HasPrefix(s, "DONE:") ||
		strings.HasPrefix(s, "✔") || strings.HasPrefix(s, "☑") || doneMarkAfter(s) != ""
}

// taskOpen reports an unticked task box ("- [ ] …").
func taskOpen(raw string) bool {
	s := strings.TrimLeft(raw, "-*+•0123456789.) \t")
	return strings.HasPrefix(s, "[ ]")
}

// doneMarkAfter is the tick an item ends with ("… in the edge runbook ✅"),
// "" when none.
func doneMarkAfter(s string) string {
	t := strings.TrimRight(s, " \t\ufe0f")
	for _, m := range []string{"✅", "✔", "☑"} {
		if strings.HasSuffix(t, m) {
			return m
		}
	}
	return ""
}

// endActionPara keeps the paragraph read so far.
func (d *documentParts) endActionPara() {
	if len(d.para) > 0 {
		d.paras = append(d.paras, strings.Join(d.para, " "))
		d.para = nil
	}
}

// addItem turns an item's text into an action item: its owner, priority,
// due date and state when written, its title the rest. docYear completes
// a due date written without a year. It reports whether an item was added.
func (d *documentParts) addItem(text string, indent, line int, done bool, docYear int) bool {
	text = strings.TrimSpace(text)
	if text == "" || len(d.items) >= 500 {
		return false
	}
	a := parseItem(text, docYear)
	if done && a.State == incident.ItemOpen {
		a.State = incident.ItemDone
	}
	if a.Title == "" {
		return false
	}
	d.items = append(d.items, a)
	d.itemInfo = append(d.itemInfo, itemInfo{indent: indent, line: line, text: text, done: done})
	return true
}

// reparse reads item i again from its text, which a wrapped line made
// longer, keeping what its group and details added.
func (d *documentParts) reparse(i int, text string, docYear int) {
	info := &d.itemInfo[i]
	old := d.items[i]
	a := parseItem(text, docYear)
	if info.done && a.State == incident.ItemOpen {
		a.State = incident.ItemDone
	}
	if a.Title == "" {
		return
	}
	if old.Description != "" && a.Description == "" && !strings.Contains(old.Description, old.Title) {
		a.Description = old.Description
	}
	info.text = text
	d.items[i] = a
}

// fillDetail gives an item what a detail line says of it and it does not
// say itself: owner, priority, due date, a state other than open.
func fillDetail(it *incident.ActionItem, extra incident.ActionItem) {
	if it.Owner == "" {
		it.Owner = extra.Owner
	}
	if it.Priority == "" {
		it.Priority = extra.Priority
	}
	if it.Due == "" {
		it.Due = extra.Due
	}
	if extra.State != incident.ItemOpen {
		it.State = extra.State
	}
}

// joinItemText adds a wrapped line or a detail to an item.
func joinItemText(it *incident.ActionItem, more string) {
	if more == "" {
		return
	}
	fillDetail(it, parseItem(more, 0))
	it.Description = strings.TrimSpace(it.Description + " " + more)
	it.Description = fitNarrative(it.Description)
}

var (
	ownerField    = lazyregexp.New(`(?i)[(\[,;]?\s*\b(?:(?:owner|owners|assignee|dri|responsible)\s*[:=]|assigned to\b)\s*(@?[\p{L}][\p{L}\p{N}._'/-]*(?:\s+[\p{Lu}][\p{L}'-]*)?)\s*[)\],;]?`)
	ownerMention  = lazyregexp.New(`(?:^|[\s(\[])(@[A-Za-z0-9][A-Za-z0-9._/-]*[A-Za-z0-9])`)
	priorityField = lazyregexp.New(`(?i)[(\[]?\b(?:priority\s*[:=-]?\s*)?(p[0-3]|critical|urgent|high|medium|low)(?:\s+priority)?\b[)\]]?`)
	pWord         = lazyregexp.New(`(?i)(?:^|[\s(\[])(p[0-3])(?:$|[\s)\],:.;])`)
	dueField      = lazyregexp.New(`(?i)[(\[,;]?\s*\b(?:due(?: date)?|deadline|eta|target(?: date)?|by)\s*[:=-]?\s*`)
	stateField    = lazyregexp.New(`(?i)[(\[]\s*(completed|complete|done|fixed|shipped|in progress|ongoing|open|todo|to do|not started|planned|backlog|blocked|pending|wip|in review|scheduled|proposed|won'?t (?:do|fix)|wontfix|cancelled|canceled)\b[^)\]]{0,40}[)\]]|\b(?:status|state)\s*[:=]\s*(completed|complete|done|fixed|in progress|open|todo|won'?t (?:do|fix)|cancelled|canceled)\b|^\s*(done|completed|fixed)\s*[:-]\s*|\s[—–-]\s*(completed|complete|done|fixed|shipped|in progress|open|not started|planned|blocked|won'?t (?:do|fix)|cancelled|canceled)\s*$`)
	titleURL      = lazyregexp.New(`\s*(?:[—–-]\s*)?[(<]?(?:see:?\s+)?<?https?://[^\s)>]+>?\)?`)
	markdownLink  = lazyregexp.New(`\[([^\]]+)\]\(([^)\s]+)\)`)
	strike        = lazyregexp.New(`^~~(.+?)~~(.*)$`)
	// trackerKey is an item's key in another tracker, before its title
	// ("OPS-2231: Alert on …", "[ENG-12] …", "[#2226]: …") or after it
	// ("… (ENG-12)").
	trackerKey = lazyregexp.New(`^\s*\[?([A-Z][A-Z0-9]{1,9}-\d{1,7}|#\d{1,7})\]?\s*[:—–-]\s+|^\s*\[([A-Z][A-Z0-9]{1,9}-\d{1,7}|#\d{1,7})\]\s+|^\s*([A-Z][A-Z0-9]{1,9}-\d{1,7})(?:\s{2,}|\t)|\s*[(\[]([A-Z][A-Z0-9]{1,9}-\d{1,7})[)\]]\s*$|\s+[(\[]?(#\d{1,7})[)\]]?\s*$`)
)

// itemState takes the state an item's text writes ("(done)", "Status:
// open", "— won't fix" at its end) into a, and reports whether it found one.
func itemState(a *incident.ActionItem, rest string) (string, bool) {
	m := stateField().FindStringSubmatch(rest)
	if m == nil {
		return rest, false
	}
	word := strings.ToLower(m[1] + m[2] + m[3] + m[4])
	switch {
	case strings.HasPrefix(word, "won") || strings.HasPrefix(word, "cancel"):
		a.State = incident.ItemWontDo
	case word == "completed" || word == "complete" || word == "done" || word == "fixed" || word == "shipped":
		a.State = incident.ItemDone
	}
	return strings.Replace(rest, m[0], " ", 1), true
}

// parseItem reads an action item's text. docYear completes a due date
// written without a year.
func parseItem(text string, docYear int) incident.ActionItem {
	a := incident.ActionItem{State: incident.ItemOpen}
	text, wkey, wstate := wikiItem(text)
	text = referenceLinks(text) // "The [Rust Foundation][foundation]'s …"
	full := markdownLink().ReplaceAllString(text, "$1 ($2)")
	rest := markdownLink().ReplaceAllString(text, "$1")
	reason := ""
	if m := strike().FindStringSubmatch(rest); m != nil {
		// Struck through: done, unless a note says it will not be.
		a.State, rest = incident.ItemDone, m[1]+" "+m[2]
		if why, fields := struckReason(m[2]); why != "" {
			// "~~Move to a managed store~~ not this term, revisit in
			// the summer": dropped, for the reason written after it.
			a.State, rest, reason = incident.ItemWontDo, m[1]+" "+fields, why
		}
	}
	rest, stated := itemState(&a, rest)
	if !stated && a.State == incident.ItemOpen {
		// "We've fixed the resize tool …", as a postmortem lists what
		// is already done beside what is planned; "… it was rejected".
		a.State = toldState(rest)
	}
	if m := ownerField().FindStringSubmatch(rest); m != nil {
		a.Owner = strings.TrimSpace(m[1])
		rest = strings.Replace(rest, m[0], " ", 1)
	} else if m := ownerMention().FindStringSubmatch(rest); m != nil {
		a.Owner = m[1]
		if name, span, ok := mentionedName(rest, m[1]); ok {
			// "@Hana Sato" at the end: a mention by display name, as
			// Notion and Confluence write them.
			a.Owner, rest = name, strings.Replace(rest, span, " ", 1)
		} else if strings.HasSuffix(strings.TrimSpace(rest), m[1]) || inBrackets(rest, m[1]) {
			// A trailing handle, or one among the item's fields in
			// brackets ("(@ken, P1, due …)"), is the owner, not the title.
			rest = strings.Replace(rest, m[1], " ", 1)
		}
	} else if owner, task, ok := leadingOwner(rest); ok {
		a.Owner, rest = owner, task
	} else if owner, span, ok := bracketOwner(rest); ok {
		a.Owner, rest = owner, strings.Replace(rest, span, " ", 1)
	} else if owner, span, ok := trailingOwner(rest); ok {
		a.Owner, rest = owner, strings.Replace(rest, span, " ", 1)
	}
	a.Priority, rest = itemPriority(rest)
	if due, span := dueDate(rest, docYear); due != "" {
		a.Due = due
		rest = strings.Replace(rest, span, " ", 1)
	}
	if !stated {
		// "… — done (owner: Dana)": the state ends the item once its
		// owner, priority and due date are taken out.
		rest, _ = itemState(&a, rest)
	}
	key := ""
	// "… (#1431) — @mbarrow" once the owner is out: the key ends the item.
	rest = strings.TrimRight(rest, " \t-–—,;:|.")
	if m := trackerKey().FindStringSubmatch(rest); m != nil {
		key = m[1] + m[2] + m[3] + m[4] + m[5]
		rest = strings.Replace(rest, m[0], " ", 1)
		if i := strings.Index(full, key+" (http"); i >= 0 {
			// "[#4211](https://…)": the key with its link.
			if j := strings.IndexByte(full[i:], ')'); j > 0 {
				key = full[i : i+j+1]
			}
		}
	}
	if key == "" {
		key = wkey
	}
	if wstate != "" {
		a.State = wstate
	}
	if loc := doneCapitalsAt(rest); loc != nil && a.State == incident.ItemDone && reason == "" {
		// "… if it goes down. DONE in PR #5126": the mark and where it
		// was done say how it closed; the title is the work.
		reason = "Done" + strings.TrimRight(rest[loc[1]:], " .")
		rest = rest[:loc[0]+1]
	}
	rest = emptyBrackets().ReplaceAllString(rest, " ")
	rest = strings.Join(strings.Fields(rest), " ")
	rest = strings.Trim(rest, " -–—,;:|")
	rest = trimConjunction(rest)
	rest = trimTodo(rest)
	a.Title, a.Description = itemTitle(rest, full)
	if reason != "" && !strings.Contains(a.Description, reason) {
		a.Description = strings.TrimSpace(capitalise(reason) + ". " + a.Description)
	}
	if key != "" && !strings.Contains(a.Description, key) {
		// The title is the work; the key says where it is tracked.
		a.Description = strings.TrimSpace(a.Description + " Tracking: " + key)
	}
	return a
}

// trimTodo drops the "TODO:" that marks an item in notes ("TODO: write
// the runbook").
// cutLabel returns s without the first of labels it opens with (in any
// case), and whether one was there.
func cutLabel(s string, labels ...string) (string, bool) {
	for _, l := range labels {
		if len(s) > len(l)+2 && strings.EqualFold(s[:len(l)], l) {
			return strings.TrimSpace(s[len(l):]), true
		}
	}
	return s, false
}

// markedItem reports a line that a TODO or DONE mark, or a tracker's key
// ("OPS-7790  Exclude HTML from long-lived cache rules"), opens.
func markedItem(text string) bool {
	if m := leadKey().FindString(text); m != "" && len(text) > len(m)+8 {
		return true
	}
	for _, w := range []string{"TODO:", "TODO -", "DONE:", "DONE -", "[TODO]", "[DONE]"} {
		if strings.HasPrefix(text, w) && len(text) > len(w)+3 {
			return true
		}
	}
	return false
}

// leadKey is a tracker's key opening a line, then a space.
var leadKey = lazyregexp.New(`^[A-Z][A-Z0-9]{1,9}-\d{1,6}\s`)

func trimTodo(s string) string {
	for _, w := range []string{"TODO:", "TODO -", "[TODO]", "Todo:", "todo:", "DONE:", "DONE -"} {
		if len(s) > len(w)+3 && strings.HasPrefix(s, w) {
			return strings.TrimSpace(s[len(w):])
		}
	}
	return s
}

// trimConjunction drops the "and" that joins the last item of a list
// written as one sentence ("- and setting a floor on fleet size,"), and
// one left at the end of an item.
func trimConjunction(s string) string {
	for _, w := range []string{"and ", "or ", "And "} {
		if len(s) > len(w)+3 && strings.HasPrefix(s, w) {
			s = s[len(w):]
			break
		}
	}
	for _, w := range []string{" and", " or"} {
		s = strings.TrimSuffix(s, w)
	}
	return strings.TrimRight(s, " ,;")
}

func priorityWord(w string) incident.Priority {
	switch strings.ToLower(w) {
	case "critical", "urgent", "p0":
		return incident.Priority("P0")
	case "high", "p1":
		return incident.Priority("P1")
	case "medium", "p2":
		return incident.Priority("P2")
	}
	return incident.Priority("P3")
}

// itemPriority takes the priority an item's text writes ("P1", "HIGH
// Include …", "(priority: high)") out of it.
func itemPriority(rest string) (incident.Priority, string) {
	if m := pWord().FindStringSubmatch(rest); m != nil {
		return incident.Priority(strings.ToUpper(m[1])), strings.Replace(rest, strings.TrimSpace(m[0]), " ", 1)
	}
	if m := shoutedPriority().FindStringSubmatchIndex(rest); m != nil {
		// "**HIGH** Include downloads in the smoke test plan", "HIGH
		// Include …", "[MEDIUM] …"; not "HIGH memory usage on …".
		word, end := "", m[1]
		for g := 2; g+1 < len(m); g += 2 {
			if m[g] >= 0 {
				word = rest[m[g]:m[g+1]]
				if g == 8 {
					end = m[g+1] // the capital that follows is the title's
				}
			}
		}
		return priorityWord(word), strings.TrimLeft(rest[end:], " ")
	}
	if m := priorityField().FindStringSubmatchIndex(rest); m != nil && strings.Contains(strings.ToLower(rest[m[0]:m[1]]), "priority") && priorityAsField(rest, m) {
		return priorityWord(rest[m[2]:m[3]]), rest[:m[0]] + " " + rest[m[1]:]
	}
	return "", rest
}

// referenceLink is a reference-style Markdown link, "[text][label]" or
// "[text][]"; its text is what a reader sees.
var referenceLink = lazyregexp.New(`\[([^\]\[]+)\]\[[^\]\[]*\]`)

// referenceLinks reads the reference-style links in an item's words as
// their text; tags that open an item ("[SRE][P2] Autoscale …") are its
// fields, not a link.
func referenceLinks(text string) string {
	locs := referenceLink().FindAllStringSubmatchIndex(text, -1)
	if len(locs) == 0 {
		return text
	}
	var b strings.Builder
	last := 0
	for _, m := range locs {
		if leadingTags().MatchString(text[:m[0]]) {
			continue
		}
		b.WriteString(text[last:m[0]])
		b.WriteString(text[m[2]:m[3]])
		last = m[1]
	}
	b.WriteString(text[last:])
	return b.String()
}

// leadingTags is what may stand before an item's tags: nothing, or tags.
var leadingTags = lazyregexp.New(`^(?:\s*\[[^\]]*\])*\s*$`)

// shoutedPriority is a priority in capitals that opens an item, as a
// list of corrective actions ranks them: "HIGH Include …", "[MEDIUM] …".
var shoutedPriority = lazyregexp.New(`^\s*(?:(?:\*\*|__)(CRITICAL|URGENT|HIGH|MEDIUM|LOW)(?:\*\*|__)(?:\s*[:—–-])?|\[(CRITICAL|URGENT|HIGH|MEDIUM|LOW)\](?:\s*[:—–-])?|(CRITICAL|URGENT|HIGH|MEDIUM|LOW)\s*[:—–-]|(CRITICAL|URGENT|HIGH|MEDIUM|LOW)(?:\s+\p{Lu}))\s*`)

// priorityAsField reports whether the priority words rest[m[0]:m[1]] are
// the item's own: bracketed ("(priority: high)"), a "Priority:" field,
// or set apart at the end ("… — high priority"). Inside the sentence they
// are what the item is about: "High priority alerts for …", "change the
// alarm to high priority", "when a high priority alert fires".
func priorityAsField(rest string, m []int) bool {
	span := strings.ToLower(strings.TrimSpace(rest[m[0]:m[1]]))
	if strings.HasPrefix(span, "(") || strings.HasPrefix(span, "[") || strings.HasPrefix(span, "priority") {
		return true
	}
	before := strings.TrimRight(rest[:m[0]], " ")
	after := strings.Trim(rest[m[1]:], " .")
	last, _ := utf8.DecodeLastRuneInString(before)
	first, _ := utf8.DecodeRuneInString(after)
	apart := func(r rune) bool { return strings.ContainsRune("-—–,;|:", r) }
	return before != "" && apart(last) && (after == "" || apart(first))
}

// dueDate finds "due 2024-03-01", "(ETA: March 1, 2024)", "by 2024-03-01"
// and returns the date as YYYY-MM-DD and the text it took.
func dueDate(s string, docYear int) (string, string) {
	for _, loc := range dueField().FindAllStringIndex(s, -1) {
		y, m, d, end, ok := stampReader{}.date(s, loc[1])
		if !ok || d == 0 {
			continue
		}
		if y == 0 {
			y = docYear
		}
		if !validYear(y) || d > daysIn(y, m) {
			continue
		}
		end = min(len(s), end)
		if end < len(s) && (s[end] == ')' || s[end] == ']') {
			end++
		}
		return fmt.Sprintf("%04d-%02d-%02d", y, m, d), s[loc[0]:end]
	}
	return "", ""
}

// itemTitle makes a title of an item's text: a bold lead ("**Circuit
// breakers**: adding …") or the first sentence, within the length a title
// holds; the whole text is the description when the title is not all of it.
func itemTitle(rest, full string) (string, string) {
	title := cleanInline(rest)
	desc := ""
	if lead, after, ok := strings.Cut(rest, "**:"); ok && strings.HasPrefix(strings.TrimSpace(rest), "**") {
		title, desc = leadTitle(cleanInline(lead), strings.TrimSpace(after))
	} else if i := strings.Index(title, ": "); i > 0 && i < 60 && len(strings.Fields(title[:i])) <= 6 && len(strings.Fields(title[:i])) >= 2 && !openBracket(title[:i]) {
		// "Read/write separation: implementing …" (a one-word lead such
		// as "Runbook:" is part of the title).
		lead, after := title[:i], strings.TrimSpace(title[i+2:])
		title, desc = leadTitle(lead, after)
		if !hasWord(lead) {
			// "[#2226]: Add simple logging …": the ticket, then the item.
			title, desc = after, cleanInline(full)
		}
	}
	if t := titleURL().ReplaceAllString(title, ""); t != title && strings.TrimSpace(t) != "" {
		// A link is the item's tracking, kept in the description.
		title, desc = t, cleanInline(full)
	}
	title = strings.Trim(strings.ReplaceAll(trimSeparators(title), "`", ""), " *_.,;")
	if utf8.RuneCountInString(title) > 120 {
		whole := title
		if e := sentenceEnd(title, 0); e < len(title) && e <= 200 {
			title = strings.TrimRight(title[:e], ".")
		}
		if utf8.RuneCountInString(title) > incident.MaxTitleLen {
			title = truncateRunes(title, incident.MaxTitleLen)
		}
		if title != whole {
			// The rest of a long item is its description; an item kept
			// whole as its title is not told twice.
			desc = cleanInline(full)
		}
	}
	title = capitalise(title)
	if desc != "" {
		desc = fitNarrative(capitalise(desc))
	}
	return title, desc
}

// leadTitle titles an item written "Lead: what to do …" with the lead
// and the first sentence after it ("Fix the pipeline: assert the cluster
// matches the workspace"), so that two items under one lead keep apart
// (a lone word after the lead, "PR", is no sentence)
// and the title says the work; the sentences after it describe it.
func leadTitle(lead, after string) (title, desc string) {
	if after == "" {
		return lead, ""
	}
	e := sentenceEnd(after, 0)
	first := strings.TrimRight(strings.TrimSpace(after[:e]), ".")
	if len(strings.Fields(titleURL().ReplaceAllString(first, ""))) < 2 {
		return lead, after
	}
	title = lead + ": " + first
	if e < len(after) {
		desc = strings.TrimSpace(after[e:])
	}
	return title, desc
}

// emptyBrackets is what is left of a bracketed group of fields once the
// owner, priority and due date have been taken out of it: "( , , )".
var emptyBrackets = lazyregexp.New(`[(\[][\s,;:/|-]*(?:[)\]]|$)`)

// inBrackets reports whether word stands inside a bracketed group of s.
func inBrackets(s, word string) bool {
	i := strings.Index(s, word)
	if i < 0 {
		return false
	}
	open := strings.LastIndexAny(s[:i], "([")
	return open >= 0 && !strings.ContainsAny(s[open+1:i], ")]") && strings.ContainsAny(s[i:], ")]")
}

// hasWord reports whether s holds a word of three letters or more.
func hasWord(s string) bool {
	run := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if run++; run >= 3 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// mentionedName reads a mention by display name at the end of an item
// ("… @Hana Sato"): the handle's word and the capitalised words after it.
func mentionedName(rest, handle string) (name, span string, ok bool) {
	i := strings.LastIndex(rest, handle)
	if i < 0 || !fullName(handle[1:]+rest[i+len(handle):]) {
		return "", "", false
	}
	name = strings.Join(strings.Fields(strings.TrimRight(handle[1:]+rest[i+len(handle):], " .;,)")), " ")
	return name, rest[i:], strings.Count(name, " ") > 0
}

// bracketOwner reads a person named in the brackets an item ends with
// ("(Lauren Shaw)", "(Kofi Mensah, due 2025-02-14)"): the first of the
// fields there, when it is a full name.
func bracketOwner(rest string) (owner, span string, ok bool) {
	t := strings.TrimRight(rest, " .;")
	if !strings.HasSuffix(t, ")") {
		return "", "", false
	}
	open := strings.LastIndexByte(t, '(')
	if open < 0 {
		return "", "", false
	}
	first, _, _ := strings.Cut(t[open+1:len(t)-1], ",")
	if !fullName(first) {
		return "", "", false
	}
	return strings.Join(strings.Fields(first), " "), first, true
}

// trailingOwner reads a person named after a dash at the end of an item
// ("… before installing a bundle — _Jo Park_ (P1)"), before any bracketed
// fields.
func trailingOwner(rest string) (owner, span string, ok bool) {
	t := rest
	if i := strings.LastIndexByte(t, '('); i > 0 && strings.HasSuffix(strings.TrimRight(t, " .;"), ")") {
		t = t[:i]
	}
	for _, sep := range []string{" — ", " – ", " - "} {
		i := strings.LastIndex(t, sep)
		if i < 0 {
			continue
		}
		for k := 0; k < 2 && itemField(t[i+len(sep):]); k++ {
			// "… — Kavya Rao — due 2025-09-05": the name before the
			// item's other fields.
			if j := strings.LastIndex(t[:i], sep); j >= 0 {
				t, i = t[:i], j
			}
		}
		name := strings.Trim(t[i+len(sep):], " _*")
		end := len(t)
		if first, more, ok := strings.Cut(name, ","); ok && fieldsOnly(more) {
			// "… — Jakob Lindqvist, P1, due 2025-02-07": the name, then
			// the item's other fields, which are read after it.
			name, end = strings.Trim(first, " _*"), i+len(sep)+strings.Index(t[i+len(sep):], ",")
		}
		for _, w := range []string{"owner:", "owner ", "owned by ", "assignee:", "assigned to "} {
			// "— owner Ayesha Khan"
			if len(name) > len(w) && strings.EqualFold(name[:len(w)], w) {
				name = strings.Trim(name[len(w):], " _*")
				break
			}
		}
		if fullName(name) {
			return strings.Join(strings.Fields(name), " "), strings.TrimRight(t[i:end], " "), true
		}
	}
	return "", "", false
}

// doneAlready is an item told as done: "We've fixed …", "We have
// already added …"; not "We have paused … until …", a stopgap in force.
// doneNote is an emphasised note closing an item that says it is done
// ("… in the current metrics. _done in grafana_.", "*Done.*").
var doneNote = lazyregexp.New(`(?i)(?:^|[\s.;:(])[_*]done\b[^_*\n]{0,60}[_*][.)]?\s*$`)

var doneAlready = lazyregexp.New(`(?i)^\s*we(?:'ve|’ve| have)\s+(?:already\s+|now\s+|since\s+)?(?:fixed|added|deployed|shipped|released|rolled back|reverted|removed|patched|corrected|updated|upgraded|migrated|replaced|restored|implemented|completed|merged|written|rewritten|built|created|increased|raised|tuned|documented|published|introduced|changed|set up)\b`)

// struckReason splits what follows a struck-through title into the reason
// it gives ("not this term, revisit in the summer") and the item's fields
// in brackets at its end ("(#1440)", "(owner: Dana)"); why is "" when it
// gives no reason, or only says the item is done.
func struckReason(after string) (why, fields string) {
	t := strings.TrimSpace(after)
	if strings.HasSuffix(t, ")") {
		if i := strings.LastIndexByte(t, '('); i >= 0 {
			t, fields = strings.TrimSpace(t[:i]), t[i:]
		}
	}
	why = strings.Trim(t, " -–—,;:.")
	var probe incident.ActionItem
	if _, stated := itemState(&probe, " — "+why); stated || !hasWord(why) || stateWord(why) {
		return "", after
	}
	return why, fields
}

// stateWord reports a note that is only a state: "done", "(fixed)".
func stateWord(s string) bool {
	switch strings.ToLower(strings.Trim(s, " ()[]!.")) {
	case "done", "fixed", "completed", "complete", "shipped", "merged", "resolved":
		return true
	}
	return false
}

// fieldsOnly reports a comma-separated list of an item's fields (" P1,
// due 2025-02-07").
func fieldsOnly(list string) bool {
	for _, part := range strings.Split(list, ",") {
		if !itemField(part) {
			return false
		}
	}
	return strings.TrimSpace(list) != ""
}

// itemField reports a part of an item, set off by a dash, that is one of
// its fields rather than its owner: "due 2025-09-05", "P1", "ETA: May".
func itemField(part string) bool {
	l := strings.ToLower(strings.Trim(part, " _*"))
	for _, w := range []string{"due", "by ", "eta", "target", "priority", "deadline"} {
		if strings.HasPrefix(l, w) {
			return true
		}
	}
	return len(l) == 2 && l[0] == 'p' && isDigit(l[1])
}

// notNameWords are capitalised words a bracket holds that name no one.
var notNameWords = map[string]bool{"In": true, "Progress": true, "Not": true, "Started": true, "To": true, "Do": true,
	"Done": true, "Planned": true, "Blocked": true, "Review": true, "Open": true, "Closed": true, "High": true,
	"Low": true, "Medium": true, "Priority": true, "Phase": true, "Team": true, "The": true, "And": true, "Of": true}

// nameParticles are the small words inside family names.
var nameParticles = map[string]bool{"de": true, "van": true, "der": true, "den": true, "von": true, "da": true,
	"di": true, "du": true, "la": true, "le": true, "del": true, "dos": true, "das": true, "bin": true, "al": true, "ter": true}

// fullName reports whether s (trailing punctuation aside) is a person's
// full name: two or three words, each a capital then small letters.
func fullName(s string) bool {
	words := strings.Fields(strings.TrimRight(s, " .;,)"))
	if len(words) < 2 || len(words) > 4 {
		return false
	}
	for i, w := range words {
		if i > 0 && i < len(words)-1 && nameParticles[w] {
			continue // "Femke de Vries", "Ludwig van Beethoven"
		}
		r, n := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || len(w) == n || notNameWords[w] {
			return false
		}
		for _, c := range w[n:] {
			if !unicode.IsLower(c) && c != '\'' && c != '-' {
				return false
			}
		}
	}
	return true
}
