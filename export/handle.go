package export

import "strings"

// handleAround returns the user name or host-like token around the word
// lower[ws:we] when the word is joined to others by dots, underscores or
// hyphens ("maria.lopez", "m.lopez", "priya_s"); ok is false otherwise.
func handleAround(lower string, ws, we int) (start, end int, ok bool) {
	start, end = ws, we
	for start > 0 && handleByte(lower[start-1]) {
		start--
	}
	for start < ws && !alnum(lower[start]) {
		start++
	}
	for end < len(lower) && handleByte(lower[end]) {
		end++
	}
	for end > we && !alnum(lower[end-1]) {
		end--
	}
	if start == ws && end == we && strings.IndexByte(lower[ws:we], '_') < 0 {
		return 0, 0, false
	}
	if (start > 0 && (lower[start-1] >= 0x80 || lower[start-1] == '@')) || (end < len(lower) && lower[end] >= 0x80) {
		return 0, 0, false
	}
	return start, end, true
}

// underscored looks up the first and the last part of a word joined by
// underscores ("maria_lopez", "ops_priya").
func (p *people) underscored(word string) []int {
	i := strings.IndexByte(word, '_')
	if i < 0 {
		return nil
	}
	if hits := p.byWord.lookup(word[:i]); len(hits) > 0 {
		return hits
	}
	return p.byWord.lookup(word[strings.LastIndexByte(word, '_')+1:])
}

// handleOwner is the person a user name or host-like token names: one
// that runs their names together ("m.lopez" is mlopez), holds two of their
// names, or is one of their first names and one more word joined by a dot
// or underscore ("priya.shah", "priya_s", "ops_priya", not
// "sam.example.com" or "Maria-led"); -1 when none or more than one.
func (p *people) handleOwner(token string) int {
	if i, ok := p.mailbox[lettersOnly(token)]; ok && i >= 0 {
		return i
	}
	words := strings.FieldsFunc(token, func(r rune) bool { return r < 'a' || r > 'z' })
	owner, named := -1, 0
	for _, w := range words {
		i, ok := p.mailbox[w]
		if !ok || i < 0 {
			continue
		}
		if owner >= 0 && owner != i {
			return -1
		}
		owner = i
		named++
	}
	switch {
	case named >= 2:
		return owner
	case named != 1 || len(words) != 2 || strings.Contains(token, "-"): // "Maria-led" is prose
		return -1
	case p.mailbox[words[0]] == owner && !isNameWord(words[0]): // "priya.shah", "priya_s"
		return owner
	case strings.Contains(token, "_") && p.mailbox[words[1]] == owner: // "ops_priya", not "www.sam"
		return owner
	}
	return -1
}

// loginVariant finds a user name that spells a person's login or name with
// an initial, where no word of it is a name on its own: "j.doe", "j_doe" or
// "doe.j" for the login jdoe, or "@jdoe" for Jane Doe. Only a dotted or
// underscored pair with a one-letter part, or an @-mention, counts: a bare
// "jdoe" in prose could be anything, and "e.g" or "p.m" are too short to
// be anyone's.
func (p *people) loginVariant(text, lower string, ws, we int) (mention, bool) {
	if ws > 0 && lower[ws-1] == '@' {
		// An @-mention is a login: any spelling of the person's mailbox.
		if ws > 1 && isWordRune(rune(lower[ws-2])) || !boundaryAfter(text, we) {
			return mention{}, false
		}
		if i, ok := p.mailbox[lower[ws:we]]; ok && i >= 0 {
			return mention{start: ws - 1, end: we, person: i}, true
		}
		return mention{}, false
	}
	sep := we
	if sep >= len(lower) || lower[sep] != '.' {
		sep = strings.IndexByte(lower[ws:we], '_')
		if sep < 0 {
			return mention{}, false
		}
		sep += ws
	}
	if ws > 0 && (handleByte(lower[ws-1]) || lower[ws-1] >= 0x80) {
		return mention{}, false // not the start of the user name
	}
	end := sep + 1
	for end < len(lower) && (lower[end] >= 'a' && lower[end] <= 'z') {
		end++
	}
	a, b := lower[ws:sep], lower[sep+1:end]
	if len(a)+len(b) < 4 || !onlyLetters(a) || !onlyLetters(b) || (len(a) != 1 && len(b) != 1) || !boundaryAfter(text, end) ||
		end < len(lower) && (lower[end] == '_' || lower[end] == '-' || lower[end] >= 0x80) {
		return mention{}, false
	}
	for _, k := range []string{a + b, b + a} {
		if i, ok := p.mailbox[k]; ok && i >= 0 {
			return mention{start: ws, end: end, person: i}, true
		}
	}
	return mention{}, false
}

// maybeLogin is loginVariant's cheap test, for every word that names no
// one: an @-mention, a word before a dot, or one with an underscore.
func maybeLogin(lower string, ws, we int, underscore bool) bool {
	return ws > 0 && lower[ws-1] == '@' || we < len(lower) && lower[we] == '.' ||
		underscore && strings.IndexByte(lower[ws:we], '_') >= 0
}

func onlyLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}

func alnum(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') }

func handleByte(c byte) bool { return alnum(c) || c == '.' || c == '_' || c == '-' }

// bareLogin reads a word that runs a person's initial and surname together
// ("mturner", "bfisher") as their login, where the two first letters cannot
// start an English word, and one that runs their first name and surname
// together ("robinswift") unless both are words ("willpower"). Unlike
// "jdoe" in loginVariant's comment, these spellings are checked against the
// people of the incident, and "spark" (S. Park) or "trust" (T. Rust) start
// as English words do.
func (p *people) bareLogin(text, lower string, ws, we int) (mention, bool) {
	w := lower[ws:we]
	if len(w) < 5 || !onlyLetters(w) || text[ws:we] != w || !boundaryAfter(text, we) ||
		ws > 0 && (handleByte(lower[ws-1]) || lower[ws-1] == '@' || lower[ws-1] >= 0x80) {
		return mention{}, false
	}
	person, ok := p.mailbox[w]
	if !ok || person < 0 {
		return mention{}, false
	}
	for _, n := range p.names[person] {
		var words []string
		for _, f := range strings.Fields(foldAccents(strings.TrimPrefix(n, "@"))) {
			if l := lettersOnly(f); l != "" {
				words = append(words, l)
			}
		}
		if len(words) < 2 {
			continue
		}
		first, last := words[0], words[len(words)-1]
		switch {
		case w == first[:1]+last && len(last) >= 4 && !englishOnset(w):
		case w == first+last && !(isEnglish(first) && isEnglish(last)):
		default:
			continue
		}
		return mention{start: ws, end: we, person: person}, true
	}
	return mention{}, false
}

// isEnglish reports whether a lower-case name is also an English word.
func isEnglish(w string) bool { return isNameWord(w) || isNameNoun(w) }

// englishOnset reports whether the first two letters of w may start an
// English word: a vowel among them, or a consonant pair such as "st", "br".
func englishOnset(w string) bool {
	if strings.ContainsAny(w[:2], "aeiouy") {
		return true
	}
	switch w[:2] {
	case "bl", "br", "ch", "cl", "cr", "dr", "dw", "fl", "fr", "gh", "gl", "gn", "gr", "kl", "kn", "kr", "ph",
		"pl", "pr", "ps", "qu", "sc", "sh", "sk", "sl", "sm", "sn", "sp", "sq", "st", "sw", "th", "tr", "tw",
		"wh", "wr", "vl", "zh":
		return true
	}
	return false
}
