package github

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"scribe/incident"
	"scribe/lazyregexp"
)

// TrackingLabel is put on every tracking issue.
const TrackingLabel = "incident-tracking"

// TrackingMarker is the hidden comment that ties a tracking issue to its
// incident; like Marker it must be the body's last line.
func TrackingMarker(uuid string) string { return "<!-- scribe:incident:" + uuid + " -->" }

// trackingMarkerLine is TrackingMarker as the whole of a line.
var trackingMarkerLine = lazyregexp.New(`^<!-- scribe:incident:([0-9A-Fa-f-]{8,64}) -->$`)

// TrackingFooter is the line scribe writes above a tracking issue's marker.
const TrackingFooter = "_Tracking issue filed by scribe: the part above follows the incident and its follow-ups " +
	"(`scribe github sync`); text added outside it is kept._"

// trackingMarkerIn returns the incident uuid a body carries on its last
// non-blank line under TrackingFooter, or "" (see markerIn: a marker
// anywhere else ties nothing).
func trackingMarkerIn(body string) string {
	return footedMarker(body, TrackingFooter, trackingMarkerLine())
}

// endsWithTrackingMarker reports whether body's last non-blank line is a
// tracking marker, footer or not: the line a rewrite replaces.
func endsWithTrackingMarker(body string) bool {
	_, last := cutLastLine(body)
	return trackingMarkerLine().MatchString(last)
}

// The part of a tracking issue's body scribe writes lies between these
// lines; a run rewrites only that part, so what people add above or below
// it stays.
const (
	trackingBegin = "<!-- scribe:tracking:begin -->"
	trackingEnd   = "<!-- scribe:tracking:end -->"
)

// TrackingContent is what a tracking issue says besides the incident's own
// fields: a summary already made blameless (the caller's export does that;
// this package imports no exporter), and the postmortem's address.
type TrackingContent struct {
	// Summary is Markdown; "" falls back to the incident's summary as typed.
	Summary       string
	PostmortemURL string
}

// TrackingTitle is the tracking issue's title: the incident's title and
// severity, plainly.
func TrackingTitle(inc incident.Incident) string {
	t := strings.Join(strings.Fields(incident.PlainText(inc.Title)), " ")
	if utf8.RuneCountInString(t) > 200 {
		t = string([]rune(t)[:200]) + "…"
	}
	s := fmt.Sprintf("Incident: %s (%s", t, inc.Severity)
	if d := incidentDate(inc); d != "" {
		s += ", " + d
	}
	return s + ")"
}

// trackingSection is the part of the body scribe owns: the incident's
// state and metrics, its summary, the postmortem link and the task list of
// its follow-ups, each box ticked once its item is done or won't do (which
// github sync sets from the state). repo is where the tracking
// issue lives: follow-ups filed there are written #N, others OWNER/NAME#N.
func trackingSection(snap incident.Snapshot, c TrackingContent, repo Repo) string {
	inc := snap.Incident
	var b strings.Builder
	b.WriteString(trackingBegin + "\n")
	fmt.Fprintf(&b, "**%s** · %s · scribe incident %d", inc.Severity, capitalizeWord(string(inc.State)), inc.ID)
	if d := incidentDate(inc); d != "" {
		fmt.Fprintf(&b, " · began %s", d)
	}
	b.WriteString("\n\n")
	summary := strings.TrimSpace(c.Summary)
	if summary == "" {
		summary = strings.TrimSpace(incident.PlainBlock(inc.Summary))
	}
	if summary == "" {
		summary = "_No summary yet._"
	} else {
		summary = neutralize(summary)
		if utf8.RuneCountInString(summary) > maxBody/2 {
			summary = string([]rune(summary)[:maxBody/2]) + "…"
		}
	}
	b.WriteString(summary + "\n\n")
	b.WriteString(metricsTable(inc.Milestones))
	if c.PostmortemURL != "" {
		fmt.Fprintf(&b, "\n**Postmortem:** <%s>\n", c.PostmortemURL)
	}
	b.WriteString("\n" + taskList(snap.ActionItems, repo))
	// A blank line first, so the closing comment cannot be read as part
	// of the last task.
	b.WriteString("\n" + trackingEnd + "\n")
	return b.String()
}

// metricsTable is the incident's response times as one Markdown table row.
func metricsTable(ms incident.Milestones) string {
	m := ms.Metrics()
	cell := func(d *time.Duration) string {
		if d == nil {
			return "—"
		}
		return incident.FormatDuration(*d)
	}
	return "| Time to detect | Time to mitigate | Time to resolve | Duration of impact |\n| --- | --- | --- | --- |\n" +
		fmt.Sprintf("| %s | %s | %s | %s |\n", cell(m.TimeToDetect), cell(m.TimeToMitigate), cell(m.TimeToResolve), cell(m.ImpactDuration))
}

// taskList is the follow-ups as GitHub task list items: "- [ ] #123
// title", ticked when done or won't do; an item not filed yet is listed
// by its title alone.
func taskList(items []incident.ActionItem, repo Repo) string {
	var b strings.Builder
	done, total := 0, 0
	var lines []string
	for _, it := range items {
		if !it.DeletedAt.IsZero() {
			continue
		}
		total++
		box := "[ ]"
		if it.State == incident.ItemDone || it.State == incident.ItemWontDo {
			box = "[x]"
			done++
		}
		title := neutralize(strings.Join(strings.Fields(incident.PlainText(it.Title)), " "))
		var line string
		switch g := it.GitHub; {
		case g.Filed() && strings.EqualFold(g.Repo, repo.String()):
			line = fmt.Sprintf("- %s #%d %s", box, g.Number, title)
		case g.Filed():
			line = fmt.Sprintf("- %s %s#%d %s", box, g.Repo, g.Number, title)
		default:
			line = fmt.Sprintf("- %s %s _(not filed on GitHub yet)_", box, title)
		}
		if it.State == incident.ItemWontDo {
			line += " _(won't do)_"
		}
		lines = append(lines, line)
	}
	fmt.Fprintf(&b, "### Follow-ups (%d of %d done)\n\n", done, total)
	if total == 0 {
		b.WriteString("_No follow-ups yet._\n")
	}
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	return b.String()
}

// trackingBody is a new tracking issue's body: scribe's section, a note,
// and the marker last.
func trackingBody(section, uuid string) string {
	return section + "\n" + TrackingFooter + "\n\n" + TrackingMarker(uuid) + "\n"
}

// withSection puts section into an existing body in place of scribe's
// previous one, keeping everything else people wrote. A body whose section
// markers were removed gets the section back on top. The footer and the
// marker stay the last lines, where trackingMarkerIn looks for them: text
// people added below the footer moves above it.
func withSection(body, section, uuid string) string {
	rest := strings.TrimRight(body, " \t\r\n")
	if endsWithTrackingMarker(rest) {
		// The marker line is written again, last.
		rest = rest[:max(strings.LastIndexByte(rest, '\n'), 0)]
	}
	rest = withoutLine(rest, TrackingFooter) // written again, above the marker
	begin := strings.Index(rest, trackingBegin)
	end := strings.Index(rest, trackingEnd)
	var out string
	if begin >= 0 && end > begin {
		// section ends with the line break that ended the old one.
		out = rest[:begin] + section + strings.TrimPrefix(rest[end+len(trackingEnd):], "\n")
	} else {
		out = section
		if strings.TrimSpace(rest) != "" {
			out += "\n" + rest + "\n"
		}
	}
	return strings.TrimRight(out, " \t\r\n") + "\n\n" + TrackingFooter + "\n\n" + TrackingMarker(uuid) + "\n"
}

// withoutLine is text without the lines that are line (blanks around it
// aside).
func withoutLine(text, line string) string {
	lines := strings.Split(text, "\n")
	kept := lines[:0]
	for _, l := range lines {
		if strings.TrimSpace(l) != line {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}

func capitalizeWord(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// TrackingPreview is the tracking issue filing would create for snap, for
// --dry-run: its title and its body without the marker (whose uuid is
// given on the first real run).
func TrackingPreview(snap incident.Snapshot, opts TrackOptions) (title, body string) {
	c := TrackingContent{PostmortemURL: opts.PostmortemURL}
	if opts.Summarize != nil {
		c.Summary = opts.Summarize(snap)
	}
	return TrackingTitle(snap.Incident), trackingSection(snap, c, opts.Repo)
}
