package export

import (
	"fmt"
	"strings"

	"scribe/incident"
)

// actionItemRow renders one follow-up; the owner keeps their name because
// an action item is a commitment, not a judgement.
func actionItemRow(a incident.ActionItem) ActionItemRow {
	row := ActionItemRow{
		ID: a.ID, Title: cell(a.Title), Owner: cell(a.Owner), Priority: string(a.Priority),
		Due: a.Due, State: a.State.Label(),
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
