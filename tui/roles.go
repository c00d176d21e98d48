package tui

import (
	"fmt"
	"time"

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
				lines = append(lines, fmt.Sprintf("  %-22s %s  since %s", Sanitize(incident.RoleTitle(a.Role)), Sanitize(a.Person), roleTime(a.From, zone)))
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
			until = roleTime(a.Until, zone)
		}
		lines = append(lines, fmt.Sprintf("  %s – %-11s %-22s %s%s", roleTime(a.From, zone), until, Sanitize(incident.RoleTitle(a.Role)), Sanitize(a.Person), unreadableNote(a.Invalid)))
	}
	p.SetLines(lines)
}

// roleTime is when an assignment began or ended; "unreadable" when the
// stored time cannot be read.
func roleTime(t time.Time, zone *time.Location) string {
	if t.IsZero() {
		return "unreadable"
	}
	return t.In(zone).Format("Jan 2 15:04")
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
