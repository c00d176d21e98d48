package export

import "strings"

// mention is where a person is named in a text, as byte offsets; address
// marks an email address of theirs rather than their name. person is -1
// when the spelling names one of several people. unsure marks a word that
// may be a name or an ordinary word ("Grant" in a heading): the rewrite
// keeps it and the lint asks the facilitator to check.
type mention struct {
	start, end, person int
	address            bool
	unsure             bool
}

// scan is one pass of find over a text.
type scan struct {
	text, lower string
	addrs       []mention // email addresses not yet passed, leftmost first
	underscore  bool      // the text has an underscore: user names may hide in it
	found       []mention
	last        int // where the previous mention ended
}

func (s *scan) add(m mention) int {
	s.found = append(s.found, m)
	s.last = m.end
	return m.end
}

// find returns the non-overlapping mentions of people in text, leftmost
// first, the longest spelling winning at a given position. Unsure
// mentions are included, marked.
func (p *people) find(text string) []mention {
	if len(p.aliases) == 0 || text == "" {
		return nil
	}
	s := &scan{text: text, lower: asciiLower(text)}
	s.addrs = p.addresses(text, s.lower)
	s.underscore = strings.IndexByte(s.lower, '_') >= 0
	eachWord(s.lower, func(ws, we int) int { return p.scanWord(s, ws, we) })
	return s.found
}

// sure keeps the mentions the rewrite replaces.
func sure(ms []mention) []mention {
	out := ms[:0:0]
	for _, m := range ms {
		if !m.unsure {
			out = append(out, m)
		}
	}
	return out
}

// scanWord looks for a mention starting at the word lower[ws:we] and
// returns where scanning resumes.
func (p *people) scanWord(s *scan, ws, we int) int {
	if next, ok := p.scanAddress(s, ws); ok {
		return next
	}
	word := s.lower[ws:we]
	hits := p.byWord.lookup(word)
	if len(hits) == 0 && s.underscore {
		hits = p.underscored(word)
	}
	if len(hits) == 0 {
		if m, ok := p.atHandle(s, ws, we); ok {
			return s.add(m)
		}
		if m, ok := p.bareLogin(s.text, s.lower, ws, we); ok {
			return s.add(m)
		}
		if !maybeLogin(s.lower, ws, we, s.underscore) {
			return we
		}
		if m, ok := p.loginVariant(s.text, s.lower, ws, we); ok && m.start >= s.last {
			return s.add(m)
		}
		return we
	}
	if start, end, ok := handleAround(s.lower, ws, we); ok && start >= s.last {
		if person := p.handleOwner(s.lower[start:end]); person >= 0 {
			return s.add(mention{start: start, end: end, person: person})
		}
	}
	if m, ok := p.atHandle(s, ws, we); ok {
		return s.add(m)
	}
	for _, ai := range hits {
		m, v := p.aliasAt(s, p.aliases[ai], ws)
		switch v {
		case asName:
			return s.add(p.widen(s.text, s.lower, p.aliases[ai], m, s.last))
		case unsure:
			m.unsure = true
			return s.add(m)
		}
	}
	// "@bauer": a surname, which alone needs evidence, as a login.
	if m, ok := p.loginVariant(s.text, s.lower, ws, we); ok && m.start >= s.last {
		return s.add(m)
	}
	return we
}

// scanAddress handles an email address at ws: one token, whose words are
// no one's name on their own. ok is false when no address starts there.
func (p *people) scanAddress(s *scan, ws int) (int, bool) {
	for len(s.addrs) > 0 && s.addrs[0].end <= ws {
		s.addrs = s.addrs[1:]
	}
	if len(s.addrs) == 0 || s.addrs[0].start > ws {
		return 0, false
	}
	a := s.addrs[0]
	if a.start < s.last {
		// A name ran into the address ("Ana lima%@x.io"): the rest of
		// the address goes with it when it is theirs.
		if n := &s.found[len(s.found)-1]; a.person == n.person {
			n.end, n.address = a.end, true
			s.last = a.end
		}
		return a.end, true
	}
	if a.person >= 0 {
		return s.add(a), true
	}
	return a.end, true
}

// atHandle reads an @-mention whose handle runs words together with dots,
// underscores or hyphens ("@sam.patel", "@sam_p", "@maria-lopez") as the
// person whose names it spells.
func (p *people) atHandle(s *scan, ws, we int) (mention, bool) {
	if ws == 0 || s.lower[ws-1] != '@' || ws-1 < s.last || (ws > 1 && isWordRune(rune(s.lower[ws-2]))) {
		return mention{}, false
	}
	end := we
	for end < len(s.lower) && handleByte(s.lower[end]) {
		end++
	}
	for end > we && !alnum(s.lower[end-1]) {
		end--
	}
	if end == we || !boundaryAfter(s.text, end) {
		return mention{}, false
	}
	person := p.handleOwner(s.lower[ws:end])
	if person < 0 {
		person = p.mailboxOwner(s.lower[ws:end])
	}
	if person < 0 {
		return mention{}, false
	}
	return mention{start: ws - 1, end: end, person: person}, true
}

// aliasAt tries one spelling at the word starting at ws and says whether
// it names its person there.
func (p *people) aliasAt(s *scan, a alias, ws int) (mention, verdict) {
	text, lower := s.text, s.lower
	start := ws
	if a.lower[0] == '@' {
		if ws == 0 || lower[ws-1] != '@' {
			return mention{}, asWord
		}
		start = ws - 1
	}
	end := start + len(a.lower)
	if !strings.HasPrefix(lower[start:], a.lower) || !boundaryAfter(text, end) {
		return mention{}, asWord
	}
	// A slash before a name is a URL's path, unless it joins two names
	// ("Sam/Maria").
	if !boundaryBefore(text, start, a.lower[0] == '@') && !(s.last > 0 && s.last == start-1 && text[s.last] == '/') {
		return mention{}, asWord
	}
	m := mention{start: start, end: end, person: a.person}
	if a.lower[0] == '@' {
		return m, asName
	}
	if a.word {
		return m, p.judgeNameWord(s, a, start, end)
	}
	if a.noun {
		return m, p.judgeNameNoun(s, a, start, end)
	}
	if !hasUpper(text[start:end]) && (partOfIdentifier(text, start, end) || !strings.Contains(a.lower, " ") && articles()[wordBefore(lower, start)]) {
		return mention{}, asWord // "ortiz-lab", "deploy_liu", "the fox"
	}
	if a.surname && hasUpper(text[start:end]) {
		return m, p.judgeSurname(text, lower, start, end, a.person)
	}
	if a.given && hasUpper(text[start:end]) && clauseStart(text, start) {
		return m, p.judgeGivenName(text, lower, end, a.person)
	}
	return m, asName
}

// partOfIdentifier reports whether a lower-case name at text[start:end] is
// part of a host, path or identifier rather than prose: "ortiz-lab",
// "svc-liu", "/home/liu".
func partOfIdentifier(text string, start, end int) bool {
	if start > 0 {
		switch text[start-1] {
		case '-', '_', '.', '/', ':', '=', '#', '~':
			return true
		}
	}
	if end+1 < len(text) && (text[end] == '-' || text[end] == '_' || text[end] == '/' || text[end] == ':' && text[end+1] != ' ') {
		return isWordByte(text[end+1])
	}
	return false
}
