package ingest

import (
	"strings"

	"scribe/lazyregexp"
)

// headedItemParts match what a heading that names one follow-up carries
// besides its title: a list number ("1) ", "2. "), a login in code marks
// ("`@mira`"), a login before the title ("@mira Cron cleanup scheduled")
// and "by @mira" after it.
var (
	headedNumber  = lazyregexp.New(`^\d{1,2}[.)]\s+`)
	headedCode    = lazyregexp.New("`(@[A-Za-z0-9][A-Za-z0-9._/-]*[A-Za-z0-9])`")
	headedLeading = lazyregexp.New(`^(@[A-Za-z0-9][A-Za-z0-9._/-]*[A-Za-z0-9])\s+(\S.*)$`)
	headedBy      = lazyregexp.New(`(?i)\s+by\s+(@[A-Za-z0-9][A-Za-z0-9._/-]*[A-Za-z0-9])\s*$`)
	headedMark    = lazyregexp.New(`^(?:\d{1,2}[.)]\s+)?(?:TODO|To do|DONE)\s+\S`)
	// headlineVerb is a headline that tells what was done, its noun first
	// and then the participle ("Cron cleanup scheduled", "Alerts added for
	// pool errors"), as a write-up heads the actions already taken.
	headlineVerb = lazyregexp.New(`^[A-Z][\w-]*(?:\s+[\w-]+){0,2}?\s+(?:scheduled|configured|added|created|documented|fixed|deployed|enabled|disabled|removed|rotated|updated|installed|migrated|published|written|completed|implemented|raised|increased|replaced|reverted|patched|rolled back|set up)\b`)
)

// markedHeading reports a heading that names an item with its state
// first ("2) TODO Configuration management", "DONE Alert on lag").
func markedHeading(text string) bool {
	return headedMark().MatchString(strings.TrimSpace(cleanInline(text)))
}

// headlineDone reports a headed item told as done, its noun first
// ("Alerts configured"); "We ..." and "Plan for ..." are not.
func headlineDone(title string) bool {
	first := strings.ToLower(strings.Fields(title + " x")[0])
	return first != "we" && first != "plan" && first != "i" && headlineVerb().MatchString(title)
}

// headedItemText is the item a heading under the follow-ups names
// ("#### 1) Alerts added for pool errors by `@mira`", "#### @lena Cron
// cleanup scheduled"), written as an item line is: the title, then the
// owner's login at its end, where parseItem takes it as the owner.
func headedItemText(heading string) string {
	t := headedNumber().ReplaceAllString(strings.TrimSpace(heading), "")
	done := strings.HasPrefix(t, "DONE ")
	for _, m := range []string{"TODO ", "To do ", "DONE "} {
		t = strings.TrimPrefix(t, m)
	}
	if done {
		t += " [DONE]"
	}
	t = headedCode().ReplaceAllString(t, "$1")
	if m := headedLeading().FindStringSubmatch(t); m != nil {
		t = m[2] + " " + m[1]
	}
	return headedBy().ReplaceAllString(t, " $1")
}
