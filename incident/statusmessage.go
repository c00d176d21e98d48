package incident

import "strings"

// StatusMessage is what a status event says beyond its state: its text,
// or "" when it has none. Before scribe stored an empty message as such, a
// status set without one was stored as "Status: identified"; that text
// says nothing the state does not, and reads as no message too.
func StatusMessage(e Event) string {
	text := strings.TrimSpace(e.Text)
	if e.Kind == KindStatus && strings.EqualFold(text, "Status: "+string(e.State)) {
		return ""
	}
	return text
}

// StatusText is how a status event reads: "IDENTIFIED", or "IDENTIFIED —
// the message".
func StatusText(e Event) string {
	return withReason(strings.ToUpper(string(e.State)), StatusMessage(e))
}
