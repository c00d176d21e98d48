package ingest

import (
	"strings"
	"sync"

	"scribe/lazyregexp"
)

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
var donePast = lazyregexp.New(`^(?:We\s+|we\s+)?(?:(?:Added|Fixed|Removed|Deployed|Enabled|Disabled|Migrated|Upgraded|Rotated|Revoked|Reverted|Rolled back|Patched|Merged|Implemented|Released|Shipped|Created|Deleted|Wrote|Rewrote|Documented|Installed|Introduced|Moved|Switched|Turned off|Replaced|Restored|Configured|Published|Sent|Issued|Notified|Contacted|Communicated|Emailed|Refunded|Credited|Posted|Purged|Invalidated|Reissued|Regenerated|Backfilled|Rebuilt|Recreated|Redeployed|Restarted|Rolled out|Hardened|Locked down|Pinned|Audited|Verified|Confirmed|Tightened|Re-?worked|Cleaned up|Rewired|Banned)\b|(?:Increased|Improved|Updated|Reduced|Extended|Changed|Tuned|Raised|Lowered|Adjusted|Doubled|Expanded|Decreased)\s+(?:the|a|an|our|its|their|all|each|every)\s)`)

// pastWe is donePast after "we", any case: "we fixed …".
var pastWe = lazyregexp.New(`(?i)^\s*we\s+(?:added|fixed|removed|deployed|enabled|disabled|migrated|upgraded|rotated|revoked|reverted|rolled back|patched|merged|implemented|released|shipped|created|deleted|wrote|rewrote|documented|installed|introduced|moved|switched|turned off|replaced|restored|set up|configured|published|increased|improved|updated|reduced|extended|changed|tuned|raised|lowered|adjusted|doubled|expanded|decreased|requested|asked|contacted|notified|audited|reviewed|verified|confirmed|trained|ran|performed|completed|blocked|purged|cleaned up|invalidated|reset|reissued|regenerated|backfilled|rebuilt|refactored|split|hardened|locked down|pinned|documented|wrote up)\b`)

// donePassivePast is the simple past passive in an item's first
// sentence: "During the June site visit the console server was
// installed", "Both keys were rotated". "Was rejected" is declined.
var donePassivePast = lazyregexp.New(`(?i)^(?:[^.;]{0,160}?\s)?(?:was|were)\s+(?:(?:then|later|also|subsequently|successfully)\s+)?(?:installed|disabled|removed|fixed|deployed|enabled|added|updated|rotated|revoked|reverted|patched|merged|published|released|configured|replaced|documented|completed|implemented|shipped|deleted|turned off|rolled back|upgraded|migrated|set up)\b`)

// ticketOnly is an item told as a ticket filed for it: "Created a ticket
// to migrate …", "Raised a PR to …". The work is still to do.
var ticketOnly = lazyregexp.New(`(?i)^\s*(?:we\s+(?:have\s+|'ve\s+)?)?(?:created|raised|opened|filed|logged)\s+(?:a|an)\s+\[?(?:ticket|issue|jira|card|story|task|pr|pull request)\]?`)

// doneCapitals is DONE written in capitals after an item's words, as
// teams mark an item they close: "… if it goes down. DONE in PR #5126".
var doneCapitals = lazyregexp.New(`\S\s+DONE\b`)

// weDidRegular is "we" and a regular verb in the past ("We tweaked/
// adjusted the pull limit", "We've advised the teams to …"); its verb is
// the first group, which must not be "need", "proceed" and the like.
var weDidRegular = lazyregexp.New(`(?i)^\s*we(?:'ve|’ve|\s+have)?\s+(?:also\s+|then\s+|now\s+|already\s+|since\s+|[a-z]+ly\s+)?([a-z]{2,}ed)(?:/[a-z]+)?\b`)

// weDid reports an item that says what we did, with a regular verb.
func weDid(rest string) bool {
	m := weDidRegular().FindStringSubmatch(rest)
	if m == nil {
		return false
	}
	switch verb := strings.ToLower(m[1]); {
	case strings.HasSuffix(verb, "eed"):
		return false
	case weDidNot()[verb]:
		return false
	}
	return true
}

// weDidNot are past verbs after "we" that tell a plan, a stopgap or a
// finding, not the item done: "We have paused index builds until …",
// "We've decided to …", "We identified …".
var weDidNot = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`paused planned scheduled started decided agreed proposed considered discussed
		identified noticed learned realized realised observed committed hoped wanted intended aimed asked-for
		opened filed logged suspended postponed delayed deferred expected assumed believed missed lacked failed relied
		underestimated overlooked needed wished used-to seemed appeared experienced encountered received
		discovered detected tested alerted ignored allowed found noted saw`) {
		m[w] = true
	}
	return m
})

// alreadyDone is a note after an item that says it is done: "… instead,
// this has already been done", "It has now been completed".
var alreadyDone = lazyregexp.New(`(?i)\b(?:this|that|it)\s+has\s+(?:now\s+|already\s+)*been\s+(?:done|completed|actioned|addressed|implemented|fixed)\b`)

// workLeft reports an item that says what was done and then what is
// left: "We reviewed the config and found quorum=1; set it to 2",
// "Increased the TTL as a stopgap — revert it after the fix", "… and will
// follow up weekly", "Moved to next quarter: rewrite the client".
func workLeft(rest string) bool {
	l := strings.ToLower(rest)
	for _, w := range []string{"still need", "still needs", "stopgap", "temporarily", "and will ", "to be done", "not done",
		"next quarter", "to the backlog", "to backlog", "moved to next", "deferred", "postponed"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	for _, sep := range []string{";", " — ", " – ", " - "} {
		if i := strings.Index(rest, sep); i > 0 {
			if opensAsTask(strings.TrimSpace(rest[i+len(sep):])) {
				return true
			}
		}
	}
	return false
}

// opensAsTask reports text that opens with a verb in the imperative or a
// question word ("Investigate why the change was deployed …", "Find out
// why …", "Alert when a deploy was rolled back"), whatever past tense
// follows in it.
func opensAsTask(s string) bool {
	w := strings.ToLower(strings.Trim(letters(strings.TrimLeft(s, " *_-"), 0), " "))
	switch w {
	case "investigate", "find", "alert", "why", "when", "whenever", "if", "check", "confirm", "understand", "determine", "figure", "ask", "look", "repeat", "re", "retry":
		return true
	}
	return imperativeVerbs()[w]
}

// doneCapitalsAt is where DONE in capitals marks the item done, or nil:
// not in "NOT DONE", "TO BE DONE", "NEEDS TO BE DONE".
func doneCapitalsAt(rest string) []int {
	loc := doneCapitals().FindStringIndex(rest)
	if loc == nil {
		return nil
	}
	before := strings.Fields(strings.ToUpper(rest[:loc[1]-len("DONE")]))
	if n := len(before); n > 0 && (before[n-1] == "NOT" || before[n-1] == "BE" || before[n-1] == "YET") {
		return nil
	}
	return loc
}

// toldDone reports an item whose words say it is done: "We've fixed …",
// "We added …", "Added alerting …", a closing "_done_" note, or the
// passive "… has been disabled".
func toldDone(rest string) bool {
	if ticketOnly().MatchString(rest) || workLeft(rest) {
		return false
	}
	return doneCapitalsAt(rest) != nil || alreadyDone().MatchString(rest) || weDid(rest) || doneAlready().MatchString(rest) || pastWe().MatchString(rest) || donePast().MatchString(rest) ||
		doneNote().MatchString(rest) || donePassivePast().MatchString(rest) && !declined().MatchString(rest) && !opensAsTask(rest) ||
		donePassive().MatchString(rest) && !willHaveBeen().MatchString(rest)
}
