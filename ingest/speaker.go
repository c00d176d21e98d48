package ingest

import "strings"

// speakerLine reads the header of a message copied from Slack or Teams:
// the author's name and the time, with the message on the lines below
// ("Priya Raman  2:03 PM", "@sam.k  14:03", Discord's "Priya — Today at
// 2:03 PM" or "Priya — 03/14/2024 2:03 PM"). It returns the name.
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
