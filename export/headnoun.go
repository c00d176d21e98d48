package export

import (
	"strings"
	"sync"
)

// The tests here tell a name-word at the start of a sentence that modifies
// the noun after it ("Field reports from the support team matched the
// graphs", "Max Retries was set to zero") from one that is the sentence's
// subject ("Field reports to the scribe", "Sharp cut the release branch").

// verbLater reports whether the word ending at i, read as a plural noun
// ("reports", "answers"), is followed by a prepositional phrase and then the
// sentence's own verb: "Field reports from the support team matched the
// graphs". The phrase ends at punctuation or at a word that would start a
// clause of its own ("and", "that", "to"), and a word in -ed after a
// determiner is an adjective ("from the shared cluster"), not the verb.
func verbLater(text, lower string, i int) bool {
	if !prepositions()[wordAfter(lower, i)] {
		return false
	}
	prev := ""
	for n := 0; n < 10 && i < len(text); n++ {
		for i < len(text) && text[i] == ' ' {
			i++
		}
		if i >= len(text) || !isWordByte(text[i]) {
			return false // punctuation closes the phrase
		}
		w := wordAt(lower, i)
		if n > 1 && finiteVerb(w) && !determiners()[prev] && !articles()[prev] && !possessiveWord(prev) {
			return true
		}
		if n > 0 && clauseWords()[w] {
			return false
		}
		prev = w
		i += len(w)
	}
	return false
}

// possessiveWord reports whether w ends in a possessive ("team's").
func possessiveWord(w string) bool { return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "s'") }

// prepositions() open the phrase after a noun: "reports from the team".
var prepositions = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"from": true, "of": true, "in": true, "on": true, "at": true, "for": true, "across": true, "between": true,
		"by": true, "over": true, "under": true, "about": true, "during": true, "with": true, "within": true,
		"through": true, "into": true, "behind": true, "near": true, "inside": true, "outside": true,
	}
})

// clauseWords() start a clause of their own, after which a verb is no
// longer the first noun's: "Field reports to the scribe that it failed".
var clauseWords = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"and": true, "or": true, "but": true, "that": true, "which": true, "who": true, "when": true, "while": true,
		"because": true, "so": true, "if": true, "to": true, "where": true, "since": true, "until": true,
		"whether": true, "then": true,
	}
})

// samePast() are verbs whose past tense is spelt as their present and as a
// noun ("cut", "set", "hit"): after a name-word and before a determiner they
// are a past tense ("Sharp cut the release branch"), since a noun phrase
// ("a sharp cut") does not take an object.
var samePast = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"cut": true, "set": true, "hit": true, "put": true, "shut": true, "let": true, "quit": true, "split": true,
		"spread": true, "cast": true, "broadcast": true, "forecast": true, "reset": true, "upset": true,
		"read": true, "reread": true, "shed": true, "thrust": true, "burst": true, "hurt": true, "rid": true,
		"bet": true, "fit": true, "wed": true, "preset": true, "offset": true, "input": true, "output": true,
	}
})

// modalNames() are name-words that are also modals: before a bare verb they
// are the modal ("Will cut the release branch", "May set the flag").
var modalNames = sync.OnceValue(func() map[string]bool {
	return map[string]bool{"will": true, "may": true, "can": true, "must": true, "shall": true, "might": true}
})

// pastBeforeObject reports whether the lower-case word at i, after the
// name-word lower[:end]'s last word, is a past tense spelt like its present
// with an object after it: "Sharp cut the release branch".
func pastBeforeObject(lower string, end, i int) bool {
	v := wordAt(lower, i)
	if !samePast()[v] || modalNames()[wordBefore(lower, end)] {
		return false
	}
	next := wordAfter(lower, i+len(v))
	if particles()[next] {
		next = wordAfter(lower, i+len(v)+1+len(next))
	}
	return determiners()[next] || possessivePronouns()[next]
}

// plainCommonWord reports whether a capitalised word after a name-word is a
// common English word that is nobody's name ("Verification", "Retries"):
// with it the name-word more likely starts a setting's or a product's name
// ("Skip Verification", "Max Retries") than a full name scribe does not
// know.
func plainCommonWord(lower string) bool {
	if isCommonWord(lower) {
		return true
	}
	switch {
	case strings.HasSuffix(lower, "ies") && len(lower) > 4:
		return isCommonWord(lower[:len(lower)-3] + "y")
	case strings.HasSuffix(lower, "es") && isCommonWord(lower[:len(lower)-2]):
		return true
	case strings.HasSuffix(lower, "s") && len(lower) > 3:
		return isCommonWord(lower[:len(lower)-1])
	}
	return false
}

// wordCompound reports whether a hyphen and a lower-case word follow a
// name ending at end, making a compound of the word ("Clay-based",
// "Stone-cold", "Street-level"), unless the second half says what a person
// did ("Maria-led review", "Grant-approved change").
func wordCompound(text, lower string, end int) bool {
	if end+1 >= len(text) || text[end] != '-' || text[end+1] < 'a' || text[end+1] > 'z' {
		return false
	}
	return !agentParticiples()[wordAt(lower, end+1)]
}

// agentParticiples() after a name and a hyphen make a compound of the
// person: "Maria-led", "Grant-approved".
var agentParticiples = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"led": true, "owned": true, "run": true, "driven": true, "approved": true, "authored": true, "reviewed": true,
		"written": true, "managed": true, "initiated": true, "sponsored": true, "signed": true, "requested": true,
	}
})

// wordSeries reports whether the comma after a name-word ending at end
// opens a series of ordinary words ("Young, old and mid-size pods"), not a
// name called ("Will, can you…") or a list of people ("Grant, Hope and
// June"): the next word is lower case, no pronoun, verb or name, and "and",
// "or" or another comma follows it.
func wordSeries(text, lower string, end int) bool {
	i := skipBlanks(text, end+1)
	if i >= len(text) || text[i] < 'a' || text[i] > 'z' {
		return false
	}
	w := wordAt(lower, i)
	if pronouns()[w] || finiteVerb(w) || functionWords()[w] || modalNames()[w] || !isCommonWord(w) && !nameWords()[w] {
		return false
	}
	j := i + len(w)
	if j < len(text) && text[j] == ',' {
		return true
	}
	next := wordAfter(lower, j)
	return next == "and" || next == "or"
}

// predicativeWords() are name-words that start a sentence as an adjective
// before "to": "Best to wait for the canary", "Fine to deploy now".
var predicativeWords = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"best": true, "better": true, "good": true, "fine": true, "safe": true, "sure": true, "hard": true, "easy": true,
		"quick": true, "free": true, "ready": true, "able": true, "due": true, "likely": true, "wise": true, "nice": true,
		"smart": true, "worth": true, "time": true, "happy": true, "glad": true, "early": true, "late": true,
	}
})

// personWordAt reports whether the word at i is a name of someone other
// than person: "Grant/Hope".
func (p *people) personWordAt(lower string, i, person int) bool {
	for _, ai := range p.byWord.lookup(wordAt(lower, i)) {
		if a := p.aliases[ai]; a.person != person && a.lower[0] != '@' && strings.HasPrefix(lower[i:], a.lower) &&
			boundaryAfter(lower, i+len(a.lower)) {
			return true
		}
	}
	return false
}

// roleInBrackets reports whether the brackets opening at i hold a role or
// a job title: "Grant (IC)", "Hope (ops lead)".
func roleInBrackets(lower string, i int) bool {
	end := strings.IndexByte(lower[i:], ')')
	if end < 0 || end > 30 {
		return false
	}
	ws := strings.Fields(lower[i+1 : i+end])
	return len(ws) > 0 && len(ws) <= 3 && (titleWords()[ws[len(ws)-1]] || personNouns()[ws[len(ws)-1]])
}

// monthNames() are the months' names: "June and July" are two months.
var monthNames = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
		"august": true, "september": true, "october": true, "november": true, "december": true,
	}
})

// monthVerb reports whether the verb after a month's name ending at end
// could have the month for its subject: a form of "be" or "have" ("May was
// busy", "June has been quiet", "July will be worse"), where "June didn't
// communicate" or "May will post the update" can only be the person.
func monthVerb(lower string, end int) bool {
	v := wordAfter(lower, end)
	switch v {
	case "was", "is", "has", "had", "wasn't", "isn't", "hasn't", "hadn't", "looks", "looked", "seems", "seemed":
		return true
	}
	if !subjectVerbs()[v] {
		return false
	}
	next := wordAfter(lower, end+1+len(v))
	return next == "be" || next == "have" || next == "not" && wordAfter(lower, end+1+len(v)+1+len(next)) == "be"
}

// joinerLen is the length of the sign that joins two names at the start
// of s: "&", "+", "->", "→".
func joinerLen(s string) int {
	for _, j := range []string{"->", "→", "&", "+"} {
		if strings.HasPrefix(s, j) {
			return len(j)
		}
	}
	return 0
}

// objectVerbs() are past tenses that need an object when a person is
// their subject: after a name-word and straight before a preposition they
// read as a participle ("Page sent to the DB team", "Bill forwarded to
// finance").
var objectVerbs = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"sent": true, "forwarded": true, "routed": true, "delivered": true, "assigned": true, "filed": true,
		"raised": true, "issued": true, "queued": true, "scheduled": true, "received": true, "dropped": true,
	}
})
