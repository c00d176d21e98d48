package export

import (
	"strings"
	"time"

	"scribe/incident"
)

// kindLabels are the kinds as a reader says them.
var kindLabels = map[incident.Kind]string{
	incident.KindNote:        "note",
	incident.KindAction:      "action",
	incident.KindDecision:    "decision",
	incident.KindObservation: "observation",
	incident.KindComms:       "comms update",
	incident.KindStatus:      "status",
	incident.KindRole:        "role",
	incident.KindMilestone:   "milestone",
	incident.KindActionItem:  "action item",
	incident.KindSeverity:    "severity",
}

// timeline renders the events in order, with a date on the first event of
// each day in loc. Without names, people in the text become the role they
// held at the event's time. Action items recorded after the incident was
// resolved (in the retro, say) are left to the action items table: on the
// timeline they would read as part of the incident.
func timeline(snap incident.Snapshot, names *people, loc *time.Location, keepNames bool) []TimelineRow {
	rows := make([]TimelineRow, 0, len(snap.Events))
	var lastY, lastD int
	var lastM time.Month
	resolved, isResolved := snap.Incident.Milestones.Get(incident.MilestoneResolved)
	for i := range snap.Events {
		e := &snap.Events[i]
		if e.Kind == incident.KindActionItem && isResolved && e.OccurredAt.After(resolved) || e.OccurredAt.IsZero() {
			continue // an unreadable time goes last (unreadableRows)
		}
		at := e.OccurredAt.In(loc)
		row := TimelineRow{
			Time:   clock(at),
			Kind:   string(e.Kind),
			Label:  kindLabels[e.Kind],
			Pinned: e.Pinned,
		}
		if row.Label == "" {
			row.Label = cell(string(e.Kind))
		}
		if y, m, d := at.Date(); len(rows) == 0 || y != lastY || m != lastM || d != lastD {
			row.Date, lastY, lastM, lastD = at.Format(dayLayout), y, m, d
		}
		text := eventText(snap, e, keepNames)
		if !keepNames {
			text = names.rewrite(text, e.OccurredAt)
		}
		row.Text = cellSanitized(text)
		rows = append(rows, row)
	}
	return append(rows, unreadableRows(snap, names, keepNames)...)
}

// eventText is what the timeline says about an event, before escaping.
// Structured kinds are worded from their fields, so a role change reads
// the same whoever typed it and names no one unless names are kept.
func eventText(snap incident.Snapshot, e *incident.Event, keepNames bool) string {
	text := sanitize(e.Text)
	switch e.Kind {
	case incident.KindStatus:
		s := "Status set to " + capitalize(string(e.State))
		if msg := sanitize(incident.StatusMessage(*e)); msg != "" {
			s += " — " + msg
		}
		return s
	case incident.KindSeverity:
		return sanitize(incident.SeverityText(*e, snap.Incident.Location()))
	case incident.KindRole:
		title := incident.RoleTitle(e.Role)
		before := incident.HolderAt(snap.Roles, e.Role, e.OccurredAt.Add(-time.Nanosecond))
		handOff := before != "" && !strings.EqualFold(before, e.Person)
		switch {
		case keepNames && handOff:
			return sanitize(e.Person) + " took over as " + title + " from " + sanitize(before)
		case keepNames:
			return sanitize(e.Person) + " is " + title
		case handOff:
			return capitalize(title) + " handed over to another responder"
		default:
			return capitalize(title) + " assigned"
		}
	case incident.KindMilestone:
		if strings.TrimSpace(text) == "" {
			return e.Milestone.Label()
		}
	}
	return text
}

// clock is t.Format(clockLayout) without the layout interpreter, which
// matters at 100,000 events.
func clock(t time.Time) string {
	h, m, _ := t.Clock()
	return string([]byte{byte('0' + h/10), byte('0' + h%10), ':', byte('0' + m/10), byte('0' + m%10)})
}
