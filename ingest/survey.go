package ingest

import (
	"fmt"
	"strings"
	"time"

	"scribe/lazyregexp"
)

// survey reads what holds for the whole document before the walk: front
// matter, the title, the order of numeric dates, whether clocks are
// written with am/pm, the first zone statement, and the document's date.
func (p *parser) survey() {
	p.frontMatter()
	p.plain = plainCopy(p.lines)
	var votes orderVotes
	var hints zoneHints
	h1 := -1
	p.surveyLines(func(i int, lead string) {
		if p.firstLine == 0 {
			p.firstLine = i + 1
		}
		if level, _ := headingOf(lead); h1 < 0 && (level == 1 || p.setext(i) == 1) {
			h1 = i
		}
		if p.fallbackZone == "" {
			p.fallbackZone = statedZone(lead)
		}
		votes.line(lead)
		hints.line(i, lead, p.zones)
		if !p.twelveHour && mayHoldMeridiem(lead) {
			p.twelveHour = meridiemClock(lead)
		}
	})
	p.r.dayFirst = votes.dayFirst()
	if p.fallbackZone == "" {
		p.hintZone, p.hintLine = hints.most()
	}
	if p.title == "" && h1 >= 0 {
		text := strings.TrimSpace(p.lines[h1])
		if level, t := headingOf(text); level > 0 {
			text = t
		}
		p.title, p.titleIdx = cleanInline(text), h1
	}
	// The title's sources, in order of precedence.
	for _, find := range []func(){p.statusPageTitle, p.plainTitle} {
		if p.title == "" {
			find()
		}
	}
	p.documentDate()
}

// surveyLines calls fn with each non-blank line outside front matter,
// fenced code and quotes, trimmed.
func (p *parser) surveyLines(fn func(i int, lead string)) {
	fence := ""
	for i, raw := range p.lines {
		if i >= p.skip[0] && i < p.skip[1] {
			continue
		}
		lead := strings.TrimSpace(raw)
		if f := fenceOf(lead); f != "" && (fence == "" || fence == f) {
			if fence == "" {
				fence = f
			} else {
				fence = ""
			}
			continue
		}
		if fence != "" || lead == "" || lead[0] == '>' {
			continue
		}
		fn(i, lead)
	}
}

// meridiemClock reports whether a line holds a clock written with am/pm.
func meridiemClock(lead string) bool {
	for k := 0; k < len(lead); k++ {
		if isDigit(lead[k]) && (k == 0 || !isDigit(lead[k-1]) && !isLetter(lead[k-1])) {
			if t, _, ok := clock(lead, k, false); ok && t.meridiem != 0 {
				return true
			}
		}
	}
	return false
}

// orderVotes count how a document writes its dates, to settle numeric
// dates whose parts are both 12 or less: numeric dates that can only be
// day first or month first, then month names after or before the day.
type orderVotes struct {
	dmy, mdy, dmyNamed, mdyNamed int
	firstSep                     byte // the separator of the first ambiguous numeric date
}

// line counts the dates of one line, looking only at word starts.
func (v *orderVotes) line(lead string) {
	for k := 0; k < len(lead); k++ {
		if k > 0 && (isLetter(lead[k-1]) || isDigit(lead[k-1])) {
			continue
		}
		switch c := lead[k]; {
		case isDigit(c):
			v.numeric(lead, k)
		case isLetter(c):
			w := letters(lead, k)
			if monthOf(w) > 0 {
				e := skipSpaces(lead, k+len(w))
				if _, n := number(lead, e, 2); n > 0 && e > k+len(w) {
					v.mdyNamed++
				}
			}
			k += len(w) - 1
		}
	}
}

// numeric counts the numeric date ("14/03/2024") or day before a month's
// name ("6 Nov") at k.
func (v *orderVotes) numeric(lead string, k int) {
	a, n := number(lead, k, 2)
	if n == 0 {
		return
	}
	if e := skipSpaces(lead, skipOrdinal(lead, k+n)); e > k+n && monthOf(letters(lead, e)) > 0 {
		v.dmyNamed++
	}
	sep := byteAt(lead, k+n)
	if sep != '-' && sep != '/' && sep != '.' {
		return
	}
	b, n2 := number(lead, k+n+1, 2)
	if e := k + n + 1 + n2; n2 > 0 && sep == '/' && byteAt(lead, e) != sep {
		// "3/10 11:20 PM", a day without its year (see monthDay): only
		// with a time after it, as "24/7" and "3/4 of" are no dates.
		if _, _, ok := (stampReader{}).timeAfterDate(lead, e); !ok || !wordEnd(lead, e) {
			return
		}
	} else {
		_, n3 := number(lead, k+n+2+n2, 4)
		if n2 == 0 || byteAt(lead, k+n+1+n2) != sep || n3 != 4 && (n3 != 2 || sep != '/') {
			return
		}
	}
	switch {
	case a > 12 && b <= 12:
		v.dmy++
	case b > 12 && a <= 12:
		v.mdy++
	case v.firstSep == 0:
		v.firstSep = sep
	}
}

// dayFirst is the document's reading of ambiguous numeric dates.
func (v *orderVotes) dayFirst() bool {
	switch {
	case v.dmy != v.mdy:
		return v.dmy > v.mdy
	case v.dmyNamed != v.mdyNamed:
		return v.dmyNamed > v.mdyNamed
	}
	// With no evidence, 06/11/2023 is read the American way and
	// 06-11-2023 or 06.11.2023 the European way, as each is usually
	// written.
	return v.firstSep != '/'
}

// mayHoldMeridiem reports whether line has an "am" or "pm" that clock might
// read (an m after an a or p, or after "a." or "p."), so that the survey
// need not try every number of a 24-hour log as a 12-hour clock.
func mayHoldMeridiem(line string) bool {
	for _, c := range [...]byte{'m', 'M'} {
		for at := 0; at < len(line); {
			k := strings.IndexByte(line[at:], c)
			if k < 0 {
				break
			}
			k += at
			b := byteAt(line, k-1) | 0x20
			if b == '.' {
				b = byteAt(line, k-2) | 0x20
			}
			if b == 'a' || b == 'p' {
				return true
			}
			at = k + 1
		}
	}
	return false
}

// titleLine is the 0-based line of a heading used as the title, -1 when the
// title came from elsewhere.
func (p *parser) titleLine() int { return p.titleIdx }

// frontMatter reads a YAML ("---" … "---") or TOML ("+++" … "+++") block
// near the top, as blog posts carry, for its title and date.
func (p *parser) frontMatter() {
	p.titleIdx, p.plainIdx = -1, -1
	start, fence := -1, ""
	for i := 0; i < len(p.lines) && i < 3; i++ {
		if l := strings.TrimSpace(p.lines[i]); l == "---" || l == "+++" {
			start, fence = i, l
			break
		}
	}
	if start < 0 {
		return
	}
	sep := ":" // YAML between ---, TOML between +++
	if fence == "+++" {
		sep = "="
	}
	table := false
	for i := start + 1; i < len(p.lines) && i < start+60; i++ {
		l := strings.TrimSpace(p.lines[i])
		if l == fence {
			p.skip = [2]int{start, i + 1}
			return
		}
		if fence == "+++" && strings.HasPrefix(l, "[") {
			table = true // "[extra]": the keys below are the table's
		}
		key, val, ok := strings.Cut(l, sep)
		if !ok || table || nestedKey(p.lines[i]) {
			// "resources:\n- src: …\n  title: Image": a list's or a
			// table's title is not the post's.
			continue
		}
		val = strings.Trim(strings.TrimSpace(val), `"'`)
		switch strings.ToLower(strings.TrimSpace(key)) {
		case "title":
			p.title = val
		case "date":
			p.fmDate = val
		}
	}
	p.title, p.fmDate = "", ""
}

// nestedKey reports a front matter line indented or listed under another
// key ("  title: …", "- src: …").
func nestedKey(raw string) bool {
	return raw != "" && (raw[0] == ' ' || raw[0] == '\t' || raw[0] == '-')
}

// statusPageTitle takes the incident's name on a status page, the line
// above "Incident Report for Acme" or below "Incident #2587" (the first
// line is the page's own name).
func (p *parser) statusPageTitle() {
	prev, numbered, named := "", false, false
	for i := 0; i < len(p.lines) && i < 12; i++ {
		l := cleanInline(strings.TrimSpace(p.lines[i]))
		switch {
		case l == "" || pageControl(l):
			continue
		case numbered:
			p.title = l
			return
		case named && !incidentNumber().MatchString(l):
			// "Lumen Status" then the incident's name, as Instatus and
			// other hosted pages print them.
			named = false
			if _, _, status := statusLine(l, false); !status && len(l) < 120 && !strings.HasSuffix(l, ".") {
				if _, _, stamped := p.leadStamp(l); !stamped {
					p.title = l
					return
				}
			}
		case len(l) > 20 && strings.EqualFold(l[:20], "incident report for "):
			if prev != "" {
				p.title = prev
			}
			return
		}
		numbered = incidentNumber().MatchString(l)
		named = prev == "" && pageName().MatchString(l)
		prev = l
	}
}

// pageName is a status page's own name on its first line ("Lumen Status",
// "Acme Status Page").
var pageName = lazyregexp.New(`^(?i:(?:[\w.&' -]{1,40}\s)?status(?:\s+page)?)$`)

// incidentNumber is a status page's line naming an incident by number.
var incidentNumber = lazyregexp.New(`^(?i:incident)\s*#\d{1,7}$`)

// plainTitle takes, when the document has no level-1 heading, a "Title:"
// line among its first lines, else its first short line when that is a
// heading or reads like a title ("Increased API Latency" above a status
// page's report): not a list item, table row or quote, not an entry, a
// status word or a bad clock. Links, fences and notes too long to be a
// title are passed over. A plain line that the walk still reads as an
// entry is dropped as the title in result.
func (p *parser) plainTitle() {
	tried, first, mailed := 0, true, false
	for i, raw := range p.lines {
		if i >= p.skip[0] && i < p.skip[1] {
			continue
		}
		l := strings.TrimSpace(raw)
		if l == "" || strings.Contains(l, "://") || fenceOf(l) != "" || strings.HasPrefix(l, "{{") || strings.HasPrefix(l, "{%") {
			continue // a link, a fence, a wiki template: not the title
		}
		if tried++; tried > 3 && !(mailed && tried <= 8) {
			return
		}
		if tried == 1 {
			// A mail's headers come before its "Subject:".
			mailed = strings.HasPrefix(strings.ToLower(l), "from:")
		}
		if len(l) > 150 {
			continue
		}
		clean := cleanInline(l)
		if t := titleField(clean); t != "" {
			p.title, p.plainIdx, p.titleField = t, i, true
			return
		}
		if !first || mailed {
			continue // after the first short line, only a "Title:" line is a title
		}
		if tried == 1 && breadcrumb(clean) {
			continue // "Engineering / Incident reviews / 2024" above the title
		}
		first = false
		if p.firstLineTitle(i, l, clean) {
			return
		}
	}
}

// firstLineTitle takes the document's first short line l (clean, line i)
// as its title when it reads like one; it reports whether the search for a
// title ends there.
func (p *parser) firstLineTitle(i int, l, clean string) bool {
	if level, text := headingOf(l); level > 0 {
		if classify(text) == sectionNone {
			p.title, p.titleIdx = cleanInline(text), i
		}
		return true
	}
	if content, listed := listItem(l); !listed {
		if s, _, ok := headingLine(clean, content, false, false); ok && s != sectionNone {
			return true // "Overview" opens a section: the document has no title line
		}
	}
	if c := l[0]; c == '|' || c == '>' {
		return false
	}
	if _, isList := listItem(l); isList {
		return false
	}
	_, _, stamped := p.leadStamp(clean)
	_, msg, status := statusLine(clean, false)
	if !stamped && status && strings.HasPrefix(strings.ToLower(clean), "post") && len(msg) > 10 && !p.postedNear(i) {
		// "Postmortem — Payments API 5xx — 11 Feb 2025": a title, where a
		// status page's "Postmortem - …" update has its Posted line.
		p.title, p.plainIdx, p.titleField = clean, i, true
		return true
	}
	if _, chat := p.nameAboveStamp(i); chat {
		return true // a chat message's author: the document has no title line
	}
	if !stamped && !status && !badClock(clean, false) {
		p.title, p.plainIdx = clean, i
		return true
	}
	return false
}

// titleField is the title a "Title:" line gives, or a mailed write-up's
// "Subject:"; "" for any other line.
func titleField(clean string) string {
	for _, label := range []string{"title:", "subject:"} {
		if len(clean) > len(label) && strings.EqualFold(clean[:len(label)], label) {
			return trimEmphasis(strings.TrimSpace(clean[len(label):]))
		}
	}
	return ""
}

// postedNear reports whether a status page's "Posted …" line follows line
// i within five lines.
func (p *parser) postedNear(i int) bool {
	for k := i + 1; k < len(p.lines) && k <= i+5; k++ {
		if l := strings.ToLower(strings.TrimSpace(p.lines[k])); strings.HasPrefix(l, "posted") {
			return true
		}
	}
	return false
}

// titleYearSource says the document's year came from its title.
const titleYearSource = "the year of the title"

// documentDate is the date time-only entries fall on when no heading gives
// one: the title's, the first date in the text, or the front matter's (a
// blog post's date is when it was published, often days later). Bylines
// (see byline) are publication dates too: they give the date, or the year
// of a title's date, only when nothing else does. When no year is written
// anywhere, a weekday named beside a date gives it; --year overrides them
// all.
func (p *parser) documentDate() {
	p.findBylines()
	title := true
	titleDated := false
	var clue *weekdayClue
	writeDate := false // the document's date is when it was written ("Date: Fri, 14 Mar 2025")
	p.surveyLines(func(i int, lead string) {
		if p.docD > 0 && p.docY > 0 || p.isByline(i) {
			return
		}
		if title {
			p.noteDate(p.title, titleYearSource)
			title, titleDated = false, p.docD > 0
		}
		had := p.docD > 0
		p.noteDate(lead, fmt.Sprintf("the year of the date on line %d", i+1))
		if !had && p.docD > 0 {
			writeDate = writtenOn(lead)
		}
		if clue == nil {
			clue = findWeekdayClue(p.r, lead, i+1)
		}
	})
	if title {
		p.noteDate(p.title, titleYearSource)
		titleDated = p.docD > 0
	}
	for _, i := range p.bylines {
		writeDate = p.bylineDate(i) || writeDate
	}
	if at := p.weighYears(p.datedMentions(), titleDated); at >= 0 {
		writeDate = writtenOn(p.lines[at])
	}
	if writeDate {
		p.docIsWriting = p.docD > 0 && p.docY > 0
		if p.docIsWriting {
			p.writtenY, p.writtenM, p.writtenD = p.docY, p.docM, p.docD
		}
		p.dayBeforeWriting()
	}
	p.noteDate(p.fmDate, "the year of the front matter's date")
	if p.docY == 0 {
		if y := titleYear(p.title, p.opts.Reference); y > 0 {
			p.docY, p.docYSource = y, "the year in the title"
		}
	}
	if p.docY == 0 && clue != nil {
		p.docY, p.docYSource = clue.year(p.opts)
	}
	if p.opts.Year > 0 {
		p.docY, p.docYSource, p.docYWritten = p.opts.Year, "", false
	}
}

// bylineDate takes what the document's date still lacks from byline i: the
// whole date, or the year of a date written without one, which is then
// the latest year that puts the date on or before the byline's (an
// incident is written up after it happened). It reports whether the
// byline gave the date and says when the document was written ("Date:
// Fri, 14 Mar 2025").
func (p *parser) bylineDate(i int) bool {
	if p.docD > 0 && p.docY > 0 {
		return false
	}
	lead := p.lines[i]
	source := fmt.Sprintf("the year of the date on line %d", i+1)
	if p.docD > 0 {
		y, m, d, ok := p.r.dateAnywhere(cleanInline(lead))
		if ok && y > 0 && validYear(y) {
			if p.docM > m || p.docM == m && p.docD > d {
				y--
			}
			p.docY, p.docYSource = y, source
		}
		return false
	}
	p.noteDate(lead, source)
	return p.docD > 0 && writtenOn(lead)
}

func (p *parser) noteDate(s, source string) {
	for i := 0; i < len(s); i++ {
		if p.docD > 0 && p.docY > 0 {
			return
		}
		if i > 0 && (isLetter(s[i-1]) || isDigit(s[i-1])) {
			continue
		}
		if !isLetter(s[i]) && !isDigit(s[i]) {
			continue
		}
		if skip := urlEnd(s, i); skip > i {
			// A date in a link is when a page was published, not when
			// the incident happened.
			i = skip
			continue
		}
		y, m, d, e, ok := p.r.date(s, i)
		if !ok || y != 0 && !validYear(y) {
			continue
		}
		if dueBefore().MatchString(s[max(0, i-24):i]) {
			// "due 2026-12-01", "ETA: March 3": when a follow-up is
			// expected, not when the incident happened.
			i = max(i, e-1)
			continue
		}
		if d > 0 && p.docD == 0 {
			p.docM, p.docD = m, d
			if y > 0 && p.docY == 0 {
				p.docY, p.docYSource, p.docYWritten = y, source, true
			}
		}
		if y > 0 && p.docY == 0 {
			p.docY, p.docYSource = y, source
		}
		if e > i {
			i = e - 1
		}
	}
}

// titleYear is a year the title names without a date ("2023 holiday
// traffic outage", "Black Friday 2024: checkout errors"): four digits
// standing alone, not a ticket's number ("INC-2024") nor a port ("2049"
// when the incident's date, ref, is 2026: a year is never later than the
// one after it).
func titleYear(title string, ref time.Time) int {
	latest := time.Now().Year() + 1
	if !ref.IsZero() {
		latest = ref.Year() + 1
	}
	for i := 0; i+4 <= len(title); i++ {
		y, n := number(title, i, 4)
		if n != 4 {
			continue
		}
		before, after := byteAt(title, i-1), byteAt(title, i+4)
		if i > 0 && before != ' ' && before != '(' && before != '[' || isDigit(after) || isLetter(after) || after == '-' || after == '.' && isDigit(byteAt(title, i+5)) {
			i += n - 1
			continue
		}
		if y >= 1990 && y <= latest {
			return y
		}
		i += n - 1
	}
	return 0
}

// dueBefore is the end of text that makes the date after it a deadline.
var dueBefore = lazyregexp.New(`(?i)\b(?:due(?: date)?|deadline|eta|target(?: date)?|by|until|before)\s*[:=-]?\s*$`)

// weekdayClue is a weekday named beside a date without a year ("Tuesday,
// March 5"): the years in which that date falls on that weekday.
type weekdayClue struct {
	weekday    time.Weekday
	month, day int
	line       int
	written    string
}

// findWeekdayClue finds the first weekday written before a date that has
// no year.
func findWeekdayClue(r stampReader, s string, line int) *weekdayClue {
	for i := 0; i < len(s); i++ {
		if i > 0 && (isLetter(s[i-1]) || isDigit(s[i-1])) || !isLetter(s[i]) {
			continue
		}
		w := letters(s, i)
		wd, ok := weekdayOf(w)
		if !ok {
			i += len(w)
			continue
		}
		j := skipWeekday(s, i)
		if y, m, d, e, ok := r.date(s, j); ok && y == 0 && d > 0 {
			return &weekdayClue{weekday: wd, month: m, day: d, line: line, written: s[i:e]}
		}
		if c := nearbyDate(r, s, i, j); c != nil {
			c.weekday, c.line = wd, line
			return c
		}
		i += len(w)
	}
	return nil
}

// nearbyDate finds a date without a year a little after the weekday at
// i (its word ends at j) in the same sentence: "Tuesday night's search
// outage (July 22)".
func nearbyDate(r stampReader, s string, i, j int) *weekdayClue {
	for k := j; k < len(s) && k < j+48; k++ {
		if s[k] == '.' || s[k] == ';' || s[k] == '!' || s[k] == '?' {
			return nil
		}
		if k > 0 && (isLetter(s[k-1]) || isDigit(s[k-1])) || !isLetter(s[k]) && !isDigit(s[k]) {
			continue
		}
		if _, ok := weekdayOf(letters(s, k)); ok {
			return nil // another day named first
		}
		if y, m, d, e, ok := r.date(s, k); ok && y == 0 && d > 0 && monthOf(letters(s, k)) > 0 {
			return &weekdayClue{month: m, day: d, written: s[i:e]}
		}
	}
	return nil
}

// year is the latest year up to the reference's (the incident's date, or
// today's: a postmortem tells of the past) in which the clue's date falls
// on its weekday, else the reference's next year.
func (c *weekdayClue) year(opts Options) (int, string) {
	if opts.Reference.IsZero() {
		return 0, ""
	}
	anchor := opts.Reference.Year()
	for _, y := range append([]int{anchor + 1}, yearsDown(anchor, 14)...) {
		if !validYear(y) || c.day > daysIn(y, c.month) {
			continue
		}
		if y == anchor+1 && !time.Date(y, time.Month(c.month), c.day, 0, 0, 0, 0, time.UTC).Before(opts.Reference.AddDate(0, 2, 0)) {
			continue // next year only for a date just ahead of the reference
		}
		if time.Date(y, time.Month(c.month), c.day, 12, 0, 0, 0, time.UTC).Weekday() == c.weekday {
			return y, fmt.Sprintf("the latest year up to %d in which %q (line %d) falls on a %s", anchor, c.written, c.line, c.weekday)
		}
	}
	return 0, ""
}

// yearsDown lists from, from-1, … n years.
func yearsDown(from, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = from - i
	}
	return out
}

// urlEnd returns the end of a URL starting at i, or i.
func urlEnd(s string, i int) int {
	if !strings.HasPrefix(s[i:], "http://") && !strings.HasPrefix(s[i:], "https://") {
		return i
	}
	j := i
	for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != ')' && s[j] != '>' {
		j++
	}
	return j
}

// writeDateLabels open a line that says when a document was written rather
// than when its incident happened.
var writeDateLabels = []string{"date:", "sent:", "published", "posted", "updated", "last updated", "written", "_published"}

// writtenOn reports whether a line dates the document itself.
func writtenOn(lead string) bool {
	l := strings.ToLower(strings.TrimLeft(cleanInline(lead), "*_ "))
	for _, w := range writeDateLabels {
		if strings.HasPrefix(l, w) {
			return true
		}
	}
	return false
}

// relativeDay names the day of an incident relative to when its write-up
// was written: "on Thursday", "Thursday's", "last Thursday", "yesterday".
var relativeDay = lazyregexp.New(`(?i)\b(?:(?:on|last|this past)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|(monday|tuesday|wednesday|thursday|friday|saturday|sunday)['’]s\b|(yesterday)\b)`)

// dayBeforeWriting moves the document's date, when it is the date the
// write-up was sent, back to the day its title or first lines name ("Search
// degraded on Thursday" in a mail dated Friday is Thursday's incident), and
// says so.
func (p *parser) dayBeforeWriting() {
	texts := []string{p.title}
	for i := 0; i < len(p.lines) && i < 40; i++ {
		texts = append(texts, p.lines[i])
	}
	for _, t := range texts {
		m := relativeDay().FindStringSubmatch(t)
		if m == nil || p.docY == 0 {
			continue
		}
		written := time.Date(p.docY, time.Month(p.docM), p.docD, 12, 0, 0, 0, time.UTC)
		back := 1 // yesterday
		if w := strings.ToLower(m[1] + m[2]); w != "" {
			back = (int(written.Weekday()) - weekdayNumber(w) + 7) % 7
		}
		if back == 0 {
			return
		}
		day := written.AddDate(0, 0, -back)
		p.docY, p.docM, p.docD, p.docIsWriting = day.Year(), int(day.Month()), day.Day(), false
		p.yearNotes = append(p.yearNotes, fmt.Sprintf("times without a date are read as %s, the day %q names before the document's date (%s); write the date on the entries to change it",
			day.Format("Mon 2 Jan 2006"), strings.TrimSpace(m[0]), written.Format("Mon 2 Jan 2006")))
		return
	}
}

// weekdayNumber is time.Weekday's number of a lower-case day name.
func weekdayNumber(w string) int {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.ToLower(d.String()) == w {
			return int(d)
		}
	}
	return 0
}
