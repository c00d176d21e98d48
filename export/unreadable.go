package export

import (
	"fmt"
	"time"

	"scribe/incident"
)

// A stored value scribe cannot read (a time out of range or malformed,
// written by an older scribe or by hand) reaches the export as a zero
// value and an Invalid note on its row. The postmortem shows such an event
// under its own "Time unreadable" row instead of on 31 December of year 0,
// and the lint names every unreadable value so the facilitator can set it
// again; nothing fails.

// WarnUnreadable is the code of a value the database holds but scribe
// cannot read.
const WarnUnreadable = "unreadable-value"

// unreadableDate heads the timeline rows of events whose time could not
// be read.
const unreadableDate = "Time unreadable"

// unreadableRows are the timeline rows of events without a readable time,
// after the others.
func unreadableRows(snap incident.Snapshot, names *people, keepNames bool) []TimelineRow {
	var rows []TimelineRow
	for i := range snap.Events {
		e := &snap.Events[i]
		if !e.OccurredAt.IsZero() {
			continue
		}
		row := TimelineRow{Time: "—", Kind: string(e.Kind), Label: kindLabels()[e.Kind], Pinned: e.Pinned}
		if row.Label == "" {
			row.Label = cell(string(e.Kind))
		}
		if len(rows) == 0 {
			row.Date = unreadableDate
		}
		text := eventText(snap, e, keepNames)
		if !keepNames {
			text = names.rewrite(text, time.Time{})
		}
		row.Text = cellSanitized(text)
		rows = append(rows, row)
	}
	return rows
}

// eventWhere names an event for a warning: by its time, or by its number
// when its time is unreadable.
func eventWhere(e *incident.Event, loc *time.Location) string {
	if e.OccurredAt.IsZero() {
		return fmt.Sprintf("event #%d, time unreadable", e.ID)
	}
	return "event at " + e.OccurredAt.In(loc).Format(stampLayout)
}

// unreadable reports each stored value scribe could not read.
func (l *linter) unreadable(snap incident.Snapshot) {
	fix := func(what, how string) string {
		return fmt.Sprintf("the database holds a value scribe cannot read (%s) — fix: %s", shorten(sanitize(what), 160), how)
	}
	if inc := snap.Incident; len(inc.Invalid) > 0 {
		l.add(Warning{Code: WarnUnreadable, Section: "Key moments", Where: "incident",
			Message: fix(inc.Invalid.String(), fmt.Sprintf("set it again (scribe milestone %d NAME --at TIME, scribe set %d …)", l.n, l.n))})
	}
	for i := range snap.Events {
		if e := &snap.Events[i]; len(e.Invalid) > 0 {
			how := "correct the event in the TUI (e on the event); the rest of it is shown as stored"
			if e.OccurredAt.IsZero() {
				how = "give the event its time again in the TUI (e on the event); until then it is listed under \"Time unreadable\""
			}
			l.add(Warning{Code: WarnUnreadable, Section: "Timeline", Where: fmt.Sprintf("event #%d", e.ID), Message: fix(e.Invalid.String(), how)})
		}
	}
	for _, r := range snap.Roles {
		if len(r.Invalid) > 0 {
			l.add(Warning{Code: WarnUnreadable, Section: "Responders", Where: incident.RoleTitle(r.Role),
				Message: fix(r.Invalid.String(), fmt.Sprintf("assign the role again (scribe role %d %s NAME --at TIME)", l.n, r.Role))})
		}
	}
	for _, a := range snap.ActionItems {
		if len(a.Invalid) > 0 {
			l.add(Warning{Code: WarnUnreadable, Section: "Action items", Where: fmt.Sprintf("action item #%d", a.ID),
				Message: fix(a.Invalid.String(), "edit the item in the TUI's Action items pane")})
		}
	}
	for _, n := range snap.Retro {
		if len(n.Invalid) > 0 {
			l.add(Warning{Code: WarnUnreadable, Section: "Retro notes", Where: fmt.Sprintf("note #%d", n.ID),
				Message: fix(n.Invalid.String(), "edit the note in the TUI's Retro pane")})
		}
	}
}
