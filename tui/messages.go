package tui

import "scribe/incident"

// The messages commands send back to Update. Those of the incident screen
// carry the incident id and the screen's generation, so that answers meant
// for a screen that was left are dropped.

// snapshotMsg is a (re)load of the open incident.
type snapshotMsg struct {
	id      int64
	gen     int
	seq     int
	snap    incident.Snapshot
	version int64
	err     error
}

// pollMsg asks for a look at the database's data version.
type pollMsg struct {
	id  int64
	gen int
}

// versionMsg is the data version read by a poll.
type versionMsg struct {
	id      int64
	gen     int
	version int64
	err     error
}

// clockMsg is the once-a-second tick of the header's clock.
type clockMsg struct {
	id  int64
	gen int
}

// writtenMsg is the result of a write: what changed, how to undo it, and on
// failure the line to give back to the input.
type writtenMsg struct {
	id      int64
	gen     int
	what    string          // what to say in the status line
	line    string          // the typed line, restored on error
	event   *incident.Event // the event to show or refresh
	removed int64           // an event no longer live
	undo    *undoOp         // how to reverse this write
	isUndo  bool            // this write was itself an undo
	err     error
}

// statusExpiredMsg clears an informational status line after a while.
type statusExpiredMsg struct{ seq int }

// incidentsMsg is the incident list.
type incidentsMsg struct {
	list []incident.Incident
	err  error
}

// createdMsg is a newly declared incident.
type createdMsg struct {
	inc incident.Incident
	err error
}

// openIncidentMsg asks the app to show an incident.
type openIncidentMsg struct{ id int64 }

// backToListMsg asks the app to return to the incident list.
type backToListMsg struct{}
