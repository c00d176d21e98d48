package incident

import (
	"strconv"
	"strings"
	"time"
)

// Comms is where an incident stands against its stakeholder update cadence:
// how often stakeholders were promised an update, when the last one went
// out and when the next is due. It is derived from the timeline (a comms
// event or a status change is an update) and from the cadence of the
// incident's current severity, so escalating switches the cadence at once.
type Comms struct {
	// UpdateEvery is the cadence; 0 means the severity has none.
	UpdateEvery time.Duration
	// LastUpdate is the time of the latest comms or status event; zero
	// when there has been none.
	LastUpdate time.Time
	// NextDue is when the next update is due: UpdateEvery after the last
	// update, or after the incident was declared when there has been none.
	// Zero when there is no cadence or the incident is resolved: the
	// resolving status change is the last update.
	NextDue time.Time
}

// IsUpdate reports whether an event counts as a stakeholder update.
func IsUpdate(e *Event) bool {
	return e.Kind == KindComms || e.Kind == KindStatus
}

// CommsOf computes the cadence state of a snapshot from its events and its
// UpdateEvery.
func CommsOf(s *Snapshot) Comms {
	c := Comms{UpdateEvery: s.UpdateEvery}
	for i := range s.Events {
		e := &s.Events[i]
		if IsUpdate(e) && !e.Deleted() && e.OccurredAt.After(c.LastUpdate) {
			c.LastUpdate = e.OccurredAt
		}
	}
	if c.UpdateEvery <= 0 || s.Incident.State == Resolved {
		return c
	}
	from := c.LastUpdate
	if from.IsZero() {
		from = declaredAt(s)
	}
	if !from.IsZero() {
		c.NextDue = from.Add(c.UpdateEvery)
	}
	return c
}

// declaredAt is when the cadence started for an incident without updates:
// the declared milestone, else when it was created, else its first event.
func declaredAt(s *Snapshot) time.Time {
	if t, ok := s.Incident.Milestones.Get(MilestoneDeclared); ok {
		return t
	}
	if !s.Incident.CreatedAt.IsZero() {
		return s.Incident.CreatedAt
	}
	if len(s.Events) > 0 {
		return s.Events[0].OccurredAt
	}
	return time.Time{}
}

// Overdue reports how late the next update is at now; false when it is not
// late or nothing is due.
func (c Comms) Overdue(now time.Time) (time.Duration, bool) {
	if c.NextDue.IsZero() || !now.After(c.NextDue) {
		return 0, false
	}
	return now.Sub(c.NextDue), true
}

// Countdown says where the cadence stands at now in a few words, readable
// without colour: "next update in 7m", "update overdue 3m", "update due
// now", or "" when nothing is due (no cadence, or resolved).
func (c Comms) Countdown(now time.Time) string {
	if c.NextDue.IsZero() {
		return ""
	}
	left := c.NextDue.Sub(now)
	switch {
	case left >= time.Minute:
		return "next update in " + FormatDuration(roundUpMinute(left))
	case left > -time.Minute:
		return "update due now"
	}
	return "update overdue " + FormatDuration(-left)
}

// roundUpMinute keeps a countdown from saying "in 0m" while time remains
// and from reaching its last minute early.
func roundUpMinute(d time.Duration) time.Duration {
	if r := d % time.Minute; r != 0 {
		return d - r + time.Minute
	}
	return d
}

// FormatEvery writes a cadence the way the configuration takes it: "20m",
// "1h", "1h30m", "45s"; "" for none. Parts below a second are dropped.
func FormatEvery(d time.Duration) string {
	if d < time.Second {
		return ""
	}
	var b strings.Builder
	for _, u := range []struct {
		unit time.Duration
		name string
	}{{time.Hour, "h"}, {time.Minute, "m"}, {time.Second, "s"}} {
		if n := d / u.unit; n > 0 {
			b.WriteString(strconv.FormatInt(int64(n), 10) + u.name)
			d -= n * u.unit
		}
	}
	return b.String()
}
