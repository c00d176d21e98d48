package export

import "strings"

// handles returns the user names and host-like tokens of text that spell a
// person's name with separators ("maria.lopez", "maria_lopez", "m.lopez",
// "priya.shah"), leftmost first, leaving out those inside the addresses
// already found. A token names someone when it runs their names together
// ("m.lopez" is mlopez), holds two of their names, or is one of their
// first names and one more word joined by a dot or underscore
// ("priya.shah", not "sam.example.com" or "Maria-led").
func (p *people) handles(lower string, addrs []mention) []mention {
	var out []mention
	i := 0
	for i < len(lower) {
		k := strings.IndexAny(lower[i:], "._-")
		if k < 0 {
			break
		}
		sep := i + k
		i = sep + 1
		if sep == 0 || sep+1 >= len(lower) || !alnum(lower[sep-1]) || !alnum(lower[sep+1]) {
			continue
		}
		start := sep
		for start > 0 && handleByte(lower[start-1]) {
			start--
		}
		end := sep + 1
		for end < len(lower) && handleByte(lower[end]) {
			end++
		}
		for end > start && !alnum(lower[end-1]) {
			end--
		}
		i = end
		if withinSpans(addrs, start) || (start > 0 && lower[start-1] >= 0x80) || (end < len(lower) && lower[end] >= 0x80) {
			continue
		}
		if person := p.handleOwner(lower[start:end]); person >= 0 {
			out = append(out, mention{start: start, end: end, person: person})
		}
	}
	return out
}

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
	case named == 1 && len(words) == 2 && !commonWords[words[0]] && p.mailbox[words[0]] == owner && len(words[1]) >= 2 &&
		strings.ContainsAny(token, "._"): // "Maria-led" is prose
		return owner
	}
	return -1
}

func alnum(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') }

func handleByte(c byte) bool { return alnum(c) || c == '.' || c == '_' || c == '-' }

// withinSpans reports whether position i falls within one of the sorted spans.
func withinSpans(spans []mention, i int) bool {
	for _, s := range spans {
		if i < s.start {
			return false
		}
		if i < s.end {
			return true
		}
	}
	return false
}
