package export

import (
	"fmt"
	"time"
)

// Layouts of the times a postmortem prints, in the display zone.
const (
	clockLayout = "15:04"
	dayLayout   = "Mon 2 Jan 2006"
	stampLayout = "Mon 2 Jan 15:04"
)

// humanDuration renders a duration the way postmortems write it: "45s",
// "7m", "2h 13m", "3d 4h".
func humanDuration(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d/time.Second))
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d/time.Minute))
	case d < 24*time.Hour:
		h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
		if m == 0 {
			return fmt.Sprintf("%dh", h)
		}
		return fmt.Sprintf("%dh %dm", h, m)
	}
	days, h := int(d/(24*time.Hour)), int(d%(24*time.Hour)/time.Hour)
	if h == 0 {
		return fmt.Sprintf("%dd", days)
	}
	return fmt.Sprintf("%dd %dh", days, h)
}

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
