package export

import (
	_ "embed"
	"strings"
	"sync"
)

// namenouns.txt lists names whose lower-case spelling is an ordinary word
// ("hunter", "ruby", "frost") but that are written as names more often than
// not, with how it was made in its header.
//
//go:embed namenouns.txt
var nameNounsFile string

// nameNouns is namenouns.txt as a set, parsed on first use and never
// changed afterwards.
var nameNouns = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for _, line := range strings.Split(nameNounsFile, "\n") {
		if line = strings.TrimSpace(line); line != "" && line[0] != '#' {
			set[line] = true
		}
	}
	return set
})

// isNameNoun reports whether a name (lower case) is also a noun or an
// adjective when written in lower case.
func isNameNoun(lower string) bool { return nameNouns()[lower] }

// judgeNameNoun decides whether a name of namenouns.txt, found at
// s.text[start:end], names its person. Unlike a name-word, such a name is
// the person wherever it is capitalised inside a sentence; at the start of
// one the word after it must make it a subject ("Frost confirmed", "Ruby's
// call"), else it is kept and the lint asks ("Ruby workers kept the old
// pool", "Frost on the roof units"). In lower case it is the person unless
// an article comes before it or a noun after it ("the hunter process",
// "round robin balancing").
func (p *people) judgeNameNoun(s *scan, a alias, start, end int) verdict {
	text, lower := s.text, s.lower
	if a.person >= 0 && p.knownSurnameAfter(text, lower, end, a.person) > end {
		return asName
	}
	if !hasUpper(text[start:end]) {
		if partOfIdentifier(text, start, end) || determiners()[wordBefore(lower, start)] || nounFollows(text, lower, end) ||
			modifiedNoun(lower, start) {
			return asWord
		}
		return asName
	}
	if a.surname {
		if v := p.judgeSurname(text, lower, start, end, a.person); v != asName {
			return v
		}
	}
	if wordCompound(text, lower, end) {
		return asWord // "Clay-based models", "Frost-free coils"
	}
	if !clauseStart(text, start) || possessiveAt(text, end) || end < len(text) && text[end] == '-' {
		return asName
	}
	if articles()[wordBefore(lower, start)] {
		return asWord // "The Ruby SDK"
	}
	if abstractSubject(lower, start, end) {
		return unsure
	}
	if v := p.judgeClauseStart(text, lower, end, a.person); v != asWord {
		return v
	}
	return unsure
}

// modifiedNoun reports whether the lower-case word at start is the head of
// a noun phrase: an article, then a modifier that is no verb or function
// word, then the word ("a bug hunter", "the night baker").
func modifiedNoun(lower string, start int) bool {
	w1 := wordBefore(lower, start)
	if w1 == "" || w1[0] < 'a' || w1[0] > 'z' || finiteVerb(w1) || functionWords()[w1] || addressVerbs()[w1] || determiners()[w1] {
		return false
	}
	i := start
	for i > 0 && lower[i-1] == ' ' {
		i--
	}
	return articles()[wordBefore(lower, i-len(w1))]
}

// abstractNames() are given names that are also abstract nouns, which start
// sentences as nouns ("Hope is not a strategy", "Faith in the failover
// was restored").
var abstractNames = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"hope": true, "faith": true, "joy": true, "grace": true, "love": true, "charity": true, "patience": true,
		"trust": true, "honor": true, "honour": true, "justice": true, "destiny": true, "liberty": true, "mercy": true,
		"prudence": true, "constance": true, "felicity": true, "serenity": true, "harmony": true, "unity": true,
		"temperance": true, "victory": true, "glory": true, "fortune": true, "promise": true, "peace": true,
		"verity": true, "chance": true,
	}
})

// abstractSubject reports whether an abstract name at the start of a
// sentence is defined rather than described: "Hope is not a strategy",
// "Joy was a long way off", against "Hope is on the bridge".
func abstractSubject(lower string, start, end int) bool {
	if !abstractNames()[lower[start:end]] {
		return false
	}
	ws := wordsAfter(lower, end, 3)
	if len(ws) < 2 || ws[0] != "is" && ws[0] != "was" && ws[0] != "isn't" && ws[0] != "wasn't" {
		return false
	}
	k := 1
	if ws[k] == "not" && len(ws) > 2 {
		k++
	}
	return articles()[ws[k]] || ws[k] == "what" || ws[k] == "never" || abstractStates()[ws[k]]
}

// abstractStates() describe a feeling or a belief, not a person: "Joy was
// short-lived", "Hope was misplaced".
var abstractStates = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"short-lived": true, "misplaced": true, "premature": true, "unfounded": true, "fleeting": true,
		"dashed": true, "justified": true, "rewarded": true, "shaken": true, "lost": true, "restored": true,
	}
})

// nounFollows reports whether a lower-case word that no verb, adverb or
// function word can be follows the name ending at i, making the name its
// modifier: "robin balancing", "hunter process", "ruby gem".
func nounFollows(text, lower string, i int) bool {
	if i+1 >= len(text) || text[i] != ' ' || text[i+1] < 'a' || text[i+1] > 'z' {
		return false
	}
	w := wordAt(lower, i+1)
	return len(w) > 2 && !finiteVerb(w) && !isAdverb(w) && !functionWords()[w] && !pronouns()[w] && !determiners()[w]
}

// functionWords() join a name to the rest of its sentence without being
// described by it: prepositions, conjunctions, auxiliaries().
var functionWords = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"to": true, "and": true, "or": true, "but": true, "for": true, "with": true, "about": true, "at": true,
		"on": true, "in": true, "into": true, "from": true, "by": true, "of": true, "via": true, "if": true,
		"whether": true, "when": true, "while": true, "before": true, "after": true, "until": true, "since": true,
		"as": true, "than": true, "so": true, "because": true, "who": true, "which": true, "are": true,
		"were": true, "be": true, "been": true, "have": true, "may": true, "do": true, "too": true, "today": true,
		"here": true, "there": true, "please": true, "yesterday": true, "tomorrow": true, "tonight": true,
		"asap": true, "directly": true, "instead": true, "again": true,
	}
})
