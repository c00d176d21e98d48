package export

import "sync"

// Blame that no single word carries, read from a verb and its subject:
// hindsight with "could have" and "if Sam had", neglect ("the engineer
// never looked at the alert", "nobody bothered to read it"), responsibility
// and cause laid on a person ("White was responsible for the bad deploy",
// "Rose broke the build"), and work judged untested by whoever shipped it.
// "We could have caught this with an alert", "the pod never checked the
// lock" and "nobody could have caught this" stay unwarned.

// verbBlameAt checks the verb phrases that start at token i.
func (b *blameScan) verbBlameAt(i int, w string) bool {
	for _, check := range verbChecks()[w] {
		if check(b, i) {
			return true
		}
	}
	return false
}

// verbChecks() are this file's checks by the word their phrase starts with.
var verbChecks = sync.OnceValue(func() map[string][]func(*blameScan, int) bool {
	return map[string][]func(*blameScan, int) bool{
		"could": {(*blameScan).couldHave}, "could've": {(*blameScan).couldHave},
		"if": {(*blameScan).counterfactual}, "had": {(*blameScan).hadFirst},
		"never": {(*blameScan).neglect}, "didn't": {(*blameScan).neglect}, "did": {(*blameScan).didNot},
		"bothered":  {(*blameScan).bothered},
		"slow":      {(*blameScan).tooSlow},
		"seriously": {(*blameScan).notSerious},
		"not":       {(*blameScan).notFollowing},
		"without":   {(*blameScan).without},
		"call":      {(*blameScan).badCall}, "decision": {(*blameScan).badCall}, "choice": {(*blameScan).badCall},
		"on":  {(*blameScan).wasOn},
		"was": {(*blameScan).responsible}, "were": {(*blameScan).responsible},
		"caused": {(*blameScan).cause}, "broke": {(*blameScan).cause}, "crashed": {(*blameScan).cause},
		"untested": {(*blameScan).untested}, "unreviewed": {(*blameScan).untested}, "unvetted": {(*blameScan).untested},
		"doing": {(*blameScan).theirDoing},
		"slept": {(*blameScan).sleptThrough}, "sleeping": {(*blameScan).sleptThrough},
		"brushed": {(*blameScan).brushedOff}, "shrugged": {(*blameScan).brushedOff}, "waved": {(*blameScan).brushedOff},
		"let":    {(*blameScan).letLapse},
		"wrong":  {(*blameScan).wrongOne, (*blameScan).poorConduct},
		"nobody": {(*blameScan).nobodyNoticed}, "one": {(*blameScan).noOneNoticed},
		"bad": {(*blameScan).poorConduct, (*blameScan).badWork}, "poor": {(*blameScan).poorConduct}, "terrible": {(*blameScan).poorConduct},
		"questionable": {(*blameScan).poorConduct},
		"faulty":       {(*blameScan).badWork}, "buggy": {(*blameScan).badWork}, "broken": {(*blameScan).badWork},
		"supposed": {(*blameScan).supposedTo}, "by": {(*blameScan).byMistake}, "long": {(*blameScan).tooLong},
		"misleading": {(*blameScan).judgedWork}, "inaccurate": {(*blameScan).judgedWork},
		"incorrect": {(*blameScan).judgedWork}, "inadequate": {(*blameScan).judgedWork},
		"it's": {(*blameScan).itsOn}, "that's": {(*blameScan).itsOn},
	}
})

// hadFirst: "Had the on-call checked the graph, …".
func (b *blameScan) hadFirst(i int) bool { return b.clauseFirst(i) && b.counterfactual(i) }

// didNot: "the SRE did not check".
func (b *blameScan) didNot(i int) bool { return b.word(i+1) == "not" && b.neglect(i) }

// bothered: "nobody bothered to read it", "couldn't be bothered to escalate".
func (b *blameScan) bothered(i int) bool {
	if b.word(i+1) != "to" {
		return false
	}
	k := i
	for k > 0 && botherAux()[b.word(k-1)] {
		k--
	}
	if !b.subjectIsPerson(k) && !b.fragment(k) {
		return false
	}
	b.report(blameFailure, k, i+1, "describe what happened to the signal and what competed for attention, not whether someone bothered")
	return true
}

// notFollowing: "Iris not following the procedure".
func (b *blameScan) notFollowing(i int) bool {
	if i == 0 || !b.toks[i-1].person || pronouns()[b.word(i-1)] || !attentionGerunds()[b.word(i+1)] {
		return false
	}
	b.report(blameFailure, i-1, i+1, "write what did not happen and what made the procedure easy to skip, not who did not follow it")
	return true
}

// wasOn: "the outage was on Cliff", "this one is on me".
func (b *blameScan) wasOn(i int) bool {
	if i < 2 || b.word(i-1) != "was" && b.word(i-1) != "is" || !outcomeNouns()[b.word(i-2)] ||
		i+2 != len(b.toks) || !b.toks[i+1].person || possessor(b.word(i+1)) != "" {
		return false
	}
	b.report(blameFault, i-2, i+1, "a postmortem looks for causes, not culprits: say what happened and what allowed it")
	return true
}

// responsible: "White was responsible for the bad deploy"; not "Holly was
// responsible for customer communications".
func (b *blameScan) responsible(i int) bool {
	if b.word(i+1) != "responsible" || b.word(i+2) != "for" || !b.namedSubject(i) || !b.badOutcomeAfter(i+3) {
		return false
	}
	b.report(blameFault, i, i+2, "say what happened and what allowed it; a postmortem assigns follow-ups, not responsibility for the outage")
	return true
}

// theirDoing: "this was entirely Carter's doing".
func (b *blameScan) theirDoing(i int) bool {
	if !b.possessivePerson(i - 1) {
		return false
	}
	b.report(blameFault, i-1, i, "say what happened rather than whose it was: the action, what the system showed, and the missing safeguard")
	return true
}

// sleptThrough: "the on-call engineer slept through the page".
func (b *blameScan) sleptThrough(i int) bool {
	if b.word(i+1) != "through" || !b.namedSubject(i) {
		return false
	}
	b.report(blameFailure, i, i+1, "write where the page went and why it did not wake anyone (volume, device, escalation policy), not who slept")
	return true
}

// brushedOff: "the engineer brushed off the linter's warning".
func (b *blameScan) brushedOff(i int) bool {
	if b.word(i+1) != "off" || !b.namedSubject(i) {
		return false
	}
	b.report(blameFailure, i, i+1, "write what the warning looked like and what competed with it, not who dismissed it")
	return true
}

// wrongOne: "Bob ran the wrong script".
func (b *blameScan) wrongOne(i int) bool {
	if i < 2 || b.word(i-1) != "the" || !finiteVerb(b.word(i-2)) || !b.namedSubject(i-2) {
		return false
	}
	b.report(blameFault, i-2, i, "say what made the two easy to confuse (names, defaults, a missing confirmation), not who picked the wrong one")
	return true
}

// noOneNoticed is nobodyNoticed for "no one".
func (b *blameScan) noOneNoticed(i int) bool { return b.word(i-1) == "no" && b.nobodyNoticed(i) }

// poorConduct: "Frank's poor communication", "the SRE's bad judgement".
func (b *blameScan) poorConduct(i int) bool {
	if !conductNouns()[b.word(i+1)] || !b.possessivePerson(i-1) {
		return false
	}
	b.report(blameCharacter, i-1, i+1, "describe what was said or done and what made it hard, not its quality")
	return true
}

// conductNouns() are what a person's work is judged by: "Frank's poor
// communication", not "Sam's bad connection".
var conductNouns = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"communication": true, "communications": true, "planning": true, "judgement": true, "judgment": true,
		"handling": true, "execution": true, "preparation": true, "work": true, "attention": true,
		"coordination": true, "leadership": true, "testing": true, "review": true, "oversight": true,
		"decision-making": true, "follow-through": true, "ownership": true, "deploy": true, "deployment": true,
		"change": true, "commit": true, "merge": true, "rollout": true, "push": true, "patch": true, "script": true,
		"migration": true, "code": true,
	}
})

// letLapse: a particular person who "let the certificate lapse", "let the
// disk fill up"; not "the pipeline let the change through".
func (b *blameScan) letLapse(i int) bool {
	for k := i + 1; k < len(b.toks) && k <= i+4; k++ {
		if lapseVerbs()[b.word(k)] {
			if !b.namedSubject(i) {
				return false
			}
			b.report(blameFailure, i, k, "write what was not renewed or watched and why nothing warned in time, not who let it happen")
			return true
		}
	}
	return false
}

var lapseVerbs = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"lapse": true, "expire": true, "slip": true, "fail": true, "die": true, "rot": true, "fill": true, "drift": true,
	}
})

// nobodyNoticed: "Nobody on the team read the postmortem", "no one
// checked the graph" — attention denied to everyone; not "nobody was at
// fault", "nobody could have caught this".
func (b *blameScan) nobodyNoticed(i int) bool {
	for k := i + 1; k < len(b.toks) && k <= i+5; k++ {
		w := b.word(k)
		if attentionPast()[w] {
			b.report(blameFailure, i, k, "write what went unnoticed and why it was easy to miss (no alert, a noisy channel), not that nobody looked")
			return true
		}
		if subjectVerbs()[w] || finiteVerb(w) {
			return false
		}
	}
	return false
}

// namedSubject reports whether the subject of the verb at token i is a
// particular person ("Sam", "the SRE", "he"), not the team speaking of
// itself ("we") nor a denial ("nobody", "no single person").
func (b *blameScan) namedSubject(i int) bool {
	if !b.subjectIsPerson(i) {
		return false
	}
	switch b.subjectWord(i) {
	case "we", "i", "you", "us", "nobody", "anyone", "anybody", "everyone", "everybody", "one":
		return false
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch b.word(k) {
		case "no", "not", "nobody", "none", "never", "without":
			return false
		}
	}
	return true
}

// couldHave: "Rob could have prevented this", "the SRE could've caught it".
func (b *blameScan) couldHave(i int) bool {
	k := i + 1
	if b.word(i) == "could" {
		if b.word(k) != "have" {
			return false
		}
		k++
	}
	if !preventVerbs()[b.word(k)] || !b.namedSubject(i) {
		return false
	}
	b.report(blameHindsight, i, k, "say what was known at the time and what would have made it visible; put that in an action item")
	return true
}

// preventVerbs() are what hindsight says someone could have done.
var preventVerbs = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"prevented": true, "avoided": true, "caught": true, "stopped": true, "noticed": true, "spotted": true,
		"known": true, "checked": true, "tested": true, "verified": true, "read": true, "seen": true, "escalated": true,
	}
})

// clauseFirst reports whether token i starts its clause: the sentence's
// first word, or the first after a comma.
func (b *blameScan) clauseFirst(i int) bool {
	if i == 0 {
		return true
	}
	gap := b.text[b.toks[i-1].end:b.toks[i].start]
	return len(gap) > 0 && (gap[0] == ',' || gap[0] == ';')
}

// counterfactual: "If Gene had read the runbook, …", "had the on-call
// checked the graph, …". Not "if the alert had fired".
func (b *blameScan) counterfactual(i int) bool {
	k := i + 1
	for determiners()[b.word(k)] {
		k++
	}
	if k >= len(b.toks) {
		return false
	}
	subject := k
	if !b.toks[k].person && k+1 < len(b.toks) && b.toks[k+1].person {
		subject = k + 1 // "the on-call engineer"
	}
	if !b.toks[subject].person || pronouns()[b.word(subject)] && !singledOut()[b.word(subject)] {
		return false // "if we had known": the team's knowledge, not someone's lapse
	}
	verb := subject + 1
	if b.word(i) == "if" {
		if b.word(verb) != "had" {
			return false
		}
		verb++
	}
	if b.word(verb) == "not" || b.word(verb) == "only" || b.word(verb) == "just" {
		verb++
	}
	if !isParticiple(b.word(verb)) || b.word(verb) == "been" {
		return false
	}
	b.report(blameHindsight, i, verb, "say what was known at the time and why the action taken made sense then; put what would have helped in an action item")
	return true
}

// botherAux() stand between a subject and "bothered": "couldn't be bothered".
var botherAux = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"be": true, "been": true, "couldn't": true, "could": true, "can't": true, "wouldn't": true, "even": true,
		"never": true, "not": true, "just": true, "was": true, "wasn't": true,
	}
})

// reactVerbs() are what a responder is "too slow to" do.
var reactVerbs = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"react": true, "respond": true, "notice": true, "escalate": true, "act": true, "acknowledge": true,
		"ack": true, "page": true, "answer": true, "roll": true, "see": true,
	}
})

// tooSlow: a person who "was too slow to react".
func (b *blameScan) tooSlow(i int) bool {
	if b.word(i+1) != "to" || !reactVerbs()[b.word(i+2)] {
		return false
	}
	k := i - 1
	for k >= 0 && (b.word(k) == "too" || b.word(k) == "very" || b.word(k) == "far" || b.word(k) == "much") {
		k--
	}
	if w := b.word(k); w != "was" && w != "were" && w != "is" && w != "are" || !b.namedSubject(k) {
		return false
	}
	b.report(blameCharacter, k+1, i+2, "write how long the response took and what delayed it (where the page went, what it said), not who was slow")
	return true
}

// notSerious: "nobody took the alert seriously", "the warning wasn't taken
// seriously".
func (b *blameScan) notSerious(i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if w := b.word(k); w == "took" || w == "take" || w == "taken" || w == "taking" {
			for j := k - 1; j >= 0 && j >= k-3; j-- {
				switch b.word(j) {
				case "nobody", "didn't", "not", "never", "wasn't", "weren't", "no":
					b.report(blameFailure, j, i, "write what the signal looked like and what competed with it, not whether someone took it seriously")
					return true
				}
			}
			return false
		}
	}
	return false
}

// attentionGerunds() follow a person and "not": "Iris not following the
// procedure".
var attentionGerunds = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"following": true, "checking": true, "reading": true, "testing": true, "reviewing": true, "escalating": true,
		"paying": true, "noticing": true, "looking": true, "verifying": true, "watching": true, "responding": true,
	}
})

// withoutWhat() are the safeguards "without" says a person skipped.
var withoutWhat = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"review": true, "reviewing": true, "checking": true, "testing": true, "telling": true, "asking": true,
		"approval": true, "looking": true, "thinking": true, "permission": true, "tests": true,
		"verifying": true, "consulting": true, "warning": true, "waiting": true, "ci": true, "canary": true,
		"canarying": true, "staging": true, "sign-off": true, "signoff": true, "approvals": true, "reviews": true,
		"running": true, "validation": true, "validating": true, "double-checking": true, "confirming": true,
		"confirmation": true, "backup": true, "backups": true, "notice": true, "announcing": true,
		"coordinating": true, "checks": true, "reading": true,
	}
})

// without: a particular person who did something "without a review",
// "without telling anyone"; not "we shipped it without a canary", "the
// pipeline merged it without a review".
func (b *blameScan) without(i int) bool {
	next := b.word(i + 1)
	if !withoutWhat()[next] && !(determiners()[next] && withoutWhat()[b.word(i+2)]) &&
		!((next == "anyone" || next == "anybody" || next == "someone") && withoutWhat()[b.word(i+2)]) {
		return false // "without a review", "without anyone looking at it"
	}
	for k := i - 1; k >= 0; k-- {
		if gap := b.text[b.toks[k].end:b.toks[k+1].start]; len(gap) > 0 && (gap[0] == ',' || gap[0] == ';') {
			return false
		}
		if finiteVerb(b.word(k)) && !subjectVerbs()[b.word(k)] {
			if !b.namedSubject(k) {
				return false
			}
			b.report(blameFailure, k, i+1, "say which safeguard the change went through without and why the process allowed it (no required review, no test stage)")
			return true
		}
	}
	return false
}

// badCall: "Holly's call made things worse", "Gates made a bad call", "the
// SRE's poor decision"; not "Robin's decision to roll back held".
func (b *blameScan) badCall(i int) bool {
	if i == 0 {
		return false
	}
	k := i - 1
	judged := badJudgements()[b.word(k)]
	if judged {
		k--
	}
	if determiners()[b.word(k)] && !possessivePronouns()[b.word(k)] {
		k--
	}
	switch {
	case b.possessivePerson(k) && (judged || b.harmAfter(i)):
	case judged && (b.word(k) == "made" || b.word(k) == "make") && b.namedSubject(k):
	default:
		return false
	}
	b.report(blameFault, k, i, "describe the decision, what was known when it was made and why it made sense then, not whose it was")
	return true
}

var badJudgements = sync.OnceValue(func() map[string]bool {
	return map[string]bool{"bad": true, "poor": true, "wrong": true, "terrible": true, "questionable": true}
})

// harmAfter reports whether the rest of the sentence after token i says
// something got worse or broke.
func (b *blameScan) harmAfter(i int) bool {
	for k := i + 1; k < len(b.toks); k++ {
		switch b.word(k) {
		case "worse", "caused", "broke", "outage", "broken", "failure", "worsened", "prolonged", "extended":
			return true
		}
	}
	return false
}

// outcomeNouns() are what "was on" someone: "the outage was on Cliff".
var outcomeNouns = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"outage": true, "incident": true, "this": true, "that": true, "it": true, "failure": true, "mistake": true,
		"blame": true, "one": true,
	}
})

// singledOut() are the pronouns() that point at one person.
var singledOut = sync.OnceValue(func() map[string]bool {
	return map[string]bool{"he": true, "she": true, "they": true, "someone": true, "somebody": true, "whoever": true}
})

// neglect: a particular person who "never looked at", "didn't check", "did
// not read" what was in front of them. Not "never look at" (advice).
func (b *blameScan) neglect(i int) bool {
	k := i + 1
	if b.word(i) == "did" {
		k++
	}
	if b.word(k) == "even" {
		k++
	}
	v := b.word(k)
	if (v == "pay" || v == "paid") && b.word(k+1) == "attention" || v == "do" && b.word(k+2) == "job" {
		k++
	} else if b.word(i) == "never" && !attentionPast()[v] || b.word(i) != "never" && !attentionActs()[v] {
		return false
	}
	if !b.namedSubject(i) {
		return false
	}
	b.report(blameFailure, i, k, "write what did not happen and what made it easy to miss (where the signal went, what else was firing), not who did not look")
	return true
}

// attentionActs() are what a responder attends with; attentionPast() are
// their past tenses.
var attentionActs = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"look": true, "check": true, "read": true, "notice": true, "test": true, "verify": true, "follow": true,
		"review": true, "acknowledge": true, "ack": true, "respond": true, "answer": true, "escalate": true,
		"see": true, "watch": true, "monitor": true, "reply": true, "bother": true, "understand": true,
		"communicate": true, "inform": true, "notify": true, "tell": true, "warn": true, "page": true, "wait": true,
		"ask": true, "document": true, "update": true, "renew": true, "run": true, "double-check": true,
		"validate": true, "confirm": true, "write": true, "record": true, "log": true, "note": true,
	}
})

var attentionPast = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"looked": true, "checked": true, "read": true, "noticed": true, "tested": true, "verified": true,
		"followed": true, "reviewed": true, "acknowledged": true, "acked": true, "responded": true, "answered": true,
		"escalated": true, "saw": true, "watched": true, "monitored": true, "replied": true, "bothered": true,
		"understood": true,
	}
})

// cause: a particular person who caused, broke or crashed something; not
// "Mark broke the news", "Rose broke the problem down".
func (b *blameScan) cause(i int) bool {
	obj := b.word(i + 1)
	if determiners()[obj] {
		obj = b.word(i + 2)
	}
	if harmlessObjects()[obj] || b.word(i+2) == "down" || b.word(i+3) == "down" || !b.namedSubject(i) {
		return false
	}
	b.report(blameFault, i, i, "say what the change did and what let it through (a missing check, a risky default), not who caused it")
	return true
}

// badOutcomeAfter reports whether one of the four words from token i names
// something that went wrong: "responsible for the bad deploy", "… for the
// outage", not "responsible for the status page".
func (b *blameScan) badOutcomeAfter(i int) bool {
	for k := i; k < i+4 && k < len(b.toks); k++ {
		if badOutcomes()[b.word(k)] {
			return true
		}
	}
	return false
}

var badOutcomes = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"outage": true, "outages": true, "incident": true, "failure": true, "bad": true, "broken": true, "error": true,
		"errors": true, "mistake": true, "bug": true, "breakage": true, "downtime": true, "loss": true,
		"regression": true, "problem": true, "problems": true, "mess": true, "faulty": true, "wrong": true,
		"failed": true, "botched": true,
	}
})

// harmlessObjects() follow "broke" without anything breaking.
var harmlessObjects = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"news": true, "silence": true, "tie": true, "ice": true, "ground": true, "record": true, "even": true,
		"off": true, "away": true, "out": true, "up": true, "into": true, "in": true,
	}
})

// untested: "Rose pushed untested code", "the SRE deployed an unreviewed
// change" — the person, not the pipeline, judged.
func (b *blameScan) untested(i int) bool {
	k := i - 1
	for k >= 0 && determiners()[b.word(k)] {
		k--
	}
	if k < 0 || !finiteVerb(b.word(k)) || !b.namedSubject(k) {
		return false
	}
	b.report(blameFailure, k, i, "say what the change skipped and why the pipeline let it (no test stage, no required review)")
	return true
}
