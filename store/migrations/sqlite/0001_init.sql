-- The first schema. application_id marks the file as scribe's, so that Open
-- can refuse another program's SQLite database without touching it.
PRAGMA application_id = 1396920898;

CREATE TABLE schema_migrations (
	name       TEXT PRIMARY KEY,
	created_at TEXT NOT NULL
);

CREATE TABLE incidents (
	id           INTEGER PRIMARY KEY,
	title        TEXT    NOT NULL,
	severity     INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 5),
	state        TEXT    NOT NULL,
	timezone     TEXT    NOT NULL,
	summary      TEXT    NOT NULL DEFAULT '',
	impact       TEXT    NOT NULL DEFAULT '',
	root_cause   TEXT    NOT NULL DEFAULT '',
	trigger      TEXT    NOT NULL DEFAULT '',
	resolution   TEXT    NOT NULL DEFAULT '',
	services     TEXT    NOT NULL DEFAULT '[]', -- JSON array of names
	started_at   TEXT,
	detected_at  TEXT,
	declared_at  TEXT,
	mitigated_at TEXT,
	resolved_at  TEXT,
	created_at   TEXT    NOT NULL,
	updated_at   TEXT    NOT NULL
);

CREATE TABLE action_items (
	id                INTEGER PRIMARY KEY,
	incident_id       INTEGER NOT NULL REFERENCES incidents (id),
	uuid              TEXT    NOT NULL UNIQUE,
	title             TEXT    NOT NULL,
	description       TEXT    NOT NULL DEFAULT '',
	owner             TEXT    NOT NULL DEFAULT '',
	priority          TEXT    NOT NULL DEFAULT '',
	due               TEXT    NOT NULL DEFAULT '',
	state             TEXT    NOT NULL DEFAULT 'open',
	event_id          INTEGER REFERENCES events (id),
	github_repo       TEXT    NOT NULL DEFAULT '',
	github_number     INTEGER NOT NULL DEFAULT 0,
	github_url        TEXT    NOT NULL DEFAULT '',
	github_state      TEXT    NOT NULL DEFAULT '',
	github_sync_error TEXT    NOT NULL DEFAULT '',
	github_synced_at  TEXT,
	created_at        TEXT    NOT NULL,
	updated_at        TEXT    NOT NULL
);
CREATE INDEX action_items_incident ON action_items (incident_id, id);

CREATE TABLE events (
	id             INTEGER PRIMARY KEY,
	incident_id    INTEGER NOT NULL REFERENCES incidents (id),
	occurred_at    TEXT    NOT NULL,
	logged_at      TEXT    NOT NULL,
	kind           TEXT    NOT NULL,
	text           TEXT    NOT NULL,
	author         TEXT    NOT NULL DEFAULT '',
	pinned         INTEGER NOT NULL DEFAULT 0,
	source         TEXT    NOT NULL DEFAULT '',
	role           TEXT    NOT NULL DEFAULT '',
	person         TEXT    NOT NULL DEFAULT '',
	state          TEXT    NOT NULL DEFAULT '',
	milestone      TEXT    NOT NULL DEFAULT '',
	action_item_id INTEGER REFERENCES action_items (id),
	deleted_at     TEXT,
	created_at     TEXT    NOT NULL,
	updated_at     TEXT    NOT NULL
);
CREATE INDEX events_timeline ON events (incident_id, occurred_at, id);

CREATE TABLE event_revisions (
	id          INTEGER PRIMARY KEY,
	event_id    INTEGER NOT NULL REFERENCES events (id),
	occurred_at TEXT    NOT NULL,
	text        TEXT    NOT NULL,
	kind        TEXT    NOT NULL,
	pinned      INTEGER NOT NULL,
	revised_at  TEXT    NOT NULL,
	created_at  TEXT    NOT NULL
);
CREATE INDEX event_revisions_event ON event_revisions (event_id, id);

CREATE TABLE role_assignments (
	id          INTEGER PRIMARY KEY,
	incident_id INTEGER NOT NULL REFERENCES incidents (id),
	role        TEXT    NOT NULL,
	person      TEXT    NOT NULL,
	from_at     TEXT    NOT NULL,
	until_at    TEXT,
	event_id    INTEGER REFERENCES events (id),
	created_at  TEXT    NOT NULL
);
CREATE INDEX role_assignments_incident ON role_assignments (incident_id, role, from_at);

CREATE TABLE retro_notes (
	id          INTEGER PRIMARY KEY,
	incident_id INTEGER NOT NULL REFERENCES incidents (id),
	section     TEXT    NOT NULL,
	text        TEXT    NOT NULL,
	position    INTEGER NOT NULL,
	deleted_at  TEXT,
	created_at  TEXT    NOT NULL
);
CREATE INDEX retro_notes_incident ON retro_notes (incident_id, section, position);
