package github

import (
	"strings"

	"scribe/lazyregexp"
)

// Marker is the hidden HTML comment that ties an issue to an action item.
// It is invisible when rendered and survives edits of the text above it.
func Marker(uuid string) string { return "<!-- scribe:action-item:" + uuid + " -->" }

// markerLine is scribe's marker as the whole of a line.
var markerLine = lazyregexp.New(`^<!-- scribe:action-item:([0-9A-Fa-f-]{8,64}) -->$`)

// markerIn returns the item uuid a body carries in scribe's own position,
// its last non-blank line, or "". A marker anywhere else (quoted in
// another issue, pasted into a comment-like line of a description, typed
// into a title) ties nothing: otherwise anyone who can write text that
// reaches an issue body could make an item look filed. User text in the
// bodies scribe writes cannot end a body and has its "<!--" broken (see
// neutralize), so it cannot carry a marker in any position.
func markerIn(body string) string {
	body = strings.TrimRight(body, " \t\r\n")
	last := body[strings.LastIndexByte(body, '\n')+1:]
	m := markerLine().FindStringSubmatch(strings.TrimSpace(last))
	if m == nil {
		return ""
	}
	return m[1]
}
