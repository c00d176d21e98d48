package export

import (
	"slices"
	"sort"
	"strings"
	"sync"
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
	person int    // -1 when the spelling names several people ("Alex")
	// given: a first name or a one-word name, which text may follow with a
	// surname the incident does not know ("Priya Shah").
	given bool
	// surname: a last name alone, which text may precede with an initial.
	surname bool
	// word: a one-word spelling that is also an English word ("Grant",
	// "Young"), a name only where the sentence uses it as one.
	word bool
	// noun: a one-word spelling that is an English word in lower case but
	// mostly a name ("Hunter", "Ruby"): see judgeNameNoun.
	noun bool
}

// machineNames() are authors that name a process or a team rather than a
// person (a login such as root, a bot); they are only recognised as
// "@root", so that "root cause" or "the ops channel" survive.
var machineNames = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"root": true, "admin": true, "ops": true, "system": true, "bot": true, "scribe": true, "alert": true,
		"alerts": true, "pager": true, "pagerduty": true, "oncall": true, "team": true, "ci": true, "user": true,
		"deploy": true, "deployer": true, "automation": true, "monitor": true, "monitoring": true, "import": true,
		"cli": true, "tui": true, "unknown": true, "nobody": true, "someone": true, "support": true, "sre": true,
	}
})

// machine reports whether a login names a process rather than a person:
// a known one ("root", "ops") or a bot ("deploy-bot", "renovate[bot]").
func machine(login string) bool {
	return machineNames()[login] || strings.HasSuffix(login, "-bot") || strings.HasSuffix(login, "_bot") ||
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
	p.spellOutLogins()
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

// mergeShortNames folds a one-word name (an author's login, an owner's
// @handle) into the only multi-word person it spells: their first name
// ("rosa" for Rosa Martinez) or, as logins and mailboxes do, their names
// run together ("sampatel", "spatel", "sam.patel" for Sam Patel).
func (p *people) mergeShortNames() {
	var full [][]string
	for _, ns := range p.names {
		if firstName(ns[0]) != "" {
			full = append(full, ns)
		} else {
			full = append(full, nil)
		}
	}
	box := mailboxes(full)
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
		owner := -1
		if owners := byFirst[personKey(ns[0])]; len(owners) == 1 {
			owner = owners[0]
		} else if o, ok := box[lettersOnly(foldAccents(personKey(ns[0])))]; ok && o >= 0 && len(owners) == 0 {
			owner = o
		}
		if owner >= 0 {
			p.names[owner] = append(p.names[owner], ns[0])
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
		surname bool
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
	// A spelling two people share names one of them, but not which: it
	// becomes "a responder".
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
		if utf8.RuneCountInString(strings.TrimPrefix(c.text, "@")) < 2 || seen[k] || (owner[k] != c.person && owner[k] != -1) ||
			(machine(k) && !strings.HasPrefix(k, "@")) {
			continue
		}
		seen[k] = true
		at := strings.HasPrefix(k, "@")
		a := alias{lower: k, person: owner[k], given: c.given && !at, surname: c.surname}
		a.word = !at && !strings.Contains(k, " ") && isNameWord(k)
		a.noun = !at && !strings.Contains(k, " ") && !a.word && isNameNoun(k)
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
