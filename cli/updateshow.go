package cli

// What `scribe show` says about running the incident.

import (
	"fmt"
	"io"
	"strings"
	"time"

	"scribe/incident"
)

// printRunbook writes how the incident is run: the cadence ("Updates:
// every 20m · last 09:40 · next due 10:00 — OVERDUE 3m"), the checklist's
// progress and the open reminders, due ones first.
func printRunbook(w io.Writer, snap incident.Snapshot, now time.Time) {
	c := incident.CommsOf(&snap)
	loc := snap.Incident.Location()
	var parts []string
	if snap.Incident.State == incident.Resolved {
		// Over: the cadence and how long ago no longer run it.
		if !c.LastUpdate.IsZero() {
			fmt.Fprintf(w, "Updates: last %s (resolved)\n", c.LastUpdate.In(loc).Format("2006-01-02 15:04"))
		}
		c.UpdateEvery, c.LastUpdate = 0, time.Time{}
	}
	if c.UpdateEvery > 0 {
		parts = append(parts, "every "+incident.FormatEvery(c.UpdateEvery))
	}
	if c.LastUpdate.IsZero() {
		parts = append(parts, "none sent yet")
	} else {
		parts = append(parts, "last "+c.LastUpdate.In(loc).Format("15:04")+" ("+incident.FormatDuration(now.Sub(c.LastUpdate))+" ago)")
	}
	if !c.NextDue.IsZero() {
		next := "next due " + c.NextDue.In(loc).Format("15:04")
		if late, overdue := c.Overdue(now); overdue {
			next += " — OVERDUE " + incident.FormatDuration(late)
		}
		parts = append(parts, next)
	}
	if c.UpdateEvery > 0 || !c.LastUpdate.IsZero() {
		fmt.Fprintf(w, "Updates: %s\n", strings.Join(parts, " · "))
	}
	if len(snap.Checklist) > 0 {
		fmt.Fprintf(w, "Checklist: %s (scribe checklist %d)\n", incident.ChecklistProgress(snap.Checklist), snap.Incident.ID)
	}
	open := 0
	for _, r := range snap.Reminders {
		if r.State == incident.ReminderOpen {
			open++
		}
	}
	if open > 0 {
		fmt.Fprintf(w, "Reminders:\n")
		writeReminders(w, snap.Reminders, now, loc, false)
	}
}
