package github

import (
	"regexp"
	"strings"

	"scribe/lazyregexp"
)

// Marker is the hidden HTML comment that ties an issue to an action item.
// It is invisible when rendered and survives edits of the text above it.
func Marker(uuid string) string { return "<!-- scribe:action-item:" + uuid + " -->" }

// FollowUpFooter is the line scribe writes above the marker of every
// follow-up issue; a marker ties an issue only right under it.
const FollowUpFooter = "_Follow-up filed by scribe._"

// markerLine is scribe's marker as the whole of a line.
var markerLine = lazyregexp.New(`^<!-- scribe:action-item:([0-9A-Fa-f-]{8,64}) -->$`)

// markerIn returns the item uuid a body carries in scribe's own position,
// or "": the marker as its last non-blank line, right under scribe's
// footer line. A marker anywhere else (quoted in another issue, pasted
// into a comment-like line of a description, typed into a title, or alone
// in a body) ties nothing: otherwise anyone who can write text that
// reaches an issue body could make an item look filed. User text in the
// bodies scribe writes cannot end a body and has its "<!--" broken (see
// neutralize), so it cannot carry a marker in any position; who opened the
// issue is checked too (issueAuthors).
func markerIn(body string) string { return footedMarker(body, FollowUpFooter, markerLine()) }

// footedMarker returns what marker's group captures on body's last
// non-blank line when the non-blank line above it is footer, else "".
func footedMarker(body, footer string, marker *regexp.Regexp) string {
	rest, last := cutLastLine(body)
	m := marker.FindStringSubmatch(last)
	if m == nil {
		return ""
	}
	if _, above := cutLastLine(rest); above != footer {
		return ""
	}
	return m[1]
}

// cutLastLine splits body, trailing blanks dropped, into what comes before
// its last line and that line, trimmed.
func cutLastLine(body string) (rest, last string) {
	body = strings.TrimRight(body, " \t\r\n")
	i := strings.LastIndexByte(body, '\n')
	return body[:max(i, 0)], strings.TrimSpace(body[i+1:])
}
