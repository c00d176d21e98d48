package ingest

import (
	"strings"
	"sync"

	"scribe/incident"
)

// statusWords() are the update labels of status pages. The four incident
// states become status events; the others (Update, Postmortem, …) label
// an update that is kept as a note.
var statusWords = sync.OnceValue(func() map[string]incident.State {
	return map[string]incident.State{
		"investigating": incident.Investigating,
		"identified":    incident.Identified,
		"monitoring":    incident.Monitoring,
		"resolved":      incident.Resolved,
		"update":        "",
		"updated":       "",
		"postmortem":    "",
		"post-mortem":   "",
		"scheduled":     "",
		"in progress":   "",
		"verifying":     "",
		"completed":     "",
		"issue":         "", // Heroku's first update
	}
})

// postmortemLabels head a postmortem posted as a status-page update.
var postmortemLabels = []string{"postmortem", "post-mortem", "post mortem", "post-incident review", "post-incident report",
	"post incident review", "post incident report", "post-incident analysis"}

// postmortemLabel is the length of the postmortem label a line opens with
// (alone, or before a dash or colon and the rest), 0 when none.
func postmortemLabel(s string) int {
	s0 := s
	s = strings.TrimLeft(s, "*_")
	if len(s) < 10 || s[0]|0x20 != 'p' {
		return 0
	}
	for _, l := range postmortemLabels {
		if len(s) >= len(l) && strings.EqualFold(s[:len(l)], l) {
			r := strings.TrimLeft(s[len(l):], "*_ ")
			if r == "" || r[0] == ':' || dashAt(r, 0) > 0 {
				return len(s0) - len(r)
			}
		}
	}
	return 0
}

// statusLine reads a status-page update label: a line that is only the word
// ("Resolved") or the word, a dash and the message ("Investigating - We are
// looking into …"). With colonOK, "Resolved: message" counts too; a line
// of its own written so is a document's field ("Identified: a bad config")
// rather than an update.
func statusLine(s string, colonOK bool) (state incident.State, msg string, ok bool) {
	if n := postmortemLabel(s); n > 0 {
		return "", entryText(s[n:]), true
	}
	i := 0
	for i < len(s) && (isLetter(s[i]) || s[i] == '*' || s[i] == '_' || s[i] == '-' && i+1 < len(s) && isLetter(s[i+1])) {
		i++
	}
	word, rest := s[:i], s[i:]
	word = strings.Trim(word, "*_")
	if (len(word) < 6 || len(word) > 13) && !strings.EqualFold(word, "issue") {
		return "", "", false
	}
	if strings.IndexByte("imruspvcIMRUSPVC", word[0]) < 0 {
		return "", "", false
	}
	lw := strings.ToLower(word)
	if lw == "in" && len(rest) > 9 && strings.EqualFold(rest[:9], " progress") {
		lw, rest = "in progress", rest[9:]
	}
	st, known := statusWords()[lw]
	if !known {
		return "", "", false
	}
	r := strings.TrimLeft(rest, " \t*_")
	switch {
	case r == "" || r == ":":
		return st, "", true
	case colonOK && strings.HasPrefix(r, ":"), strings.HasPrefix(r, "-"), strings.HasPrefix(r, "–"), strings.HasPrefix(r, "—"):
		return st, entryText(r), true
	case middleDotAt(r, 0) > 0:
		return st, entryText(r[middleDotAt(r, 0):]), true
	}
	return "", "", false
}

// statusStamp reads an update that gives its label, then its time, then
// its message: "UPDATE 09:40 UTC: moving traffic", "Resolved at 10:31 -
// all clear". The text keeps a state word in front, for statusOf.
func (p *parser) statusStamp(s string) (stamp, string, bool) {
	w := letters(s, 0)
	if len(w) < 6 || len(w) > 13 {
		return stamp{}, "", false
	}
	lw := strings.ToLower(w)
	state, known := statusWords()[lw]
	if !known {
		return stamp{}, "", false
	}
	k := skipSpaces(s, len(w))
	if k == len(w) {
		return stamp{}, "", false
	}
	if len(s)-k > 3 && strings.EqualFold(s[k:k+3], "at ") {
		k = skipSpaces(s, k+3)
	} else if n := dashAt(s, k); n > 0 && isDigit(byteAt(s, skipSpaces(s, k+n))) {
		// "RESOLVED - 4:38 PM ET: stable for 30 minutes", as status
		// e-mails write the update's time after its label.
		k = skipSpaces(s, k+n)
	}
	st, end, ok := p.r.stampAt(s, k)
	if !ok || !st.hasTime && !st.unknown {
		return stamp{}, "", false
	}
	text := entryText(s[end:])
	if text == "" {
		return stamp{}, "", false
	}
	if state != "" {
		text = w + " - " + text
	}
	return st, text, true
}

// statusOf is the state an entry's text announces when it starts with a
// state word on its own ("Resolved", "Monitoring - fix deployed"); the
// returned text drops the word.
func statusOf(text string) (incident.State, string) {
	st, msg, ok := statusLine(text, true)
	if !ok || st == "" {
		return "", text
	}
	return st, msg
}

// posted reads a status page's "Posted Jun 03, 2021 - 09:12 PDT" line; its
// message is the status block before it, or the paragraphs since the
// previous entry.
func (p *parser) posted(s string, n int, raw string) bool {
	for i := 6; i < len(s); i++ {
		if s[i-1] != ' ' || s[i] == ' ' {
			continue
		}
		st, _, ok := p.r.stampAt(s, i)
		if !ok || !st.hasTime && !st.unknown {
			continue
		}
		p.endParagraph()
		if p.pending != nil {
			p.emitPending(st, n, raw)
			return true
		}
		// The message is the paragraphs since the previous entry, but not
		// the page's title block; when there are many (a postmortem posted
		// as the last update), the one above the line.
		var paras [][]textLine
		for _, para := range p.paras {
			if !p.titleBlock(para) {
				paras = append(paras, para)
			}
		}
		if len(paras) > 3 {
			// A postmortem posted as an update: its sections are read as
			// a document's, and end here.
			p.paras = nil
			p.doc.endSection()
			p.doc.section, p.doc.headings = sectionNone, nil
			p.addEntry(st, "Postmortem posted", n, raw, false)
			return true
		}
		var parts []string
		for _, para := range paras {
			for _, l := range para {
				parts = append(parts, l.text)
			}
		}
		p.paras = nil
		text := entryText(strings.Join(parts, " "))
		if text == "" {
			p.problem(n, raw, "no message before the time")
			return true
		}
		p.addEntry(st, text, n, raw, false)
		return true
	}
	if p.pending != nil && strings.ContainsAny(s, "0123456789") {
		// "Posted Jun 03, 2021 - 25:99 PDT" under an update.
		p.pending = nil
		p.problem(n, raw, "unreadable time")
		return true
	}
	return false
}

func (p *parser) emitPending(st stamp, n int, raw string) {
	b := p.pending
	p.pending, p.paras = nil, nil
	if b.postmortem {
		// The postmortem's sections end with its update.
		p.doc.endSection()
		p.doc.section, p.doc.headings = sectionNone, nil
		p.addEntry(st, b.label+" posted", n, raw, false)
		return
	}
	text := entryText(strings.Join(b.text, " "))
	if text == "" {
		text = b.label
	}
	if b.state != "" {
		if at, ok := p.place(st, n, raw); ok {
			e := Entry{At: at, Text: p.fitText(text, n, raw), Kind: incident.KindStatus, State: b.state, Line: n, group: -1 - len(p.entries)}
			if p.placed.timeOnly {
				e.group, e.shift = p.placed.group, p.placed.shift
			}
			p.entries = append(p.entries, e)
		}
		return
	}
	p.addEntry(st, text, n, raw, false)
}

// titleBlock reports whether a paragraph is the page's heading: it holds
// the document's first line or a status page's "Incident Report for …".
func (p *parser) titleBlock(para []textLine) bool {
	for _, l := range para {
		if l.line == p.firstLine || strings.HasPrefix(strings.ToLower(l.text), "incident report for ") {
			return true
		}
	}
	return false
}
