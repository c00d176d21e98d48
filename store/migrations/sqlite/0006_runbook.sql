-- Running the incident (issue #11). checklist_items are the steps of the
-- severity checklists attached to an incident: on declaration, and the
-- higher severity's on escalation (added, never replacing). reminders are
-- time-boxed asks ("in 15m, check replica lag"). Both carry a UUID and the
-- incident's seq like every user-created row; changes to them are logged
-- as checklist and reminder events. Times are UTC RFC 3339 text.
CREATE TABLE checklist_items (
	id          INTEGER PRIMARY KEY,
	uuid        TEXT    NOT NULL UNIQUE,
	seq         INTEGER NOT NULL DEFAULT 0,
	incident_id INTEGER NOT NULL REFERENCES incidents (id),
	text        TEXT    NOT NULL,
	severity    INTEGER NOT NULL,
	position    INTEGER NOT NULL,
	state       TEXT    NOT NULL DEFAULT 'open',
	changed_at  TEXT,
	changed_by  TEXT    NOT NULL DEFAULT '',
	created_at  TEXT    NOT NULL
);
CREATE INDEX checklist_items_incident ON checklist_items (incident_id, position);

CREATE TABLE reminders (
	id          INTEGER PRIMARY KEY,
	uuid        TEXT    NOT NULL UNIQUE,
	seq         INTEGER NOT NULL DEFAULT 0,
	incident_id INTEGER NOT NULL REFERENCES incidents (id),
	text        TEXT    NOT NULL,
	who         TEXT    NOT NULL DEFAULT '',
	due_at      TEXT    NOT NULL,
	state       TEXT    NOT NULL DEFAULT 'open',
	author      TEXT    NOT NULL DEFAULT '',
	created_at  TEXT    NOT NULL,
	closed_at   TEXT
);
CREATE INDEX reminders_incident ON reminders (incident_id, due_at, id);
