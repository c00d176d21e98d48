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
	team    teamState // the team database's state, when there is one
	isTeam  bool
	wake    bool // read on a notification, not by the poll (livewatch.go)
}

// clockMsg is the once-a-second tick of the header's clock.
type clockMsg struct {
	id  int64
	gen int
}

// statusExpiredMsg clears an informational status line after a while; gen
// names the screen whose line it is (0 for the incident list).
type statusExpiredMsg struct{ gen, seq int }

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

// openIncidentMsg asks the app to show an incident. found is the text of
// the list's find line that picked it, if any: a commander who thinks the
// incident is already open types a line there, and Enter opens the
// incident the words match, so the text is handed on rather than dropped.
type openIncidentMsg struct {
	id    int64
	found string
}

// backToListMsg asks the app to return to the incident list.
type backToListMsg struct{}
