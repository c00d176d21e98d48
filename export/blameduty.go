package export

import "sync"

// Duty and fault laid on a named person without the usual words: "Penny was
// supposed to renew the certificate", "it's on Black for not testing",
// "Reed ran the script by mistake", "Gene pushed a bad config". "The job
// was supposed to run at 02:00", "the proxy dropped it by mistake" and
// "the vendor shipped a bad firmware" stay unwarned where no person is the
// subject.

// supposedTo: "Penny was supposed to renew the certificate".
func (b *blameScan) supposedTo(i int) bool {
	if w := b.word(i - 1); w != "was" && w != "were" || b.word(i+1) != "to" || !b.namedSubject(i-1) {
		return false
	}
	switch b.word(i + 2) {
	case "be", "get", "receive", "have", "hear":
		return false // "the on-call was supposed to get a page": what the system owed them
	}
	b.report(blameFault, i-1, i+1, "say what was not done and what would have made it happen (an owner in the tool, a reminder, an alert), not who was supposed to")
	return true
}

// itsOn: "it's on Black for not testing the change", "that's on Hope".
func (b *blameScan) itsOn(i int) bool {
	if b.word(i+1) != "on" || i+2 >= len(b.toks) || !b.toks[i+2].person || possessor(b.word(i+2)) != "" ||
		pronouns()[b.word(i+2)] && !singledOut()[b.word(i+2)] {
		return false
	}
	if i+3 < len(b.toks) && b.word(i+3) != "for" {
		return false // "it's on Grant's list"
	}
	b.report(blameFault, i, i+2, "a postmortem looks for causes, not culprits: say what happened and what allowed it")
	return true
}

// byMistake: "Reed ran the script against production by mistake".
func (b *blameScan) byMistake(i int) bool {
	if n := b.word(i + 1); n != "mistake" && n != "accident" {
		return false
	}
	for k := i - 1; k >= 0; k-- {
		if finiteVerb(b.word(k)) && !subjectVerbs()[b.word(k)] {
			if !b.namedSubject(k) {
				return false
			}
			b.report(blameFault, i, i+1, "say what made the action easy to take by accident (no confirmation, a production target by default), not that a person erred")
			return true
		}
	}
	return false
}

// badWork: "Gene pushed a bad config", "Clay deployed a broken build".
func (b *blameScan) badWork(i int) bool {
	if i < 2 || !articles()[b.word(i-1)] || !finiteVerb(b.word(i-2)) || !workNouns()[b.word(i+1)] || !b.namedSubject(i-2) {
		return false
	}
	b.report(blameFault, i-2, i+1, "describe the change and what it did, and what let it through (no test, no canary), not its author's work as bad")
	return true
}

// workNouns() are what a responder ships: "a bad config".
var workNouns = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"config": true, "configuration": true, "change": true, "deploy": true, "commit": true, "patch": true,
		"script": true, "query": true, "migration": true, "build": true, "release": true, "fix": true, "rule": true,
		"merge": true, "push": true, "update": true, "template": true, "value": true, "setting": true,
	}
})

// tooLong: a named person who "waited too long to declare", "took too
// long to escalate"; not "the failover took too long".
func (b *blameScan) tooLong(i int) bool {
	if b.word(i-1) != "too" || i < 2 {
		return false
	}
	v := b.word(i - 2)
	if v != "waited" && v != "took" && v != "hesitated" && v != "delayed" || !b.namedSubject(i-2) {
		return false
	}
	b.report(blameCharacter, i-2, i, "write how long it took and what the person was waiting for (a second signal, an approval, a clearer graph), not that they were slow")
	return true
}

// judgedWork: a person's work judged, "Art's status update was
// misleading"; not "the status page was misleading".
func (b *blameScan) judgedWork(i int) bool {
	k := i - 1
	if w := b.word(k); w != "was" && w != "were" && w != "is" {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if b.possessivePerson(j) {
			b.report(blameCharacter, j, i, "quote what the update or the change said and what it left out, not its author's work as "+b.word(i))
			return true
		}
	}
	return false
}
