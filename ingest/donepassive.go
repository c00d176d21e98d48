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

// donePast is an item told in the simple past, as a list of what was
// changed after the incident writes it: "We added an alert on …", "Added
// alerting on free disk space", "Increased the volume to 200 GB". A
// participle that also reads as an adjective ("Improved alerting",
// "Increased monitoring", both plans) counts only before an article or a
// possessive, where it can only be the verb.
var donePast = lazyregexp.New(`^(?:We\s+|we\s+)?(?:(?:Added|Fixed|Removed|Deployed|Enabled|Disabled|Migrated|Upgraded|Rotated|Revoked|Reverted|Rolled back|Patched|Merged|Implemented|Released|Shipped|Created|Deleted|Wrote|Rewrote|Documented|Installed|Introduced|Moved|Switched|Turned off|Replaced|Restored|Configured|Published)\b|(?:Increased|Improved|Updated|Reduced|Extended|Changed|Tuned|Raised|Lowered|Adjusted|Doubled|Expanded|Decreased)\s+(?:the|a|an|our|its|their|all|each|every)\s)`)

// pastWe is donePast after "we", any case: "we fixed …".
var pastWe = lazyregexp.New(`(?i)^\s*we\s+(?:added|fixed|removed|deployed|enabled|disabled|migrated|upgraded|rotated|revoked|reverted|rolled back|patched|merged|implemented|released|shipped|created|deleted|wrote|rewrote|documented|installed|introduced|moved|switched|turned off|replaced|restored|set up|configured|published|increased|improved|updated|reduced|extended|changed|tuned|raised|lowered|adjusted|doubled|expanded|decreased|requested|asked|contacted|notified|audited|reviewed|verified|confirmed|trained|ran|performed|completed|blocked|purged|cleaned up|invalidated|reset|reissued|regenerated|backfilled|rebuilt|refactored|split|hardened|locked down|pinned|documented|wrote up)\b`)

// donePassivePast is the simple past passive in an item's first
// sentence: "During the June site visit the console server was
// installed", "Both keys were rotated". "Was rejected" is declined.
var donePassivePast = lazyregexp.New(`(?i)^(?:[^.;]{0,160}?\s)?(?:was|were)\s+(?:(?:then|later|also|subsequently|successfully)\s+)?(?:installed|disabled|removed|fixed|deployed|enabled|added|updated|rotated|revoked|reverted|patched|merged|published|released|configured|replaced|documented|completed|implemented|shipped|deleted|turned off|rolled back|upgraded|migrated|set up)\b`)

// toldDone reports an item whose words say it is done: "We've fixed …",
// "We added …", "Added alerting …", a closing "_done_" note, or the
// passive "… has been disabled".
func toldDone(rest string) bool {
	return doneAlready().MatchString(rest) || pastWe().MatchString(rest) || donePast().MatchString(rest) ||
		doneNote().MatchString(rest) || donePassivePast().MatchString(rest) && !declined().MatchString(rest) ||
		donePassive().MatchString(rest) && !willHaveBeen().MatchString(rest)
}
