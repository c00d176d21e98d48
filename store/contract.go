package store

// This file is the agreed API of the store, written before its
// implementation so that the CLI, TUI, export, ingest and GitHub code can be
// built against it in parallel. The store implementer replaces each stub with
// the real method (in the file named in its comment) and deletes this file.

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"scribe/incident"
)

var errTODO = errors.New("store: not implemented yet")

// Store is scribe's SQLite database.
type Store struct {
	db   *sql.DB
	path string
	// Now is the clock; tests replace it.
	Now func() time.Time
}

// Origin says when, by whom and from where a change was made. A zero At
// means now.
type Origin struct {
	At     time.Time
	Author string
	Source incident.Source
}

// Open opens (creating it and its directory when missing) the database at
// path, applies migrations, and refuses files that are not scribe databases
// or that a newer scribe wrote, leaving them untouched. (store.go)
func Open(ctx context.Context, path string) (*Store, error) { return nil, errTODO }

// Close closes the database. (store.go)
func (s *Store) Close() error { return nil }

// Path is the database file. (store.go)
func (s *Store) Path() string { return s.path }

// DataVersion changes whenever any connection (this process or another)
// commits to the database; the TUI polls it. (watch.go)
func (s *Store) DataVersion(ctx context.Context) (int64, error) { return 0, errTODO }

// CreateIncident stores a new incident, setting ID, CreatedAt, defaults
// (state investigating, severity 3, declared milestone = o.At) and logging the
// "declared" milestone event. (incident.go)
func (s *Store) CreateIncident(ctx context.Context, inc *incident.Incident, o Origin) error {
	return errTODO
}

// Incident returns one incident; ENOTFOUND names the number. (incident.go)
func (s *Store) Incident(ctx context.Context, id int64) (incident.Incident, error) {
	return incident.Incident{}, errTODO
}

// Incidents lists incidents, newest first. (incident.go)
func (s *Store) Incidents(ctx context.Context) ([]incident.Incident, error) { return nil, errTODO }

// UpdateIncident reads the incident, applies fn and writes it back in one
// transaction; fn's error aborts with nothing written. (incident.go)
func (s *Store) UpdateIncident(ctx context.Context, id int64, fn func(*incident.Incident) error) (incident.Incident, error) {
	return incident.Incident{}, errTODO
}

// SetSeverity changes the severity and logs a note saying so. (incident.go)
func (s *Store) SetSeverity(ctx context.Context, id int64, sev incident.Severity, o Origin) (incident.Event, error) {
	return incident.Event{}, errTODO
}

// SetStatus changes the state and logs a status event carrying message; a
// change to resolved sets the resolved milestone when unset. (status.go)
func (s *Store) SetStatus(ctx context.Context, id int64, st incident.State, message string, o Origin) (incident.Event, error) {
	return incident.Event{}, errTODO
}

// SetMilestone sets a milestone's time and logs a milestone event. (milestone.go)
func (s *Store) SetMilestone(ctx context.Context, id int64, m incident.Milestone, o Origin) (incident.Event, error) {
	return incident.Event{}, errTODO
}

// AssignRole gives role (any alias; canonicalised) to person at o.At,
// closing the current holder's assignment, and logs a role event. (role.go)
func (s *Store) AssignRole(ctx context.Context, id int64, role, person string, o Origin) (incident.Event, error) {
	return incident.Event{}, errTODO
}

// Roles lists the incident's role assignments, oldest first. (role.go)
func (s *Store) Roles(ctx context.Context, id int64) ([]incident.RoleAssignment, error) {
	return nil, errTODO
}

// LogEvent appends a free-kind event (note, action, decision, observation,
// comms), setting ID and LoggedAt; a zero OccurredAt means now. (event.go)
func (s *Store) LogEvent(ctx context.Context, e *incident.Event) error { return errTODO }

// Event returns one event, deleted or not. (event.go)
func (s *Store) Event(ctx context.Context, id int64) (incident.Event, error) {
	return incident.Event{}, errTODO
}

// Events lists the incident's live events ordered by OccurredAt, then ID. (event.go)
func (s *Store) Events(ctx context.Context, incidentID int64) ([]incident.Event, error) {
	return nil, errTODO
}

// EditEvent applies fn to the event (text, time, kind, pin) in one
// transaction, keeping the previous version as a revision. (event.go)
func (s *Store) EditEvent(ctx context.Context, id int64, fn func(*incident.Event) error) (incident.Event, error) {
	return incident.Event{}, errTODO
}

// DeleteEvent soft-deletes an event. (event.go)
func (s *Store) DeleteEvent(ctx context.Context, id int64) error { return errTODO }

// RestoreEvent undoes DeleteEvent. (event.go)
func (s *Store) RestoreEvent(ctx context.Context, id int64) error { return errTODO }

// Revisions lists an event's earlier versions, oldest first. (event.go)
func (s *Store) Revisions(ctx context.Context, eventID int64) ([]incident.Revision, error) {
	return nil, errTODO
}

// AddActionItem stores a new item (UUID generated, state open by default)
// and logs an action-item event. (actionitem.go)
func (s *Store) AddActionItem(ctx context.Context, item *incident.ActionItem, o Origin) error {
	return errTODO
}

// ActionItem returns one item. (actionitem.go)
func (s *Store) ActionItem(ctx context.Context, id int64) (incident.ActionItem, error) {
	return incident.ActionItem{}, errTODO
}

// ActionItems lists an incident's items, oldest first. (actionitem.go)
func (s *Store) ActionItems(ctx context.Context, incidentID int64) ([]incident.ActionItem, error) {
	return nil, errTODO
}

// UpdateActionItem applies fn to the item in one transaction. (actionitem.go)
func (s *Store) UpdateActionItem(ctx context.Context, id int64, fn func(*incident.ActionItem) error) (incident.ActionItem, error) {
	return incident.ActionItem{}, errTODO
}

// AddRetroNote appends a note at the end of its section. (retro.go)
func (s *Store) AddRetroNote(ctx context.Context, n *incident.RetroNote) error { return errTODO }

// RetroNotes lists live notes by section order, then Order. (retro.go)
func (s *Store) RetroNotes(ctx context.Context, incidentID int64) ([]incident.RetroNote, error) {
	return nil, errTODO
}

// DeleteRetroNote soft-deletes a note. (retro.go)
func (s *Store) DeleteRetroNote(ctx context.Context, id int64) error { return errTODO }

// Snapshot reads an incident with everything attached, in one read
// transaction. (snapshot.go)
func (s *Store) Snapshot(ctx context.Context, id int64) (incident.Snapshot, error) {
	return incident.Snapshot{}, errTODO
}

// ImportSnapshot writes a snapshot in one transaction. With into == 0 it
// creates a new incident from snap.Incident (milestones, narrative and all);
// otherwise it appends snap's events, roles, action items and retro notes to
// incident into. IDs in snap are ignored; events keep their times, authors,
// pins and LoggedAt (now when zero); Source is kept, import when empty.
// Returns the incident's id. (snapshot.go)
func (s *Store) ImportSnapshot(ctx context.Context, snap incident.Snapshot, into int64) (int64, error) {
	return 0, errTODO
}
