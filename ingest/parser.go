package ingest

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"scribe/incident"
	"scribe/lazyregexp"
)

// parser reads one document. survey looks at the whole text once for what
// holds document-wide (title, date, day/month order, 12-hour clocks); walk
// then reads it line by line, carrying the date and zone in force, and the
// pending parts hold what a line opened and a later line completes.
type parser struct {
	lines []string
	opts  Options
	r     stampReader
	zones zoneCache

	surveyed
	walking
	pendingParts
	doc documentParts
	cur line // the line the line readers are reading

	entries  []Entry
	problems []Problem
}

// surveyed is what the survey finds before the walk.
type surveyed struct {
	title        string
	titleIdx     int    // 0-based line of the heading that is the title, -1
	plainIdx     int    // 0-based line of a title that is not a heading, -1
	titleField   bool   // the title is a "Title:" line, which the walk skips
	firstLine    int    // 1-based number of the first non-blank line
	fmDate       string // the front matter's date
	skip         [2]int // front matter lines [from, to), 0-based
	docY         int    // the document's year, 0 when unknown
	docYSource   string // where docY came from, for the note when it is used (see noteYear)
	docYWritten  bool   // docY was written with the document's date
	docM, docD   int    // the document's date, 0 when unknown
	docIsWriting bool   // docM/docD are when the document was written or published
	// writtenY, writtenM and writtenD are the day the document was written
	// or published, when it says (see afterWriting); 0 otherwise.
	writtenY, writtenM, writtenD int
	twelveHour                   bool   // the document writes am/pm somewhere
	plain                        bool   // a web page copied as text (see plainCopy)
	fallbackZone                 string // the first zone statement anywhere
	// hintZone is the zone the document writes most often after a clock
	// ("Started: Apr 12, 2023 2:02 PM BST"), for the times it writes
	// without one when it states none; hintLine is where it first
	// appears, hintUsed whether a time was read in it.
	hintZone string
	hintLine int
	hintUsed bool
	// bylines are the lines near the top that only date the document
	// (see byline), 0-based.
	bylines []int
}

// walking is the context the walk carries from line to line.
type walking struct {
	fence      string
	fenceReads bool // the code block is the timeline (see fenceLine)
	// dayOne is the date "Day 1" stands for in a timeline that numbers
	// its days (see dayLine), once dayOneSet.
	dayOne    time.Time
	dayOneSet bool
	// templateEnd is the line after the wiki template being passed over
	// (see templateLine).
	templateEnd int
	zone        string // zone word a statement put in force ("All times in PT")
	// carried is the zone the last placed entry wrote after its time
	// ("14:05 PDT"), for the entries after it that write none (see location).
	carried string
	// defaultNoted says the note that times were read in the default
	// zone, the text stating none, was given (see location).
	defaultNoted bool
	stated       string // the first zone the document states, for Result.Zone
	// suffixZone is the first zone written on an entry, the document's
	// zone when it states none.
	suffixZone string
	curY       int
	curYSource string // where curY came from when the text did not write it (see noteYear)
	dayGroup   int    // counts changes of the date in force (see unshiftNewestFirst)
	dayShift   int    // midnights sequence assumed since the date in force was set
	placed     placement
	yearNotes  []string
	// notedYear and notedSource are the last year note, which the next
	// entry most often repeats.
	notedYear   int
	notedSource string
	curM        int
	curD        int
	hasCur      bool
	// curIsWriting says the date in force is still the day the document
	// was written or published (see weekdayDate).
	curIsWriting bool
	// pinned is set when the text said which day its times are on
	// ("Unless otherwise noted all events happened on 2019-10-21"): an
	// entry with a date of its own then does not move the others.
	pinned bool
	// quoting is set while a sentence of a Timeline section, or of a
	// document whose lines gave entries, gives an entry with a date of
	// its own ("Violation started: July 11, 2025 at 4:42PM UTC", an alert
	// quoted under a heading entry): it does not move the running date
	// and clock the time-only lines follow. A sentence's time without a
	// date runs on that clock ("We rolled back at 00:21 UTC").
	quoting bool
	// entrySection is set under a heading that is an entry ("### August
	// 12 16:04 UTC"): the times its sentences open with are the entries
	// that follow it, not a summary of a timeline told elsewhere.
	entrySection bool
	// pmSection is set under a heading that names a postmortem
	// ("## Post-incident report") below a status page's updates: its
	// sentences are weighed as those of a postmortem posted as an update.
	pmSection bool
	// tZero is the instant relative times count from (see relativeStart).
	tZero              stamp
	tZeroRead, tZeroOK bool
	speaker            string // the author of the chat message being read (see speakerLine)
	// prevMin is the minute of day of the last entry on the current date,
	// on the clock of sequenceZone (below 0 or past a day when the entry
	// wrote another zone), noMinute for none; prevWall is that entry's
	// minute as written.
	prevMin, prevWall int
	// backs and fwds count the steps back and forward between time-only
	// entries on the current date: more steps back is a list written
	// newest first.
	backs, fwds int
	table       *tableCols

	// For indented code blocks: a line indented four columns past the
	// list it is in, after a blank line, is code, as are the lines after
	// it that stay indented.
	blank      bool
	listIndent int
	inCode     bool
}

// pendingParts are what a line began and a later one completes.
type pendingParts struct {
	para     []textLine   // the paragraph being read
	paras    [][]textLine // paragraphs since the last entry, for "Posted …" lines
	open     int          // index of the entry whose text continues on the next line, -1
	awaiting *awaited     // a timestamp line whose text is on the following lines
	// storyOpen is the entry a heading's story paragraph continues (see
	// awaited.story), -1 or stale otherwise: compared with open only.
	storyOpen int
	pending   *statusBlock // a status-page label whose timestamp is still to come
}

type textLine struct {
	text string
	line int
}

// awaited is a timestamp line whose text is on the lines below it.
type awaited struct {
	st      stamp
	line    int
	raw     string
	speaker string // the chat message's author, "" when not a chat
	label   string // the status word the line gave before its time ("Resolved · Mar 14 at 11:52am")
	alone   string // the entry's text when no message follows ("[9:21 AM] Deployed Fix")
	// story is set for a heading that is an entry ("### August 5 14:22
	// UTC (lasting 1 hour)"): the paragraph below is its text, and its
	// sentences that state times of their own are entries too.
	story bool
}

// statusBlock is a status-page update read up to its timestamp line.
type statusBlock struct {
	state incident.State
	label string
	text  []string
	line  int
	// postmortem is set for a postmortem posted as an update: its lines
	// are a document of their own (sections, narrative, action items),
	// and its event says only that it was posted.
	postmortem bool
}

var spaces = strings.NewReplacer("\u00a0", " ", "\u202f", " ")

func newParser(text string, opts Options) *parser {
	text = strings.TrimPrefix(text, "\ufeff")
	bad := -1
	if !utf8.ValidString(text) {
		bad = firstInvalidLine(text)
		text = strings.ToValidUTF8(text, "\ufffd")
	}
	if strings.Contains(text, "\u00a0") || strings.Contains(text, "\u202f") {
		// Pages copied from a browser carry no-break spaces ("10:18\u202fAM").
		text = spaces.Replace(text)
	}
	lines := strings.Split(text, "\n")
	p := &parser{
		lines:        lines,
		entries:      make([]Entry, 0, min(len(lines), 1<<20)), // a timeline is mostly entries
		opts:         opts,
		zones:        zoneCache{},
		pendingParts: pendingParts{open: -1, storyOpen: -1},
	}
	if bad >= 0 {
		// Never silently: a Latin-1 "café" is read as "caf\ufffd".
		p.change(bad+1, lines[bad], "not UTF-8 text (saved in another encoding?): the bytes no character has are read as \ufffd; save the file as UTF-8")
	}
	return p
}

// firstInvalidLine is the 0-based line of text's first byte that is not
// UTF-8, -1 when it is all UTF-8.
func firstInvalidLine(text string) int {
	for i, l := range strings.Split(text, "\n") {
		if !utf8.ValidString(l) {
			return i
		}
	}
	return -1
}

func indentWidth(line string) int {
	w := 0
	for _, c := range []byte(line) {
		switch c {
		case ' ':
			w++
		case '\t':
			w += 4 - w%4
		default:
			return w
		}
	}
	return w
}

// indentedCode reports whether a non-blank line with this indent belongs
// to an indented code block (logs pasted into Markdown that way are not
// entries).
func (p *parser) indentedCode(indent int) bool {
	if p.plain {
		return false
	}
	if p.inCode && indent >= p.listIndent+4 {
		return true
	}
	p.inCode = p.blank && indent >= p.listIndent+4 && p.fence == ""
	if p.inCode {
		p.endParagraph()
		p.open = -1
	}
	return p.inCode
}

func (p *parser) problem(line int, raw, reason string) {
	raw = strings.Join(strings.Fields(raw), " ") // table padding and tabs
	if r := []rune(raw); len(r) > 120 {
		raw = string(r[:120]) + "…"
	}
	p.problems = append(p.problems, Problem{Line: line, Text: raw, Reason: reason})
}

func (p *parser) walk() {
	p.prevMin, p.prevWall = noMinute, noMinute
	p.doc.year = p.docY
	if p.docM > 0 && p.docD > 0 {
		p.curY, p.curM, p.curD, p.hasCur = p.docY, p.docM, p.docD, true
		p.curIsWriting = p.docIsWriting
		if !p.docYWritten {
			p.curYSource = p.docYSource
		}
	}
	for i, raw := range p.lines {
		if i >= p.skip[0] && i < p.skip[1] {
			continue
		}
		p.walkLine(i, strings.TrimRight(raw, " \t\r"))
	}
	p.endParagraph()
	p.flushAwaiting()
	p.endPending()
	p.doc.endSection()
}

// walkLine reads line i (0-based) of the document.
func (p *parser) walkLine(i int, line string) {
	n := i + 1
	lead := strings.TrimLeft(line, " \t")
	if p.fenceLine(lead) || p.fence == "" && p.templateLine(i, lead) {
		return
	}
	if p.titleField && i == p.plainIdx {
		p.endParagraph()
		return
	}
	indent := indentWidth(line)
	if lead != "" && p.fence == "" && p.indentedCode(indent) {
		return
	}
	if lead != "" {
		p.blank = false
	}
	switch {
	case lead == "":
		p.endParagraph()
		p.open = -1
		p.blank = true
		p.table = nil // a blank line ends a table: the next row heads another
		p.doc.blankLine()
	case lead[0] == '>':
		// Quoted chat and logs are evidence, not entries.
		p.endParagraph()
		p.open = -1
	case lead[0] == '|' && p.doc.section == sectionActions:
		p.endParagraph()
		p.doc.actionRow(lead, p.docY)
	case p.doc.section == sectionActions && p.doc.barRow(lead):
		// "Task | Owner | Status": a table pasted without its outer bars.
		p.endParagraph()
		p.doc.actionRow(barCells(lead), p.docY)
	case lead[0] == '|':
		p.endParagraph()
		p.tableRow(lead, n)
	case i > 0 && p.setext(i-1) > 0 || p.overline(i):
		// The underline of the heading above, or a title's overline.
	default:
		p.table = nil
		level, text := headingOf(lead)
		if level == 0 {
			if level = p.setext(i); level > 0 {
				text = lead
			}
		}
		if level > 0 && p.fence == "" {
			p.endParagraph()
			if n-1 != p.titleLine() && !p.titleAgain(text) {
				p.enterHeading(level, text)
			}
			p.heading(text, n)
			return
		}
		p.documentTextLine(lead, indent, n)
		if _, isList := listItem(lead); isList {
			p.listIndent = indent + 2
		} else if indent < p.listIndent {
			p.listIndent = 0
		}
	}
}

// titleAgain reports a heading that repeats the title the front matter
// gave ("# What happened to push notifications on January 28" below
// "title: …"): it is the title, and names no section.
func (p *parser) titleAgain(text string) bool {
	return p.titleIdx < 0 && p.title != "" && !p.doc.seenHead && strings.EqualFold(strings.Trim(cleanInline(text), "*_ "), p.title)
}

// fenceLine follows fenced code blocks, and reports whether the line is
// one to pass over: a fence, or code. Under a Timeline heading, a block
// before any entry is the timeline itself, written as code to keep its
// columns; elsewhere code is evidence (logs, commands), not entries.
func (p *parser) fenceLine(lead string) bool {
	if f := fenceOf(lead); f != "" && (p.fence == "" || p.fence == f) {
		if p.fence == "" {
			p.fence = f
			p.endParagraph()
			p.open = -1
			p.fenceReads = p.doc.section == sectionTimeline && !p.doc.entriesIn
		} else {
			p.fence, p.fenceReads = "", false
			p.endParagraph()
			p.open = -1
		}
		return true
	}
	return p.fence != "" && !p.fenceReads
}

// documentTextLine reads a text line for the document's sections, then,
// unless an action section took it, for the timeline.
func (p *parser) documentTextLine(lead string, indent, n int) {
	content, isList := listItem(lead)
	l := docLine{raw: lead, content: content, clean: cleanInline(content), indent: indent, isList: isList, n: n}
	if l.clean == "" || placeholder(l.clean) || pictureLine(l.clean) {
		return
	}
	if p.doc.affected(l.clean) || p.documentLine(l) {
		return
	}
	before := len(p.entries) + len(p.problems)
	p.textLine(lead, content, isList, n)
	p.leadLine(l, len(p.entries)+len(p.problems) > before)
}

// placeholder reports a line a postmortem template leaves where nothing was
// written, as scribe's own export does ("_No summary yet — add one with
// `scribe set 1 summary "…"`_"): an emphasised line that only says how to
// fill the section.
func placeholder(clean string) bool {
	if len(clean) < 8 || clean[0] != '_' && clean[0] != '*' || clean[len(clean)-1] != clean[0] {
		return false
	}
	return strings.Contains(clean, "`scribe ")
}

// leadStamp reads a timestamp at the start of a cleaned line, allowing
// "[14:02]" and "(14:02)", and returns the text after it.
func (p *parser) leadStamp(s string) (stamp, string, bool) {
	closer := byte(0)
	switch byteAt(s, 0) {
	case '[':
		closer, s = ']', s[1:]
	case '(':
		closer, s = ')', s[1:]
	}
	// Emphasis and code marks may wrap the time, its zone or both ("*14:02*
	// UTC", "`14:30` UTC", "14:40 _UTC_"): read the stamp without them.
	bare, at := unmarked(s, 48)
	st, end, ok := p.r.stampAt(bare, 0)
	if !ok {
		st, end, ok = p.relativeStamp(bare)
	}
	if !ok {
		if st, end, ok = dottedLead(bare); !ok {
			return stamp{}, "", false
		}
	}
	if end < len(at) {
		end = at[end]
		// A mark that closes the stamp belongs to it.
		for end < len(s) && strings.IndexByte("*_`", s[end]) >= 0 {
			end++
		}
	} else {
		end += len(s) - len(bare)
	}
	if closer != 0 {
		if byteAt(s, end) != closer {
			return stamp{}, "", false
		}
		end++
	}
	return st, s[end:], true
}

// unmarked drops "*", "`" and "_" (but not one inside a word, as in
// max_wal_senders) from the first limit bytes of s; at maps each position
// of the result within them back to s.
func unmarked(s string, limit int) (string, []int) {
	cut := min(len(s), limit)
	if !strings.ContainsAny(s[:cut], "*`_") {
		return s, nil
	}
	b := make([]byte, 0, len(s))
	at := make([]int, 0, cut+1)
	for i := 0; i < cut; i++ {
		c := s[i]
		if c == '*' || c == '`' || c == '_' && !(isLetter(byteAt(s, i-1)) && isLetter(byteAt(s, i+1))) {
			continue
		}
		b = append(b, c)
		at = append(at, i)
	}
	at = append(at, cut)
	return string(b) + s[cut:], at
}

// aside reports whether a heading's text after its time is only a remark
// in parentheses ("### August 12 16:04 UTC (lasting 52 minutes)"): what
// happened is then told in the paragraph below.
func aside(t string) bool {
	return t[0] == '(' && strings.IndexByte(t, ')') == len(t)-1
}

// dottedLead reads the British "23.52 — incident declared" at the start of
// an entry: two digits for the hour and a dash after it tell it from a
// version or a number ("2.14 release", "99.95% of requests").
func dottedLead(s string) (stamp, int, bool) {
	if !isDigit(byteAt(s, 0)) || !isDigit(byteAt(s, 1)) || byteAt(s, 2) != '.' {
		return stamp{}, 0, false
	}
	t, end, ok := clock(s, 0, true)
	if !ok || t.hour > 23 || end != 5 {
		return stamp{}, 0, false
	}
	st := stamp{hour: t.hour, minute: t.minute, hasTime: true}
	if strings.HasPrefix(s[end:], "-ish") {
		return st, end + 4, true
	}
	if j := skipSpaces(s, end); j > end && dashAt(s, j) > 0 && byteAt(s, j+dashAt(s, j)) == ' ' {
		return st, end, true
	}
	return stamp{}, 0, false
}

// heading reads a heading: the title (skipped), an entry ("### 14:02 UTC
// — …"), a date in force for what follows ("## May 12"), or a zone.
func (p *parser) heading(text string, n int) {
	p.flushAwaiting()
	p.dropPending()
	p.open, p.paras = -1, nil
	if n-1 == p.titleLine() {
		return
	}
	p.entrySection, p.speaker, p.storyOpen = false, "", -1
	clean := cleanInline(text)
	if postmortemLabel(clean) > 0 && p.statusUpdates() > 0 {
		p.pmSection = true
	}
	if st, rest, ok := p.leadStamp(clean); ok {
		if st.ranged && classify(entryText(rest)) != sectionNone {
			// "## 14:00–14:25 UTC: Detection" names a phase: its
			// sentences tell what happened when.
			p.setDate(st)
			return
		}
		if st.hasTime || st.unknown {
			p.entrySection = true
			t := entryText(rest)
			if state, msg := statusOf(t); state != "" && msg == "" {
				// "### Friday 16:30 — Resolved": the update's message is
				// the paragraph below, as on a status page.
				p.awaiting = &awaited{st: st, line: n, raw: text, story: true, label: t, alone: t}
				return
			}
			if t != "" && !aside(t) {
				p.addEntry(st, t, n, text, false)
			} else {
				p.awaiting = &awaited{st: st, line: n, raw: text, story: true}
			}
			return
		}
		p.setDate(st)
	} else if badClock(clean, true) {
		p.problem(n, text, "unreadable time (write HH:MM, 24-hour or with am/pm)")
		return
	} else if badDate().MatchString(clean) {
		p.problem(n, text, badDateReason)
		return
	} else if y, m, d, ok := p.r.dateAnywhere(clean); ok && d > 0 {
		p.setDate(stamp{year: y, month: m, day: d})
	}
	if z := statedZone(clean); z != "" {
		p.setZone(z)
	}
}

// statusUpdates counts the status events read so far.
func (p *parser) statusUpdates() int {
	n := 0
	for _, e := range p.entries {
		if e.Kind == incident.KindStatus {
			n++
		}
	}
	return n
}

// line is a text line as the line readers see it.
type line struct {
	lead    string // the line without its indentation
	clean   string // its content without list marker and bold marks
	n       int    // 1-based line number
	isList  bool
	st      stamp  // the timestamp the line opens with, when stamped
	rest    string // the text after that timestamp
	stamped bool
	logged  bool // a log line pasted without a code block (see logLine)
}

// lineReaders read a line that is not a heading, table row, quote or
// code. Their order is their precedence: the first that takes the line
// reads it, so a line opening with a time is an entry before it can be a
// chat header, and the text an entry awaits is taken before a status word
// on it could open an update.
var lineReaders = []struct {
	name string
	read func(*parser, *line) bool
}{
	{"stamped entry", (*parser).stampedLine},
	{"status update with its time", (*parser).statusStampLine},
	{"unreadable clock", (*parser).badClockLine},
	{"impossible date", (*parser).badDateLine},
	{"chat message header", (*parser).chatHeaderLine},
	{"chat author's name", (*parser).chatNameLine},
	{"awaited text", (*parser).awaitedLine},
	{"numbered day", (*parser).dayLine},
	{"continued entry", (*parser).continuedLine},
	{"listed key event", (*parser).listedLabelLine},
	{"posted line", (*parser).postedLine},
	{"status-page label", (*parser).statusLabelLine},
	{"key event field", (*parser).fieldLabelLine},
	{"plain text", (*parser).plainLine},
}

// textLine reads a line with the first of lineReaders that takes it.
// content is lead without its list marker (see listItem), isList whether
// it had one.
func (p *parser) textLine(lead, content string, isList bool, n int) {
	if content != "" && content[0] == '"' {
		content = p.csvRow(content)
	}
	// The line lives in the parser, so that handing it to the readers
	// allocates nothing on each line of a large log.
	l := &p.cur
	*l = line{lead: lead, clean: cleanInline(content), n: n, isList: isList}
	if l.clean == "" {
		return
	}
	if mended, date, ok := mendDateSeparator(l.clean); ok {
		l.clean = mended
		p.change(n, lead, "a colon typed in the date: read as "+date+", check it")
	}
	l.st, l.rest, l.stamped = p.leadStamp(l.clean)
	l.logged = l.stamped && logLine(l.clean, l.rest)
	for _, r := range lineReaders {
		if r.read(p, l) {
			return
		}
	}
}

// opens reports whether the line can open an entry: a list item does, and
// so does a line that does not continue a sentence from the line before.
func (p *parser) opens(l *line) bool { return l.isList || !p.wrapped() }

// stampedLine reads a line that opens with a timestamp: an entry, a time
// whose text is below, a chat author's header, a date line, or a date
// without the time an entry needs.
func (p *parser) stampedLine(l *line) bool {
	if !l.stamped || l.logged || !p.opens(l) {
		return false
	}
	text := entryText(l.rest)
	switch {
	case l.st.hasTime || l.st.unknown:
		p.endParagraph()
		p.flushAwaiting()
		p.timedLine(l, text)
		return true
	case text == "":
		p.endParagraph()
		if !p.isByline(l.n - 1) {
			p.setDate(l.st)
		}
		return true
	case l.isList || startsWithSeparator(l.rest) || clockSoon(l.rest):
		p.endParagraph()
		p.problem(l.n, l.lead, noTimeReason(l.rest))
		p.setDate(l.st)
		return true
	}
	return false
}

// timedLine reads a line that opens with a time of day.
func (p *parser) timedLine(l *line, text string) {
	if text == "" {
		if b := p.pending; b != nil && !b.postmortem && len(b.text) == 0 && p.updateMessageAfter(l.n) {
			// "Resolved" / "Mar 15 at 10:42am GMT" / the message: Instatus
			// and Better Stack write the time between label and message.
			p.pending = nil
			p.awaiting = &awaited{st: l.st, line: l.n, raw: l.lead}
			if b.state != "" {
				p.awaiting.label = b.label
			}
			return
		}
		if p.pending != nil && (!p.pending.postmortem || l.st.hasDate()) {
			// The update's time, below its message; a time alone in a
			// postmortem heads one of its timeline's entries.
			p.emitPending(l.st, l.n, l.lead)
			return
		}
		// A chat client shows a bare time for an author's next message.
		p.awaiting = &awaited{st: l.st, line: l.n, raw: l.lead, speaker: p.speaker}
		if p.pmSection && p.updateTimeLine(l.n, l.clean) {
			p.pmSection = false // the next update, after a postmortem posted as one
		}
		return
	}
	p.dropPending()
	p.speaker = ""
	switch {
	case !l.isList && l.clean[0] == '[' && len(strings.Fields(text)) > 1 && personName(text):
		// Teams: "[9:12 AM] Ana Ruiz", the message below.
		p.speaker = text
		p.awaiting = &awaited{st: l.st, line: l.n, raw: l.lead, speaker: text, alone: text}
	case !l.isList && aside(text):
		// "**March 5 09:12 UTC (lasting 47 minutes)**" heads a section as
		// a heading would.
		p.entrySection = true
		p.awaiting = &awaited{st: l.st, line: l.n, raw: l.lead, story: true}
	case p.addEntry(l.st, text, l.n, l.lead, false):
		p.open = len(p.entries) - 1
	}
}

// statusStampLine reads "UPDATE 09:40 UTC: moving traffic".
func (p *parser) statusStampLine(l *line) bool {
	st, text, ok := p.statusStamp(l.clean)
	if !ok || !p.opens(l) {
		return false
	}
	p.endParagraph()
	p.flushAwaiting()
	p.endPending()
	p.speaker = ""
	if p.addEntry(st, text, l.n, l.lead, false) {
		p.open = len(p.entries) - 1
	}
	return true
}

// badClockLine reports a line that opens with a time it cannot read.
func (p *parser) badClockLine(l *line) bool {
	if !l.stamped && p.opens(l) && p.unanchored(l.clean) {
		p.endParagraph()
		p.open = -1
		p.problem(l.n, l.lead, noStartReason)
		return true
	}
	if l.logged || !p.opens(l) || !badClock(l.clean, l.isList) {
		return false
	}
	p.endParagraph()
	p.open = -1
	p.problem(l.n, l.lead, badClockReason(l.clean))
	return true
}

// badDateLine reports a line that opens with a numeric date no calendar
// has ("2024-13-01 10:00", "2024-05-00 09:12"), then a time: it was meant
// as an entry, and is not dropped without a word.
func (p *parser) badDateLine(l *line) bool {
	if l.logged || !p.opens(l) || !badDate().MatchString(l.clean) {
		return false
	}
	p.endParagraph()
	p.open = -1
	p.problem(l.n, l.lead, badDateReason)
	return true
}

// badDate is a numeric date the stamp reader found no date in, then a
// clock: year first ("2024-13-01 10:00") or last ("13/13/2024 10:00").
var badDate = lazyregexp.New("^[\\[(*_~`]*(?:\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.](?:\\d{4}|\\d{2}))(?:[T ,]+|\\s+at\\s+)\\d{1,2}:\\d{2}")

const badDateReason = "no such date (write a year 1970-2199, the month 1-12 and a day the month has, e.g. 2024-05-01 10:00)"

// chatHeaderLine reads "Priya Raman  2:03 PM" above a message.
func (p *parser) chatHeaderLine(l *line) bool {
	if l.isList {
		return false
	}
	name, st, ok := p.speakerLine(l.clean)
	if !ok || !p.messageBelow(l.n) && !p.commaMessageBelow(l.n, l.clean, name) {
		return false
	}
	p.endParagraph()
	p.flushAwaiting()
	p.dropPending()
	p.open, p.speaker = -1, name
	p.awaiting = &awaited{st: st, line: l.n, raw: l.lead, speaker: name}
	return true
}

// awaitedLine is the text of the timestamp line above it.
func (p *parser) awaitedLine(l *line) bool {
	a := p.awaiting
	if a == nil {
		return false
	}
	p.awaiting = nil
	text := entryText(l.clean)
	switch {
	case text == "":
	case a.speaker != "":
		text = a.speaker + ": " + text
	case a.label != "":
		text = a.label + " - " + text
	}
	posted := false
	if k := postmortemLabel(l.clean); k > 0 && a.speaker == "" && entryText(l.clean[k:]) == "" {
		// "Aug 17, 10:05 AM PDT" over "Postmortem": a postmortem posted
		// as an update, its sections below.
		text, posted = strings.Trim(l.clean[:k], "*_ :")+" posted", true
	}
	// A problem with the entry names its text too.
	added := p.addEntry(a.st, text, a.line, a.raw+" "+l.clean, false)
	if posted {
		p.doc.endSection()
		p.doc.section, p.pmSection = sectionSummary, true
		return true
	}
	if added && !l.isList {
		p.open = len(p.entries) - 1
		if a.story {
			p.storyOpen = p.open
			// Past its first sentence (the heading's moment told), the
			// line is read for the times it states.
			if rest := strings.TrimSpace(l.clean[sentenceEnd(l.clean, 0):]); rest != "" {
				p.para = append(p.para, textLine{rest, l.n})
			}
		}
	}
	return true
}

// continuedLine adds a wrapped line to the entry above it.
func (p *parser) continuedLine(l *line) bool {
	if p.open < 0 || l.isList || statedZone(l.clean) != "" {
		// "All times are Eastern Time." below the last update states the
		// page's zone; it does not go on with the update's message.
		return false
	}
	p.extend(p.open, entryText(l.clean), l.n)
	if p.open == p.storyOpen {
		// The rest of a story's first paragraph is read for the times
		// its sentences state ("… We detected it at 14:29 UTC").
		p.para = append(p.para, textLine{l.clean, l.n})
	}
	return true
}

// listedLabelLine reads "- First detected: 2024-04-15 12:32". Any other
// line ends the entry a line could continue.
func (p *parser) listedLabelLine(l *line) bool {
	p.open = -1
	return l.isList && p.labelStamp(l.clean, l.n, l.lead, true)
}

// postedLine reads a status page's "Posted Jun 03, 2021 - 09:12 PDT".
func (p *parser) postedLine(l *line) bool {
	return len(l.clean) > 6 && strings.EqualFold(l.clean[:6], "posted") && p.posted(l.clean, l.n, l.lead)
}

// statusLabelLine reads a status-page update's label ("Resolved",
// "Investigating - We are looking into …"), whose time comes later, or a
// key event with its time ("**Resolved** — 2024-02-02 06:40 UTC").
func (p *parser) statusLabelLine(l *line) bool {
	state, msg, ok := statusLine(l.clean, false)
	if !ok || p.statusHeader(l.n, l.clean) {
		return false
	}
	p.endParagraph()
	p.paras = nil
	label := strings.Trim(strings.Fields(l.clean)[0], "*_:")
	if st, end, ok := p.r.stampAt(msg, 0); ok && (st.hasTime || st.unknown) && strings.TrimSpace(msg[end:]) == "" {
		p.flushAwaiting()
		p.endPending()
		if !p.messageBelow(l.n) {
			p.addEntry(st, label, l.n, l.lead, false)
			return true
		}
		// "Resolved · Mar 14 at 11:52am PDT": the label and its time come
		// first, the message on the lines below.
		p.awaiting = &awaited{st: st, line: l.n, raw: l.lead}
		if state != "" {
			p.awaiting.label = label
		}
		return true
	}
	if strings.EqualFold(label, "issue") && !p.updateTimeBelow(l.n) {
		// "Issue" heads an update only on a page that times it.
		return false
	}
	p.endPending()
	if n := postmortemLabel(l.clean); n > 0 {
		label = strings.Trim(l.clean[:n], "*_ :")
	}
	p.pending = &statusBlock{state: state, label: label, line: l.n}
	if postmortemLabel(l.clean) > 0 {
		p.pending.postmortem = true
		p.doc.endSection()
		p.doc.section = sectionSummary
		return true
	}
	if msg != "" {
		p.pending.text = append(p.pending.text, msg)
	}
	return true
}

// updateTimeBelow reports whether a status update's time follows the label
// on line n (1-based) within a few lines: a "Posted …" line or a date and
// time alone, before any other label.
func (p *parser) updateTimeBelow(n int) bool {
	for i, seen := n, 0; i < len(p.lines) && seen < 8; i++ {
		c := cleanInline(strings.TrimSpace(p.lines[i]))
		if c == "" {
			continue
		}
		seen++
		if len(c) > 6 && strings.EqualFold(c[:6], "posted") {
			return true
		}
		if st, rest, ok := p.leadStamp(c); ok && st.hasTime && st.hasDate() && entryText(rest) == "" {
			return true
		}
		if _, _, ok := statusLine(c, false); ok {
			return false
		}
	}
	return false
}

// updateMessageAfter reports whether the first text after line n (1-based),
// past blank lines, is an update's message: not another update's label,
// not a time, not a heading.
func (p *parser) updateMessageAfter(n int) bool {
	for i := n; i < len(p.lines) && i < n+3; i++ {
		lead := strings.TrimSpace(p.lines[i])
		if lead == "" {
			continue
		}
		if level, _ := headingOf(lead); level > 0 || lead[0] == '|' || lead[0] == '>' {
			return false
		}
		c := cleanInline(lead)
		if _, _, ok := statusLine(c, false); ok {
			return false
		}
		if len(c) > 6 && strings.EqualFold(c[:6], "posted") {
			return false
		}
		if st, _, ok := p.leadStamp(c); ok && (st.hasTime || st.hasDate()) {
			return false
		}
		return len(strings.Fields(c)) > 2
	}
	return false
}

// fieldLabelLine reads key events written as fields rather than bullets
// ("**Start time**: 2024-03-14 09:12 UTC").
// In a narrative section, a line ending with a full stop is a sentence
// ("The alert paged the on-call at 14:09 UTC."), whose time only
// summarises the timeline.
func (p *parser) fieldLabelLine(l *line) bool {
	if p.doc.section.narrative() && strings.HasSuffix(l.clean, ".") {
		return false
	}
	if n := len(p.para); n > 0 && l.clean[0] >= 'a' && l.clean[0] <= 'z' && !strings.HasSuffix(p.para[n-1].text, ".") && !strings.HasSuffix(p.para[n-1].text, ":") {
		// The line goes on with a sentence the line above began ("… The
		// / last notification went out at 15:49 PT.").
		return false
	}
	return !l.isList && p.pending == nil && len(l.clean) <= 80 && p.labelStamp(l.clean, l.n, l.lead, false)
}

// plainLine reads what no other reader took: a zone or date statement,
// the message of a status update, or prose.
func (p *parser) plainLine(l *line) bool {
	if z := statedZone(l.clean); z != "" {
		p.setZone(z)
	}
	p.defaultDate(l.clean)
	switch {
	case p.pending != nil && !p.pending.postmortem:
		if strings.EqualFold(strings.TrimRight(l.clean, ":"), "posted") {
			return true // "Posted" on a line of its own, its time on the next
		}
		if len(p.pending.text) < 50 {
			p.pending.text = append(p.pending.text, entryText(l.clean))
		}
	case l.isList:
		p.endParagraph()
		p.para = append(p.para, textLine{l.clean, l.n})
		p.endParagraph()
	default:
		p.para = append(p.para, textLine{l.clean, l.n})
	}
	return true
}

// continuationWords() end a line whose sentence goes on with a time on the
// next line ("… at around\n08:15 UTC the team …").
var continuationWords = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"at": true, "around": true, "about": true, "by": true, "until": true, "since": true, "from": true,
		"to": true, "after": true, "before": true, "approximately": true, "circa": true, "and": true,
		"or": true, "of": true, "the": true, "on": true, "between": true, "till": true, "roughly": true,
	}
})

// wrapped reports whether the paragraph being read ends mid-sentence, so
// that a line starting with a time continues it rather than opening an
// entry.
func (p *parser) wrapped() bool {
	if len(p.para) == 0 {
		return false
	}
	last := p.para[len(p.para)-1].text
	i := strings.LastIndexAny(last, " \t")
	return continuationWords()[strings.ToLower(last[i+1:])]
}

// badClock reports whether a line that no timestamp was read from opens
// with what was meant as one ("25:61 …", "- 14:7 …", "[9:5]"); out of a
// list, a one-digit minute is more likely a ratio ("1:1 meetings").
func badClock(s string, isList bool) bool {
	marked := strings.IndexByte("[(*_~`", byteAt(s, 0)) >= 0
	s = strings.TrimLeft(s, "[(*_~`")
	_, n := number(s, 0, 2)
	if n == 0 || byteAt(s, n) != ':' {
		return false
	}
	_, n2 := number(s, n+1, 2)
	return n2 == 2 || n2 == 1 && (isList || marked) && wordEnd(s, n+1+n2)
}

// logLevels open the message of a log line.
var logLevels = []string{"TRACE", "DEBUG", "INFO", "NOTICE", "WARN", "WARNING", "ERROR", "ERR", "CRIT", "CRITICAL", "FATAL", "PANIC"}

// logLine reports whether a line that starts with a timestamp is a log
// pasted without a code block ("2024-02-06T14:31:07Z WARN consumer lag"):
// a time to the second, then a level or key=value fields. Logs are
// evidence, not entries.
func logLine(line, rest string) bool {
	stamp := line[:len(line)-len(rest)]
	if strings.Count(stamp, ":") < 2 {
		return false
	}
	r := strings.TrimLeft(rest, " \t[(")
	if strings.HasPrefix(r, "level=") || strings.HasPrefix(r, "lvl=") {
		return true
	}
	w := letters(r, 0)
	for _, l := range logLevels {
		if w == l && wordEnd(r, len(w)) {
			return true
		}
	}
	return false
}

// clockSoon reports whether a time follows a date closely enough
// ("14 Mar 2024 ~> 11:52") that the line was meant as an entry whose time
// could not be read.
func clockSoon(rest string) bool {
	r := strings.TrimLeft(rest, " \t")
	if r == "" || isLetter(r[0]) {
		return false
	}
	for i := 0; i+2 < len(r) && i < 12; i++ {
		if isDigit(r[i]) && r[i+1] == ':' && isDigit(r[i+2]) {
			return true
		}
	}
	return false
}

func startsWithSeparator(rest string) bool {
	r := strings.TrimLeft(rest, " \t*_")
	return r != "" && strings.ContainsAny(r[:1], ":-|") || strings.HasPrefix(r, "–") || strings.HasPrefix(r, "—")
}

// messageBelow reports whether the line after line n (1-based) can be the
// message of a header that ends with its time ("Priya Raman  2:03 PM",
// "Resolved · Mar 14 at 11:52am PDT"): it is there, and it does not end
// with a time itself, as the next of a block of fields would
// ("**Mitigated** — 2024-02-02 04:02 UTC").
func (p *parser) messageBelow(n int) bool {
	if n >= len(p.lines) {
		return false
	}
	next, _ := listItem(strings.TrimSpace(p.lines[n]))
	next = cleanInline(next)
	if next == "" {
		return false
	}
	for i := len(next) - 1; i > 0; i-- {
		if next[i-1] == ' ' && isDigit(next[i]) {
			if st, end, ok := p.r.stampAt(next, i); ok && st.hasTime && end == len(next) {
				return false
			}
		}
	}
	return true
}

// dropPending reports a status-page update whose time never came, when
// the line read ends it. A postmortem posted as an update is a document
// of its own, whose headings, tables and timeline lines belong to it: it
// ends only at its time, or at the next update (endPending).
func (p *parser) dropPending() {
	if p.pending != nil && !p.pending.postmortem {
		p.endPending()
	}
}

// endPending reports a status-page update whose time never came.
func (p *parser) endPending() {
	if b := p.pending; b != nil {
		p.pending = nil
		p.problem(b.line, strings.TrimSpace(b.label+" - "+strings.Join(b.text, " ")), "no time for this status update")
	}
}

func (p *parser) flushAwaiting() {
	if a := p.awaiting; a != nil {
		p.awaiting = nil
		if a.alone != "" {
			p.addEntry(a.st, a.alone, a.line, a.raw, false)
			return
		}
		p.problem(a.line, a.raw, "no text after the time")
	}
}

func (p *parser) endParagraph() {
	if len(p.para) == 0 {
		return
	}
	para := p.para
	p.para = nil
	if p.doc.section == sectionNone && p.pending == nil && len(para) < 40 {
		var b strings.Builder
		for i, l := range para {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(entryText(l.text))
		}
		p.doc.strayCommitments(b.String())
	}
	if len(p.paras) < 64 {
		p.paras = append(p.paras, para)
	} else {
		p.paras = append(p.paras[1:], para)
	}
	p.prose(para)
}

func (p *parser) setZone(z string) {
	p.zone = z
	if p.stated == "" {
		p.stated = z
	}
}

// addEntry places st and appends the entry, reporting the line when the
// time cannot be placed; it reports whether an entry was added.
func (p *parser) addEntry(st stamp, text string, n int, raw string, prose bool) bool {
	text = strings.TrimSpace(text)
	if text == "" {
		p.problem(n, raw, "no text after the time")
		return false
	}
	at, ok := p.place(st, n, raw)
	if !ok {
		return false
	}
	if strings.IndexByte(text, '\t') >= 0 {
		text = tabbedText(text)
	}
	e := Entry{At: at, Text: text, Kind: incident.KindNote, Line: n, prose: prose, postmortem: p.pending != nil && p.pending.postmortem || p.pmSection, section: p.doc.section}
	if p.placed.timeOnly {
		e.group, e.shift = p.placed.group, p.placed.shift
	} else {
		e.group = -1 - len(p.entries) // an entry with its own date is a group of its own
	}
	if state, msg := statusOf(text); state != "" {
		e.Kind, e.State = incident.KindStatus, state
		if msg != "" {
			e.Text = msg
		}
	}
	e.Text = p.fitText(e.Text, n, raw)
	p.entries = append(p.entries, e)
	p.doc.entriesIn = true
	return true
}

// tabbedText joins the cells of a row copied from a web page's table,
// which arrive split by tabs ("INCIDENT START\tDeploy of the router"), as
// a Markdown table's are joined.
func tabbedText(text string) string {
	var cells []string
	for _, c := range strings.Split(text, "\t") {
		if c = strings.TrimSpace(c); c != "" {
			cells = append(cells, c)
		}
	}
	return strings.Join(cells, " — ")
}

// fitText cuts a text longer than an event may be (incident.MaxTextLen
// characters), and says so with the line: import never changes what was
// written without a word.
func (p *parser) fitText(text string, n int, raw string) string {
	if len(text) <= incident.MaxTextLen || utf8.RuneCountInString(text) <= incident.MaxTextLen {
		return text
	}
	p.change(n, raw, fmt.Sprintf("the text is %d characters long: cut to the %d an event holds", utf8.RuneCountInString(text), incident.MaxTextLen))
	return truncateRunes(text, incident.MaxTextLen)
}

// extend adds a wrapped line (line n) to entry i's text, within the length
// an event holds; what does not fit is reported once.
func (p *parser) extend(i int, more string, n int) {
	e := &p.entries[i]
	if e.cut {
		return
	}
	text := e.Text + " " + more
	if len(text) > incident.MaxTextLen && utf8.RuneCountInString(text) > incident.MaxTextLen {
		e.cut = true
		p.change(n, more, fmt.Sprintf("the entry from line %d runs past the %d characters an event holds: cut there", e.Line, incident.MaxTextLen))
		text = truncateRunes(text, incident.MaxTextLen)
	}
	e.Text = text
}

// change reports a line whose entry was imported, but not as written.
func (p *parser) change(line int, raw, reason string) {
	p.problem(line, raw, reason)
	p.problems[len(p.problems)-1].Changed = true
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// readLine reports whether line n (1-based) gave an entry or a problem.
func (p *parser) readLine(n int) bool {
	for _, e := range p.entries {
		if e.Line == n {
			return true
		}
	}
	for _, pr := range p.problems {
		if pr.Line == n {
			return true
		}
	}
	return false
}

// newestFirst reports whether entries, in document order, mostly go back
// in time.
func newestFirst(es []Entry) bool {
	backs, fwds := 0, 0
	for i := 1; i < len(es); i++ {
		switch es[i].At.Compare(es[i-1].At) {
		case -1:
			backs++
		case 1:
			fwds++
		}
	}
	return backs > fwds
}

// minTimeline is how many timeline lines make a document's timeline, so
// that its prose is not read for more.
const minTimeline = 3

// keptProse says which entries read from sentences are kept. A document
// with a timeline of its own tells its story there: the sentences with
// times around it ("On 2020-02-20 at 21:28 UTC we received a report")
// summarise it. Sentences are the timeline only of a document that has
// (almost) no other; with fewer lines, a sentence at a line's minute is
// that line again. A postmortem posted as a status-page update is weighed
// on its own: the updates around it say what was posted when, and its
// sentences tell what happened, unless it has a timeline of its own.
func (p *parser) keptProse() func(Entry) bool {
	lines, pmLines, pmProse := 0, 0, false
	for _, e := range p.entries {
		switch {
		case e.prose:
			pmProse = pmProse || e.postmortem
		case e.postmortem:
			lines++
			pmLines++
		default:
			lines++
		}
	}
	told := map[int64]bool{}
	for _, e := range p.entries {
		// A postmortem's sentence at the minute of any update is that
		// update told again; status logs are short.
		if !e.prose && (len(told) < minTimeline || pmProse) {
			told[e.At.Unix()/60] = true
		}
	}
	all, ofDay := map[int64]bool{}, map[int64]bool{}
	for _, e := range p.entries {
		if !e.prose {
			all[e.At.Unix()/60] = true
			ofDay[e.At.Unix()/60%1440] = true
		}
	}
	near := func(e Entry) bool {
		m := e.At.Unix() / 60
		if e.group >= 0 && ofDay[m%1440] {
			// "The new IdP went live at 09:30", a time without a date,
			// retells the timeline's 09:30 of whichever day.
			return true
		}
		return e.period || all[m] || all[m-1] || all[m+1] || all[m-2] || all[m+2]
	}
	sentences := map[int64]bool{} // minutes a sentence that is no span tells
	for _, e := range p.entries {
		if e.prose && !e.period {
			sentences[e.At.Unix()/60] = true
		}
	}
	return func(e Entry) bool {
		if told[e.At.Unix()/60] || e.period && sentences[e.At.Unix()/60] {
			// "Between 13:05 and 13:47 UTC, …" above "At 13:05 UTC, …":
			// the span summarises what the sentence tells.
			return false
		}
		if e.postmortem {
			return pmLines < minTimeline
		}
		return lines < minTimeline || !near(e)
	}
}

func (p *parser) result() Result {
	// The entries kept are filtered in place: a large timeline's are most
	// of what the parse allocates.
	res := Result{Title: p.title, Entries: p.entries[:0],
		Narrative: p.narrative(), ActionItems: p.doc.items, Retro: p.doc.retro, Services: p.doc.services}
	res.Problems, res.Notes = p.problems, p.yearNotes
	if p.plainIdx >= 0 && p.readLine(p.plainIdx+1) {
		// The first line looked like a title but was read as an entry.
		res.Title = ""
	}
	keep, again := p.keptProse(), p.retold()
	for _, e := range p.entries {
		if e.prose && !keep(e) || again(e) {
			continue
		}
		e.Text = linkText(e.Text)
		res.Entries = append(res.Entries, e)
	}
	p.mendYearSlips(res.Entries)
	res.Problems = p.problems
	unshiftNewestFirst(res.Entries)
	if newestFirst(res.Entries) {
		// A log written newest first (a status page) lists updates of the
		// same minute newest first too: reversed, ties keep the order in
		// which they happened.
		slices.Reverse(res.Entries)
	}
	sortEntries(res.Entries)
	if p.stated == "" && p.opts.ZoneGiven {
		// --tz read the times the text gave no zone for: the preview
		// shows them in it, not in a zone some lines wrote.
		return res
	}
	if p.stated == "" {
		p.stated = p.suffixZone
	}
	if p.stated == "" && p.hintUsed {
		p.stated = p.hintZone
	}
	if p.stated != "" {
		if loc, err := incident.ParseZone(p.stated); err == nil {
			res.Zone = loc
		}
	}
	return res
}
