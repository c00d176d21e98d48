package ingest

import "scribe/incident"

// Whole is everything r imports, as one snapshot for incident id (any
// positive number when the incident does not exist yet): a scribe JSON
// document as it is, or the text's incident (see NewIncident), events,
// action items and retro notes. `scribe import` and the TUI's paste both
// import what it returns, so a document means the same wherever it enters.
func (r Result) Whole(id int64, author, fallbackTitle, zone string) (incident.Snapshot, error) {
	if r.Document != nil {
		return r.Document.Snapshot()
	}
	return r.Snapshot(max(id, 1), author, fallbackTitle, zone), nil
}

// Offers reports whether r holds something to import beyond prose: timeline
// entries, action items, retro notes, a narrative section other than the
// summary (which any paragraph before a heading gives), or a JSON document.
// A paste that holds none of these is text to type, not a document.
func (r Result) Offers() bool {
	n := r.Narrative
	return r.Document != nil || len(r.Entries) > 0 || len(r.ActionItems) > 0 || len(r.Retro) > 0 ||
		n.Impact != "" || n.RootCause != "" || n.Trigger != "" || n.Resolution != "" || n.Detection != ""
}
