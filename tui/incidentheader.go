package tui

import (
	"fmt"
	"strings"
	"time"

	"scribe/incident"
)

// header is the top of the incident screen: severity, number, title, state
// and the elapsed clock; then who holds which role, the open action items
// and where the stakeholder update cadence stands (incidentcadence.go).
type header struct {
	c         *common
	snap      *incident.Snapshot
	now       time.Time
	comms     incident.Comms
	openItems int
	team      teamState // the team database, when the incident lives in one
}

func (h *header) SetData(d paneData) {
	h.snap = d.snap
	if h.now.IsZero() {
		h.now = h.c.now()
	}
	h.comms = incident.CommsOf(d.snap)
	h.openItems = 0
	for _, it := range d.snap.ActionItems {
		if it.State == incident.ItemOpen {
			h.openItems++
		}
	}
}

// Observe takes in an event as soon as its write returned, before the
// reload that follows.
func (h *header) Observe(ev incident.Event) {
	if incident.IsUpdate(&ev) && !ev.Deleted() && ev.OccurredAt.After(h.comms.LastUpdate) {
		h.comms.LastUpdate = ev.OccurredAt
		if !h.comms.NextDue.IsZero() {
			h.comms.NextDue = ev.OccurredAt.Add(h.comms.UpdateEvery)
		}
	}
}

// elapsed is how long the incident has run: from its declaration (or the
// start of impact, when earlier) to now, or to its resolution. ok is false
// when there is no readable start (the stored times are unreadable): the
// clock would count from year 1.
func (h *header) elapsed() (d time.Duration, ok bool) {
	inc := &h.snap.Incident
	ms := inc.Milestones
	from := inc.CreatedAt
	if t, ok := ms.Get(incident.MilestoneDeclared); ok {
		from = t
	}
	if t, ok := ms.Get(incident.MilestoneStarted); ok && (from.IsZero() || t.Before(from)) {
		from = t
	}
	if from.IsZero() {
		return 0, false
	}
	to := h.now
	if t, ok := ms.Get(incident.MilestoneResolved); ok && inc.State == incident.Resolved {
		to = t
	} else if inc.State == incident.Resolved {
		// Resolved with no time for it (a postmortem imported after the
		// fact): the span its events tell, not the time since the import.
		return eventSpan(h.snap.Events, ms)
	}
	return to.Sub(from), true
}

// eventSpan is the time from the incident's start (its started or
// declared milestone, else its first event) to its last event.
func eventSpan(events []incident.Event, ms incident.Milestones) (time.Duration, bool) {
	var first, last time.Time
	for i := range events {
		at := events[i].OccurredAt
		if events[i].Deleted() || at.IsZero() {
			continue
		}
		if first.IsZero() || at.Before(first) {
			first = at
		}
		if at.After(last) {
			last = at
		}
	}
	for _, m := range []incident.Milestone{incident.MilestoneStarted, incident.MilestoneDeclared} {
		if t, ok := ms.Get(m); ok && !first.IsZero() && t.Before(first) {
			first = t
		}
	}
	if first.IsZero() {
		return 0, false
	}
	return last.Sub(first), true
}

// clock is the elapsed time as the header shows it.
func (h *header) clock() string {
	d, ok := h.elapsed()
	if !ok {
		return "--:--:--"
	}
	return formatClock(d)
}

func (h *header) line1(w int) string {
	st := h.c.styles
	inc := &h.snap.Incident
	stateMark := "●"
	if inc.State == incident.Resolved {
		stateMark = "✔"
	}
	state := st.State(inc.State).Render(stateMark + " " + strings.ToUpper(string(inc.State)))
	sev := st.Severity(inc.Severity).Render(" " + inc.Severity.String() + " ")
	if h.unread() {
		state, sev = st.Muted.Render("state unknown"), st.Muted.Render(" SEV? ")
	}
	right := state + "  " + st.Clock.Render("⏱ "+h.clock())
	if w < narrowWidth {
		right = state + " " + st.Clock.Render(h.clock())
	}
	if off := h.team.offline(); off != "" {
		// Never cut: the commander must see that lines are not shared.
		right = st.Error.Render(off) + "  " + right
	}
	left := sev + " " + st.Title.Render(fmt.Sprintf("#%d ", inc.ID)) + st.Title.Render(Sanitize(inc.Title))
	return spread(left, right, w)
}

// unread reports whether the incident was never read: opened while its
// team database was out of reach, the screen has its number and the lines
// typed since, and a stand-in for the rest (no creation time). The header
// then claims no severity, state, roles or update cadence.
func (h *header) unread() bool {
	return h.team.location != "" && h.snap.Incident.CreatedAt.IsZero()
}

// line2 puts the role holders first: who is in charge matters more than
// the counts, which shorten, then go, when the line is short of room.
func (h *header) line2(w int) string {
	st := h.c.styles
	var holders []string
	for _, role := range orderedRoles(h.snap.Roles) {
		for _, a := range h.snap.Roles {
			if a.Role == role && a.Active() {
				holders = append(holders, incident.RoleShort(Sanitize(role))+" "+Sanitize(a.Person))
			}
		}
	}
	left := strings.Join(holders, " · ")
	if left == "" {
		left = st.Muted.Render("no roles yet: /ic NAME")
	}
	if h.unread() {
		left = st.Muted.Render("roles, action items and updates show once the team database answers")
		return spread(left, st.Muted.Render(Sanitize(h.team.location)), w)
	}
	lw := lipWidth(left)
	for _, right := range h.counts() {
		if lw+2+lipWidth(right) <= w {
			return spread(left, right, w)
		}
	}
	return fit(left, w)
}

// counts is the right side of line2 in ever shorter forms, styled: the
// cadence's part last, and kept the longest, since an overdue update is
// what the commander must not miss.
func (h *header) counts() []string {
	st := h.c.styles
	items := incident.Count(h.openItems, "open action")
	short := fmt.Sprintf("%d open", h.openItems)
	update, updateShort := h.cadence()
	sep := st.Muted.Render(" · ")
	forms := []string{
		st.Muted.Render(items) + sep + update,
		st.Muted.Render(short) + sep + updateShort,
		updateShort,
	}
	if h.team.location != "" {
		// Which database the incident lives in, while there is room.
		where := sep + st.Muted.Render(Sanitize(h.team.location))
		forms = append([]string{forms[0] + where, forms[1] + where}, forms...)
	}
	return forms
}

// spread puts left and right on one line of width w, truncating left.
func spread(left, right string, w int) string {
	rw := lipWidth(right)
	if rw+4 > w {
		return fit(left, w)
	}
	left = fit(left, w-rw-2)
	return left + strings.Repeat(" ", max(w-lipWidth(left)-rw, 1)) + right
}
