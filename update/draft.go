package update

import (
	"strings"
	"text/template"
	"time"

	"scribe/export"
	"scribe/incident"
)

// MaxChanges bounds the "since the last update" list: stakeholders read the
// latest few; the rest is counted.
const MaxChanges = 8

// Draft is what an update template renders; every string is escaped for
// the draft's format and, unless Names is set, names no one (people in the
// timeline become the role they held, as in the postmortem). An empty
// string means "not recorded"; Missing words the gap for the reader to
// fill before sending.
type Draft struct {
	format Format

	Number   int64
	Title    string
	Severity string // "SEV1"
	State    string // "Identified"
	// StateMessage is the message of the latest status change to the
	// current state, "" when it had none.
	StateMessage string
	Impact       string
	Services     string // "payments, checkout"
	Resolved     bool

	// Began is when impact began (or the incident was declared), Duration
	// how long it has lasted so far, or lasted when resolved.
	Began    string // "09:02 PDT"; with the date when not today
	Duration string // "1h 43m"

	// Changes are the pinned, status, action and milestone lines since the
	// last update, oldest first; Earlier counts those left out.
	Changes []Change
	Earlier int
	// LastUpdate is when the last update went out, "" when none has.
	LastUpdate string
	// Cadence is the severity's cadence ("20m"), "" when it has none.
	Cadence string
	// NextUpdate is when the next update is due if this one goes out now:
	// "10:23 PDT"; "" when there is no cadence or the incident is resolved.
	NextUpdate string

	Zone  string // "PDT", "UTC"
	Names bool
}

// Change is one line of what changed since the last update.
type Change struct {
	Time string // "09:45"
	Text string
}

// Bold marks text as strong in the draft's format: **text** in Markdown,
// *text* in Slack, as it is in plain text. Template literals pass through
// it unescaped: they are the team's own words.
func (d Draft) Bold(text string) string { return bold(d.format, text) }

// Bullet starts a list line: "-" in Markdown, "•" elsewhere.
func (d Draft) Bullet() string {
	if d.format == FormatMarkdown {
		return "-"
	}
	return "•"
}

// Missing is the reminder a draft shows where something is not recorded
// yet ("impact"), for the sender to fill in before it goes out.
func (d Draft) Missing(what string) string {
	return "[" + escape(d.format, what) + missingTail
}

// missingTail ends every Missing placeholder.
const missingTail = " not recorded yet: fill in before sending]"

// Unfilled reports whether text, a draft as the sender saved it, still
// holds a Missing placeholder: it was sent, or about to be, with a gap.
func Unfilled(text string) bool { return strings.Contains(text, missingTail) }

// Format is the draft's format: text, markdown or slack.
func (d Draft) Format() string { return string(d.format) }

// Options tune a draft.
type Options struct {
	Format Format
	// Template renders the draft; nil means the default. Make one with
	// ParseTemplate, which checks it against every format.
	Template *template.Template
	// Now is when the update will be sent: the base of "so far" and of the
	// next update's time.
	Now time.Time
	// Zone displays times; nil means the incident's own zone.
	Zone *time.Location
	// Names keeps people's names in the changes.
	Names bool
}

// Build drafts the update of snap as of opts.Now.
func Build(snap incident.Snapshot, opts Options) Draft {
	inc := snap.Incident
	f := opts.Format
	if f == "" {
		f = FormatText
	}
	loc := opts.Zone
	if loc == nil {
		loc = inc.Location()
	}
	now := opts.Now
	rewrite := func(text string, _ time.Time) string { return text }
	if !opts.Names {
		rewrite = export.Blameless(snap)
	}
	title := incident.PlainText(inc.Title)
	d := Draft{
		format:   f,
		Number:   inc.ID,
		Title:    escape(f, rewrite(title, time.Time{})),
		Severity: inc.Severity.String(),
		State:    capitalize(string(inc.State)),
		Impact:   escape(f, rewrite(incident.PlainText(inc.Impact), time.Time{})),
		Services: escape(f, strings.Join(inc.Services, ", ")),
		Resolved: inc.State == incident.Resolved,
		Zone:     now.In(loc).Format("MST"),
		Names:    opts.Names,
	}
	if msg := stateMessage(snap); msg != nil {
		d.StateMessage = escape(f, rewrite(incident.PlainText(incident.StatusMessage(*msg)), msg.OccurredAt))
	}
	d.span(snap, now, loc)
	comms := incident.CommsOf(&snap)
	if !comms.LastUpdate.IsZero() {
		d.LastUpdate = stamp(comms.LastUpdate, now, loc)
	}
	if comms.UpdateEvery > 0 {
		d.Cadence = incident.FormatEvery(comms.UpdateEvery)
	}
	if comms.UpdateEvery > 0 && !d.Resolved {
		// Sent now, this update resets the clock.
		d.NextUpdate = stamp(now.Add(comms.UpdateEvery).Truncate(time.Minute), now, loc)
	}
	d.Changes, d.Earlier = changes(snap, comms.LastUpdate, loc, func(e *incident.Event) string {
		return escape(f, rewrite(changeText(e), e.OccurredAt))
	})
	return d
}

// stateMessage is the latest status event that set the current state.
func stateMessage(snap incident.Snapshot) *incident.Event {
	for i := len(snap.Events) - 1; i >= 0; i-- {
		e := &snap.Events[i]
		if e.Kind == incident.KindStatus && !e.Deleted() {
			if e.State == snap.Incident.State && incident.StatusMessage(*e) != "" {
				return e
			}
			return nil
		}
	}
	return nil
}

// span fills Began and Duration: from the start of impact, else the
// declaration, to resolution or now.
func (d *Draft) span(snap incident.Snapshot, now time.Time, loc *time.Location) {
	ms := snap.Incident.Milestones
	var begin time.Time
	for _, m := range []incident.Milestone{incident.MilestoneStarted, incident.MilestoneDetected, incident.MilestoneDeclared} {
		if t, ok := ms.Get(m); ok {
			begin = t
			break
		}
	}
	if begin.IsZero() {
		begin = snap.Incident.CreatedAt
	}
	if begin.IsZero() {
		return
	}
	d.Began = stamp(begin, now, loc)
	end := now
	if t, ok := ms.Get(incident.MilestoneResolved); ok && d.Resolved {
		end = t
	}
	if !end.Before(begin) {
		d.Duration = incident.FormatDuration(end.Sub(begin))
	}
}

// stamp writes t as "09:02 PDT", with the day when it is not now's day.
func stamp(t, now time.Time, loc *time.Location) string {
	lt := t.In(loc)
	if y, m, dd := lt.Date(); y != now.In(loc).Year() || m != now.In(loc).Month() || dd != now.In(loc).Day() {
		return lt.Format("Mon 2 Jan 15:04 MST")
	}
	return lt.Format("15:04 MST")
}

// changes lists what stakeholders have not heard: pinned events, status
// changes, actions taken and milestones after the last update (all of them
// when there has been none), the latest MaxChanges of them.
func changes(snap incident.Snapshot, since time.Time, loc *time.Location, text func(*incident.Event) string) ([]Change, int) {
	var picked []*incident.Event
	for i := range snap.Events {
		e := &snap.Events[i]
		if e.Deleted() || !e.OccurredAt.After(since) || !newsworthy(e) {
			continue
		}
		picked = append(picked, e)
	}
	earlier := max(len(picked)-MaxChanges, 0)
	out := make([]Change, 0, len(picked)-earlier)
	for _, e := range picked[earlier:] {
		if t := text(e); t != "" {
			out = append(out, Change{Time: e.OccurredAt.In(loc).Format("15:04"), Text: t})
		}
	}
	return out, earlier
}

// newsworthy: what a stakeholder update reports. Notes and observations
// stay in the room unless someone pinned them; comms are the updates.
func newsworthy(e *incident.Event) bool {
	switch e.Kind {
	case incident.KindStatus, incident.KindAction:
		return true
	case incident.KindMilestone:
		return e.Milestone != incident.MilestoneDeclared
	case incident.KindSeverity:
		// A correction after resolution fixes the record; it is no news.
		return !e.Corrected()
	case incident.KindComms:
		return false
	}
	return e.Pinned
}

// changeText words a change; structured kinds from their fields.
func changeText(e *incident.Event) string {
	text := strings.TrimSpace(incident.PlainText(e.Text))
	switch e.Kind {
	case incident.KindStatus:
		s := "Status set to " + capitalize(string(e.State))
		if msg := strings.TrimSpace(incident.PlainText(incident.StatusMessage(*e))); msg != "" {
			s += ": " + msg
		}
		return s
	case incident.KindSeverity:
		s := incident.SeverityHeadline(*e, time.UTC)
		if text != "" {
			s += ": " + text
		}
		return s
	case incident.KindMilestone:
		s := milestoneWords[e.Milestone]
		if s == "" {
			s = e.Milestone.Label()
		}
		if text != "" && !strings.EqualFold(text, s) {
			s += ": " + text
		}
		return s
	case incident.KindRole:
		return capitalize(incident.RoleTitle(e.Role)) + " assigned"
	}
	return text
}

var milestoneWords = map[incident.Milestone]string{
	incident.MilestoneStarted:   "Impact began",
	incident.MilestoneDetected:  "Detected",
	incident.MilestoneMitigated: "Mitigated",
	incident.MilestoneResolved:  "Resolved",
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
