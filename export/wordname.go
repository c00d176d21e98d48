package export

import "strings"

// usedAsName reports whether a capitalised first name that is also an
// English word, at text[start:end], is used as a name. Mid-sentence a
// capital says it is ("asked Mark to"), unless it is a month with a day or
// after "in" ("June 3", "in May"). At the start of a sentence, where any
// word is capitalised, it is the word when a lower-case word follows that
// a verb or modal would take ("Mark the pods", "May be", "Rose sharply"),
// and the name when what follows reads as its verb ("Mark restarted",
// "Mark says", "Mark and …") or is not a lower-case word at all. After an
// article it is never a name ("the Bill", "The Grace Period").
func usedAsName(text, lower string, start, end int) bool {
	if articles[wordBefore(lower, start)] {
		return false
	}
	name := lower[start:end]
	if months[name] && isDate(lower, start, end) {
		return false
	}
	if !sentenceStart(text, start) {
		return true
	}
	if end+1 >= len(text) || text[end] != ' ' {
		return true // "Will" or "Will " ending the text
	}
	next := end + 1
	stop := next
	for stop < len(lower) && lower[stop] >= 'a' && lower[stop] <= 'z' {
		stop++
	}
	if text[next] >= '0' && text[next] <= '9' {
		return false // "Mark 3 pods as drained", "Rose 20%"
	}
	if stop == next || (text[next] < 'a' || text[next] > 'z') && text[next:stop] != "I" {
		return true // a capitalised word (a surname) or punctuation
	}
	w := lower[next:stop]
	return verbAfterName[w] || strings.HasSuffix(w, "ed")
}

// verbAfterName are words that follow a subject, not a verb or modal:
// "Mark and Priya…", "Will was paged", "Grace took over".
var verbAfterName = map[string]bool{
	"and": true, "or": true, "is": true, "was": true, "has": true, "had": true, "said": true, "took": true,
	"made": true, "ran": true, "did": true, "found": true, "saw": true, "sent": true, "wrote": true,
	"got": true, "went": true, "thought": true, "knew": true, "led": true, "began": true, "gave": true,
	"told": true, "kept": true, "left": true, "put": true, "set": true, "felt": true, "brought": true,
	"will": true, "would": true, "can": true, "could": true, "should": true, "might": true, "must": true,
	// What a timeline reports someone doing now. Not every word in -s: a
	// plural follows an imperative as often ("Mark pods unschedulable").
	"says": true, "thinks": true, "confirms": true, "reports": true, "agrees": true, "notes": true,
	"suggests": true, "wants": true, "needs": true, "asks": true, "sees": true, "owns": true, "takes": true,
	"does": true, "knows": true, "believes": true, "proposes": true, "recommends": true, "joins": true,
	"leaves": true, "handles": true, "investigates": true, "checks": true, "restarts": true,
}

// months are first names that are also months.
var months = map[string]bool{"may": true, "june": true, "april": true, "august": true}

// isDate reports whether the month at lower[start:end] is a date: followed
// by a day or year ("June 3") or after a word that introduces a time ("in
// May", "since June", "early April").
func isDate(lower string, start, end int) bool {
	if end+1 < len(lower) && lower[end] == ' ' && lower[end+1] >= '0' && lower[end+1] <= '9' {
		return true
	}
	return dateWords[wordBefore(lower, start)]
}

var dateWords = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "during": true, "of": true, "early": true,
	"late": true, "mid": true, "last": true, "next": true, "this": true, "from": true, "through": true,
}

// articles before a capitalised name or surname make it a thing, not a
// person ("the Park Avenue office").
var articles = map[string]bool{"the": true, "a": true, "an": true}

// surnameUsedAsWord reports whether a capitalised surname that may be a
// word is used as one: after an article ("the Park Avenue office"), or as
// an imperative starting a sentence ("Park the deploy").
func surnameUsedAsWord(text, lower string, start, end int) bool {
	if articles[wordBefore(lower, start)] {
		return true
	}
	return end < len(text) && text[end] == ' ' && sentenceStart(text, start) && determiners[wordAfter(lower, end)]
}

// determiners follow a verb, never a subject: "Park the deploy".
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
	"it": true, "them": true, "all": true, "our": true, "your": true, "their": true, "my": true,
	"its": true, "every": true, "each": true, "some": true, "any": true,
}
