package ingest

import "scribe/lazyregexp"

// donePassive is an item told as done in the passive voice, as an
// announcement lists what was already changed: "The deploy bot has been
// disabled and removed from all repositories", "Both tokens have now
// been revoked". "Will have been …" is a plan; the verb must come in the
// item's first sentence.
var donePassive = lazyregexp.New(`(?i)^(?:[^.;]{0,160}?\s)?(?:has|have)\s+(?:now\s+|already\s+|since\s+)?been\s+(?:disabled|removed|fixed|deployed|enabled|added|updated|rotated|revoked|reverted|patched|merged|published|released|configured|replaced|documented|completed|implemented|shipped|deleted|turned off|rolled back)\b`)

// willHaveBeen reports the future perfect, "will have been", which plans.
var willHaveBeen = lazyregexp.New(`(?i)\bwill\s+have\s+been\b`)

// toldDone reports an item whose words say it is done: "We've fixed …",
// a closing "_done_" note, or the passive "… has been disabled".
func toldDone(rest string) bool {
	return doneAlready().MatchString(rest) || doneNote().MatchString(rest) || donePassive().MatchString(rest) && !willHaveBeen().MatchString(rest)
}
