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
	WarnPossibleName     = "possible-name"
	WarnEmptySection     = "empty-section"
	WarnNoOwner          = "action-item-owner"
	WarnNoDue            = "action-item-due"
	WarnMilestoneOrder   = "milestone-order"
	WarnMilestoneMissing = "milestone-missing"
	WarnBeforeStart      = "event-before-start"
	WarnCodeFence        = "unclosed-code-fence"
	WarnUnsafeLink       = "unsafe-link"
)

// Levels of a Warning. A note is true of the postmortem but needs no fix
// (milestones legitimately out of order, an event before the start that
// may be the trigger): --strict passes with notes.
const (
	LevelWarning = "warning"
	LevelNote    = "note"
)

// Warning is something a facilitator should fix, or at least look at,
// before publishing.
type Warning struct {
	Code    string `json:"code"`             // one of the Warn… constants
	Level   string `json:"level"`            // LevelWarning or LevelNote
	Section string `json:"section"`          // the postmortem section: "What went wrong", "Timeline", …
	Where   string `json:"where,omitempty"`  // within it: "note 2", "event at …", "action item #33"
	Text    string `json:"text,omitempty"`   // the sentence (blame) or the words (names) concerned
	Phrase  string `json:"phrase,omitempty"` // the blaming words within Text
	Message string `json:"message"`          // what is wrong and how to fix it
}

// IsNote reports whether w needs no fix: --strict does not fail on it.
func (w Warning) IsNote() bool { return w.Level == LevelNote }

// Failing counts the warnings that are not notes: what --strict fails on.
func Failing(ws []Warning) int {
	n := 0
	for _, w := range ws {
		if !w.IsNote() {
			n++
		}
	}
	return n
}

// String is the one-line form the CLI prints after "warning: " or "note: ".
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
// narrative and timeline (and words that may be names), empty sections,
// action items without an owner or a due date, missing or out-of-order
// milestones, events before the incident began, unclosed code fences and
// unsafe links. Warnings come in the order of the sections they concern.
// opts.Zone sets the times it quotes.
func Lint(snap incident.Snapshot, opts Options) []Warning {
	inc := snap.Incident
	loc := opts.zone(inc)
	l := linter{people: newPeople(snap), n: inc.ID}
	l.text("Title", "", inc.Title)
	l.narrative("Summary", "summary", inc.Summary)
	l.narrative("Impact", "impact", inc.Impact)
	if len(inc.Services) == 0 {
		l.add(Warning{Code: WarnEmptySection, Section: "Impact", Where: "affected services",
			Message: fmt.Sprintf("no affected services listed: scribe set %d services \"api, web\"", inc.ID)})
	}
	l.milestones(inc.Milestones, loc)
	l.timeline(snap, loc)
	l.unreadable(snap)
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
	people *people
	n      int64
	out    []Warning
}

func (l *linter) add(w Warning) {
	if w.Level == "" {
		w.Level = LevelWarning
	}
	l.out = append(l.out, w)
}

// text checks one piece of prose for blaming language, named people,
// possible names, an unclosed code fence and unsafe links.
func (l *linter) text(section, where, text string) {
	text = sanitize(text)
	ms := l.people.find(text)
	l.blame(section, where, text, ms)
	seen := map[string]bool{}
	for _, m := range ms {
		name := text[m.start:m.end]
		key := fmt.Sprint(m.person, m.unsure, strings.ToLower(name))
		if m.unsure {
			if !seen[key] {
				l.add(possibleName(section, where, name, text, m))
			}
			seen[key] = true
			continue
		}
		if key = fmt.Sprint(m.person); seen[key] {
			continue
		}
		seen[key] = true
		l.add(Warning{Code: WarnNamedPerson, Section: section, Where: where, Text: name,
			Message: "names a person: the export shows their role instead unless --names is given; write the role or what the system did"})
	}
	l.markdown(section, where, text)
}

// blame reports each blaming phrase with its sentence and a fix.
func (l *linter) blame(section, where, text string, ms []mention) {
	for _, b := range findBlame(text, ms) {
		l.add(Warning{Code: WarnBlaming, Section: section, Where: where, Text: shorten(b.sentence, 160), Phrase: b.phrase,
			Message: fmt.Sprintf("%s (%q) — fix: %s", b.class, b.phrase, b.fix)})
	}
}

// possibleName is the warning for a word the rewrite kept because it may
// be an ordinary word or a person's name.
func possibleName(section, where, name, text string, m mention) Warning {
	return Warning{Code: WarnPossibleName, Section: section, Where: where, Text: name,
		Message: fmt.Sprintf("possible name: %s — check: kept as written in %q; if it names a responder, write their role", name, shorten(sentenceAround(text, m.start), 100))}
}

// sentenceAround is the sentence of text that holds position i.
func sentenceAround(text string, i int) string {
	for _, s := range sentences(text) {
		if i >= s[0] && i < s[1] {
			return strings.TrimSpace(text[s[0]:s[1]])
		}
	}
	return strings.TrimSpace(text)
}

// markdown reports what the export had to repair in user text: a code
// fence never closed, links to unsafe destinations, remote images.
func (l *linter) markdown(section, where, text string) {
	if line := unclosedFence(text); line > 0 {
		l.add(Warning{Code: WarnCodeFence, Section: section, Where: where,
			Message: fmt.Sprintf("a code block opened on line %d is never closed: the export closes it at the end of the text; add the closing ``` where the code ends (scribe edit %d)", line, l.n)})
	}
	l.links(section, where, text)
}

// links notes the links and images the export neutralised.
func (l *linter) links(section, where, text string) {
	links, images := unsafeLinks(text)
	if links > 0 {
		l.add(Warning{Code: WarnUnsafeLink, Section: section, Where: where, Level: LevelNote,
			Message: "a link to something other than https, http or mailto (javascript:, data:, …) is shown as text, not as a link"})
	}
	if images > 0 {
		l.add(Warning{Code: WarnUnsafeLink, Section: section, Where: where, Level: LevelNote,
			Message: "an image is exported as a link to it, so that opening the postmortem loads nothing from elsewhere"})
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

// timeline checks every event's text, and events dated before the
// incident began. Names are reported once per person with a count, since a
// live timeline names people often.
func (l *linter) timeline(snap incident.Snapshot, loc *time.Location) {
	events := snap.Events
	if len(events) == 0 {
		l.add(Warning{Code: WarnEmptySection, Section: "Timeline",
			Message: fmt.Sprintf("no events: scribe log %d \"…\" --at TIME, or scribe import %d FILE", l.n, l.n)})
		return
	}
	type named struct {
		text  string
		first time.Time
		count int
		m     mention
		event string
	}
	var order []string
	names := map[string]*named{}
	linted := make(map[int64]bool, len(snap.ActionItems))
	for _, a := range snap.ActionItems {
		linted[a.ID] = true
	}
	for i := range events {
		e := &events[i]
		typed := authoredText(e, linted)
		if typed == "" {
			continue
		}
		text := sanitize(typed)
		ms := l.people.find(text)
		where := eventWhere(e, loc)
		l.blame("Timeline", where, text, ms)
		if strings.Contains(text, "](") || strings.Contains(text, "![") {
			l.links("Timeline", where, text)
		}
		for _, m := range ms {
			key := fmt.Sprint(m.person)
			if m.unsure {
				key = "?" + strings.ToLower(text[m.start:m.end])
			}
			if nm, ok := names[key]; ok {
				nm.count++
				continue
			}
			names[key] = &named{text: text[m.start:m.end], first: e.OccurredAt, count: 1, m: m, event: text}
			order = append(order, key)
		}
	}
	for _, k := range order {
		nm := names[k]
		where := "first at " + nm.first.In(loc).Format(stampLayout)
		if nm.m.unsure {
			l.add(possibleName("Timeline", where, nm.text, nm.event, nm.m))
			continue
		}
		times := "once"
		if nm.count > 1 {
			times = fmt.Sprintf("%d times", nm.count)
		}
		l.add(Warning{Code: WarnNamedPerson, Section: "Timeline", Where: where, Text: nm.text,
			Message: fmt.Sprintf("a person is named %s: the export shows the role they held at the time unless --names is given", times)})
	}
	l.beforeStart(snap, loc)
}

// authoredText is the part of an event's text a person wrote, which is
// what the timeline lint reads. scribe's own wording of its structured
// events (a checklist step ticked or skipped, a milestone set or cleared,
// a role handed over) is not prose about the incident; the export words
// role changes from their fields; an action item's title is checked under
// Action items (linted holds the items that are); a status or severity
// change keeps only the message or reason typed with it.
func authoredText(e *incident.Event, linted map[int64]bool) string {
	switch e.Kind {
	case incident.KindRole, incident.KindChecklist, incident.KindMilestone:
		return ""
	case incident.KindActionItem:
		if linted[e.ActionItemID] {
			return ""
		}
	case incident.KindStatus:
		return incident.StatusMessage(*e)
	}
	return e.Text
}

// misfiled is how long before the incident's start an event must be to
// look filed on the wrong day (a clock time read as yesterday's) rather
// than be its trigger or an early sign, which a note mentions.
const misfiled = 6 * time.Hour

// beforeStart flags events dated before the incident began (its started,
// else detected, else declared milestone).
func (l *linter) beforeStart(snap incident.Snapshot, loc *time.Location) {
	begin, ok := incidentBegin(snap.Incident.Milestones)
	if !ok {
		return
	}
	var early []incident.Event
	for _, e := range snap.Events {
		if !e.OccurredAt.Before(begin) || e.OccurredAt.IsZero() {
			continue // an unreadable time is reported as such (unreadable)
		}
		if gap := begin.Sub(e.OccurredAt); gap > misfiled {
			l.add(Warning{Code: WarnBeforeStart, Section: "Timeline", Where: "event at " + e.OccurredAt.In(loc).Format(stampLayout),
				Text: shorten(sanitize(e.Text), 80),
				Message: fmt.Sprintf("%s before the incident began (%s): if it was filed on the wrong day, correct its time in the TUI (e) or re-log it with --at",
					incident.FormatDuration(gap), begin.In(loc).Format(stampLayout))})
			continue
		}
		early = append(early, e)
	}
	if len(early) > 0 {
		events := "1 event is"
		if len(early) > 1 {
			events = fmt.Sprintf("%d events are", len(early))
		}
		l.add(Warning{Code: WarnBeforeStart, Section: "Timeline", Level: LevelNote,
			Where: "first at " + early[0].OccurredAt.In(loc).Format(stampLayout),
			Message: fmt.Sprintf("%s dated before the incident began (%s): fine for the trigger or an early sign; otherwise correct the time or the started milestone",
				events, begin.In(loc).Format(stampLayout))})
	}
}

// incidentBegin is when the incident began: impact started, else detected,
// else declared.
func incidentBegin(ms incident.Milestones) (time.Time, bool) {
	for _, m := range incident.MilestoneOrder[:3] {
		if t, ok := ms.Get(m); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

func (l *linter) milestones(ms incident.Milestones, loc *time.Location) {
	for _, pair := range ms.OutOfOrder() {
		a, _ := ms.Get(pair[0])
		b, _ := ms.Get(pair[1])
		order := fmt.Sprintf("%s (%s) is before %s (%s)", pair[1], b.In(loc).Format(stampLayout), pair[0], a.In(loc).Format(stampLayout))
		if why, ok := incident.PlausibleOrder(pair); ok {
			l.add(Warning{Code: WarnMilestoneOrder, Section: "Key moments", Where: string(pair[1]), Level: LevelNote,
				Message: fmt.Sprintf("%s: %s; if not, correct one with scribe milestone %d %s --at TIME", order, why, l.n, pair[1])})
			continue
		}
		l.add(Warning{Code: WarnMilestoneOrder, Section: "Key moments", Where: string(pair[1]),
			Message: fmt.Sprintf("%s: correct one with scribe milestone %d %s --at TIME", order, l.n, pair[1])})
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

// actionItems checks each follow-up's title and description as prose (the
// export rewrites names in both; the owner column keeps the owner) and
// that open ones have an owner and a due date.
func (l *linter) actionItems(items []incident.ActionItem) {
	if len(items) == 0 {
		l.add(Warning{Code: WarnEmptySection, Section: "Action items",
			Message: fmt.Sprintf("no follow-ups: scribe action add %d \"…\" --owner NAME --due YYYY-MM-DD", l.n)})
		return
	}
	for _, a := range items {
		l.text("Action items", "action item #"+fmt.Sprint(a.ID), a.Title)
		if strings.TrimSpace(a.Description) != "" {
			l.text("Action items", fmt.Sprintf("action item #%d description", a.ID), a.Description)
		}
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
