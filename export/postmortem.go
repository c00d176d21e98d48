package export

import (
	"time"

	"scribe/incident"
)

// Postmortem is the data a postmortem template renders; export/TEMPLATE.md
// documents every field. Every string is ready to print: user text is
// sanitized, escaped for where it goes (table cells or Markdown paragraphs)
// and, unless Names is set, people are replaced by the role they held.
// Empty strings and nil slices mean "nothing recorded": templates show a
// Placeholder there.
type Postmortem struct {
	Number      int64
	Title       string
	Severity    string // "SEV2"
	State       string // "Resolved"
	Zone        string // "America/Los_Angeles (PDT)" or "UTC"
	DateRange   string // "Tue 3 Jun 2025 09:02 – 11:15", "… – ongoing"
	Duration    string // "2h 13m"; "" while ongoing or unknown
	Names       bool   // people are named (--names)
	GeneratedAt string // "" unless Options.Now is set

	Summary    string // Markdown paragraphs
	Impact     string
	RootCause  string
	Trigger    string
	Resolution string
	Services   []string // cell-safe

	Milestones []MilestoneRow
	Metrics    []MetricRow
	Diagram    string // Mermaid gantt source without the fence; "" when under two milestones

	Timeline []TimelineRow

	// Communications and Checklist: how the incident was run
	// (communications.go, communications_checklist.go).
	Communications Communications
	Checklist      []ChecklistRow

	Factors   []string // one-line Markdown each
	WentWell  []string
	WentWrong []string
	Lucky     []string
	Lessons   []string

	ActionItems []ActionItemRow
	Responders  []ResponderRow
}

// MilestoneRow is one line of the key moments table.
type MilestoneRow struct {
	Name string // "Detected"
	Time string // "Tue 3 Jun 09:09", "" when unset
	Set  bool
}

// MetricRow is one derived duration.
type MetricRow struct {
	Name  string // "Time to detect"
	Value string // "7m", "" when it cannot be computed
	Needs string // why Value is "": "the started and detected milestones", "milestones in order"
}

// TimelineRow is one event, or a date heading when the day changes.
type TimelineRow struct {
	Date   string // "Tue 3 Jun 2025" on the first event of each day, else ""
	Time   string // "09:02"
	Kind   string // note, action, decision, observation, comms, status, role, milestone, action-item
	Label  string // the kind as a reader says it: "status", "role", "action item", "comms update"
	Text   string // cell-safe
	Pinned bool
}

// ActionItemRow is one follow-up. Owners are always named.
type ActionItemRow struct {
	ID          int64
	Title       string // cell-safe, people replaced by roles unless Names
	Description string // cell-safe, people replaced by roles unless Names; "" when none
	Owner       string // cell-safe, "" when unassigned
	Priority    string // "P1", ""
	Due         string // "2025-06-10", ""
	State       string // "open", "done", "won't do"
	Tracking    string // Markdown link to the GitHub issue, "" when not filed
	Issue       string // the issue's state on GitHub when known
}

// ResponderRow is one stretch of a role; Person is "" unless Names is set.
type ResponderRow struct {
	Role      string // "Incident commander"
	Person    string
	From      string // "Tue 3 Jun 09:11"
	Until     string // "" while still held
	HandedOff bool   // someone else held the role after this stretch
}

// Build computes the template data of a snapshot. It is what Markdown
// renders; the TUI may call it to show parts of the postmortem.
func Build(snap incident.Snapshot, opts Options) Postmortem {
	inc := snap.Incident
	loc := opts.zone(inc)
	names := newPeople(snap)
	narrative := func(s string) string {
		s = sanitize(s)
		if !opts.Names {
			s = names.rewrite(s, time.Time{})
		}
		return block(s)
	}
	title := sanitize(inc.Title)
	if !opts.Names {
		title = names.rewrite(title, time.Time{})
	}
	p := Postmortem{
		Number:     inc.ID,
		Title:      cell(title),
		Severity:   inc.Severity.String(),
		State:      capitalize(string(inc.State)),
		Names:      opts.Names,
		Summary:    narrative(inc.Summary),
		Impact:     narrative(inc.Impact),
		RootCause:  narrative(inc.RootCause),
		Trigger:    narrative(inc.Trigger),
		Resolution: narrative(inc.Resolution),
		Diagram:    phaseDiagram(inc.Milestones, loc),
	}
	for _, s := range inc.Services {
		if s = cell(s); s != "" {
			p.Services = append(p.Services, s)
		}
	}
	p.span(snap, loc)
	if !opts.Now.IsZero() {
		p.GeneratedAt = opts.Now.In(loc).Format("2006-01-02 15:04 MST")
	}
	p.keyMoments(inc.Milestones, loc)
	p.Timeline = timeline(snap, names, loc, opts.Names)
	p.Communications = communications(snap, names, loc, opts.Names)
	p.Checklist = checklist(snap.Checklist, names, loc, opts.Names)
	for _, n := range snap.Retro {
		text := sanitize(n.Text)
		if !opts.Names {
			text = names.rewrite(text, time.Time{})
		}
		text = oneLine(text)
		if text == "" {
			continue
		}
		switch n.Section {
		case incident.RetroFactor:
			p.Factors = append(p.Factors, text)
		case incident.RetroWentWell:
			p.WentWell = append(p.WentWell, text)
		case incident.RetroWentWrong:
			p.WentWrong = append(p.WentWrong, text)
		case incident.RetroLucky:
			p.Lucky = append(p.Lucky, text)
		case incident.RetroLesson:
			p.Lessons = append(p.Lessons, text)
		}
	}
	for _, a := range snap.ActionItems {
		p.ActionItems = append(p.ActionItems, actionItemRow(a, names, opts.Names))
	}
	p.Responders = responders(snap.Roles, loc, opts.Names, cell)
	return p
}

// span fills the header's date range and duration: from the start of impact
// (or the earliest milestone or event) to resolution.
func (p *Postmortem) span(snap incident.Snapshot, loc *time.Location) {
	inc := snap.Incident
	var begin, end time.Time
	for _, m := range incident.MilestoneOrder[:3] {
		if t, ok := inc.Milestones.Get(m); ok {
			begin = t
			break
		}
	}
	if begin.IsZero() && len(snap.Events) > 0 {
		begin = snap.Events[0].OccurredAt
	}
	if begin.IsZero() {
		begin = inc.CreatedAt
	}
	if t, ok := inc.Milestones.Get(incident.MilestoneResolved); ok {
		end = t
	} else if inc.State == incident.Resolved && len(snap.Events) > 0 {
		end = snap.Events[len(snap.Events)-1].OccurredAt
	}
	if begin.IsZero() {
		p.Zone = loc.String()
		p.DateRange = "unknown"
		return
	}
	p.Zone = zoneLabel(loc, begin)
	from := begin.In(loc).Format(dayLayout + " " + clockLayout)
	switch {
	case end.IsZero():
		p.DateRange = from + " – ongoing"
	case sameDay(begin, end, loc):
		p.DateRange = from + " – " + end.In(loc).Format(clockLayout)
	default:
		p.DateRange = from + " – " + end.In(loc).Format(dayLayout+" "+clockLayout)
	}
	if !end.IsZero() && !end.Before(begin) {
		p.Duration = incident.FormatDuration(end.Sub(begin))
	}
}
