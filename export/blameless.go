package export

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"scribe/incident"
)

// people knows who took part in an incident (role holders, event authors,
// action item owners) and the spellings text may use for them, so that the
// postmortem can name the role someone held instead of the person.
type people struct {
	names [][]string // per person, every name they were recorded under, first the fullest
	// surnames per person, lower-cased, also without accents: found next
	// to a first name in any case, they are part of it ("maria lopez").
	surnames [][]string
	aliases  []alias
	byWord   *wordIndex     // aliases by their first word
	mailbox  map[string]int // address local parts (or their words) naming a person; -1 when shared
	roles    []incident.RoleAssignment
	holder   []int // per assignment in roles, the person who held it
}

// alias is one spelling of a person's name to look for in text.
type alias struct {
	lower  string // ASCII-lowered, what is searched for
	exact  string // when set, the text must match this case exactly
	person int
	// given: a first name or a one-word name, which text may follow with a
	// surname the incident does not know ("Priya Shah").
	given bool
	// surname: a last name alone, which text may precede with an initial.
	surname bool
	// word: a first name that is also an English word ("Mark", "May"),
	// a name only where the sentence uses it as one.
	word bool
}

// mention is where a person is named in a text, as byte offsets; address
// marks an email address of theirs rather than their name.
type mention struct {
	start, end, person int
	address            bool
}

// commonWords are first names that are also ordinary English words; they are
// only recognised capitalised ("Will", not "will"), so "we will" survives.
var commonWords = map[string]bool{
	"will": true, "mark": true, "bill": true, "pat": true, "may": true, "june": true, "april": true,
	"rob": true, "jack": true, "frank": true, "grace": true, "hope": true, "faith": true, "joy": true,
	"rich": true, "sky": true, "max": true, "art": true, "drew": true, "chase": true, "dean": true,
	"sue": true, "gene": true, "ray": true, "rose": true, "page": true, "lane": true, "summer": true,
	"sunny": true, "guy": true, "don": true, "amber": true, "dawn": true, "wade": true, "miles": true,
	"august": true, "penny": true, "ruby": true, "jean": true, "nick": true, "van": true, "al": true,
}

// machineNames are authors that name a process or a team rather than a
// person (a login such as root, a bot); they are only recognised as
// "@root", so that "root cause" or "the ops channel" survive.
var machineNames = map[string]bool{
	"root": true, "admin": true, "ops": true, "system": true, "bot": true, "scribe": true, "alert": true,
	"alerts": true, "pager": true, "pagerduty": true, "oncall": true, "team": true, "ci": true, "user": true,
	"deploy": true, "deployer": true, "automation": true, "monitor": true, "monitoring": true, "import": true,
	"cli": true, "tui": true, "unknown": true, "nobody": true, "someone": true, "support": true, "sre": true,
}

// machine reports whether a login names a process rather than a person:
// a known one ("root", "ops") or a bot ("deploy-bot", "renovate[bot]").
func machine(login string) bool {
	return machineNames[login] || strings.HasSuffix(login, "-bot") || strings.HasSuffix(login, "_bot") ||
		strings.HasSuffix(login, "[bot]")
}

// newPeople gathers everyone the snapshot names.
func newPeople(snap incident.Snapshot) *people {
	p := &people{roles: snap.Roles}
	index := map[string]int{}
	add := func(name string) {
		name = strings.TrimSpace(sanitize(name))
		key := personKey(name)
		if key == "" {
			return
		}
		if _, ok := index[key]; ok {
			return
		}
		index[key] = len(p.names)
		p.names = append(p.names, []string{name})
	}
	for _, r := range snap.Roles {
		add(r.Person)
	}
	for _, e := range snap.Events {
		if e.Kind == incident.KindRole {
			add(e.Person)
		}
		add(e.Author)
	}
	for _, a := range snap.ActionItems {
		add(a.Owner)
	}
	p.mergeShortNames()
	p.buildAliases()
	p.learnSurnames(snap)
	person := map[string]int{}
	for i, ns := range p.names {
		for _, n := range ns {
			person[personKey(n)] = i
		}
	}
	for _, a := range p.roles {
		p.holder = append(p.holder, person[personKey(a.Person)])
	}
	return p
}

// personKey identifies a name regardless of case, spacing and a leading @.
func personKey(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(strings.TrimPrefix(strings.TrimSpace(name), "@")), " "))
}

// firstName is the first word of a multi-word name, "" for one-word names.
func firstName(name string) string {
	f := strings.Fields(strings.TrimPrefix(name, "@"))
	if len(f) < 2 {
		return ""
	}
	return strings.TrimRight(f[0], ".,")
}

// lastName is the last word of a multi-word name when it is a surname
// rather than an initial ("Martinez", not "M."), else "".
func lastName(name string) string {
	f := strings.Fields(strings.TrimPrefix(name, "@"))
	if len(f) < 2 {
		return ""
	}
	l := f[len(f)-1]
	if strings.HasSuffix(l, ".") || utf8.RuneCountInString(l) < 3 {
		return ""
	}
	return l
}

// mergeShortNames folds a one-word name ("rosa", an author's login) into
// the only multi-word person whose first name it is ("Rosa Martinez").
func (p *people) mergeShortNames() {
	byFirst := map[string][]int{}
	for i, ns := range p.names {
		if f := strings.ToLower(firstName(ns[0])); f != "" {
			byFirst[f] = append(byFirst[f], i)
		}
	}
	keep := make([]bool, len(p.names))
	for i, ns := range p.names {
		keep[i] = true
		if firstName(ns[0]) != "" {
			continue
		}
		if owners := byFirst[personKey(ns[0])]; len(owners) == 1 {
			p.names[owners[0]] = append(p.names[owners[0]], ns[0])
			keep[i] = false
		}
	}
	var names [][]string
	for i := range p.names {
		if keep[i] {
			names = append(names, p.names[i])
		}
	}
	p.names = names
}

// buildAliases lists every spelling to look for, longest first so that
// "Rosa Martinez" wins over "Rosa".
func (p *people) buildAliases() {
	type cand struct {
		text    string
		person  int
		surname bool // only capitalised: a surname alone may be a word (Fox, Park)
		given   bool
	}
	var cands []cand
	p.surnames = make([][]string, len(p.names))
	for i, ns := range p.names {
		for _, n := range unaccented(ns) {
			if l := lastName(n); l != "" {
				p.addSurname(i, l)
			}
			bare := strings.Join(strings.Fields(strings.TrimPrefix(n, "@")), " ")
			oneWord := !strings.Contains(bare, " ")
			cands = append(cands, cand{bare, i, false, oneWord}, cand{"@" + strings.ReplaceAll(bare, " ", ""), i, false, oneWord})
			if strings.HasSuffix(bare, ".") {
				cands = append(cands, cand{strings.TrimSuffix(bare, "."), i, false, false})
			}
			if f := firstName(n); f != "" {
				cands = append(cands, cand{f, i, false, true}, cand{"@" + f, i, false, true})
			}
			if l := lastName(n); l != "" {
				cands = append(cands, cand{l, i, true, false})
			}
		}
	}
	// A first name shared by two people names neither.
	owner := map[string]int{}
	for _, c := range cands {
		k := asciiLower(c.text)
		if prev, ok := owner[k]; ok && prev != c.person {
			owner[k] = -1
			continue
		}
		if _, ok := owner[k]; !ok {
			owner[k] = c.person
		}
	}
	seen := map[string]bool{}
	for _, c := range cands {
		k := asciiLower(c.text)
		if utf8.RuneCountInString(strings.TrimPrefix(c.text, "@")) < 2 || seen[k] || owner[k] != c.person ||
			(machine(k) && !strings.HasPrefix(k, "@")) {
			continue
		}
		seen[k] = true
		at := strings.HasPrefix(k, "@")
		a := alias{lower: k, person: c.person, given: c.given && !at, surname: c.surname}
		a.word = commonWords[k] && !at
		if c.surname || a.word {
			a.exact = capitalize(c.text)
		}
		p.aliases = append(p.aliases, a)
	}
	sort.SliceStable(p.aliases, func(i, j int) bool { return len(p.aliases[i].lower) > len(p.aliases[j].lower) })
	p.byWord = newWordIndex()
	for i, a := range p.aliases {
		p.byWord.add(a.lower, i)
	}
	p.mailbox = mailboxes(p.names)
}

// unaccented lists a person's names as recorded and, for names with accents,
// as typed without them ("Tomas Nunez" for "Tomás Núñez").
func unaccented(names []string) []string {
	out := slices.Clone(names)
	for _, n := range names {
		if f := foldAccents(n); f != strings.ToLower(n) {
			out = append(out, capitalizeWords(f))
		}
	}
	return out
}

// capitalizeWords capitalises each word of a lower-case name.
func capitalizeWords(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		f[i] = capitalize(w)
	}
	return strings.Join(f, " ")
}

// find returns the non-overlapping mentions of people in text, leftmost
// first, the longest spelling winning at a given position.
func (p *people) find(text string) []mention {
	if len(p.aliases) == 0 || text == "" {
		return nil
	}
	lower := asciiLower(text)
	addrs := p.addresses(text, lower)
	underscore := strings.IndexByte(lower, '_') >= 0
	var found []mention
	last := 0 // where the previous mention ended
	eachWord(lower, func(ws, we int) int {
		// An address is one token: its words are no one's name on their own.
		for len(addrs) > 0 && addrs[0].end <= ws {
			addrs = addrs[1:]
		}
		if len(addrs) > 0 && addrs[0].start <= ws {
			a := addrs[0]
			if a.start < last {
				// A name ran into the address ("Ana lima%@x.io"): the
				// rest of the address goes with it when it is theirs.
				if n := &found[len(found)-1]; a.person == n.person {
					n.end, n.address = a.end, true
					last = a.end
				}
				return a.end
			}
			if a.person >= 0 {
				found = append(found, a)
				last = a.end
			}
			return a.end
		}
		hits := p.byWord.lookup(lower[ws:we])
		if len(hits) == 0 && underscore {
			hits = p.underscored(lower[ws:we])
		}
		if len(hits) == 0 {
			if !maybeLogin(lower, ws, we, underscore) {
				return we
			}
			if m, ok := p.loginVariant(text, lower, ws, we); ok && m.start >= last {
				found = append(found, m)
				last = m.end
				return m.end
			}
			return we
		}
		if start, end, ok := handleAround(lower, ws, we); ok && start >= last {
			if person := p.handleOwner(lower[start:end]); person >= 0 {
				found = append(found, mention{start: start, end: end, person: person})
				last = end
				return end
			}
		}
		for _, ai := range hits {
			a := p.aliases[ai]
			start := ws
			if a.lower[0] == '@' {
				if ws == 0 || lower[ws-1] != '@' {
					continue
				}
				start = ws - 1
			}
			end := start + len(a.lower)
			if !strings.HasPrefix(lower[start:], a.lower) || !boundaryAfter(text, end) {
				continue
			}
			// A slash before a name is a URL's path, unless it joins two
			// names ("Sam/Maria").
			if !boundaryBefore(text, start, a.lower[0] == '@') && !(last > 0 && last == start-1 && text[last] == '/') {
				continue
			}
			if a.exact != "" && text[start:end] != a.exact {
				continue
			}
			if a.word && !usedAsName(text, lower, start, end) ||
				a.surname && surnameUsedAsWord(text, lower, start, end) {
				continue
			}
			m := p.widen(text, lower, a, mention{start: start, end: end, person: a.person}, last)
			found = append(found, m)
			last = m.end
			return m.end
		}
		// "@bauer": a surname, which alone only counts capitalised, as a login.
		if m, ok := p.loginVariant(text, lower, ws, we); ok && m.start >= last {
			found = append(found, m)
			last = m.end
			return m.end
		}
		return we
	})
	return found
}

// rewrite replaces each person named in text with the role they held at t
// ("the incident commander"); a zero t stands for the whole incident, where
// the most senior role they ever held is used.
func (p *people) rewrite(text string, at time.Time) string {
	ms := p.find(text)
	if len(ms) == 0 {
		return text
	}
	var b strings.Builder
	prev := 0
	for _, m := range ms {
		b.WriteString(text[prev:m.start])
		r := p.roleName(m.person, at)
		if m.address {
			r += "'s address"
		}
		if sentenceStart(text, m.start) {
			r = capitalize(r)
		}
		b.WriteString(r)
		prev = m.end
	}
	b.WriteString(text[prev:])
	return b.String()
}

// roleName is how blameless prose refers to a person. At a time t: the
// role they held then ("the incident commander"), else the one they had
// handed over ("the former incident commander"), else "a responder". For
// the whole incident (zero t): their most senior role, with an ordinal when
// several people held it ("the second incident commander").
func (p *people) roleName(person int, at time.Time) string {
	var now, before, ever string
	senior := func(cur, r string) string {
		if cur == "" || roleRank(r) < roleRank(cur) {
			return r
		}
		return cur
	}
	for i, a := range p.roles {
		if p.holder[i] != person {
			continue
		}
		ever = senior(ever, a.Role)
		if at.IsZero() || a.From.After(at) {
			continue
		}
		if a.Until.IsZero() || a.Until.After(at) {
			now = senior(now, a.Role)
		} else {
			before = senior(before, a.Role)
		}
	}
	switch {
	case !at.IsZero() && now != "":
		return "the " + incident.RoleTitle(now)
	case !at.IsZero() && before != "":
		return "the former " + incident.RoleTitle(before)
	case at.IsZero() && ever != "":
		return "the " + p.ordinal(person, ever) + incident.RoleTitle(ever)
	}
	return "a responder"
}

// ordinal is "second " when person was the second of several people to hold
// role, "" when they were its only holder.
func (p *people) ordinal(person int, role string) string {
	var holders []int
	for i, a := range p.roles {
		if a.Role == role && !slices.Contains(holders, p.holder[i]) {
			holders = append(holders, p.holder[i])
		}
	}
	if len(holders) < 2 {
		return ""
	}
	i := slices.Index(holders, person)
	if i < len(ordinals) {
		return ordinals[i] + " "
	}
	return fmt.Sprintf("%dth ", i+1)
}

var ordinals = []string{"first", "second", "third", "fourth", "fifth"}

// roleRank orders roles by seniority: the canonical roles in the header's
// order, then any free-text role.
func roleRank(role string) int {
	for i, r := range incident.Roles {
		if r == role {
			return i
		}
	}
	return len(incident.Roles)
}

// asciiLower lowers ASCII letters only, so byte offsets in the result are
// offsets in the original.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		c := byte(r) | 0x20
		return (c >= 'a' && c <= 'z') || (r >= '0' && r <= '9') || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func boundaryBefore(s string, i int, atForm bool) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	if isWordRune(r) {
		return false
	}
	return atForm || (r != '@' && r != '/')
}

func boundaryAfter(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if isWordRune(r) || r == '@' {
		return false
	}
	if r == '.' && i+size < len(s) {
		// "rosa.martinez" or a host name: part of a longer token.
		next, _ := utf8.DecodeRuneInString(s[i+size:])
		return !isWordRune(next)
	}
	return true
}

func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
