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
