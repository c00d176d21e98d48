package ingest

import "strings"

// speakerLine reads the header of a message copied from Slack or Teams:
// the author's name and the time, with the message on the lines below
// ("Priya Raman  2:03 PM", "@sam.k  14:03", Discord's "Priya — Today at
// 2:03 PM" or "Priya — 03/14/2024 2:03 PM", Teams' "Priya Raman,
// 03/14/2024 14:03"). It returns the name.
//
// A name is one to four words, each capitalised or a handle, so that a
// note such as "deploy finished 2:03 PM" stays a note; the time ends the
// line and has am/pm or two spaces before it, as chat clients lay it out.
func (p *parser) speakerLine(s string) (string, stamp, bool) {
	if len(s) > 80 {
		return "", stamp{}, false
	}
	for i := len(s) - 1; i > 1; i-- {
		if s[i-1] != ' ' || s[i] == ' ' || !isDigit(s[i]) {
			continue
		}
		st, end, ok := p.r.stampAt(s, i)
		if !ok || !st.hasTime || end != len(s) || st.ranged {
			continue // the time may begin earlier: "Priya — 03/14/2024 2:03 PM"
		}
		head := s[:i]
		if h, ok := strings.CutSuffix(head, "Today at "); ok {
			head = h // Discord: "Priya Raman — Today at 2:03 PM"
		}
		name := strings.TrimRight(head, " ")
		spaced := len(head)-len(name) >= 2
		if n, ok := cutDash(name); ok {
			name, spaced = n, true
		} else if n, ok := strings.CutSuffix(name, ","); ok {
			name, spaced = n, true // Teams: "Lena Fischer, 05/09/2024 10:02"
		}
		if st.meridiem == 0 && !spaced || !personName(name) {
			continue
		}
		return name, st, true
	}
	return "", stamp{}, false
}

// cutDash removes the dash a chat client puts between a name and its time.
func cutDash(name string) (string, bool) {
	for _, d := range []string{" —", " –", " -"} {
		if n, ok := strings.CutSuffix(name, d); ok {
			return strings.TrimRight(n, " "), true
		}
	}
	return name, false
}

// personName reports whether s can be a chat author's display name.
func personName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 4 || notEventLabel(s) {
		return false
	}
	if _, _, ok := statusLine(words[0], false); ok {
		return false
	}
	for _, w := range words {
		handle := w[0] == '@'
		if !handle && (w[0] < 'A' || w[0] > 'Z') && !(len(words) == 1 && strings.ContainsAny(w, "._")) {
			return false
		}
		for _, c := range []byte(w) {
			if !isLetter(c) && !isDigit(c) && !strings.ContainsRune("@._'-", rune(c)) {
				return false
			}
		}
	}
	return true
}

// nameAboveStamp reports whether line i (0-based) is a chat author's name
// alone with the message's date and time alone on the line below, as the
// new Teams client copies a message ("Lena Fischer" / "9/5/2024 10:02 AM"
// / the message), and the text has another message so laid out: a title
// over a date line ("Checkout Outage" / "2024-05-04 14:00 UTC") is no
// chat.
func (p *parser) nameAboveStamp(i int) (string, bool) {
	name, ok := p.namePair(i)
	if !ok {
		return "", false
	}
	for j := i + 2; j+1 < len(p.lines); j++ {
		if _, ok := p.namePair(j); ok {
			return name, true
		}
	}
	for j := i - 2; j >= 0; j-- {
		if _, ok := p.namePair(j); ok {
			return name, true
		}
	}
	return "", false
}

// namePair reports whether line i is a name alone above a line that is a
// date and time alone.
func (p *parser) namePair(i int) (string, bool) {
	if i+1 >= len(p.lines) {
		return "", false
	}
	name := strings.TrimSpace(p.lines[i])
	if name == "" || len(name) > 60 || !personName(name) || classify(name) != sectionNone {
		return "", false
	}
	next := strings.TrimSpace(p.lines[i+1])
	if next == "" || !isDigit(next[0]) && next[0] != '[' {
		return "", false
	}
	st, end, ok := p.r.stampAt(strings.Trim(next, "[]"), 0)
	if !ok || !st.hasTime || st.ranged || end != len(strings.Trim(next, "[]")) {
		return "", false
	}
	return name, true
}

// chatNameLine reads a chat author's name above the message's time (see
// nameAboveStamp): the time line below opens the message, by that author.
func (p *parser) chatNameLine(l *line) bool {
	if l.isList {
		return false
	}
	name, ok := p.nameAboveStamp(l.n - 1)
	if !ok {
		return false
	}
	p.endParagraph()
	p.flushAwaiting()
	p.dropPending()
	p.open, p.speaker = -1, name
	return true
}

// commaMessageBelow reports whether the line below a Teams header written
// "Name, date time" (clean, line n) is its message, even when it ends with
// a time ("… restarted at 08:10"): it is there, and no such header itself.
func (p *parser) commaMessageBelow(n int, clean, name string) bool {
	if !strings.HasPrefix(clean, name+",") || n >= len(p.lines) {
		return false
	}
	next := strings.TrimSpace(p.lines[n])
	if next == "" {
		return false
	}
	_, _, header := p.speakerLine(next)
	return !header
}
