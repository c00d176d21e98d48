package ingest

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"scribe/lazyregexp"
)

// proseFiller() may stand between "On <date>" and its time: "On 2024-08-12
// starting at 20:10 UTC".
var proseFiller = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"starting": true, "beginning": true, "from": true, "just": true, "shortly": true, "after": true,
		"around": true, "approximately": true, "about": true, "at": true, "roughly": true, "before": true,
		"between": true,
	}
})

// prose finds sentences that open with a time ("At 07:40 UTC we …", "On
// June 3 at 09:12 PT the pager …") in a paragraph, keeping the rest of the
// sentence as the entry's text.
func (p *parser) prose(para []textLine) {
	var b strings.Builder
	starts := make([]int, len(para))
	for i, l := range para {
		if i > 0 {
			b.WriteByte(' ')
		}
		starts[i] = b.Len()
		b.WriteString(l.text)
	}
	s := b.String()
	if !strings.ContainsAny(s, ":") && !strings.Contains(strings.ToLower(s), "m") && !militaryMark(s) {
		return
	}
	line := 0 // the paragraph line holding position i; i only moves forward
	for i := 0; i < len(s); i++ {
		if i > 0 && !(i >= 2 && s[i-1] == ' ' && strings.IndexByte(".!?", s[i-2]) >= 0) {
			continue
		}
		if s[i] < 'A' || s[i] > 'Z' {
			continue
		}
		st, start, ok := p.proseStamp(s, i)
		summary := !p.entrySection
		mid := -1 // where a time inside the sentence was read
		if !ok {
			// "Our alarms paged the team at 14:09 CEST.": the sentence is
			// the entry, and, like all sentences, only where the document
			// has no timeline of its own, or under a heading that is an
			// entry ("### March 11 22:45 UTC (lasting 2 hours)"), whose
			// paragraphs tell that incident's moments.
			if st, mid, ok = p.midSentenceStamp(s[:sentenceEnd(s, i)], i); !ok {
				continue
			}
			if !st.hasDate() {
				// "… was made available on 15 December 2024 at 11:31":
				// the date just before the time; else "On Tuesday, August
				// 15, a routine resize … started at 12:58 PM PDT": the
				// day the sentence opens with.
				var ok bool
				if st.year, st.month, st.day, ok = p.dateBefore(s, i, mid); !ok {
					st.year, st.month, st.day, _ = p.openingDate(s, i)
				}
			}
			start = i
		}
		end := sentenceEnd(s, start)
		cut, next, st2, two := p.secondClause(s, start, end)
		if two && mid >= cut {
			// The sentence's only time is the second clause's ("The
			// failover stuck, and from 9:41am nothing worked"): one entry.
			cut, two = end, false
		}
		text := capitalise(entryText(s[start:cut]))
		for line+1 < len(starts) && starts[line+1] <= i {
			line++
		}
		if text != "" {
			p.addProse(st, text, para[line], summary)
		}
		if two {
			if text := capitalise(entryText(s[next:end])); text != "" {
				p.addProse(st2, text, para[line], summary)
			}
		}
		i = end - 1
	}
}

// addProse adds the entry a sentence tells, reporting a time written as
// local time of a city the text does not name, which is read in the
// document's zone.
func (p *parser) addProse(st stamp, text string, l textLine, summary bool) {
	p.quoting = st.hasDate() && (p.doc.section == sectionTimeline || p.lineEntries()) ||
		!st.hasDate() && !p.entrySection && p.doc.section != sectionTimeline && p.lineEntries()
	added := p.addEntry(st, text, l.line, l.text, summary)
	p.quoting = false
	if added && p.entrySection {
		before := len(p.entries)
		p.headingMomentRetold(l, st)
		added = len(p.entries) == before
	}
	if added && st.span {
		p.entries[len(p.entries)-1].period = true
	}
	if added && st.unnamedLocal {
		p.change(l.line, l.text, "a time written as local time, and the text names no city whose zone it is: read in the document's zone; write the zone after the time to change it")
	}
}

// lineEntries reports whether the document has given entries of lines
// (a timeline, key events) so far: a sentence's own date then tells its
// moment without moving the date the timeline runs on ("On the 1st of
// November 14:49 AWS mailed a notice" does not put "retired at 16:00" on
// the 1st).
func (p *parser) lineEntries() bool {
	for i := range p.entries {
		if !p.entries[i].prose {
			return true
		}
	}
	return false
}

// secondClause finds, in the sentence s[start:end], a clause after ", and"
// (or "; ", ", then") that states a time of its own: "The first report
// reached support at 14:05 UTC, and the on-call was paged at 14:09 UTC"
// is two entries. It returns where the first clause ends, where the second
// one's text starts, and its time.
func (p *parser) secondClause(s string, start, end int) (cut, next int, st stamp, ok bool) {
	for k := start; k < end; k++ {
		if s[k] == ' ' && strings.HasPrefix(s[k:end], " and ") {
			if st, e, ok := p.byClause(s[:end], k+5); ok {
				return k, e, st, true // "… again and by 9:40 UTC traffic had returned"
			}
		}
		if s[k] == ' ' && strings.HasPrefix(s[k:end], " and ") && p.clauseTimed(s, start, k) {
			// "… identified at 15:20 UTC and reverted at 15:29 UTC": a
			// clause timed after one that was.
			if st, _, ok = p.midSentenceStamp(s[:end], k+4); ok {
				return k, k + 5, st, true
			}
			continue
		}
		if s[k] != ',' && s[k] != ';' {
			continue
		}
		j := skipSpaces(s, k+1)
		for _, w := range []string{"and then", "and", "then", "while"} {
			if len(s) >= j+len(w)+1 && strings.EqualFold(s[j:j+len(w)], w) && s[j+len(w)] == ' ' {
				j = skipSpaces(s, j+len(w))
				break
			}
		}
		if j == skipSpaces(s, k+1) && s[k] == ',' {
			if st, ok := p.splicedClause(s, start, k, end); ok {
				return k, j, st, true
			}
			continue // ", the on-call …": an apposition, not a clause
		}
		if st, e, ok := p.proseStamp(s[:end], j); ok {
			return k, e, st, true // ", and at 07:45 the on-call was paged"
		}
		if st, e, ok := p.byClause(s[:end], j); ok {
			return k, e, st, true // ", and by 09:40 traffic had returned"
		}
		if st, _, ok = p.midSentenceStamp(s[:end], j-1); ok {
			return k, j, st, true
		}
	}
	return end, end, stamp{}, false
}

// byClause reads a clause that opens with "by" and a time and says what
// had happened by then ("by 9:40 UTC traffic had returned to normal"),
// returning the time and where the clause's text starts after it. A plan
// ("by 15:00 we will …") is no moment.
func (p *parser) byClause(s string, j int) (stamp, int, bool) {
	if len(s) < j+3 || !strings.EqualFold(s[j:j+3], "by ") {
		return stamp{}, -1, false
	}
	k := skipApprox(s, skipSpaces(s, j+3))
	if !isDigit(byteAt(s, k)) {
		return stamp{}, -1, false
	}
	st, e, ok := p.r.stampAt(s, k)
	if !ok || !st.hasTime || st.zone == "" && st.meridiem == 0 && strings.IndexByte(s[k:e], ':') < 0 {
		return stamp{}, -1, false
	}
	e = skipSpaces(s, e)
	if byteAt(s, e) == ',' {
		e = skipSpaces(s, e+1)
	}
	if plan(s[e:]) || !pastBy(s[e:], "by") {
		return stamp{}, -1, false
	}
	return st, e, true
}

// clauseTimed reports whether the clause s[start:k] states a time.
func (p *parser) clauseTimed(s string, start, k int) bool {
	if _, _, ok := p.proseStamp(s[:k], start); ok {
		return true
	}
	_, _, ok := p.midSentenceStamp(s[:k], start)
	return ok
}

// midSentenceWords() introduce a time inside a sentence that says when
// something happened, or began ("from 9:41am Basecamp could not …"), but
// not "until", "before" or "by", which bound it.
var midSentenceWords = sync.OnceValue(func() map[string]bool {
	return map[string]bool{"at": true, "around": true, "approximately": true, "approx": true, "from": true}
})

// pastBy reports whether "by" dates what the sentence so far says has
// happened ("Error rates returned to normal by 13:47 UTC"): its verb is in
// the past. Plans ("will be fixed by 15:00") are left out before.
func pastBy(before, w string) bool {
	if !strings.EqualFold(w, "by") {
		return false
	}
	for _, word := range strings.Fields(before) {
		if l := strings.ToLower(strings.Trim(word, ",;")); len(l) > 4 && strings.HasSuffix(l, "ed") || irregularPast()[l] {
			return true
		}
	}
	return false
}

// irregularPast() are past tenses without "-ed" that a sentence dating
// what happened "by" a time uses ("notifications caught up by 10:21").
var irregularPast = sync.OnceValue(func() map[string]bool {
	return map[string]bool{"caught": true, "went": true, "came": true, "began": true, "fell": true, "rose": true,
		"took": true, "got": true, "ran": true, "found": true, "made": true, "sent": true, "held": true,
		"built": true, "brought": true, "drained": true, "was": true, "were": true, "had": true}
})

// midSentenceStamp finds the first "at 14:09 CEST" in the sentence s[i:],
// and where its time starts:
// a clock with a colon, am/pm or a zone, so that "at 5 minutes" and "at
// 99.9%" are not times.
func (p *parser) midSentenceStamp(s string, i int) (stamp, int, bool) {
	for j := i; j < len(s); j++ {
		if s[j] != ' ' {
			continue
		}
		w := letters(s, j+1)
		if !midSentenceWords()[strings.ToLower(w)] && !pastBy(s[i:j], w) || byteAt(s, j+1+len(w)) != ' ' {
			continue
		}
		k := skipApprox(s, j+2+len(w))
		if !isDigit(byteAt(s, k)) {
			continue
		}
		st, e, ok := p.r.stampAt(s, k)
		if ok && st.hasTime && (st.zone != "" || st.meridiem != 0 || strings.IndexByte(s[k:e], ':') >= 0) {
			if plan(s[i:timedClauseEnd(s, e)]) || personalClock(s, e) {
				return stamp{}, -1, false
			}
			return localClock(s, k, e, st), k, true
		}
	}
	return stamp{}, -1, false
}

// proseStamp reads the time a sentence opens with, returning where the
// rest of the sentence starts.
func (p *parser) proseStamp(s string, i int) (stamp, int, bool) {
	w := strings.ToLower(letters(s, i))
	j := i + len(w)
	if byteAt(s, j) != ' ' {
		return stamp{}, 0, false
	}
	j++
	switch w {
	case "at", "around", "approximately", "by", "about", "shortly", "just", "starting", "beginning", "from", "between":
		switch w {
		case "shortly", "just", "starting", "beginning":
			nw := strings.ToLower(letters(s, j))
			if nw != "after" && nw != "before" && nw != "at" && nw != "around" {
				return stamp{}, 0, false
			}
			j = skipSpaces(s, j+len(nw))
		}
		j = skipApprox(s, j)
		st, e, ok := p.r.stampAt(s, j)
		if !ok || !st.hasTime {
			return stamp{}, 0, false
		}
		st = localClock(s, j, e, st)
		if st.local || st.unnamedLocal {
			e = afterLocal(s, e) // "At 9:42 local time, …": the text starts after it
		}
		if w == "from" || w == "between" {
			e = p.skipPeriodEnd(s, e)
		}
		return st, e, true
	case "on":
		if st, e, ok := p.r.stampAt(s, j); ok && st.hasTime && st.hasDate() {
			return st, e, true
		}
		y, m, d, e, ok := p.r.date(s, j)
		if !ok || d == 0 {
			return stamp{}, 0, false
		}
		k := skipSpaces(s, e)
		if byteAt(s, k) == ',' {
			k = skipSpaces(s, k+1)
		}
		k, period := skipFiller(s, k)
		st, e2, ok := p.r.stampAt(s, k)
		if !ok || !st.hasTime || st.hasDate() {
			return stamp{}, 0, false
		}
		st.year, st.month, st.day = y, m, d
		st = localClock(s, k, e2, st)
		if period {
			// "On April 26, 2023 between 1900 and 2100 UTC, …": a span
			// the summary opens with (see keptProse).
			e2, st.span = p.skipPeriodEnd(s, e2), true
		}
		return st, e2, true
	}
	return stamp{}, 0, false
}

// skipFiller skips the words between "On <date>" and its time
// ("starting at", "between the hours of"), reporting whether they open a
// span.
func skipFiller(s string, k int) (int, bool) {
	period := false
	for range 3 {
		fw := strings.ToLower(letters(s, k))
		if !proseFiller()[fw] {
			break
		}
		k = skipSpaces(s, k+len(fw))
		period = period || fw == "between" || fw == "from"
		if fw == "between" {
			k = skipHoursOf(s, k) // "between the hours of 1900 and 2100 UTC"
		}
		if fw == "at" {
			break
		}
	}
	return k, period
}

// openingDate reads the date a sentence at s[i:] opens with: "On
// Tuesday, August 15, …", "On 2023-08-15, …"; ok is false when it opens
// with none, and the date's parts are then 0.
func (p *parser) openingDate(s string, i int) (y, m, d int, ok bool) {
	if !strings.EqualFold(letters(s, i), "on") || byteAt(s, i+2) != ' ' {
		return 0, 0, 0, false
	}
	j := i + 3
	if _, wd := weekdayOf(letters(s, j)); wd {
		j = skipSpaces(s, j+len(letters(s, j)))
		if byteAt(s, j) == ',' {
			j = skipSpaces(s, j+1)
		}
	}
	y, m, d, _, ok = p.r.date(s, j)
	if !ok || d == 0 {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

// dateBefore reads the date written just before the time at k in the
// sentence starting at i ("on 15 December 2024 at 11:31", "until 17
// December 2024, at 12:21").
func (p *parser) dateBefore(s string, i, k int) (y, m, d int, ok bool) {
	before := strings.TrimRight(s[i:k], " ")
	lower := strings.ToLower(before)
	for _, w := range []string{" at", " around", " approximately", " from", " by"} {
		if strings.HasSuffix(lower, w) {
			before = strings.TrimRight(before[:len(before)-len(w)], " ,")
			break
		}
	}
	for j := i; j < i+len(before); j++ {
		if j > i && (isLetter(s[j-1]) || isDigit(s[j-1])) || !isLetter(s[j]) && !isDigit(s[j]) {
			continue
		}
		if y, m, d, e, ok := p.r.date(s, j); ok && d != 0 && e == i+len(before) {
			return y, m, d, true
		}
	}
	return 0, 0, 0, false
}

// sentenceEnd is the end of the sentence running from i: after a full stop,
// "!" or "?" followed by a space and a capital, or the paragraph's end.
func sentenceEnd(s string, i int) int {
	for k := i; k+2 < len(s); k++ {
		if strings.IndexByte(".!?", s[k]) >= 0 && s[k+1] == ' ' && s[k+2] >= 'A' && s[k+2] <= 'Z' {
			return k + 1
		}
	}
	return len(s)
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// skipPeriodEnd skips the end of a period whose start was just read ("From
// November 11, 4:02 PM UTC to November 14, 3:02 PM UTC the …"), so that the
// text starts with what happened.
func (p *parser) skipPeriodEnd(s string, i int) int {
	j := skipSpaces(s, i)
	w := strings.ToLower(letters(s, j))
	if w != "to" && w != "until" && w != "till" && w != "and" && w != "through" {
		return i
	}
	if _, e, ok := p.r.stampAt(s, skipSpaces(s, j+len(w))); ok {
		return e
	}
	return i
}

// planWords mark a sentence about what is still to happen ("We will post
// an update at 15:00 UTC") or what happens routinely ("The backup runs
// every night at 02:00"), whose time is not an event.
var planWords = []string{" will ", " would ", " next update", " expect", " scheduled", " plan to ", " going to ",
	" normally ", " usually ", " daily", " nightly", " each day", " runs at ", " run at ", " should have ", " is due at "}

// everyPeriod is a routine's period ("every night", "every 5 minutes"),
// not "every node".
var everyPeriod = lazyregexp.New(`\bevery\s+(?:other\s+|\d+\s+|few\s+)?(?:second|minute|min|hour|day|night|morning|evening|week|weekday|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday|run|time)s?\b`)

func plan(sentence string) bool {
	l := strings.ToLower(sentence)
	for _, w := range planWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return strings.Contains(l, "every ") && everyPeriod().MatchString(l)
}
