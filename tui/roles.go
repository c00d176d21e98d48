package tui

import (
	"fmt"

	"scribe/incident"
)

// rolesPane lists who holds each role now and every hand-off before.
type rolesPane struct {
	scroller
	c *common
}

func newRolesPane(c *common) *rolesPane { return &rolesPane{c: c, scroller: newScroller(c.keys)} }

func (p *rolesPane) Title() string { return "Roles" }

func (p *rolesPane) SetData(d paneData) {
	snap, zone := d.snap, d.zone
	st := p.c.styles
	var lines []string
	lines = append(lines, st.Bold.Render("Now"))
	any := false
	for _, role := range orderedRoles(snap.Roles) {
		for _, a := range snap.Roles {
			if a.Role == role && a.Active() {
				lines = append(lines, fmt.Sprintf("  %-22s %s  since %s", Sanitize(incident.RoleTitle(a.Role)), Sanitize(a.Person), a.From.In(zone).Format("Jan 2 15:04")))
				any = true
			}
		}
	}
	if !any {
		lines = append(lines, st.Muted.Render("  nobody yet: /ic NAME or /role ROLE NAME"))
	}
	lines = append(lines, "", st.Bold.Render("History"))
	for _, a := range snap.Roles {
		until := "now"
		if !a.Active() {
			until = a.Until.In(zone).Format("Jan 2 15:04")
		}
		lines = append(lines, fmt.Sprintf("  %s – %-11s %-22s %s", a.From.In(zone).Format("Jan 2 15:04"), until, Sanitize(incident.RoleTitle(a.Role)), Sanitize(a.Person)))
	}
	p.SetLines(lines)
}

// orderedRoles lists the canonical roles first, then free-text roles in the
// order they were first assigned.
func orderedRoles(as []incident.RoleAssignment) []string {
	out := append([]string(nil), incident.Roles...)
	seen := map[string]bool{}
	for _, r := range out {
		seen[r] = true
	}
	for _, a := range as {
		if !seen[a.Role] {
			seen[a.Role] = true
			out = append(out, a.Role)
		}
	}
	return out
}
