package github

import "regexp"

// Marker is the hidden HTML comment that ties an issue to an action item.
// It survives edits of the visible text and is invisible when rendered.
func Marker(uuid string) string { return "<!-- scribe:action-item:" + uuid + " -->" }

var markerPattern = regexp.MustCompile(`<!--\s*scribe:action-item:([0-9A-Fa-f-]+)\s*-->`)

// markerIn returns the item uuid a body carries, or "".
func markerIn(body string) string {
	m := markerPattern.FindStringSubmatch(body)
	if m == nil || len(m[1]) < 8 || len(m[1]) > 64 {
		return ""
	}
	return m[1]
}
