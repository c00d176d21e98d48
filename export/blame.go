package export

import (
	"fmt"
	"strings"
	"sync"
)

// Blame is found by meaning, not by words: "fault" is blame in "Sam's
// fault" and engineering in "we injected a fault in staging"; "should have"
// is hindsight in "the SRE should have noticed" and design in "the cache
// should have a TTL". Each class below is a judgement of a person, read from
// the sentence's grammar: who the subject is, whose the mistake is.

// blameClass names one kind of blaming language.
type blameClass string

const (
	blameHumanError blameClass = "human error"                    // "human error", "operator error"
	blameCharacter  blameClass = "judges character"               // "careless", "sloppy"
	blameFault      blameClass = "fault attributed to a person"   // "Sam's mistake", "a mistake by the on-call"
	blameFailure    blameClass = "failure attributed to a person" // "the SRE failed to notice", "ignored the alert"
	blameHindsight  blameClass = "hindsight about a person"       // "Sam should have known", "why didn't anyone"
)

// blame is one blaming phrase found in a text.
type blame struct {
	class      blameClass
	phrase     string // the words as written
	start, end int    // of the phrase in the text
	sentence   string // the sentence it is in, as written
	fix        string // how to say it instead
}

// token is one word of a sentence.
type token struct {
	start, end int    // byte offsets in the text
	w          string // lower case, apostrophes straightened
	person     bool   // names a person: a mention, a pronoun, a person noun
}

// findBlame lists the blaming phrases of text in order. mentions are the
// people named in it, which count as subjects and possessors.
func findBlame(text string, mentions []mention) []blame {
	if !mayBlame(text) {
		return nil
	}
	var out []blame
	for _, span := range sentences(text) {
		toks := tokenize(text, span[0], span[1], mentions)
		if len(toks) == 0 {
			continue
		}
		b := blameScan{text: text, toks: toks, sentence: strings.TrimSpace(text[span[0]:span[1]])}
		for i := range toks {
			b.at(i)
		}
		out = append(out, b.found...)
	}
	return out
}

// mayBlame reports whether text holds a word that starts or anchors one of
// the blame classes; most timeline lines do not, and are not tokenised.
func mayBlame(text string) bool {
	found := false
	lower := asciiLower(text)
	eachWord(lower, func(ws, we int) int {
		if found {
			return len(text)
		}
		w := lower[ws:we]
		found = blameAnchors()[w] || characterWords()[w] || faultNouns()[w] || failureVerbs()[w]
		return we
	})
	return found
}

// blameAnchors() are the words, besides the class lists, without which no
// blame pattern matches ("should" of "should've", "bother" of "didn't
// bother", "paying" of "not paying attention").
var blameAnchors = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"should": true, "shouldn": true, "ought": true, "why": true, "bother": true, "fingered": true, "asleep": true,
		"paying": true, "better": true, "blame": true, "blamed": true, "blames": true, "blaming": true, "failed": true,
		"neglected": true, "forgetting": true, "forgotten": true, "messed": true, "screwed": true, "dropped": true,
		"screw": true, "could": true, "could've": true, "if": true, "had": true, "never": true, "didn't": true,
		"did": true, "bothered": true, "responsible": true, "caused": true, "broke": true, "crashed": true,
		"untested": true, "unreviewed": true, "unvetted": true,
		"judgement": true, "judgment": true, "through": true, "thinking": true, "rogue": true, "corners": true,
		"gun": true, "shortcut": true, "shortcuts": true, "winged": true, "rubber": true, "tampered": true,
		"fiddled": true, "slow": true, "seriously": true, "without": true, "call": true, "decision": true,
		"choice": true, "on": true, "not": true, "attention": true, "didn": true, "couldn": true, "wasn": true,
		"weren": true, "careful": true, "slept": true, "sleeping": true, "doing": true, "let": true,
		"wrong": true, "dismissed": true, "brushed": true, "shrugged": true, "waved": true, "casual": true,
		"distracted": true, "nobody": true, "one": true, "poor": true, "bad": true, "bypassing": true,
		"skipping": true, "job": true, "supposed": true, "faulty": true, "buggy": true, "broken": true, "accident": true,
		"long": true, "misleading": true, "inaccurate": true, "incorrect": true, "inadequate": true,
	}
})

// blameScan checks one sentence's tokens.
type blameScan struct {
	text     string
	toks     []token
	sentence string
	found    []blame
	covered  int // tokens before this index are part of a reported phrase
}

func (b *blameScan) word(i int) string {
	if i < 0 || i >= len(b.toks) {
		return ""
	}
	return b.toks[i].w
}

// phraseAt reports whether the words starting at token i are ws.
func (b *blameScan) phraseAt(i int, ws ...string) bool {
	for k, w := range ws {
		if b.word(i+k) != w {
			return false
		}
	}
	return true
}

func (b *blameScan) report(class blameClass, from, to int, fix string) {
	if from < b.covered {
		return
	}
	b.covered = to + 1
	s, e := b.toks[from].start, b.toks[to].end
	b.found = append(b.found, blame{class: class, phrase: b.text[s:e], start: s, end: e, sentence: b.sentence, fix: fix})
}

// at checks the phrases that start at token i, one class after another.
func (b *blameScan) at(i int) {
	w := b.word(i)
	for _, check := range []func(int, string) bool{b.humanError, b.character, b.faultAt, b.failureAt, b.hindsightAt, b.verbBlameAt} {
		if check(i, w) {
			return
		}
	}
}

// humanError: "human error", "operator error", "human mistake"; not
// "user error rate".
func (b *blameScan) humanError(i int, w string) bool {
	next := b.word(i + 1)
	if !humanErrorWords()[w] || next != "error" && next != "errors" && next != "mistake" || technicalAfter()[b.word(i+2)] {
		return false
	}
	b.report(blameHumanError, i, i+1, fmt.Sprintf("name the condition that made the slip possible (a step without a check, a confusing tool, a missing alert) instead of %q", w+" "+next))
	return true
}

// character: "careless", "sloppy", "a rookie mistake", "fat-fingered",
// "not paying attention", "should know better".
func (b *blameScan) character(i int, w string) bool {
	if characterWords()[w] {
		b.report(blameCharacter, i, i, fmt.Sprintf("drop %q and describe the action and its context: what the person saw and what the tooling allowed", w))
		return true
	}
	for _, ph := range characterPhrases {
		if b.phraseAt(i, ph...) {
			b.report(blameCharacter, i, i+len(ph)-1, "describe the action and its context, not the person's attention or skill")
			return true
		}
	}
	return false
}

var characterPhrases = [][]string{
	{"rookie", "mistake"}, {"fat-fingered"}, {"fat", "fingered"}, {"asleep", "at", "the", "wheel"},
	{"not", "paying", "attention"}, {"know", "better"}, {"poor", "judgement"}, {"poor", "judgment"},
	{"bad", "judgement"}, {"bad", "judgment"}, {"lack", "of", "judgement"}, {"lack", "of", "judgment"},
	{"didn't", "think", "it", "through"}, {"did", "not", "think", "it", "through"}, {"without", "thinking"},
	{"never", "thought", "it", "through"}, {"went", "rogue"}, {"cut", "corners"}, {"cutting", "corners"},
	{"jumped", "the", "gun"}, {"took", "shortcuts"}, {"took", "a", "shortcut"}, {"winged", "it"},
	{"rubber", "stamped"}, {"asleep", "at", "the"}, {"asleep", "on", "the", "job"}, {"wasn't", "careful"},
	{"weren't", "careful"}, {"not", "careful"}, {"not", "being", "careful"}, {"too", "casual"}, {"too", "hasty"},
	{"too", "cocky"}, {"too", "relaxed"}, {"too", "trusting"},
}

func (b *blameScan) faultAt(i int, w string) bool {
	switch {
	case faultNouns()[w] || faultNouns()[possessed(w)]:
		b.fault(i)
	case w == "blame" || w == "blamed" || w == "blaming" || w == "blames":
		b.blameWord(i)
	default:
		return false
	}
	return true
}

func (b *blameScan) failureAt(i int, w string) bool {
	next := b.word(i + 1)
	if failureVerbs()[w] || w == "failed" && next == "to" || w == "neglected" || w == "forgetting" || w == "forgotten" ||
		(w == "messed" || w == "screwed") && next == "up" || (w == "messed" || w == "tampered" || w == "fiddled") && next == "with" || b.phraseAt(i, "dropped", "the", "ball") ||
		(w == "didn't" || w == "did") && (next == "bother" || b.word(i+2) == "bother") {
		b.failure(i)
		return true
	}
	return false
}

func (b *blameScan) hindsightAt(i int, w string) bool {
	switch {
	case hindsightModals()[w]:
		b.hindsight(i)
	case w == "why" && (b.word(i+1) == "didn't" || b.phraseAt(i+1, "did", "nobody") || b.phraseAt(i+1, "did", "no", "one") || b.phraseAt(i+1, "did", "not")):
		b.report(blameHindsight, i, i+1, "ask what made the action hard or unlikely at the time (what did the dashboards show? was it in the runbook?) rather than why a person did not act")
	default:
		return false
	}
	return true
}

var humanErrorWords = sync.OnceValue(func() map[string]bool {
	return map[string]bool{"human": true, "operator": true, "user": true, "pilot": true, "engineer": true, "personnel": true}
})

// characterWords() judge a person rather than describe what they did.
var characterWords = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"careless": true, "carelessly": true, "carelessness": true, "negligent": true, "negligently": true,
		"negligence": true, "reckless": true, "recklessly": true, "sloppy": true, "sloppily": true, "lazy": true,
		"laziness": true, "stupid": true, "stupidity": true, "dumb": true, "incompetent": true, "incompetence": true,
		"irresponsible": true, "clueless": true, "inattentive": true, "inattention": true, "idiotic": true,
		"thoughtless": true, "unprofessional": true, "cavalier": true, "sloppiness": true, "complacent": true,
		"complacency": true, "overconfident": true, "arrogant": true, "lackadaisical": true, "cowboy": true,
		"hasty": true, "hastily": true, "rash": true, "rashly": true,
	}
})

// faultNouns() attribute a bad outcome to whoever they belong to.
var faultNouns = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"mistake": true, "mistakes": true, "error": true, "errors": true, "fault": true, "blunder": true,
		"oversight": true, "screwup": true, "screw-up": true, "slip": true, "slip-up": true, "failure": true, "lapse": true,
	}
})

// technicalAfter() are nouns that make a fault noun technical: "the
// client's error rate", "the pod's failure domain".
var technicalAfter = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"rate": true, "rates": true, "budget": true, "count": true, "counts": true, "log": true, "logs": true,
		"message": true, "messages": true, "code": true, "codes": true, "handling": true, "page": true, "pages": true,
		"path": true, "tolerance": true, "domain": true, "domains": true, "injection": true, "mode": true, "modes": true,
		"detection": true, "spike": true, "ratio": true, "response": true, "responses": true, "state": true,
	}
})

// possessed returns the noun of a possessive token ("sam's" → "", since
// the token is the possessor) — fault nouns never carry 's themselves, so
// it only strips a plural possessive ("errors'").
func possessed(w string) string { return strings.TrimSuffix(w, "'") }

// possessor returns the word a possessive names ("engineer" for
// "engineer's", "sres" for "sres'"), "" when w is no possessive.
func possessor(w string) string {
	if base, ok := strings.CutSuffix(w, "'s"); ok {
		return base
	}
	if base, ok := strings.CutSuffix(w, "s'"); ok {
		return base + "s"
	}
	return ""
}

// fault: "Sam's mistake", "the engineer's error", "his oversight", "a
// mistake by the on-call", "the fault of the DBA", "Sam made a mistake", "at
// fault", "whose fault". Not "we injected a fault", "the client's error rate",
// "nobody's fault".
func (b *blameScan) fault(i int) {
	if technicalAfter()[b.word(i+1)] || b.negated(i) {
		return
	}
	fix := "say what happened rather than whose it was: the action, what the system showed, and the missing safeguard (e.g. \"the change shipped without a review step\")"
	prev := b.word(i - 1)
	switch {
	case prev == "at" || prev == "whose":
		if !b.nobodySubject(i - 1) {
			b.report(blameFault, i-1, i, fix)
		}
		return
	case b.possessivePerson(i - 1):
		b.report(blameFault, i-1, i, fix)
		return
	case (b.word(i+1) == "by" || b.word(i+1) == "of") && b.personAfter(i+2):
		b.report(blameFault, i, i+1, fix)
		return
	case b.phraseAt(i+1, "on", "the", "part", "of") && b.personAfter(i+5):
		b.report(blameFault, i, i+4, fix)
		return
	}
	// "Sam made a mistake", "the engineer made an error".
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if w := b.word(k); w == "made" || w == "make" || w == "makes" || w == "making" {
			if b.subjectIsPerson(k) {
				b.report(blameFault, k, i, fix)
			}
			return
		}
	}
}

// negated reports whether the words before token i deny the fault:
// "nobody's fault", "not Sam's fault", "was no one's mistake".
func (b *blameScan) negated(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch w := b.word(k); w {
		case "not", "no", "never", "nobody's", "nobody", "one's", "anyone's", "wasn't", "isn't", "without", "blameless":
			return true
		}
	}
	return false
}

// nobodySubject reports whether the subject before token i is nobody.
func (b *blameScan) nobodySubject(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if w := b.word(k); w == "nobody" || w == "one" && b.word(k-1) == "no" || w == "not" || w == "wasn't" || w == "isn't" {
			return true
		}
	}
	return false
}

// possessivePerson reports whether token i is a person's possessive:
// "Sam's", "the engineer's", "his", "their".
func (b *blameScan) possessivePerson(i int) bool {
	if i < 0 {
		return false
	}
	t := b.toks[i]
	if possessivePronouns()[t.w] {
		return true
	}
	base := possessor(t.w)
	if base == "" {
		return false
	}
	// A capitalised possessor scribe does not know is most likely someone
	// else's name ("Priya's error"); an acronym is a system ("AWS's error").
	named := isUpperAt(b.text, t.start) && !allCaps(b.text[t.start:t.end])
	return t.person || personNouns()[base] || pronouns()[base] || named
}

// personAfter reports whether token i (after "by", "of") names a person,
// past an article: "by Sam", "of the on-call", "by him".
func (b *blameScan) personAfter(i int) bool {
	for i < len(b.toks) && (b.toks[i].w == "the" || b.toks[i].w == "a" || b.toks[i].w == "an" || b.toks[i].w == "our") {
		i++
	}
	if i >= len(b.toks) {
		return false
	}
	if b.toks[i].person {
		return true
	}
	// "the on-call engineer": a modifier, then the person noun.
	return i+1 < len(b.toks) && b.toks[i+1].person && !b.toks[i].person
}

// subjectIsPerson reports whether the subject of the verb at token i is a
// person: the nearest word before it, past adverbs(), is a name, a pronoun or
// a person noun ("the on-call SRE", "ops", "we").
func (b *blameScan) subjectIsPerson(i int) bool {
	k := i - 1
	for k >= 0 && (isAdverb(b.toks[k].w) || b.toks[k].w == "had" || b.toks[k].w == "has" || b.toks[k].w == "have") {
		k--
	}
	if k < 0 {
		return false
	}
	if (b.toks[k].w == "call" || b.toks[k].w == "duty") && b.word(k-1) == "on" { // "the SRE on call"
		return true
	}
	if b.toks[k].w == "one" && b.word(k-1) == "no" {
		return true
	}
	if b.toks[k].person {
		return true
	}
	if w := b.toks[k].w; (w == "and" || w == "but" || w == "then") && k > 0 {
		return b.sentenceSubjectIsPerson(k) // "Rose was distracted and missed the alert"
	}
	if b.participleClause(k) {
		return b.sentenceSubjectIsPerson(k) // "Page deployed to prod, bypassing staging"
	}
	// "the engineer who deployed it made an error".
	for j := k; j > 0 && j >= k-5; j-- {
		if w := b.toks[j].w; w == "who" || w == "that" {
			return b.toks[j-1].person
		}
	}
	return false
}

// sentenceSubjectIsPerson reports whether the sentence, before token k,
// starts with a person as its subject: "Rose", "the on-call engineer".
func (b *blameScan) sentenceSubjectIsPerson(k int) bool {
	j := 0
	for j < k && determiners()[b.toks[j].w] {
		j++
	}
	if j < k && !b.toks[j].person && j+1 < k && b.toks[j+1].person {
		j++ // "the on-call engineer"
	}
	return j < k && b.toks[j].person && !pronouns()[b.toks[j].w] || j < k && singledOut()[b.toks[j].w]
}

// participleClause reports whether the word before the gerund at k+1 ends a
// clause with a comma: "deployed straight to prod, bypassing staging".
func (b *blameScan) participleClause(k int) bool {
	if k+1 >= len(b.toks) || !strings.HasSuffix(b.toks[k+1].w, "ing") {
		return false
	}
	gap := b.text[b.toks[k].end:b.toks[k+1].start]
	return strings.HasPrefix(gap, ",")
}

// subjectWord is the word before the verb at token i, past adverbs().
func (b *blameScan) subjectWord(i int) string {
	k := i - 1
	for k >= 0 && isAdverb(b.toks[k].w) {
		k--
	}
	return b.word(k)
}

// fragment reports whether the verb at token i has no subject at all: the
// sentence starts with it ("Ignored the alert for ten minutes").
func (b *blameScan) fragment(i int) bool {
	k := i - 1
	for k >= 0 && isAdverb(b.toks[k].w) {
		k--
	}
	return k < 0
}

// blameWord: "blamed the deploy on Sam", "Sam is to blame"; not "no
// blame", "blameless".
func (b *blameScan) blameWord(i int) {
	if p := b.word(i - 1); p == "no" || p == "not" || p == "without" || p == "never" || b.nobodySubject(i) {
		return
	}
	from := i
	if b.word(i-1) == "to" {
		from = i - 1
	}
	b.report(blameFault, from, i, "a postmortem looks for causes, not culprits: describe what happened and why it made sense at the time")
}

// failureVerbs() attribute a failure to whoever did them.
var failureVerbs = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"ignored": true, "ignoring": true, "disregarded": true, "overlooked": true, "missed": true, "forgot": true,
		"botched": true, "neglected": true, "skipped": true, "rushed": true, "bypassed": true, "circumvented": true,
		"blundered": true, "bungled": true, "fumbled": true, "goofed": true, "rubber-stamped": true,
		"dismissed": true, "bypassing": true, "skipping": true,
	}
})

// attentionNouns() are what a person attends to: "the alert was ignored".
var attentionNouns = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"alert": true, "alerts": true, "page": true, "pages": true, "warning": true, "warnings": true, "alarm": true,
		"alarms": true, "notification": true, "notifications": true, "message": true, "messages": true, "ticket": true,
		"tickets": true, "escalation": true, "escalations": true, "signal": true, "signals": true, "email": true,
		"emails": true, "runbook": true, "checklist": true, "step": true, "steps": true, "procedure": true, "review": true,
		"renewal": true, "reminder": true, "reminders": true,
	}
})

// humanVerbs() are what a person does and a system does not: "failed to
// notice" is about a person where "failed to start" is about a pod.
var humanVerbs = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"notice": true, "check": true, "see": true, "read": true, "escalate": true, "follow": true, "realise": true,
		"realize": true, "catch": true, "ask": true, "communicate": true, "test": true, "verify": true, "review": true,
		"page": true, "acknowledge": true, "ack": true, "monitor": true, "report": true, "tell": true, "inform": true,
		"notify": true, "confirm": true, "look": true, "watch": true, "consider": true, "act": true, "react": true,
		"investigate": true, "coordinate": true, "document": true, "update": true, "understand": true, "double-check": true,
		"spot": true, "remember": true, "renew": true, "rotate": true, "validate": true, "heed": true, "listen": true,
	}
})

// failure: a person who "failed to", "neglected to", "forgot", "ignored",
// "missed", "overlooked", "messed up"; a sentence that starts with such a
// verb ("Ignored the alert"); an alert that "was ignored". Not "the pod
// failed to start", "the proxy ignored the header".
func (b *blameScan) failure(i int) {
	w := b.word(i)
	last := failurePhraseEnd(w, b.word(i+1), i)
	verb := b.word(last + 1) // "notice" in "failed to notice"
	if b.deliberate() && !b.namedSubject(i) {
		return // "we ignored the billing alerts on purpose during the migration", not "Gene deliberately ignored it"
	}
	personal := b.subjectIsPerson(i) && !(w == "missed" && b.subjectWord(i) == "we")
	switch {
	case personal:
	case w == "forgot" || w == "forgetting":
		if b.thingSubject(i) {
			return // "the load balancer forgot sticky sessions"
		}
	case w == "forgotten" || w == "ignored" || w == "overlooked" || w == "missed" || w == "disregarded":
		if !b.passiveAttention(i) && !(b.fragment(i) && w != "forgotten") || b.thingAgent(i+1) {
			return // "the alert was ignored by the router"
		}
	case b.fragment(i) && (w != "failed" && w != "neglected" || humanVerbs()[verb]):
	default:
		return
	}
	b.report(blameFailure, i, last, b.failureFix(w, last))
}

// failurePhraseEnd is the last token of the failure phrase whose verb w is
// at token i and next after it: "failed to", "messed up", "dropped the
// ball", "did not".
func failurePhraseEnd(w, next string, i int) int {
	switch {
	case w == "failed" || w == "neglected" && next == "to", w == "messed" || w == "screwed" || w == "tampered" || w == "fiddled",
		w == "didn't":
		return i + 1
	case w == "dropped", w == "did":
		return i + 2
	}
	return i
}

// passiveAttention: "the alert was ignored", "pages were missed", "the
// renewal had been forgotten".
func (b *blameScan) passiveAttention(i int) bool {
	k := i - 1
	if aux := b.word(k); aux != "was" && aux != "were" && aux != "been" && aux != "got" && aux != "went" {
		return false
	}
	for k--; k >= 0 && (b.word(k) == "had" || b.word(k) == "has" || b.word(k) == "have" || isAdverb(b.word(k))); k-- {
	}
	return k >= 0 && attentionNouns()[b.word(k)]
}

// failureFix proposes the sentence without its judgement: what did not
// happen, and the question that finds why.
func (b *blameScan) failureFix(w string, last int) string {
	obj := b.objectAfter(last + 1)
	switch w {
	case "failed", "neglected", "forgot":
		if verb := b.word(last + 1); verb != "" && obj != "" && w != "forgot" || w == "forgot" && b.word(last+1) == "to" {
			if w == "forgot" {
				verb, obj = b.word(last+2), b.objectAfter(last+3)
			} else {
				obj = b.objectAfter(last + 2)
			}
			if verb != "" && obj != "" {
				return fmt.Sprintf("write what did not happen and why: %q", obj+" was not "+participle(verb)+" because …")
			}
		}
	case "ignored", "disregarded", "overlooked", "missed":
		if obj != "" {
			return fmt.Sprintf("write what happened to it and why: %q (did it look like noise? what competed for attention?)", obj+" was not acted on because …")
		}
	}
	return "describe what happened and what made it easy to happen (no alert, no checklist, a confusing tool), not who failed"
}

// objectAfter is the rest of the clause from token i, up to a comma or a
// conjunction, at most eight words: "the expiry alert" in "ignored the
// expiry alert for an hour, then".
func (b *blameScan) objectAfter(i int) string {
	if i >= len(b.toks) {
		return ""
	}
	end := i
	for end < len(b.toks) && end < i+8 {
		if w := b.toks[end].w; w == "because" || w == "and" || w == "but" || w == "for" || w == "until" || w == "when" ||
			w == "while" || w == "so" || w == "in" || w == "on" || w == "during" || w == "before" || w == "after" {
			break
		}
		if end > i && strings.ContainsAny(b.text[b.toks[end-1].end:b.toks[end].start], ",;:()") {
			break
		}
		end++
	}
	if end == i {
		return ""
	}
	return b.text[b.toks[i].start:b.toks[end-1].end]
}

// hindsightModals() start a counterfactual: "should have", "ought to have".
var hindsightModals = sync.OnceValue(func() map[string]bool {
	return map[string]bool{"should": true, "shouldn't": true, "should've": true, "ought": true}
})

// hindsight: a person who "should have" done otherwise ("Sam should have
// load-tested it", "we should've known", "someone should not have merged
// it"), or a sentence that starts with it ("Should have checked the
// dashboard"). Not a design statement ("the cache should have a TTL", "the
// on-call should have a runbook", "nobody should have to page three teams").
func (b *blameScan) hindsight(i int) {
	k := i + 1
	switch b.word(i) {
	case "ought":
		if b.word(k) != "to" {
			return
		}
		k++
	case "should've":
		k--
	}
	if b.word(k) == "not" || b.word(k) == "never" {
		k++
	}
	if b.word(i) != "should've" {
		if b.word(k) != "have" {
			return
		}
	}
	pp := b.word(k + 1)
	if !isParticiple(pp) {
		return // "should have a TTL", "should have to page"
	}
	if !b.subjectIsPerson(i) && !b.fragment(i) {
		return
	}
	fix := "say what was known at the time and why the action taken made sense then; put what would have helped in an action item"
	if obj := b.objectAfter(k + 2); obj != "" && pp != "been" && pp != "known" {
		fix = fmt.Sprintf("write what did not happen and what was known then: %q", obj+" was not "+pp+" because …")
	}
	b.report(blameHindsight, i, k+1, fix)
}

// isParticiple reports whether w reads as a past participle: "noticed",
// "known", "been".
func isParticiple(w string) bool {
	return regularPast(w) || participles()[w] || irregularPast()[w] && !strings.HasSuffix(w, "ed")
}

var participles = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"been": true, "known": true, "seen": true, "done": true, "caught": true, "taken": true, "gone": true,
		"run": true, "read": true, "given": true, "written": true, "spoken": true, "shown": true, "thought": true,
		"told": true, "built": true, "sent": true, "made": true, "found": true, "kept": true, "got": true,
		"gotten": true, "held": true, "put": true, "set": true, "noticed": true, "rolled": true, "paged": true,
		"understood": true, "chosen": true, "driven": true, "woken": true, "undone": true, "rerun": true,
	}
})

// participle is the past participle of a verb for a suggested rewrite:
// "notice" → "noticed", "catch" → "caught".
func participle(verb string) string {
	if p, ok := irregularParticiples()[verb]; ok {
		return p
	}
	switch {
	case strings.HasSuffix(verb, "e"):
		return verb + "d"
	case strings.HasSuffix(verb, "y") && len(verb) > 2 && !strings.ContainsAny(verb[len(verb)-2:len(verb)-1], "aeiou"):
		return verb[:len(verb)-1] + "ied"
	}
	return verb + "ed"
}

var irregularParticiples = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"see": "seen", "catch": "caught", "read": "read", "run": "run", "take": "taken", "do": "done", "know": "known",
		"find": "found", "tell": "told", "write": "written", "get": "got", "send": "sent", "give": "given", "make": "made",
		"keep": "kept", "spot": "spotted", "stop": "stopped", "ship": "shipped", "drop": "dropped", "plan": "planned",
		"tag": "tagged", "log": "logged", "flag": "flagged", "understand": "understood", "hear": "heard", "set": "set",
		"put": "put", "ack": "acked",
	}
})

// sentences splits text into sentence spans: at a full stop, question or
// exclamation mark followed by a space, at semicolons and at line breaks.
func sentences(text string) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		end := -1
		switch {
		case c == '\n' || c == ';':
			end = i
		case (c == '.' || c == '!' || c == '?') && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n') && !abbreviated(text[:i+1]):
			end = i + 1
		}
		if end >= 0 {
			if strings.TrimSpace(text[start:end]) != "" {
				out = append(out, [2]int{start, end})
			}
			start = i + 1
		}
	}
	if strings.TrimSpace(text[start:]) != "" {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

// tokenize splits text[from:to] into words, lower-cased with straight
// apostrophes, marking those that name a person.
func tokenize(text string, from, to int, mentions []mention) []token {
	var toks []token
	i := from
	for i < to {
		if !isWordByte(text[i]) || text[i] == '\'' || text[i] == '-' {
			i++
			continue
		}
		j := i
		for j < to && (isWordByte(text[j]) || text[j] == '.' && j+1 < to && isWordByte(text[j+1]) && text[j-1] != ' ') {
			j++
		}
		for j > i && (text[j-1] == '\'' || text[j-1] == '-') && !(text[j-1] == '\'' && j-i > 1 && (text[j-2] == 's' || text[j-2] == 'S')) {
			j--
		}
		w := strings.ToLower(strings.ReplaceAll(text[i:j], "’", "'"))
		base := possessor(w)
		if base == "" {
			base = w
		}
		t := token{start: i, end: j, w: w, person: pronouns()[base] || personNouns()[base]}
		for _, m := range mentions {
			if m.end > i && m.end <= j && m.start >= from {
				t.person = true
			}
		}
		toks = append(toks, t)
		i = j
	}
	return toks
}
