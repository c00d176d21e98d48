package export

import (
	"fmt"
	"strings"
	"time"

	"scribe/incident"
)

// actionItemRow renders one follow-up. Names in its title and description
// become roles like the rest of the prose (unless names are kept); the owner
// column keeps the owner's name, because an action item is a commitment,
// not a judgement.
func actionItemRow(a incident.ActionItem, names *people, keepNames bool) ActionItemRow {
	title, desc := sanitize(a.Title), sanitize(a.Description)
	if !keepNames {
		title, desc = names.rewrite(title, time.Time{}), names.rewrite(desc, time.Time{})
	}
	row := ActionItemRow{
		ID: a.ID, Title: cellSanitized(title), Description: cellSanitized(desc), Owner: cell(a.Owner),
		Priority: string(a.Priority), Due: a.Due, State: a.State.Label(),
	}
	if row.State == "" {
		row.State = incident.ItemOpen.Label()
	}
	if a.GitHub.Filed() {
		ref := fmt.Sprintf("#%d", a.GitHub.Number)
		if a.GitHub.Repo != "" {
			ref = cell(a.GitHub.Repo) + ref
		}
		if u := a.GitHub.URL; strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
			row.Tracking = "[" + ref + "](" + linkTarget(u) + ")"
		} else {
			row.Tracking = ref
		}
		row.Issue = cell(a.GitHub.State)
	}
	return row
}

// linkTarget keeps a URL from closing the Markdown link or the table cell.
func linkTarget(u string) string {
	return strings.NewReplacer(" ", "%20", ")", "%29", "(", "%28", "|", "%7C", "<", "%3C", ">", "%3E").Replace(sanitize(u))
}
