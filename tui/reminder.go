package tui

// /remind: time-boxed asks. A reminder that comes due shows in a banner
// under the header, in the error style with a marker and a word, until it
// is marked done or dismissed, or snoozed.

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// defaultSnooze is how long /remind snooze puts a reminder off when no span
// is given.
const defaultSnooze = 10 * time.Minute

// parseRemind reads /remind SPAN text [@who], /remind done|dismiss [N] and
// /remind snooze [N] [SPAN].
func parseRemind(in slashInput) (Command, error) {
	verb, rest, _ := strings.Cut(in.args, " ")
	rest = strings.TrimSpace(rest)
	switch v := strings.ToLower(verb); v {
	case "done", "dismiss", "snooze":
		c := Command{Text: v}
		f := strings.Fields(rest)
		if len(f) > 0 {
			if n, err := strconv.ParseInt(strings.TrimPrefix(f[0], "#"), 10, 64); err == nil && n > 0 {
				c.ItemID, f = n, f[1:]
			}
		}
		switch {
		case v == "snooze" && len(f) > 0:
			span, err := incident.ParseInterval("snooze", strings.Join(f, " "))
			if err != nil {
				return Command{}, err
			}
			c.Span = span
		case v == "snooze":
			c.Span = defaultSnooze
		case len(f) > 0:
			return Command{}, incident.Errorf(incident.EINVALID, "usage: /remind %s [N] (N: the reminder's number in its banner)", v)
		}
		return c, nil
	case "":
		return Command{}, in.usage()
	}
	r, err := incident.ParseReminder(in.args, in.now)
	if err != nil {
		return Command{}, err
	}
	return Command{Reminder: &r}, nil
}

func runRemind(s *incidentScreen, c Command, line string) tea.Cmd {
	o := s.origin(Command{})
	if c.Reminder != nil {
		r := *c.Reminder
		r.IncidentID = s.id
		zone := s.zone()
		return s.writes.run(line, func(ctx context.Context, st Store) (change, error) {
			if err := st.AddReminder(ctx, &r, o); err != nil {
				return change{}, err
			}
			return change{what: fmt.Sprintf("reminder #%d set for %s: %s", r.ID, r.DueAt.In(zone).Format("15:04"), clip(r.Text))}, nil
		})
	}
	target, err := s.reminderFor(c.ItemID)
	if err != nil {
		s.status.Error(err)
		return nil
	}
	until, zone := s.c.now().Add(c.Span), s.zone()
	return s.writes.run(line, func(ctx context.Context, st Store) (change, error) {
		var err error
		what := ""
		switch c.Text {
		case "done":
			_, err = st.CloseReminder(ctx, target.ID, incident.ReminderDone, o)
			what = "done"
		case "dismiss":
			_, err = st.CloseReminder(ctx, target.ID, incident.ReminderDismissed, o)
			what = "dismissed"
		default:
			_, err = st.SnoozeReminder(ctx, target.ID, until, o)
			what = "snoozed to " + until.In(zone).Format("15:04")
		}
		if err != nil {
			return change{}, err
		}
		return change{what: fmt.Sprintf("reminder #%d %s: %s", target.ID, what, clip(target.Text))}, nil
	})
}

// reminderFor finds reminder n of this incident, or, when n is 0, the one
// the banner shows first (the earliest due), else the only open one.
func (s *incidentScreen) reminderFor(n int64) (incident.Reminder, error) {
	var open []incident.Reminder
	for _, r := range s.snap.Reminders {
		if n != 0 && r.ID == n {
			if r.State != incident.ReminderOpen {
				return r, incident.Errorf(incident.ECONFLICT, "reminder #%d is %s already", n, r.State)
			}
			return r, nil
		}
		if r.State == incident.ReminderOpen {
			open = append(open, r)
		}
	}
	switch {
	case n != 0:
		return incident.Reminder{}, incident.Errorf(incident.ENOTFOUND, "no reminder #%d on this incident", n)
	case len(open) == 0:
		return incident.Reminder{}, incident.Errorf(incident.ENOTFOUND, "no open reminder: set one with /remind 15m TEXT")
	}
	if due := s.dueReminders(); len(due) > 0 {
		return due[0], nil
	}
	if len(open) == 1 {
		return open[0], nil
	}
	return incident.Reminder{}, incident.Errorf(incident.EINVALID, "%d reminders are open and none is due: give its number, /remind done N", len(open))
}

// dueReminders are the open reminders whose time has come, earliest first.
func (s *incidentScreen) dueReminders() []incident.Reminder {
	now := s.header.now
	var due []incident.Reminder
	for _, r := range s.snap.Reminders {
		if r.Due(now) {
			due = append(due, r)
		}
	}
	return due
}

// syncBanner shows or hides the reminder banner, resizing the panes for
// the row it takes. It runs after every message, so a reminder appears
// the second it comes due.
func (s *incidentScreen) syncBanner() {
	if show := s.loaded && len(s.dueReminders()) > 0; show != s.banner {
		s.banner = show
		s.SetSize(s.c.width, s.c.height)
	}
}

// bannerLine is the due reminders in one line: "⏰ REMINDER #3 due 2m
// ago: check replica lag @ana · /remind done|snooze|dismiss".
func (s *incidentScreen) bannerLine(w int) string {
	due := s.dueReminders()
	if len(due) == 0 {
		return ""
	}
	st := s.c.styles
	first := due[0]
	text := fmt.Sprintf("⏰ REMINDER #%d due %s: %s", first.ID, formatAgo(s.header.now.Sub(first.DueAt)), Sanitize(first.Text))
	if first.By != "" {
		text += " (set by " + Sanitize(first.By) + ")"
	}
	if len(due) > 1 {
		text += fmt.Sprintf(" · %d more due", len(due)-1)
	}
	keys := " · /remind done|snooze|dismiss"
	if lipWidth(text)+lipWidth(keys) <= w {
		text += keys
	}
	return st.Error.Reverse(true).Render(padRight(fit(text, w), w))
}
