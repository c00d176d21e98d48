package export

import (
	"slices"
	"sort"
	"time"

	"scribe/incident"
)

// responders lists who held which role when: canonical roles in the
// header's order, then free-text roles as they first appeared; each role's
// stretches oldest first. text makes a role or a name safe for the
// format: a Markdown table cell, or one line of HTML text.
func responders(roles []incident.RoleAssignment, loc *time.Location, names bool, text func(string) string) []ResponderRow {
	var kinds []string
	for _, r := range roles {
		if !slices.Contains(kinds, r.Role) {
			kinds = append(kinds, r.Role)
		}
	}
	sort.SliceStable(kinds, func(i, j int) bool { return roleRank(kinds[i]) < roleRank(kinds[j]) })
	var out []ResponderRow
	for _, role := range kinds {
		var stretch []incident.RoleAssignment
		for _, r := range roles {
			if r.Role == role {
				stretch = append(stretch, r)
			}
		}
		for i, r := range stretch {
			row := ResponderRow{
				Role:      text(capitalize(incident.RoleTitle(role))),
				From:      r.From.In(loc).Format(stampLayout),
				HandedOff: i < len(stretch)-1,
			}
			if r.From.IsZero() {
				row.From = "—" // unreadable: the lint says so
			}
			if !r.Until.IsZero() {
				row.Until = r.Until.In(loc).Format(stampLayout)
			}
			if names {
				row.Person = text(r.Person)
			}
			out = append(out, row)
		}
	}
	return out
}
