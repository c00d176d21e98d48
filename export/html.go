package export

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"

	"scribe/incident"
)

//go:embed html/postmortem.html.tmpl
var htmlTemplateSource string

// HTML writes the postmortem of snap as one self-contained page: inline CSS
// and SVG, no script, nothing fetched from the network, a print
// stylesheet. It has the Markdown's sections in the Markdown's order, and
// is blameless by the same rules: the header, key moments and metrics come
// from Build, and every piece of user text goes through the same sanitizer
// and the same rewrite of names into roles (people.rewrite) as the
// Markdown, before html/template escapes it. opts.Template (a Markdown
// template) does not apply.
func HTML(w io.Writer, snap incident.Snapshot, opts Options) error {
	t, err := template.New("postmortem.html.tmpl").Option("missingkey=error").Parse(htmlTemplateSource)
	if err != nil {
		return fmt.Errorf("parse the HTML postmortem template: %w", err)
	}
	if err := t.Execute(w, buildHTML(snap, opts)); err != nil {
		return fmt.Errorf("render HTML postmortem of incident #%d: %w", snap.Incident.ID, err)
	}
	return nil
}

// htmlPostmortem is what the HTML template reads. The plain fields of
// Postmortem (severity, state, date range, zone, milestones, metrics,
// generated) are used as they are; user text is carried as runs and
// blocks (htmltext.go) instead of Markdown.
type htmlPostmortem struct {
	Postmortem
	SevClass string
	Title    string

	Summary, Impact, RootCause, Trigger, Resolution []htmlBlock
	ServiceList                                     []string

	Drawing   *htmlTimeline
	KeyEvents []htmlKeyEvent
	Events    []htmlEventRow

	FactorList, WentWellList, WentWrongList, LuckyList, LessonList [][]htmlInline

	Items []htmlActionItem
	Crew  []ResponderRow

	Runbook htmlRunbook // communicationshtml.go
}

type htmlKeyEvent struct {
	N          int
	Time, Kind string
	Text       []htmlInline
}

type htmlEventRow struct {
	Date, Time, Kind, Label string
	Pinned                  bool
	Text                    []htmlInline
}

type htmlActionItem struct {
	ID                        int64
	Title, Description        []htmlInline
	Owner, Priority, Due      string
	State, StateClass         string
	IssueRef, IssueURL, Issue string
}

// buildHTML computes the page's data.
func buildHTML(snap incident.Snapshot, opts Options) htmlPostmortem {
	inc := snap.Incident
	loc := opts.zone(inc)
	names := newPeople(snap)
	prose := func(s string, at time.Time) string {
		s = sanitize(s)
		if !opts.Names {
			s = names.rewrite(s, at)
		}
		return s
	}
	h := htmlPostmortem{
		Postmortem: buildHeader(snap, opts),
		SevClass:   "sev" + fmt.Sprint(int(inc.Severity)),
		Title:      strings.Join(strings.Fields(prose(inc.Title, time.Time{})), " "),
		Summary:    htmlBlocks(prose(inc.Summary, time.Time{})),
		Impact:     htmlBlocks(prose(inc.Impact, time.Time{})),
		RootCause:  htmlBlocks(prose(inc.RootCause, time.Time{})),
		Trigger:    htmlBlocks(prose(inc.Trigger, time.Time{})),
		Resolution: htmlBlocks(prose(inc.Resolution, time.Time{})),
	}
	for _, s := range inc.Services {
		if s = strings.TrimSpace(incident.PlainText(s)); s != "" {
			h.ServiceList = append(h.ServiceList, s)
		}
	}
	keys := keyEvents(snap, names, opts.Names)
	h.Drawing = newHTMLTimeline(inc.Milestones, keys, loc)
	for _, k := range keys {
		h.KeyEvents = append(h.KeyEvents, htmlKeyEvent{N: k.N, Time: clock(k.At.In(loc)), Kind: k.Kind, Text: htmlInlines(k.Text)})
	}
	h.Events = htmlEvents(snap, names, loc, opts.Names)
	h.Runbook = htmlRunbookOf(snap, names, loc, opts.Names)
	h.retro(snap.Retro, func(s string) string { return prose(s, time.Time{}) })
	for _, a := range snap.ActionItems {
		h.Items = append(h.Items, htmlItem(a, func(s string) string { return prose(s, time.Time{}) }))
	}
	h.Crew = responders(snap.Roles, loc, opts.Names, func(s string) string { return oneLineText(incident.PlainText(s)) })
	return h
}

// buildHeader is Build for the parts the page takes from it (header, key
// moments, metrics), without rendering a Markdown timeline the page does
// not use: the header reads only the first and last events (span), so the
// others are left out. TestHTMLHeaderMatchesBuild holds this to Build.
func buildHeader(snap incident.Snapshot, opts Options) Postmortem {
	if n := len(snap.Events); n > 2 {
		snap.Events = []incident.Event{snap.Events[0], snap.Events[n-1]}
	}
	p := Build(snap, opts)
	p.Timeline, p.ActionItems, p.Responders = nil, nil, nil
	return p
}

func (h *htmlPostmortem) retro(notes []incident.RetroNote, prose func(string) string) {
	lists := map[incident.RetroSection]*[][]htmlInline{
		incident.RetroFactor: &h.FactorList, incident.RetroWentWell: &h.WentWellList, incident.RetroWentWrong: &h.WentWrongList,
		incident.RetroLucky: &h.LuckyList, incident.RetroLesson: &h.LessonList,
	}
	for _, n := range notes {
		text := strings.Join(strings.Fields(prose(n.Text)), " ")
		if list, ok := lists[n.Section]; ok && text != "" {
			*list = append(*list, htmlInlines(text))
		}
	}
}

// htmlEvents is the timeline table: the same rows as the Markdown's
// (timeline), with the text as runs instead of a Markdown cell.
func htmlEvents(snap incident.Snapshot, names *people, loc *time.Location, keepNames bool) []htmlEventRow {
	rows := make([]htmlEventRow, 0, len(snap.Events))
	lastDay := ""
	resolved, isResolved := snap.Incident.Milestones.Get(incident.MilestoneResolved)
	for i := range snap.Events {
		e := &snap.Events[i]
		if e.Kind == incident.KindActionItem && isResolved && e.OccurredAt.After(resolved) {
			continue
		}
		at := e.OccurredAt.In(loc)
		row := htmlEventRow{Time: clock(at), Kind: string(e.Kind), Label: kindLabels()[e.Kind], Pinned: e.Pinned}
		if row.Label == "" {
			row.Label = incident.PlainText(string(e.Kind))
		}
		if day := at.Format(dayLayout); day != lastDay {
			row.Date, lastDay = day, day
		}
		text := eventText(snap, e, keepNames)
		if !keepNames {
			text = names.rewrite(text, e.OccurredAt)
		}
		row.Text = htmlInlines(strings.Join(strings.Fields(text), " "))
		rows = append(rows, row)
	}
	return rows
}

// htmlItem is one follow-up; like the Markdown, its title and description
// are blameless and its owner named.
func htmlItem(a incident.ActionItem, prose func(string) string) htmlActionItem {
	it := htmlActionItem{
		ID: a.ID, Title: htmlInlines(oneLineText(prose(a.Title))), Description: htmlInlines(oneLineText(prose(a.Description))),
		Owner: oneLineText(incident.PlainText(a.Owner)), Priority: string(a.Priority), Due: a.Due, State: a.State.Label(),
		StateClass: string(a.State),
	}
	if it.State == "" {
		it.State, it.StateClass = incident.ItemOpen.Label(), string(incident.ItemOpen)
	}
	if a.GitHub.Filed() {
		it.IssueRef = fmt.Sprintf("#%d", a.GitHub.Number)
		if a.GitHub.Repo != "" {
			it.IssueRef = incident.PlainText(a.GitHub.Repo) + it.IssueRef
		}
		if u := a.GitHub.URL; (strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")) && safeURL(u) {
			it.IssueURL = u
		}
		it.Issue = incident.PlainText(a.GitHub.State)
	}
	return it
}

func oneLineText(s string) string { return strings.Join(strings.Fields(s), " ") }

// Hint is the visible note an empty section shows, as runs: the same
// words and command as the Markdown's Placeholder.
func (h htmlPostmortem) Hint(section string) []htmlInline {
	f, ok := placeholders()[section]
	if !ok {
		return []htmlInline{{Text: "Nothing recorded yet."}}
	}
	return htmlInlines(fmt.Sprintf(f, h.Number))
}
