package incident

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// FollowUpPolicy is how long a follow-up may stay open when nobody gave it a
// due date: a deadline per priority, counted from the moment the team could
// start on it (see FollowUpPolicy.Deadline). It is a value, built by
// DefaultFollowUpPolicy and overridden by a team's configuration, never a
// package variable.
type FollowUpPolicy struct {
	// Deadlines holds each priority's deadline; a priority that is missing
	// or zero has none (P3 by default).
	Deadlines map[Priority]time.Duration
	// Unprioritized is the deadline of an item that has no priority; zero
	// means none. By default it is P2's: an item nobody triaged is exactly
	// the kind that is forgotten.
	Unprioritized time.Duration
}

// Week is the unit deadlines are usually stated in.
const Week = 7 * 24 * time.Hour

// DefaultFollowUpPolicy is scribe's built-in policy, after the common
// practice of giving priority follow-ups a few weeks: P0 1 week, P1 4 weeks,
// P2 8 weeks, P3 none, no priority like P2.
func DefaultFollowUpPolicy() FollowUpPolicy {
	return FollowUpPolicy{
		Deadlines:     map[Priority]time.Duration{P0: Week, P1: 4 * Week, P2: 8 * Week},
		Unprioritized: 8 * Week,
	}
}

// Validate refuses a negative deadline or an unknown priority, naming it.
func (p FollowUpPolicy) Validate() error {
	for pr, d := range p.Deadlines {
		if _, err := ParsePriority(string(pr)); err != nil || pr == "" {
			return Errorf(EINVALID, "follow-up deadline for unknown priority %q: use P0, P1, P2 or P3", pr)
		}
		if d < 0 {
			return Errorf(EINVALID, "follow-up deadline for %s is negative (%s): use a duration such as 2w or 30d, or 0 for none", pr, d)
		}
	}
	if p.Unprioritized < 0 {
		return Errorf(EINVALID, "follow-up deadline for items without a priority is negative (%s)", p.Unprioritized)
	}
	return nil
}

// deadline is the policy's deadline for a priority, 0 when there is none.
func (p FollowUpPolicy) deadline(pr Priority) time.Duration {
	if pr == "" {
		return p.Unprioritized
	}
	return p.Deadlines[pr]
}

// Describe states the policy in one line: "P0 1 week, P1 4 weeks, P2 8
// weeks, P3 none, no priority 8 weeks".
func (p FollowUpPolicy) Describe() string {
	parts := make([]string, 0, len(Priorities)+1)
	for _, pr := range Priorities {
		parts = append(parts, string(pr)+" "+describeDeadline(p.deadline(pr)))
	}
	parts = append(parts, "no priority "+describeDeadline(p.Unprioritized))
	return strings.Join(parts, ", ")
}

func describeDeadline(d time.Duration) string {
	switch {
	case d <= 0:
		return "none"
	case d == Week:
		return "1 week"
	case d%Week == 0:
		return fmt.Sprintf("%d weeks", d/Week)
	case d == 24*time.Hour:
		return "1 day"
	case d%(24*time.Hour) == 0:
		return fmt.Sprintf("%d days", d/(24*time.Hour))
	}
	return FormatDuration(d)
}

// DueSource says where a follow-up's due date comes from.
type DueSource string

// Where a due date comes from.
const (
	DueSet    DueSource = "set"      // someone gave it (--due)
	DuePolicy DueSource = "priority" // derived from the priority's deadline
	DueNone   DueSource = "none"     // neither: no due date, never overdue
)

// Deadline is the due date (YYYY-MM-DD) an item is held to and where it
// comes from. A date someone set wins. Otherwise the priority's deadline is
// counted from the later of the item's creation and the incident's
// resolution: during an outage nobody works on follow-ups, and an item
// written in the retro a week later has not been waiting for that week. An
// item of an incident still open counts from its creation. The date is
// taken in the incident's zone, like a due date typed for it.
func (p FollowUpPolicy) Deadline(item ActionItem, inc Incident) (string, DueSource) {
	if item.Due != "" {
		return item.Due, DueSet
	}
	d := p.deadline(item.Priority)
	if d <= 0 {
		return "", DueNone
	}
	from := item.CreatedAt
	if r, ok := inc.Milestones.Get(MilestoneResolved); ok && r.After(from) {
		from = r
	}
	if from.IsZero() {
		return "", DueNone
	}
	from = from.In(inc.Location())
	var due time.Time
	if d%(24*time.Hour) == 0 {
		// Whole days are calendar days: a deadline does not move by an
		// hour when a daylight saving change falls inside it.
		due = from.AddDate(0, 0, int(d/(24*time.Hour)))
	} else {
		due = from.Add(d)
	}
	return due.Format(DateLayout), DuePolicy
}

// FollowUp is an open action item with the due date it is held to, as of a
// moment (now).
type FollowUp struct {
	Item      ActionItem
	Incident  Incident
	Due       string // YYYY-MM-DD, "" when none
	DueSource DueSource
	// DaysLeft is the number of calendar days from today (in the incident's
	// zone) to the due date: 0 due today, negative overdue. Meaningless
	// when Due is "".
	DaysLeft int
}

// Overdue reports whether the due date has passed: the item was due
// before today.
func (f FollowUp) Overdue() bool { return f.Due != "" && f.DaysLeft < 0 }

// NewFollowUp holds item to the policy as of now.
func NewFollowUp(item ActionItem, inc Incident, p FollowUpPolicy, now time.Time) FollowUp {
	f := FollowUp{Item: item, Incident: inc}
	f.Due, f.DueSource = p.Deadline(item, inc)
	if f.Due != "" {
		f.DaysLeft = daysUntil(now.In(inc.Location()), f.Due)
	}
	return f
}

// daysUntil counts calendar days from today's date to due (YYYY-MM-DD).
func daysUntil(today time.Time, due string) int {
	d, err := time.Parse(DateLayout, due)
	if err != nil {
		return 0
	}
	y, m, dd := today.Date()
	t := time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
	return int(d.Sub(t).Round(time.Hour) / (24 * time.Hour))
}

// SortFollowUps orders follow-ups for someone deciding what to do next:
// overdue first, then by due date (the most overdue and the soonest
// first), items with no due date last; ties by priority (P0 first, none
// last), then incident and item number.
func SortFollowUps(fs []FollowUp) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Overdue() != b.Overdue() {
			// Dates alone could disagree across incidents in zones where
			// "today" differs.
			return a.Overdue()
		}
		if (a.Due == "") != (b.Due == "") {
			return a.Due != ""
		}
		if a.Due != b.Due {
			return a.Due < b.Due
		}
		if ra, rb := priorityRank(a.Item.Priority), priorityRank(b.Item.Priority); ra != rb {
			return ra < rb
		}
		if a.Incident.ID != b.Incident.ID {
			return a.Incident.ID < b.Incident.ID
		}
		return a.Item.ID < b.Item.ID
	})
}

// priorityRank puts P0 first and an unset priority last.
func priorityRank(p Priority) int {
	for i, v := range Priorities {
		if p == v {
			return i
		}
	}
	return len(Priorities)
}
