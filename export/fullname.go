package export

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"scribe/incident"
)

// widen stretches a mention over the rest of the name as written: a
// surname the incident does not know after a first name ("Priya Shah",
// "Maria J. Lopez"), an initial before a surname ("M. Lopez") and a title
// before any of them ("Dr. Patel"). It never reaches back before floor, the
// end of the previous mention.
func (p *people) widen(text, lower string, a alias, m mention, floor int) mention {
	if a.given {
		if end := p.unknownSurname(text, lower, m.end, m.person); end > m.end {
			m.end = end
		} else {
			m.end = p.knownSurnameAfter(text, lower, m.end, m.person)
		}
	}
	if a.lower[0] == '@' {
		return m
	}
	if a.given {
		if s := p.knownSurnameBefore(text, lower, m.start, m.person); s >= floor {
			m.start = s
		}
	}
	// A double-barrelled name the incident knows half of: "Lopez-Garcia".
	if m.end+1 < len(text) && (text[m.end] == '-' || text[m.end] == '\'') {
		if end := capitalisedWordEnd(text, m.end+1); end > 0 && boundaryAfter(text, end) {
			m.end = end
		}
	}
	if a.surname {
		if s := initialBefore(text, m.start, p.initial(m.person)); s >= floor {
			m.start = s
		}
		m.end = p.firstNameAfter(lower, m.end, m.person)
	}
	if s := titleBefore(text, m.start); s >= floor {
		m.start = s
	}
	return m
}

// unknownSurname returns where a name that starts with a first name ending
// at i ends: past a capitalised word that follows it ("Shah", "Gonzalez-
// Lopez"), with an optional middle initial between. The word must not be a
// common capitalised word ("The", "Then") nor another person's name.
func (p *people) unknownSurname(text, lower string, i, person int) int {
	j := i
	if j >= len(text) || text[j] != ' ' {
		return i
	}
	j++
	if k := initialAt(text, j); k > 0 && k < len(text) && text[k] == ' ' {
		j = k + 1
	}
	end := capitalisedWordEnd(text, j)
	if end < 0 {
		if end = shoutedWordEnd(text, j); end > 0 && !shouted(text[:i]) {
			end = -1
		}
	}
	if end < 0 || !boundaryAfter(text, end) || notSurnames()[lower[j:end]] {
		return i
	}
	for _, ai := range p.byWord.lookup(leadingWord(lower[j:end])) {
		if p.aliases[ai].person != person {
			return i
		}
	}
	return end
}

// knownSurnameAfter returns where a surname of person that follows a first
// name ending at i ends, in any case and spacing ("maria lopez", "maria
// j. lopez", "maria  LOPEZ"), else i.
func (p *people) knownSurnameAfter(text, lower string, i, person int) int {
	if person < 0 || len(p.surnames[person]) == 0 {
		return i
	}
	j := skipBlanks(lower, i)
	if j == i {
		return i
	}
	// A middle initial: "maria j. lopez".
	if k := j + 1; k < len(lower) && lower[j] >= 'a' && lower[j] <= 'z' {
		if lower[k] == '.' {
			k++
		}
		if l := skipBlanks(lower, k); l > k {
			if end := wordEnd(lower, l); end > l && p.isSurname(text, lower, l, end, person) && boundaryAfter(text, end) {
				return end
			}
		}
	}
	if end := wordEnd(lower, j); end > j && p.isSurname(text, lower, j, end, person) && boundaryAfter(text, end) {
		return end
	}
	return i
}

// knownSurnameBefore returns where a surname of person written before their
// first name at i starts ("lopez maria", "Lopez, Maria"), else -1.
func (p *people) knownSurnameBefore(text, lower string, i, person int) int {
	if person < 0 || len(p.surnames[person]) == 0 || i == 0 || (lower[i-1] != ' ' && lower[i-1] != '\t') {
		return -1
	}
	j := i
	for j > 0 && (lower[j-1] == ' ' || lower[j-1] == '\t') {
		j--
	}
	if j > 0 && lower[j-1] == ',' {
		j--
	}
	start := j
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(lower[:start])
		if !isWordRune(r) {
			break
		}
		start -= size
	}
	if start == j || !boundaryBefore(text, start, false) || !p.isSurname(text, lower, start, j, person) {
		return -1
	}
	return start
}

// firstNameAfter returns where a first name of person that follows their
// surname ending at i ends ("lopez maria", "Patel, Sam"), else i.
func (p *people) firstNameAfter(lower string, i, person int) int {
	if person < 0 {
		return i
	}
	j := i
	if j < len(lower) && lower[j] == ',' {
		j++
	}
	k := skipBlanks(lower, j)
	if k == j {
		return i
	}
	end := wordEnd(lower, k)
	for _, n := range p.names[person] {
		if f := firstName(n); f != "" && asciiLower(f) == lower[k:end] && boundaryAfter(lower, end) {
			return end
		}
	}
	return i
}

// isSurname reports whether text[start:end] is one of person's surnames,
// in any case; lower is text ASCII-lowered.
func (p *people) isSurname(text, lower string, start, end, person int) bool {
	w := lower[start:end]
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			w = strings.ToLower(text[start:end])
			break
		}
	}
	return slices.Contains(p.surnames[person], w)
}

// addSurname records a surname of person, lower-cased, and its spelling
// without accents.
func (p *people) addSurname(person int, name string) {
	for _, s := range []string{strings.ToLower(name), foldAccents(name)} {
		if s != "" && !slices.Contains(p.surnames[person], s) {
			p.surnames[person] = append(p.surnames[person], s)
		}
	}
}

func skipBlanks(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// wordEnd is the end of the run of word characters at i.
func wordEnd(s string, i int) int {
	for i < len(s) {
		size := wordRuneLen(s, i)
		if size < 0 {
			break
		}
		i += size
	}
	return i
}

// learnSurnames records the surnames the incident's own text gives people
// it knows by one name only ("Priya Shah" for @priya), so that "priya shah"
// or "shah priya" elsewhere is one name too. Only capitalised "Given
// Surname" teaches, and never for a given name that is also a word ("Will
// Deploy" is a heading, not a person).
func (p *people) learnSurnames(snap incident.Snapshot) {
	for person, ns := range p.names {
		if len(p.surnames[person]) > 0 {
			continue
		}
		for _, n := range ns {
			bare := strings.TrimPrefix(strings.TrimSpace(n), "@")
			if strings.ContainsAny(bare, " \t") || utf8.RuneCountInString(bare) < 2 || isNameWord(strings.ToLower(bare)) ||
				machine(strings.ToLower(bare)) {
				continue
			}
			needle := capitalize(strings.ToLower(bare)) + " "
			eachText(snap, func(t string) {
				for off := 0; off < len(t); {
					k := strings.Index(t[off:], needle)
					if k < 0 {
						break
					}
					start, end := off+k, off+k+len(needle)-1
					off = end
					if !boundaryBefore(t, start, false) {
						continue
					}
					if e := p.unknownSurname(t, asciiLower(t), end, person); e > end {
						f := strings.Fields(t[end:e])
						if l := f[len(f)-1]; utf8.RuneCountInString(l) >= 3 {
							p.addSurname(person, l)
						}
					}
				}
			})
		}
	}
}

// eachText calls fn with every piece of prose a snapshot holds.
func eachText(snap incident.Snapshot, fn func(string)) {
	inc := snap.Incident
	for _, t := range []string{inc.Title, inc.Summary, inc.Impact, inc.RootCause, inc.Trigger, inc.Resolution} {
		fn(t)
	}
	for _, e := range snap.Events {
		fn(e.Text)
	}
	for _, r := range snap.Retro {
		fn(r.Text)
	}
	for _, a := range snap.ActionItems {
		fn(a.Title)
	}
}

// notSurnames() are capitalised words that follow a name without being part
// of it ("asked Priya The DB team…", "thanks Sam Please…").
var notSurnames = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"the": true, "a": true, "an": true, "and": true, "or": true, "but": true, "if": true, "then": true,
		"so": true, "to": true, "in": true, "on": true, "at": true, "for": true, "of": true, "by": true,
		"with": true, "from": true, "we": true, "you": true, "he": true, "she": true, "they": true, "it": true,
		"this": true, "that": true, "is": true, "was": true, "also": true, "as": true, "after": true,
		"before": true, "when": true, "while": true, "please": true, "thanks": true, "not": true, "no": true,
		"yes": true, "ok": true, "all": true, "re": true, "fyi": true, "via": true,
		"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
		"sunday": true, "today": true, "tomorrow": true, "yesterday": true, "january": true, "february": true,
		"march": true, "july": true, "september": true, "october": true, "november": true, "december": true,
	}
})

// capitalisedWordEnd returns the end of the word at i when it is
// capitalised like a name (an upper-case letter, then letters with at least
// one lower-case; inner hyphens and apostrophes before a capital, as in
// "Gonzalez-Lopez" or "O'Brien"), else -1.
func capitalisedWordEnd(s string, i int) int {
	if i >= len(s) {
		return -1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if !unicode.IsUpper(r) {
		return -1
	}
	j, lower := i+size, false
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r) {
			lower = lower || unicode.IsLower(r)
			j += size
			continue
		}
		if r == '-' || r == '\'' || r == '’' {
			if next, _ := utf8.DecodeRuneInString(s[j+size:]); unicode.IsUpper(next) {
				j += size
				continue
			}
		}
		break
	}
	if !lower {
		return -1
	}
	return j
}

// shouted reports whether the last word of s is in capitals ("PRIYA").
func shouted(s string) bool {
	i := len(s)
	for i > 0 && isWordByte(s[i-1]) {
		i--
	}
	upper := 0
	for _, r := range s[i:] {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			upper++
		}
	}
	return upper > 1
}

// shoutedWordEnd returns the end of a word in capitals at i ("SHAH"), else -1.
func shoutedWordEnd(s string, i int) int {
	j := i
	for j < len(s) && s[j] >= 'A' && s[j] <= 'Z' {
		j++
	}
	if j-i < 2 {
		return -1
	}
	return j
}

// initialAt returns the end of an initial at i ("M." or "M" standing
// alone), else -1.
func initialAt(s string, i int) int {
	if i >= len(s) || s[i] < 'A' || s[i] > 'Z' {
		return -1
	}
	j := i + 1
	if j < len(s) && s[j] == '.' {
		j++
	}
	if j < len(s) && s[j] != ' ' {
		return -1
	}
	return j
}

// initial is the upper-case initial of a person's first name, 0 if none.
func (p *people) initial(person int) byte {
	if person < 0 {
		return 0
	}
	for _, n := range p.names[person] {
		if f := firstName(n); f != "" && f[0] >= 'A' && f[0] <= 'z' {
			return f[0] &^ 0x20
		}
	}
	return 0
}

// initialBefore returns where an initial before position i starts ("M. " or
// "M " before "Lopez"), or -1. A bare letter that is also a word ("A", "I")
// counts only when it is the person's own initial.
func initialBefore(s string, i int, own byte) int {
	if i < 2 || s[i-1] != ' ' {
		return -1
	}
	j := i - 1
	dot := s[j-1] == '.'
	if dot {
		j--
	}
	if j < 1 || s[j-1] < 'A' || s[j-1] > 'Z' {
		return -1
	}
	c := s[j-1]
	start := j - 1
	if start > 0 && !boundaryBefore(s, start, false) {
		return -1
	}
	if !dot && (c == 'A' || c == 'I') && c != own {
		return -1
	}
	return start
}

// titles are honorifics that belong with the name after them.
var titles = []string{"Dr", "Mr", "Mrs", "Ms", "Mx", "Miss", "Prof", "Sir", "Dame"}

// titleBefore returns where a title before position i starts ("Dr. " or
// "Dr " before "Patel"), or -1.
func titleBefore(s string, i int) int {
	if i < 3 || s[i-1] != ' ' {
		return -1
	}
	t := s[:i-1]
	t = strings.TrimSuffix(t, ".")
	for _, title := range titles {
		if strings.HasSuffix(t, title) {
			start := len(t) - len(title)
			if start == 0 || boundaryBefore(s, start, false) {
				return start
			}
		}
	}
	return -1
}
