package export

import "time"

// Layouts of the times a postmortem prints, in the display zone.
const (
	clockLayout = "15:04"
	dayLayout   = "Mon 2 Jan 2006"
	stampLayout = "Mon 2 Jan 15:04"
)

// sameDay reports whether a and b fall on the same calendar day in loc.
func sameDay(a, b time.Time, loc *time.Location) bool {
	ya, ma, da := a.In(loc).Date()
	yb, mb, db := b.In(loc).Date()
	return ya == yb && ma == mb && da == db
}

// zoneLabel names the display zone for the header: "UTC", or the IANA name
// with the abbreviation in force at t ("America/Los_Angeles (PDT)").
func zoneLabel(loc *time.Location, t time.Time) string {
	name := loc.String()
	if name == "UTC" || name == "" {
		return "UTC"
	}
	abbr := t.In(loc).Format("MST")
	if abbr == "" || abbr[0] == '+' || abbr[0] == '-' || abbr == name {
		return name
	}
	return name + " (" + abbr + ")"
}
