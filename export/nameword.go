package export

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// verdict is what the rewrite decided about one occurrence of a name.
type verdict int

const (
	asWord verdict = iota // an ordinary word: kept as typed, no warning
	asName                // the person: replaced by the role they held
	unsure                // kept as typed, and lint says "possible name"
)

// judgeNameWord decides whether a name that is also an English word
// ("Grant", "May", "Young", "Will"), found at text[start:end], names person
// there (person is -1 when several people share the spelling). The
// evidence is the sentence's grammar around the word:
//   - lower case is the word ("could not grant us access");
//   - a known surname after it makes a full name ("Grant Liu");
//   - an article or a possessive before it makes a noun ("the Bill");
//   - a day or "in" makes a month a date ("May 3", "in May");
//   - a possessive after it is a person's ("Grant's fix");
//   - mid-sentence, a capital is a name ("asked Grant to"), unless the
//     words around are capitalised too (a product or a heading);
//   - at the start of a sentence, where every word is capitalised, the word
//     after decides: a verb that needs a subject makes a name ("Grant
//     restarted", "Will says", "May was"), a bare verb, a noun or an object
//     makes the word ("Will restart", "May need", "Grant AWS support
//     access", "Young pods get").
//
// When the evidence is missing or conflicts, it says unsure: the text is
// kept and the lint asks the facilitator to check.
func (p *people) judgeNameWord(s *scan, a alias, start, end int) verdict {
	text, lower, person := s.text, s.lower, a.person
	word := text[start:end]
	if !hasUpper(word) {
		return p.judgeLowerCase(s, start, end)
	}
	if person >= 0 && p.knownSurnameAfter(text, lower, end, person) > end {
		return asName
	}
	if a.surname {
		if v := p.judgeSurname(text, lower, start, end, person); v != asName {
			return v // "King County", "Hall B-2", "Little-Rock"
		}
	}
	if allCaps(word) {
		return unsure
	}
	name := lower[start:end]
	if articles()[wordBefore(lower, start)] && !sentenceStart(text, start) {
		return asWord
	}
	if months()[name] && isDate(lower, start, end) {
		return asWord
	}
	if possessiveAt(text, end) {
		return asName // "Grant's fix", "May's update"
	}
	if wordCompound(text, lower, end) {
		return asWord // "Stone-cold", "Young-gen"
	}
	if !clauseStart(text, start) {
		return p.judgeMidSentence(text, lower, start, end, person)
	}
	if articles()[wordBefore(lower, start)] {
		return asWord // "The Grace Period"
	}
	if abstractSubject(lower, start, end) {
		return unsure // "Hope is not a strategy"
	}
	v := p.judgeClauseStart(text, lower, end, person)
	if v == asName && months()[name] && monthVerb(lower, end) {
		return unsure // "May was busy": the month or the person
	}
	if v == asName && quantifiers()[name] && !objectFollows(lower, end) {
		return unsure // "Little changed after the restart": how much, or who
	}
	return v
}

// auxiliaries() end in -s but are no plural noun: "Mark has restarted".
var auxiliaries = sync.OnceValue(func() map[string]bool { return map[string]bool{"is": true, "was": true, "has": true, "does": true} })

// quantifiers() are name-words that also start a sentence as an amount:
// "Little changed", "More failed"; only an object after the verb ("Little
// reverted the flag") makes them a subject.
var quantifiers = sync.OnceValue(func() map[string]bool {
	return map[string]bool{"little": true, "more": true, "most": true, "much": true, "few": true, "less": true}
})

// objectFollows reports whether the verb after a name ending at i has an
// object: a determiner or a pronoun, past an adverb and a particle
// ("reverted the flag", "rolled back the deploy", "quickly paged us").
func objectFollows(lower string, i int) bool {
	ws := wordsAfter(lower, i, 4)
	k := 0
	if k < len(ws) && isAdverb(ws[k]) {
		k++
	}
	if k >= len(ws) || !finiteVerb(ws[k]) {
		return false
	}
	k++
	if k < len(ws) && particles()[ws[k]] {
		k++
	}
	return k < len(ws) && (determiners()[ws[k]] || pronouns()[ws[k]])
}

// particles() complete a phrasal verb: "rolled back", "handed off".
var particles = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"back": true, "off": true, "over": true, "up": true, "out": true, "down": true, "in": true, "on": true,
	}
})

// eponymNouns() follow a surname that names a law or a method, not a
// responder: "Little's law", "Fisher's exact test".
var eponymNouns = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"law": true, "laws": true, "test": true, "theorem": true, "principle": true, "rule": true, "constant": true,
		"method": true, "algorithm": true, "distribution": true, "equation": true, "lemma": true, "paradox": true,
		"razor": true, "number": true, "formula": true, "inequality": true, "conjecture": true, "effect": true,
	}
})

// eponym reports whether a possessive after the surname ending at end
// names a law or a method, within two words.
func eponym(text, lower string, end int) bool {
	if !possessiveAt(text, end) {
		return false
	}
	i := end
	for _, ap := range []string{"'s", "’s", "'S", "’S", "'", "’"} {
		if strings.HasPrefix(text[end:], ap) {
			i = end + len(ap)
			break
		}
	}
	ws := wordsAfter(lower, i, 2)
	for k := range ws {
		if eponymNouns()[ws[k]] {
			return true
		}
	}
	return false
}

// afterOtherName reports whether the capitalised word just before start
// is someone else's name, as in a place named like two people ("Green
// Park" with responders Hunter Green and Frank Park).
func (p *people) afterOtherName(text, lower string, start, person int) bool {
	if start < 2 || text[start-1] != ' ' {
		return false
	}
	w := wordBefore(lower, start)
	k := start - 1 - len(w)
	if w == "" || k < 0 || !isUpperAt(text, k) {
		return false
	}
	for _, ai := range p.byWord.lookup(w) {
		if a := p.aliases[ai]; a.lower == w && a.person != person && a.person >= 0 {
			return true
		}
	}
	return false
}

// judgeGivenName reads a capitalised word after a first name that starts a
// sentence, for a person whose surname the incident knows: it is that
// surname, or a verb follows ("Carter Smith restarted it": someone else
// named Carter), or the two are a proper noun ("Carter Bank webhooks timed
// out"), kept and reported as a possible name.
func (p *people) judgeGivenName(text, lower string, end, person int) verdict {
	if person < 0 || len(p.surnames[person]) == 0 || end+1 >= len(text) || text[end] != ' ' {
		return asName
	}
	wend := capitalisedWordEnd(text, end+1)
	if wend < 0 || notSurnames()[lower[end+1:wend]] || p.knownSurnameAfter(text, lower, end, person) > end {
		return asName
	}
	if v := p.judgeCapitalisedAfter(text, lower, end+1, person); v == unsure {
		return unsure
	}
	return asName
}

// judgeSurname reads what follows a capitalised surname ending at end:
// another capitalised word that is not the person's first name makes it
// part of a proper noun ("King County", "Hunter Valley region", "Fisher-Yates
// shuffle"), since people are not written "Surname Word"; such a word is
// kept and the lint asks. A double-barrelled surname the incident knows half
// of is the person when a verb, a possessive or the sentence's end follows
// ("Lopez-Garcia agreed").
func (p *people) judgeSurname(text, lower string, start, end, person int) verdict {
	if eponym(text, lower, end) || p.afterOtherName(text, lower, start, person) {
		return unsure // "Little's law", "Fisher's exact test", "Green Park station"
	}
	if end+1 >= len(text) {
		return asName
	}
	switch text[end] {
	case ' ':
		wend := capitalisedWordEnd(text, end+1)
		if wend < 0 || notSurnames()[lower[end+1:wend]] || p.firstNameAfter(lower, end, person) > end {
			return asName
		}
		for _, ai := range p.byWord.lookup(leadingWord(lower[end+1 : wend])) {
			if p.aliases[ai].person >= 0 {
				return asName // two people without a comma: "Chen Patel"
			}
		}
		return unsure
	case '-':
		wend := capitalisedWordEnd(text, end+1)
		if wend < 0 || possessiveAt(text, wend) {
			return asName
		}
		next := wordAfter(lower, wend)
		if next == "" || finiteVerb(next) || isAdverb(next) || next == "and" || next == "or" {
			return asName
		}
		if wend < len(text) && text[wend] != ' ' {
			return asName // "Lopez-Garcia, the DBA"
		}
		return unsure
	}
	return asName
}

// judgeMidSentence: a capitalised word inside a sentence is a name ("asked
// Grant to", "a deploy by Rose Smith"), unless it is part of a run of
// capitalised words ("the Access Grant Program", "Bill Payment Service") or
// an acronym follows it ("asked Grant AWS access").
func (p *people) judgeMidSentence(text, lower string, start, end, person int) verdict {
	if prevCapitalised(text, start) {
		return unsure
	}
	next := end + 1
	if end < len(text) && text[end] == ' ' && next < len(text) && isUpperAt(text, next) {
		wend := capitalisedWordEnd(text, next)
		if wend < 0 || titleCaseRun(text, wend) {
			return unsure
		}
	}
	return asName
}

// titleCaseRun reports whether another capitalised word follows at i, as in
// a product or a heading ("Bill Payment Service").
func titleCaseRun(text string, i int) bool {
	return i+1 < len(text) && text[i] == ' ' && isUpperAt(text, i+1)
}

// judgeClauseStart reads the word after a name-word that starts a sentence
// or a clause.
func (p *people) judgeClauseStart(text, lower string, end, person int) verdict {
	if end >= len(text) {
		return asName // "… thanks, Grant"
	}
	if text[end] != ' ' {
		switch text[end] {
		case ',':
			if wordSeries(text, lower, end) {
				return unsure // "Young, old and mid-size pods": a series of words, not a name called
			}
			return asName // "Will, can you…"
		case ':', ';', '!', '?', ')', '.', '*', '_':
			return asName // "Grant: roll back"
		case '/':
			if p.personWordAt(lower, end+1, person) {
				return asName // "Grant/Hope to decide"
			}
		}
		return unsure
	}
	next := end + 1
	for next < len(text) && text[next] == ' ' {
		next++
	}
	if next >= len(text) {
		return asName
	}
	switch c := text[next]; {
	case c >= '0' && c <= '9':
		return asWord // "Mark 3 pods as drained", "Rose 20%"
	case c == '@':
		return asWord // "Grant @ops access"
	case c == '&' || c == '+' || strings.HasPrefix(text[next:], "->") || strings.HasPrefix(text[next:], "→"):
		if j := skipBlanks(text, next+joinerLen(text[next:])); j < len(text) && p.personWordAt(lower, j, person) {
			return asName // "Grant & Hope are on the bridge", "Frank → Dawn at 12:00"
		}
	case c == '(':
		if roleInBrackets(lower, next) {
			return asName // "Grant (IC) declared SEV2"
		}
	case isUpperAt(text, next):
		return p.judgeCapitalisedAfter(text, lower, next, person)
	case c >= 'a' && c <= 'z':
		if v := wordAt(lower, next); (v == "and" || v == "or") && months()[wordBefore(lower, end)] &&
			monthNames()[wordAfter(lower, next+len(v))] {
			return asWord // "June and July traffic patterns"
		}
		if pastBeforeObject(lower, end, next) {
			return asName // "Sharp cut the release branch"
		}
		return judgeLowerAfter(text, lower, next)
	}
	return unsure
}

// judgeCapitalisedAfter: "Grant AWS support access" (an acronym object),
// "Grant Priya access" (another person as object), "Rose Smith drained it"
// (a surname scribe does not know, then the verb), "Bill Payment Service
// returned errors" (a product: unsure).
func (p *people) judgeCapitalisedAfter(text, lower string, i, person int) verdict {
	wend := capitalisedWordEnd(text, i)
	if wend < 0 {
		return asWord // an acronym or a code: the object of an imperative
	}
	for _, ai := range p.byWord.lookup(lower[i:wordEnd(lower, i)]) {
		if p.aliases[ai].person != person {
			return asWord // "Grant Priya access", "Mark Sam as owner"
		}
	}
	if plainCommonWord(lower[i:wend]) {
		return unsure // "Skip Verification was enabled", "Max Retries was set"
	}
	if v := wordAfter(lower, wend); !titleCaseRun(text, wend) && (finiteVerb(v) || isAdverb(v) && finiteVerb(wordAfter(lower, wend+1+len(v)))) {
		return asName // "Grant Smith restarted it"
	}
	return unsure
}

// judgeLowerAfter reads a lower-case word after a name-word at the start
// of a sentence.
func judgeLowerAfter(text, lower string, i int) verdict {
	v := wordAt(lower, i)
	after := wordAfter(lower, i+len(v))
	switch {
	case v == "and" || v == "or":
		// "Grant and Priya restarted it", "Bill and the vendor agreed"
		// against "Mark and sweep".
		j := skipBlanks(text, i+len(v))
		if j < len(text) && (isUpperAt(text, j) || text[j] == '@') {
			return asName
		}
		if determiners()[after] || pronouns()[after] {
			for _, w := range wordsAfter(lower, j, 4) {
				if finiteVerb(w) || w == "are" || w == "were" || w == "have" {
					return asName
				}
			}
		}
		return unsure
	case v == "to":
		// "Will to pair with Priya" (an action item) against "Rose to 40%"
		// and "Best to wait for the canary".
		if predicativeWords()[wordBefore(lower, i)] {
			return unsure
		}
		if after != "" && after[0] >= 'a' && after[0] <= 'z' {
			return asName
		}
		return asWord
	case finiteVerb(v):
		if strings.HasSuffix(v, "s") && !auxiliaries()[v] && (finiteVerb(after) || verbLater(text, lower, i+len(v))) {
			return asWord // "Green deploys went out first", "Field reports from the team matched": a noun, then its verb
		}
		if objectVerbs()[v] && prepositions()[after] || objectVerbs()[v] && after == "to" {
			return unsure // "Page sent to the DB team": a thing sent, or a person who sent nothing
		}
		return asName
	case isAdverb(v) && finiteVerb(after):
		return asName // "Grant quickly rolled back"
	}
	return asWord // "Will restart", "May need", "Grant access", "Young pods"
}

// wordsAfter returns up to n words from i on, skipping what separates them.
func wordsAfter(lower string, i, n int) []string {
	var out []string
	for len(out) < n && i < len(lower) {
		for i < len(lower) && !isWordByte(lower[i]) {
			i++
		}
		w := wordAt(lower, i)
		if w == "" {
			break
		}
		out = append(out, w)
		i += len(w)
	}
	return out
}

// wordAt is the word (letters, digits, apostrophes, hyphens) at i.
func wordAt(lower string, i int) string {
	k := i
	for k < len(lower) && isWordByte(lower[k]) {
		k++
	}
	return lower[i:k]
}

// clauseStart reports whether i starts a sentence or a clause after a
// colon, a semicolon, a dash or an opening bracket or quote, where a
// capital says nothing about a name.
func clauseStart(text string, i int) bool {
	if sentenceStart(text, i) {
		return true
	}
	t := strings.TrimRight(text[:i], " ")
	if t == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	switch r {
	case ':', ';', '(', '"', '“', '—', '–', '[':
		return true
	case '-':
		return strings.HasSuffix(text[:i], " ") && strings.HasSuffix(t, " -")
	}
	return false
}

// articles() before a capitalised word make it a noun: "the Bill", "our Park
// Avenue office", never a person's first name.
var articles = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"the": true, "a": true, "an": true, "this": true, "our": true, "your": true, "their": true, "its": true,
		"my": true, "his": true, "her": true, "every": true, "each": true, "some": true, "any": true, "no": true,
		"another": true,
	}
})

// possessiveAt reports whether a possessive follows at i: "'s", "’s", or a
// bare apostrophe after a name in -s ("James' runbook").
func possessiveAt(text string, i int) bool {
	rest := text[i:]
	for _, ap := range []string{"'", "’"} {
		if !strings.HasPrefix(rest, ap) {
			continue
		}
		after := rest[len(ap):]
		if strings.HasPrefix(after, "s") || strings.HasPrefix(after, "S") {
			return len(after) == 1 || !isWordByte(after[1])
		}
		return i > 0 && (text[i-1] == 's' || text[i-1] == 'S') && (after == "" || after[0] == ' ')
	}
	return false
}

// prevCapitalised reports whether the word before i is capitalised other
// than by starting a sentence, a title or a job title: "Access Grant".
func prevCapitalised(text string, i int) bool {
	j := i
	if j == 0 || text[j-1] != ' ' {
		return false
	}
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	k := j
	for k > 0 && isWordByte(text[k-1]) {
		k--
	}
	if k == j || !isUpperAt(text, k) || clauseStart(text, k) {
		return false
	}
	w := text[k:j]
	return !titleWords()[asciiLower(w)] && !containsWord(titles, strings.TrimSuffix(w, "."))
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// allCaps reports whether s has two or more letters, all capitals.
func allCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

func isUpperAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsUpper(r)
}

// isDate reports whether the month at lower[start:end] is a date: followed
// by a day or year ("June 3") or after a word that introduces a time ("in
// May", "since June", "early April").
func isDate(lower string, start, end int) bool {
	if end+1 < len(lower) && lower[end] == ' ' && lower[end+1] >= '0' && lower[end+1] <= '9' {
		return true
	}
	return dateWords()[wordBefore(lower, start)]
}

var dateWords = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"in": true, "since": true, "until": true, "till": true, "during": true, "of": true, "early": true,
		"late": true, "mid": true, "last": true, "next": true, "this": true,
	}
})
