-- Team mode (issue #9). Every user-created row gets a client-generated
-- UUID (UUIDv7), the same in every database and in the offline outbox, so
-- that writes can be sent again without duplicating and incidents pushed
-- incrementally. Every write bumps its incident's seq and stamps the rows
-- it writes with it, so that a reader asks for what changed after the seq
-- it last saw. operations records the UUID of every operation applied,
-- which makes applying one twice a no-op.
ALTER TABLE incidents ADD COLUMN uuid TEXT;
ALTER TABLE incidents ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
-- The seq at which the incident's own fields last changed.
ALTER TABLE incidents ADD COLUMN changed_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN uuid TEXT;
ALTER TABLE events ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE role_assignments ADD COLUMN uuid TEXT;
ALTER TABLE role_assignments ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE action_items ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE retro_notes ADD COLUMN uuid TEXT;
ALTER TABLE retro_notes ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;

-- Existing rows get a UUIDv7 from their creation time (48 bits of Unix
-- milliseconds, version 7, the variant, 74 random bits); a time that cannot
-- be read counts as 1970.
UPDATE incidents SET uuid = (SELECT printf('%08x-%04x-7%s-%x%s-%s', ms / 65536, ms % 65536, substr(h, 1, 3),
	8 + abs(random()) % 4, substr(h, 4, 3), substr(h, 7, 12))
	FROM (SELECT coalesce(CAST(round((julianday(incidents.created_at) - 2440587.5) * 86400000) AS INTEGER), 0) AS ms,
		lower(hex(randomblob(9))) AS h));
UPDATE events SET uuid = (SELECT printf('%08x-%04x-7%s-%x%s-%s', ms / 65536, ms % 65536, substr(h, 1, 3),
	8 + abs(random()) % 4, substr(h, 4, 3), substr(h, 7, 12))
	FROM (SELECT coalesce(CAST(round((julianday(events.created_at) - 2440587.5) * 86400000) AS INTEGER), 0) AS ms,
		lower(hex(randomblob(9))) AS h));
UPDATE role_assignments SET uuid = (SELECT printf('%08x-%04x-7%s-%x%s-%s', ms / 65536, ms % 65536, substr(h, 1, 3),
	8 + abs(random()) % 4, substr(h, 4, 3), substr(h, 7, 12))
	FROM (SELECT coalesce(CAST(round((julianday(role_assignments.created_at) - 2440587.5) * 86400000) AS INTEGER), 0) AS ms,
		lower(hex(randomblob(9))) AS h));
UPDATE retro_notes SET uuid = (SELECT printf('%08x-%04x-7%s-%x%s-%s', ms / 65536, ms % 65536, substr(h, 1, 3),
	8 + abs(random()) % 4, substr(h, 4, 3), substr(h, 7, 12))
	FROM (SELECT coalesce(CAST(round((julianday(retro_notes.created_at) - 2440587.5) * 86400000) AS INTEGER), 0) AS ms,
		lower(hex(randomblob(9))) AS h));

CREATE UNIQUE INDEX incidents_uuid ON incidents (uuid);
CREATE UNIQUE INDEX events_uuid ON events (uuid);
CREATE UNIQUE INDEX role_assignments_uuid ON role_assignments (uuid);
CREATE UNIQUE INDEX retro_notes_uuid ON retro_notes (uuid);
CREATE INDEX events_changes ON events (incident_id, seq);

CREATE TABLE operations (
	uuid        TEXT    PRIMARY KEY,
	incident_id INTEGER NOT NULL REFERENCES incidents (id),
	kind        TEXT    NOT NULL,
	seq         INTEGER NOT NULL,
	created_at  TEXT    NOT NULL
);
