package export

import (
	"slices"
	"sync"
)

// A name that is also a word, typed in lower case ("asked rose to hold the
// deploy", "bill handed off command"), is the word unless the sentence
// leaves no other reading: a common noun needs an article where a person
// does not, and only people are asked, thanked, listed with other people or
// do what only people do.

// judgeLowerCase decides a lower-case name-word at s.text[start:end].
func (p *people) judgeLowerCase(s *scan, start, end int) verdict {
	text, lower := s.text, s.lower
	before := wordBefore(lower, start)
	if partOfIdentifier(text, start, end) || determiners()[before] || articles()[before] {
		return asWord // "the bill", "svc-rose"
	}
	if p.listedWithPerson(s, start, end) || clauseStart(text, start) && p.pairedSubject(s, start, end) {
		return asName // "carter and king split the shards", "summer and gene are on the restore"
	}
	if (addressVerbs()[before] || thanked(text, start)) && objectEnds(text, lower, end) {
		return asName // "asked rose to hold", "thanks joy for the notes"
	}
	if (before == "to" || before == "with") && handoffVerbs()[wordBefore(lower, max(0, start-len(before)-1))] && objectEnds(text, lower, end) {
		return asName // "handed over to amber at 11:00", "paired with rose on it"
	}
	if before == "per" && end < len(text) && text[end] == ',' {
		return unsure // "per price, the email went out": someone's word, or per unit
	}
	if !clauseStart(text, start) {
		return asWord
	}
	v := wordAfter(lower, end)
	switch {
	case possessiveAt(text, end):
		return asName // "rose's rollback plan"
	case agentVerbs()[v], v == "failed" && wordAfter(lower, end+1+len(v)) == "over", agentProgressive(lower, end):
		return asName // "bill handed off command", "mark said", "dawn failed over", "sky is taking notes"
	case objectFollows(lower, end) && !quantifiers()[lower[start:end]]:
		return asName // "rose drained the east region"
	}
	return asWord // "rose to 40%", "mark as resolved", "page loaded slowly"
}

// addressVerbs() take a person as their object: "asked rose to", "paged
// bill at 02:10".
var addressVerbs = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"asked": true, "ask": true, "asking": true, "told": true, "tell": true, "pinged": true, "ping": true,
		"paged": true, "thanked": true, "cc": true, "cc'd": true, "cced": true, "dm'd": true, "dmed": true,
		"messaged": true, "emailed": true, "texted": true, "phoned": true, "woke": true, "escalated": true,
		"ty": true, "thx": true, "tyvm": true, "cheers": true,
	}
})

// handoffVerbs() pass something to a person: "handed over to", "paired with".
var handoffVerbs = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"over": true, "handed": true, "talked": true, "spoke": true, "escalated": true, "paired": true, "synced": true,
		"passed": true, "assigned": true, "reassigned": true, "delegated": true, "reported": true, "forwarded": true,
		"deferred": true, "sent": true, "transferred": true, "hand": true, "pair": true, "sync": true, "talk": true,
		"escalate": true, "reached": true, "out": true,
	}
})

// objectEnds reports whether a person-object ending at i ends its phrase:
// the text ends, punctuation follows, or a word that introduces what was
// asked ("to", "for", "about", "at 10:02").
func objectEnds(text, lower string, i int) bool {
	if i >= len(text) {
		return true
	}
	switch text[i] {
	case ',', '.', ';', ':', '!', '?', ')':
		return true
	case ' ':
		return objectFollowers()[wordAfter(lower, i)]
	}
	return false
}

var objectFollowers = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"to": true, "for": true, "about": true, "at": true, "if": true, "whether": true, "and": true, "or": true,
		"when": true, "before": true, "after": true, "again": true, "too": true, "on": true, "in": true, "via": true,
	}
})

// agentVerbs() are what only people do: a word before them is their subject.
var agentVerbs = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"said": true, "says": true, "asked": true, "asks": true, "paged": true, "pinged": true, "confirmed": true,
		"confirms": true, "approved": true, "approves": true, "declared": true, "decided": true, "joined": true,
		"handed": true, "took": true, "posted": true, "drafted": true, "wrote": true, "emailed": true, "messaged": true,
		"acked": true, "acknowledged": true, "escalated": true, "reviewed": true, "agreed": true, "agrees": true,
		"suggested": true, "suggests": true, "proposed": true, "thinks": true, "thought": true, "noticed": true,
		"volunteered": true, "signed": true, "replied": true, "answered": true, "mentioned": true, "explained": true,
		"investigated": true, "promised": true, "offered": true, "owns": true, "reported": true,
		"ok'd": true, "ok’d": true, "okd": true, "oked": true, "okayed": true, "signed-off": true,
	}
})

// listedWithPerson reports whether the word at start..end stands in a list
// with someone already named: right after a mention ("carter and king"), or
// right before a name that is no ordinary word ("king and carter").
func (p *people) listedWithPerson(s *scan, start, end int) bool {
	if n := len(s.found); n > 0 {
		if m := s.found[n-1]; !m.unsure && m.end <= start && slices.Contains(listSeparators, s.text[m.end:start]) {
			return true
		}
	}
	for _, sep := range listSeparators {
		if len(s.text) < end+len(sep) || s.text[end:end+len(sep)] != sep {
			continue
		}
		next := end + len(sep)
		for _, ai := range p.byWord.lookup(wordAt(s.lower, next)) {
			if a := p.aliases[ai]; a.person >= 0 && !a.word && a.lower[0] != '@' && boundaryAfter(s.text, next+len(a.lower)) &&
				s.lower[next:min(len(s.lower), next+len(a.lower))] == a.lower {
				return true
			}
		}
	}
	return false
}

// pairedSubject reports whether the lower-case name-word at start..end and
// another responder's name joined to it by "and" are together the subject
// of the verb after them: "summer and gene are on the restore", where
// neither name alone would prove anything ("summer and winter are busy"
// names nobody: winter is no one's name).
func (p *people) pairedSubject(s *scan, start, end int) bool {
	if wordAfter(s.lower, end) != "and" {
		return false
	}
	i := skipBlanks(s.lower, end+1+len("and"))
	other := wordAt(s.lower, i)
	if other == "" || other == s.lower[start:end] || hasUpper(s.text[i:i+len(other)]) {
		return false
	}
	named := false
	for _, ai := range p.byWord.lookup(other) {
		named = named || p.aliases[ai].lower == other
	}
	v := wordAfter(s.lower, i+len(other))
	return named && (finiteVerb(v) || samePast()[v] || v == "are" || v == "were" || v == "have")
}

// agentProgressive reports whether "is" or "was" and a gerund of what
// people do follow the word ending at end: "sky is taking notes", "faith is
// talking to the vendor"; not "price is rising", "the sky is falling".
func agentProgressive(lower string, end int) bool {
	aux := wordAfter(lower, end)
	if aux != "is" && aux != "was" && aux != "'s" {
		return false
	}
	return agentGerunds()[wordAfter(lower, end+1+len(aux))]
}

// agentGerunds() are what a responder is doing: "is taking notes".
var agentGerunds = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"taking": true, "looking": true, "checking": true, "drafting": true, "writing": true, "handling": true,
		"working": true, "paging": true, "investigating": true, "reviewing": true, "watching": true, "monitoring": true,
		"calling": true, "talking": true, "leading": true, "driving": true, "covering": true, "owning": true,
		"coordinating": true, "updating": true, "posting": true, "restarting": true, "deploying": true, "testing": true,
		"debugging": true, "bisecting": true, "escalating": true, "joining": true, "digging": true, "syncing": true,
	}
})
