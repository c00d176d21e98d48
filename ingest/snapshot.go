package ingest

import (
	"strings"
	"time"
	"unicode/utf8"

	"scribe/incident"
)

// Preview is one entry as `scribe import --dry-run --json` prints it. Status
// is omitted unless the entry is a status event.
type Preview struct {
	At     string `json:"at"`
	Text   string `json:"text"`
	Kind   string `json:"kind"`
	Status string `json:"status,omitempty"`
}

// Previews lists the events a snapshot would import.
func Previews(events []incident.Event) []Preview {
	out := make([]Preview, 0, len(events))
	for _, e := range events {
		out = append(out, Preview{
			At: e.OccurredAt.UTC().Format(time.RFC3339), Text: e.Text, Kind: string(e.Kind), Status: string(e.State),
		})
	}
	return out
}

// Events turns entries into import events for incident id (any positive
// number when the incident does not exist yet), by author.
func (r Result) Events(id int64, author string) []incident.Event {
	out := make([]incident.Event, 0, len(r.Entries))
	for _, e := range r.Entries {
		by := author
		if e.Author != "" {
			by = e.Author
		}
		out = append(out, incident.Event{
			IncidentID: id, OccurredAt: e.At, Kind: e.Kind, Text: e.Text, State: e.State,
			Author: by, Pinned: e.Pinned, Source: incident.SourceImport,
		})
	}
	return out
}

// NewIncident is the incident a text import creates: the document's title
// (else fallbackTitle), zone (else zone), the severity its header states
// (else SEV3), the milestones its labelled key
// moments state ("Detected: 14:09"), and the state of its last status
// update, with the resolved milestone when it says so; with no status
// update, a written-up incident (Retrospective) is resolved. Nothing else
// is guessed: milestones the text does not state stay unset.
func (r Result) NewIncident(fallbackTitle, zone string) incident.Incident {
	title := oneLine(r.Title)
	if title == "" {
		title = oneLine(fallbackTitle)
	}
	if utf8.RuneCountInString(title) > incident.MaxTitleLen {
		title = string([]rune(title)[:incident.MaxTitleLen-1]) + "…"
	}
	if r.Zone != nil {
		if _, err := incident.LoadZone(r.Zone.String()); err == nil {
			zone = r.Zone.String()
		}
	}
	n := r.Narrative
	summary := n.Summary
	if n.Detection != "" {
		// The incident has no field of its own for how it was detected;
		// the summary says it, under its own label.
		summary = strings.TrimSpace(summary + "\n\nDetection: " + n.Detection)
		summary = fitNarrative(summary)
	}
	inc := incident.Incident{
		Title: title, Severity: 3, State: incident.Investigating, Timezone: zone, Milestones: incident.Milestones{},
		Summary: summary, Impact: n.Impact, RootCause: n.RootCause, Trigger: n.Trigger, Resolution: n.Resolution,
		Services: r.Services,
	}
	if r.Severity.Valid() {
		inc.Severity = r.Severity
	}
	r.statedMilestones(&inc)
	statused := false
	for _, e := range r.Entries {
		if e.Kind == incident.KindStatus {
			statused = true
			inc.State = e.State
			if e.State == incident.Resolved {
				inc.Milestones[incident.MilestoneResolved] = e.At
			} else {
				delete(inc.Milestones, incident.MilestoneResolved)
			}
		}
	}
	if _, over := inc.Milestones[incident.MilestoneResolved]; !statused && (over || r.Retrospective()) {
		inc.State = incident.Resolved
	}
	return inc
}

// oneLine makes s a one-line field: valid UTF-8, without NUL, the words
// joined by single spaces.
func oneLine(s string) string {
	s = strings.ToValidUTF8(strings.ReplaceAll(s, "\x00", ""), "\uFFFD")
	return strings.Join(strings.Fields(s), " ")
}

// Snapshot is the whole incident a text import creates or adds to: the
// incident (see NewIncident), its events, and the action items and retro
// notes the document's sections give.
func (r Result) Snapshot(id int64, author, fallbackTitle, zone string) incident.Snapshot {
	snap := incident.Snapshot{Incident: r.NewIncident(fallbackTitle, zone), Events: r.Events(id, author)}
	for _, a := range r.ActionItems {
		a.IncidentID = id
		snap.ActionItems = append(snap.ActionItems, a)
	}
	for i, n := range r.Retro {
		n.IncidentID, n.Order = id, i+1
		snap.Retro = append(snap.Retro, n)
	}
	linkItemEvents(&snap)
	return snap
}

// itemEventPrefix opens the event scribe logs when an action item is
// captured (store's itemEventText), which its exports show in the timeline.
const itemEventPrefix = "Action item: "

// linkItemEvents makes a timeline line "Action item: X", for an item X the
// document lists, the event that item was captured with, as scribe records
// it (kind action-item, linked both ways): the two are one fact, kept or
// undone together, and scribe's own Markdown export reads back so. The
// ids set are the snapshot's own, which only link its parts (the store
// gives the rows theirs).
func linkItemEvents(snap *incident.Snapshot) {
	if len(snap.ActionItems) == 0 {
		return
	}
	var byTitle map[string]int
	for i := range snap.Events {
		e := &snap.Events[i]
		title, ok := strings.CutPrefix(e.Text, itemEventPrefix)
		if !ok || e.Kind != incident.KindNote {
			continue
		}
		if byTitle == nil {
			byTitle = make(map[string]int, len(snap.ActionItems))
			for j := len(snap.ActionItems) - 1; j >= 0; j-- {
				byTitle[strings.ToLower(snap.ActionItems[j].Title)] = j
			}
		}
		j, ok := byTitle[strings.ToLower(strings.TrimSpace(title))]
		if !ok || snap.ActionItems[j].EventID != 0 {
			continue
		}
		a := &snap.ActionItems[j]
		a.ID, e.ID = int64(j+1), int64(i+1)
		e.Kind, e.ActionItemID, a.EventID = incident.KindActionItem, a.ID, e.ID
	}
}
