package export

import "strings"

// addresses returns the email addresses in text, leftmost first, each as a
// mention of the person its local part names ("maria.lopez@", "mlopez@",
// "priya@"), or with person -1 when it names no one the incident knows.
func (p *people) addresses(text, lower string) []mention {
	var out []mention
	from := 0
	for {
		k := strings.IndexByte(lower[from:], '@')
		if k < 0 {
			return out
		}
		at := from + k
		start := at
		for start > 0 && localPartByte(lower[start-1]) {
			start--
		}
		end := at + 1
		for end < len(lower) && domainByte(lower[end]) {
			end++
		}
		// A full stop or hyphen after the domain ends the sentence, not the address.
		for end > at+1 && (lower[end-1] == '.' || lower[end-1] == '-') {
			end--
		}
		from = max(end, at+1)
		domain := lower[at+1 : end]
		if start == at || !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") {
			continue // "@login", or not an address
		}
		person := p.mailboxOwner(lower[start:at])
		out = append(out, mention{start: start, end: end, person: person, address: person >= 0})
	}
}

func localPartByte(c byte) bool {
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' || c == '+' || c == '%'
}

func domainByte(c byte) bool {
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
}

// mailboxOwner is the person a local part names, as a whole ("mlopez",
// "marialopez") or by one of its words ("maria.lopez", "patel42",
// "priya+alerts"); -1 when none or more than one person.
func (p *people) mailboxOwner(local string) int {
	if i, ok := p.mailbox[lettersOnly(local)]; ok && i >= 0 {
		return i
	}
	owner := -1
	for _, w := range strings.FieldsFunc(local, func(r rune) bool { return r < 'a' || r > 'z' }) {
		i, ok := p.mailbox[w]
		if !ok || i < 0 {
			continue
		}
		if owner >= 0 && owner != i {
			return -1
		}
		owner = i
	}
	return owner
}

func lettersOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 'a' || r > 'z' {
			return -1
		}
		return r
	}, s)
}

// mailboxes lists, per person, the ways an address's local part spells
// their name: each one-word name or login, the first and last names, and
// first+last, flast and firstl run together. A spelling two people share,
// and the logins of machines ("ops", "alerts"), name no one.
func mailboxes(names [][]string) map[string]int {
	box := map[string]int{}
	add := func(k string, person int) {
		if len(k) < 2 || machine(k) {
			return
		}
		if prev, ok := box[k]; ok && prev != person {
			box[k] = -1
			return
		}
		box[k] = person
	}
	for i, ns := range names {
		for _, n := range ns {
			if machine(personKey(n)) {
				continue
			}
			var words []string
			for _, f := range strings.Fields(foldAccents(strings.TrimPrefix(strings.TrimSpace(n), "@"))) {
				if w := lettersOnly(f); w != "" {
					words = append(words, w)
				}
			}
			switch len(words) {
			case 0:
				continue
			case 1:
				add(words[0], i)
				continue
			}
			first, last := words[0], words[len(words)-1]
			add(first, i)
			if len(last) >= 3 {
				add(last, i)
			}
			add(first+last, i)
			add(first[:1]+last, i)
			add(first+last[:1], i)
		}
	}
	return box
}

// foldAccents lowers a name and spells its accented Latin letters as an
// address would: "Tomás Núñez" is "tomas nunez".
func foldAccents(name string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'á', 'à', 'â', 'ä', 'ã', 'å', 'ą', 'ă':
			return 'a'
		case 'é', 'è', 'ê', 'ë', 'ę', 'ě':
			return 'e'
		case 'í', 'ì', 'î', 'ï':
			return 'i'
		case 'ó', 'ò', 'ô', 'ö', 'õ', 'ø', 'ő':
			return 'o'
		case 'ú', 'ù', 'û', 'ü', 'ů', 'ű':
			return 'u'
		case 'ñ', 'ń', 'ň':
			return 'n'
		case 'ç', 'ć', 'č':
			return 'c'
		case 'ý', 'ÿ':
			return 'y'
		case 'ś', 'š', 'ș', 'ş':
			return 's'
		case 'ž', 'ź', 'ż':
			return 'z'
		case 'ł':
			return 'l'
		case 'ř':
			return 'r'
		case 'ț', 'ţ', 'ť':
			return 't'
		case 'ğ':
			return 'g'
		case 'đ', 'ď':
			return 'd'
		}
		return r
	}, strings.ToLower(name))
}
