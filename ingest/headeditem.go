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
)

// headedItemText is the item a heading under the follow-ups names
// ("#### 1) Alerts added for pool errors by `@mira`", "#### @lena Cron
// cleanup scheduled"), written as an item line is: the title, then the
// owner's login at its end, where parseItem takes it as the owner.
func headedItemText(heading string) string {
	t := headedNumber().ReplaceAllString(strings.TrimSpace(heading), "")
	t = headedCode().ReplaceAllString(t, "$1")
	if m := headedLeading().FindStringSubmatch(t); m != nil {
		t = m[2] + " " + m[1]
	}
	return headedBy().ReplaceAllString(t, " $1")
}
