-- Corrections (issue #10): an action item can be deleted softly, like an
-- event or a retro note, and action items and retro notes keep the
-- versions their edits replaced, like events (event_revisions).
ALTER TABLE action_items ADD COLUMN deleted_at TEXT;

CREATE TABLE action_item_revisions (
	id             INTEGER PRIMARY KEY,
	action_item_id INTEGER NOT NULL REFERENCES action_items (id),
	title          TEXT    NOT NULL,
	description    TEXT    NOT NULL,
	owner          TEXT    NOT NULL,
	priority       TEXT    NOT NULL,
	due            TEXT    NOT NULL,
	state          TEXT    NOT NULL,
	revised_at     TEXT    NOT NULL,
	created_at     TEXT    NOT NULL
);
CREATE INDEX action_item_revisions_item ON action_item_revisions (action_item_id, id);

CREATE TABLE retro_note_revisions (
	id            INTEGER PRIMARY KEY,
	retro_note_id INTEGER NOT NULL REFERENCES retro_notes (id),
	section       TEXT    NOT NULL,
	text          TEXT    NOT NULL,
	revised_at    TEXT    NOT NULL,
	created_at    TEXT    NOT NULL
);
CREATE INDEX retro_note_revisions_note ON retro_note_revisions (retro_note_id, id);
