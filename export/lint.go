package export

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"scribe/incident"
)

// Warning codes.
const (
	WarnBlaming          = "blaming-language"
	WarnNamedPerson      = "named-person"
	WarnEmptySection     = "empty-section"
	WarnNoOwner          = "action-item-owner"
	WarnNoDue            = "action-item-due"
	WarnMilestoneOrder   = "milestone-order"
	WarnMilestoneMissing = "milestone-missing"
)

// Warning is something a facilitator should fix before publishing.
type Warning struct {
	Code    string `json:"code"`            // one of the Warn… constants
	Section string `json:"section"`         // the postmortem section: "What went wrong", "Timeline", …
	Where   string `json:"where,omitempty"` // within it: "note 2", "event at …", "action item #33"
	Text    string `json:"text,omitempty"`  // the offending words, when there are some
	Message string `json:"message"`         // what is wrong and what to do about it
}

// String is the one-line form the CLI prints after "warning: ".
func (w Warning) String() string {
	var b strings.Builder
	b.WriteString(w.Section)
	if w.Where != "" {
		b.WriteString(" (" + w.Where + ")")
	}
	b.WriteString(": ")
	if w.Text != "" {
		b.WriteString(fmt.Sprintf("%q: ", w.Text))
	}
	b.WriteString(w.Message)
	return b.String()
}

// Lint checks a postmortem for blaming language, people named in the
// narrative and timeline, empty sections, action items without an owner or
// a due date, and missing or out-of-order milestones. Warnings come in the
// order of the sections they concern. opts.Zone sets the times it quotes.
func Lint(snap incident.Snapshot, opts Options) []Warning {
	inc := snap.Incident
	loc := opts.zone(inc)
	l := linter{people: newPeople(snap), phrases: blamingIndex(), n: inc.ID}
	l.text("Title", "", inc.Title)
	for _, f := range []struct {
		section, field, value string
	}{
		{"Summary", "summary", inc.Summary},
		{"Impact", "impact", inc.Impact},
	} {
		l.narrative(f.section, f.field, f.value)
	}
	if len(inc.Services) == 0 {
		l.add(Warning{Code: WarnEmptySection, Section: "Impact", Where: "affected services",
			Message: fmt.Sprintf("no affected services listed: scribe set %d services \"api, web\"", inc.ID)})
	}
	l.milestones(inc.Milestones, loc)
	l.timeline(snap.Events, loc)
	l.narrative("Root cause", "root-cause", inc.RootCause)
	l.retro(snap.Retro, incident.RetroFactor, "Contributing factors")
	l.narrative("Trigger", "trigger", inc.Trigger)
	l.narrative("Resolution and recovery", "resolution", inc.Resolution)
	l.retro(snap.Retro, incident.RetroWentWell, "What went well")
	l.retro(snap.Retro, incident.RetroWentWrong, "What went wrong")
	l.retro(snap.Retro, incident.RetroLucky, "Where we got lucky")
	l.retro(snap.Retro, incident.RetroLesson, "Lessons learned")
	l.actionItems(snap.ActionItems)
	if len(snap.Roles) == 0 {
		l.add(Warning{Code: WarnEmptySection, Section: "Responders",
			Message: fmt.Sprintf("no roles were assigned: record at least the incident commander with scribe role %d commander NAME --at TIME", inc.ID)})
	}
	return l.out
}

// linter accumulates warnings for one snapshot.
type linter struct {
	people  *people
	phrases *wordIndex
	n       int64
	out     []Warning
}

func (l *linter) add(w Warning) { l.out = append(l.out, w) }

// text checks one piece of prose for blaming language and named people.
func (l *linter) text(section, where, text string) {
	text = sanitize(text)
	ms := l.people.find(text)
	for _, b := range findBlaming(l.phrases, text, ms) {
		l.add(Warning{Code: WarnBlaming, Section: section, Where: where, Text: b.text, Message: b.phrase.advice})
	}
	seen := map[int]bool{}
	for _, m := range ms {
		if seen[m.person] {
			continue
		}
		seen[m.person] = true
		l.add(Warning{Code: WarnNamedPerson, Section: section, Where: where, Text: text[m.start:m.end],
			Message: "names a person: the export shows their role instead unless --names is given; write the role or what the system did"})
	}
}

func (l *linter) narrative(section, field, value string) {
	if strings.TrimSpace(value) == "" {
		l.add(Warning{Code: WarnEmptySection, Section: section,
			Message: fmt.Sprintf("empty: scribe set %d %s \"…\" (or scribe edit %d)", l.n, field, l.n)})
		return
	}
	l.text(section, "", value)
}

func (l *linter) retro(notes []incident.RetroNote, s incident.RetroSection, heading string) {
	k := 0
	for _, n := range notes {
		if n.Section != s {
			continue
		}
		k++
		l.text(heading, fmt.Sprintf("note %d", k), n.Text)
	}
	if k == 0 && s != incident.RetroLesson {
		l.add(Warning{Code: WarnEmptySection, Section: heading,
			Message: fmt.Sprintf("empty: scribe retro %d %s \"…\"", l.n, s)})
	}
}

// timeline checks every event's text. Names are reported once per person
// with a count, since a live timeline names people often.
func (l *linter) timeline(events []incident.Event, loc *time.Location) {
	if len(events) == 0 {
		l.add(Warning{Code: WarnEmptySection, Section: "Timeline",
			Message: fmt.Sprintf("no events: scribe log %d \"…\" --at TIME, or scribe import %d FILE", l.n, l.n)})
		return
	}
	type named struct {
		text  string
		first time.Time
		count int
	}
	var order []int
	names := map[int]*named{}
	for i := range events {
		e := &events[i]
		if e.Kind == incident.KindRole || e.Text == "" {
			continue
		}
		text := sanitize(e.Text)
		ms := l.people.find(text)
		where := "event at " + e.OccurredAt.In(loc).Format(stampLayout)
		for _, b := range findBlaming(l.phrases, text, ms) {
			l.add(Warning{Code: WarnBlaming, Section: "Timeline", Where: where, Text: b.text, Message: b.phrase.advice})
		}
		for _, m := range ms {
			if nm, ok := names[m.person]; ok {
				nm.count++
				continue
			}
			names[m.person] = &named{text: text[m.start:m.end], first: e.OccurredAt, count: 1}
			order = append(order, m.person)
		}
	}
	for _, p := range order {
		nm := names[p]
		times := "once"
		if nm.count > 1 {
			times = fmt.Sprintf("%d times", nm.count)
		}
		l.add(Warning{Code: WarnNamedPerson, Section: "Timeline",
			Where: "first at " + nm.first.In(loc).Format(stampLayout), Text: nm.text,
			Message: fmt.Sprintf("a person is named %s: the export shows the role they held at the time unless --names is given", times)})
	}
}

func (l *linter) milestones(ms incident.Milestones, loc *time.Location) {
	for _, pair := range ms.OutOfOrder() {
		a, _ := ms.Get(pair[0])
		b, _ := ms.Get(pair[1])
		l.add(Warning{Code: WarnMilestoneOrder, Section: "Key moments", Where: string(pair[1]),
			Message: fmt.Sprintf("%s (%s) is before %s (%s): correct one with scribe milestone %d %s --at TIME",
				pair[1], b.In(loc).Format(stampLayout), pair[0], a.In(loc).Format(stampLayout), l.n, pair[1])})
	}
	set := 0
	for _, m := range incident.MilestoneOrder {
		if _, ok := ms.Get(m); ok && m != incident.MilestoneDeclared {
			set++
		}
	}
	if set == 0 {
		l.add(Warning{Code: WarnMilestoneMissing, Section: "Key moments",
			Message: fmt.Sprintf("no milestones besides declared, so no time to detect, mitigate or resolve: scribe milestone %d started|detected|mitigated|resolved --at TIME", l.n)})
		return
	}
	for _, m := range []incident.Milestone{incident.MilestoneStarted, incident.MilestoneDetected} {
		if _, ok := ms.Get(m); !ok {
			l.add(Warning{Code: WarnMilestoneMissing, Section: "Key moments", Where: string(m),
				Message: fmt.Sprintf("%s is not set, so the time to detect is unknown: scribe milestone %d %s --at TIME", m, l.n, m)})
		}
	}
}

func (l *linter) actionItems(items []incident.ActionItem) {
	if len(items) == 0 {
		l.add(Warning{Code: WarnEmptySection, Section: "Action items",
			Message: fmt.Sprintf("no follow-ups: scribe action add %d \"…\" --owner NAME --due YYYY-MM-DD", l.n)})
		return
	}
	for _, a := range items {
		l.text("Action items", "action item #"+fmt.Sprint(a.ID), a.Title)
		if a.State != incident.ItemOpen && a.State != "" {
			continue
		}
		where := fmt.Sprintf("action item #%d %q", a.ID, shorten(sanitize(a.Title), 40))
		if strings.TrimSpace(a.Owner) == "" {
			l.add(Warning{Code: WarnNoOwner, Section: "Action items", Where: where,
				Message: "has no owner: an item nobody owns rarely gets done; set one in the TUI's Action items pane or re-add it with --owner"})
		}
		if a.Due == "" {
			l.add(Warning{Code: WarnNoDue, Section: "Action items", Where: where,
				Message: "has no due date: set one in the TUI's Action items pane or re-add it with --due YYYY-MM-DD"})
		}
	}
}

// shorten cuts s to n characters with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
