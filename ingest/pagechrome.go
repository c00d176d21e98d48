package ingest

import (
	"strings"

	"scribe/lazyregexp"
)

// A page saved or copied whole carries lines that belong to the page, not
// to the postmortem it shows: a picture, a wiki's templates, a status
// page's "Subscribe to updates". They are neither its summary nor its
// title.

// pictureMarkup is a line that only shows a picture: Markdown's
// "![Map of the locations](/img/map.png)" (linked or not), HTML's <img>.
var pictureMarkup = lazyregexp.New(`^(?:\[?!\[[^\]]*\]\([^)]*\)(?:\]\([^)]*\))?|<img\b[^>]*>)$`)

// pictureLine reports a line that only shows a picture.
func pictureLine(clean string) bool {
	return len(clean) > 4 && (clean[0] == '!' || clean[0] == '[' || clean[0] == '<') && pictureMarkup().MatchString(clean)
}

// breadcrumb reports a line that only gives the page's place in a wiki
// ("Engineering / Incident reviews / 2024"): three parts or more between
// " / ", each a few words, no sentence. The title is the line below it.
func breadcrumb(clean string) bool {
	parts := strings.Split(clean, " / ")
	if len(parts) < 3 || len(clean) > 120 || strings.ContainsAny(clean, ".!?:|") {
		return false
	}
	for _, part := range parts {
		if part = strings.TrimSpace(part); part == "" || len(strings.Fields(part)) > 4 {
			return false
		}
	}
	return true
}

// pageControl reports a status page's link or button printed as a line of
// its own ("Subscribe to updates", "← Current status"): never its title.
func pageControl(clean string) bool {
	l := strings.ToLower(strings.Trim(clean, "←→<>»« "))
	switch l {
	case "subscribe to updates", "subscribe", "get updates", "subscribe to notifications", "view history",
		"incident history", "current status", "report a problem", "report an issue", "back to status page":
		return true
	}
	return false
}

// headerField is a status page's field of the incident as a whole, with
// its instant: "Started: Tue, Aug 15, 1:02 PM PDT", "Resolved: …".
var headerField = lazyregexp.New(`^(?i:started|start|began|resolved|ended|end|detected|identified|duration)\s*:\s*\S`)

// statusHeader reports whether the status word on line n (1-based)
// heads the page rather than an update: "Resolved · Major outage" with
// the incident's fields ("Started: …", "Resolved: …") below it.
func (p *parser) statusHeader(n int, clean string) bool {
	if !strings.Contains(clean, "·") && !strings.Contains(clean, "•") {
		return false
	}
	next := p.nonBlank(n, 1)
	return next >= 0 && headerField().MatchString(cleanInline(strings.TrimSpace(p.lines[next])))
}

// updateTimeLine reports a line that gives only a status update's date
// and time, with the update's label and message on the line below it
// ("Aug 15, 4:41 PM PDT" over "Resolved: Sending works again."): the
// next update of the page, which ends the sections of a postmortem
// posted as the one before.
func (p *parser) updateTimeLine(n int, clean string) bool {
	st, rest, ok := p.leadStamp(clean)
	if !ok || !st.hasTime || !st.hasDate() || entryText(rest) != "" {
		return false
	}
	next := p.nonBlank(n, 1)
	if next < 0 {
		return false
	}
	_, _, status := statusLine(cleanInline(strings.TrimSpace(p.lines[next])), true)
	return status
}
