package export

import (
	"fmt"
	"strings"
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
	ID       int64
	Title    string // cell-safe
	Owner    string // cell-safe, "" when unassigned
	Priority string // "P1", ""
	Due      string // "2025-06-10", ""
	State    string // "open", "done", "won't do"
	Tracking string // Markdown link to the GitHub issue, "" when not filed
	Issue    string // the issue's state on GitHub when known
}

// ResponderRow is one stretch of a role; Person is "" unless Names is set.
type ResponderRow struct {
	Role      string // "Incident commander"
	Person    string
	From      string // "Tue 3 Jun 09:11"
	Until     string // "" while still held
	HandedOff bool   // someone else held the role after this stretch
}

// placeholders are what an empty section shows; %d is the incident number.
var placeholders = map[string]string{
	"summary":      `No summary yet — add one with ` + "`scribe set %d summary \"…\"`",
	"impact":       `No impact statement yet — add one with ` + "`scribe set %d impact \"…\"`",
	"services":     `No affected services listed — ` + "`scribe set %d services \"api, web\"`",
	"root-cause":   `No root cause yet — add one with ` + "`scribe set %d root-cause \"…\"`",
	"factors":      `No contributing factors yet — ` + "`scribe retro %d factor \"…\"`",
	"trigger":      `No trigger yet — add one with ` + "`scribe set %d trigger \"…\"`",
	"resolution":   `No resolution yet — add one with ` + "`scribe set %d resolution \"…\"`",
	"went-well":    `Nothing recorded yet — ` + "`scribe retro %d went-well \"…\"`",
	"went-wrong":   `Nothing recorded yet — ` + "`scribe retro %d went-wrong \"…\"`",
	"lucky":        `Nothing recorded yet — ` + "`scribe retro %d lucky \"…\"`",
	"lessons":      `No lessons recorded yet — ` + "`scribe retro %d lesson \"…\"`",
	"timeline":     `No events yet — log one with ` + "`scribe log %d \"…\"`",
	"diagram":      `Not enough milestones for a diagram — set them with ` + "`scribe milestone %d started|detected|mitigated|resolved --at TIME`",
	"action-items": `No action items yet — ` + "`scribe action add %d \"…\" --owner NAME --due YYYY-MM-DD`",
	"responders":   `No roles assigned yet — ` + "`scribe role %d commander NAME`",
}

// Placeholder is the visible italic note an empty section shows, telling
// the facilitator which command fills it. Sections: summary, impact,
// services, root-cause, factors, trigger, resolution, went-well,
// went-wrong, lucky, lessons, timeline, diagram, action-items, responders.
func (p Postmortem) Placeholder(section string) string {
	f, ok := placeholders[section]
	if !ok {
		return "_Nothing recorded yet._"
	}
	return "_" + fmt.Sprintf(f, p.Number) + "_"
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
		p.ActionItems = append(p.ActionItems, actionItemRow(a))
	}
	p.Responders = responders(snap.Roles, loc, opts.Names)
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
		p.Duration = humanDuration(end.Sub(begin))
	}
}

// keyMoments fills the milestone table and the metrics.
func (p *Postmortem) keyMoments(ms incident.Milestones, loc *time.Location) {
	for _, m := range incident.MilestoneOrder {
		row := MilestoneRow{Name: m.Label()}
		if t, ok := ms.Get(m); ok {
			row.Time, row.Set = t.In(loc).Format(stampLayout), true
		}
		p.Milestones = append(p.Milestones, row)
	}
	met := ms.Metrics()
	start := "started"
	if _, ok := ms.Get(incident.MilestoneStarted); !ok {
		start = "started (or detected)"
	}
	for _, r := range []struct {
		name  string
		d     *time.Duration
		needs []incident.Milestone
		what  string
	}{
		{"Time to detect", met.TimeToDetect, []incident.Milestone{incident.MilestoneStarted, incident.MilestoneDetected}, "started and detected"},
		{"Time to mitigate", met.TimeToMitigate, []incident.Milestone{incident.MilestoneMitigated}, start + " and mitigated"},
		{"Time to resolve", met.TimeToResolve, []incident.Milestone{incident.MilestoneResolved}, start + " and resolved"},
		{"Duration of impact", met.ImpactDuration, []incident.Milestone{incident.MilestoneStarted, incident.MilestoneMitigated}, "started and mitigated (or resolved)"},
	} {
		row := MetricRow{Name: r.name}
		switch {
		case r.d != nil:
			row.Value = humanDuration(*r.d)
		case allSet(ms, r.needs) && outOfOrder(ms, r.needs):
			row.Needs = "milestones in order"
		default:
			row.Needs = "the " + r.what + " milestones"
		}
		p.Metrics = append(p.Metrics, row)
	}
}

// actionItemRow renders one follow-up; the owner keeps their name because
// an action item is a commitment, not a judgement.
func actionItemRow(a incident.ActionItem) ActionItemRow {
	row := ActionItemRow{
		ID: a.ID, Title: cell(a.Title), Owner: cell(a.Owner), Priority: string(a.Priority),
		Due: a.Due, State: a.State.Label(),
	}
	if row.State == "" {
		row.State = incident.ItemOpen.Label()
	}
	if a.GitHub.Filed() {
		ref := fmt.Sprintf("#%d", a.GitHub.Number)
		if a.GitHub.Repo != "" {
			ref = cell(a.GitHub.Repo) + ref
		}
		if u := a.GitHub.URL; strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
			row.Tracking = "[" + ref + "](" + linkTarget(u) + ")"
		} else {
			row.Tracking = ref
		}
		row.Issue = cell(a.GitHub.State)
	}
	return row
}

// linkTarget keeps a URL from closing the Markdown link or the table cell.
func linkTarget(u string) string {
	return strings.NewReplacer(" ", "%20", ")", "%29", "(", "%28", "|", "%7C", "<", "%3C", ">", "%3E").Replace(sanitize(u))
}

// responders lists who held which role when, in the header's role order,
// each role's stretches oldest first.
func responders(roles []incident.RoleAssignment, loc *time.Location, names bool) []ResponderRow {
	order := map[string]int{}
	var keys []string
	for _, r := range roles {
		if _, ok := order[r.Role]; !ok {
			order[r.Role] = len(keys)
			keys = append(keys, r.Role)
		}
	}
	// canonical roles first, then free-text ones as they appeared
	sorted := make([]string, 0, len(keys))
	for _, r := range incident.Roles {
		if _, ok := order[r]; ok {
			sorted = append(sorted, r)
		}
	}
	for _, r := range keys {
		if roleRank(r) == len(incident.Roles) {
			sorted = append(sorted, r)
		}
	}
	var out []ResponderRow
	for _, role := range sorted {
		var stretch []incident.RoleAssignment
		for _, r := range roles {
			if r.Role == role {
				stretch = append(stretch, r)
			}
		}
		for i, r := range stretch {
			row := ResponderRow{
				Role:      capitalize(incident.RoleTitle(role)),
				From:      r.From.In(loc).Format(stampLayout),
				HandedOff: i < len(stretch)-1,
			}
			if !r.Until.IsZero() {
				row.Until = r.Until.In(loc).Format(stampLayout)
			}
			if names {
				row.Person = cell(r.Person)
			}
			out = append(out, row)
		}
	}
	return out
}

func allSet(ms incident.Milestones, need []incident.Milestone) bool {
	for _, m := range need {
		if _, ok := ms.Get(m); !ok {
			return false
		}
	}
	return true
}

// outOfOrder reports whether any of the milestones in need is part of a
// pair that contradicts the expected order.
func outOfOrder(ms incident.Milestones, need []incident.Milestone) bool {
	for _, pair := range ms.OutOfOrder() {
		for _, m := range need {
			if pair[0] == m || pair[1] == m {
				return true
			}
		}
	}
	return false
}
