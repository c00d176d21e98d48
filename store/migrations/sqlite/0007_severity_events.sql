-- A severity change is an event of its own kind, "severity", carrying the
-- new severity and the one it replaced; its text is the reason given, if
-- any. A correction made after the incident was resolved has the state
-- 'corrected' (and its logged time says when it was made).
ALTER TABLE events ADD COLUMN severity INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN previous_severity INTEGER NOT NULL DEFAULT 0;

-- Until now scribe logged a severity change as a note with a sentence of
-- its own: "Severity changed from SEV3 to SEV2", or after resolution
-- "Severity corrected from SEV3 to SEV2 on 2 Jan 2026, after the incident
-- was resolved"; the TUI appended " — reason" with an edit, which kept the
-- bare sentence as a revision. Such notes become severity events. A note
-- is taken for one only when scribe could have written it: typed from the
-- TUI or the CLI (an imported document's notes are someone else's words),
-- the whole text being the sentence, or the sentence then " — " and a
-- reason when the event's history holds the bare sentence (a user's note
-- that merely starts with it stays a note), two different severities. The
-- old row is kept as a revision, as an edit would keep it.
CREATE TEMP TABLE severity_notes AS
SELECT id, base, CASE WHEN base = text THEN '' ELSE substr(text, length(base) + 4) END AS reason,
	CASE WHEN base GLOB 'Severity changed *' THEN CAST(substr(base, 26, 1) AS INTEGER)
		ELSE CAST(substr(base, 28, 1) AS INTEGER) END AS previous,
	CASE WHEN base GLOB 'Severity changed *' THEN CAST(substr(base, 34, 1) AS INTEGER)
		ELSE CAST(substr(base, 36, 1) AS INTEGER) END AS severity,
	CASE WHEN base GLOB 'Severity changed *' THEN '' ELSE 'corrected' END AS state
FROM (SELECT id, text, CASE WHEN instr(text, ' — ') > 0 THEN substr(text, 1, instr(text, ' — ') - 1) ELSE text END AS base
	FROM events WHERE kind = 'note' AND source IN ('tui', 'cli') AND text GLOB 'Severity c*') AS n
WHERE (base GLOB 'Severity changed from SEV[1-5] to SEV[1-5]'
		OR base GLOB 'Severity corrected from SEV[1-5] to SEV[1-5] on [0-9]* [A-Z][a-z][a-z] [0-9][0-9][0-9][0-9], after the incident was resolved')
	AND (base = text OR EXISTS (SELECT 1 FROM event_revisions r WHERE r.event_id = n.id AND r.text = n.base));
DELETE FROM severity_notes WHERE previous = severity;

INSERT INTO event_revisions (event_id, occurred_at, text, kind, pinned, revised_at, created_at)
SELECT e.id, e.occurred_at, e.text, e.kind, e.pinned,
	strftime('%Y-%m-%dT%H:%M:%S.000000000Z', 'now'), strftime('%Y-%m-%dT%H:%M:%S.000000000Z', 'now')
FROM events e JOIN severity_notes s ON s.id = e.id;

UPDATE events SET kind = 'severity',
	text = (SELECT s.reason FROM severity_notes s WHERE s.id = events.id),
	severity = (SELECT s.severity FROM severity_notes s WHERE s.id = events.id),
	previous_severity = (SELECT s.previous FROM severity_notes s WHERE s.id = events.id),
	state = (SELECT s.state FROM severity_notes s WHERE s.id = events.id)
WHERE id IN (SELECT id FROM severity_notes);

DROP TABLE severity_notes;

-- A status set without a message was stored as "Status: identified"; the
-- message is now empty, and every view reads the state alone.
INSERT INTO event_revisions (event_id, occurred_at, text, kind, pinned, revised_at, created_at)
SELECT id, occurred_at, text, kind, pinned,
	strftime('%Y-%m-%dT%H:%M:%S.000000000Z', 'now'), strftime('%Y-%m-%dT%H:%M:%S.000000000Z', 'now')
FROM events WHERE kind = 'status' AND text = 'Status: ' || state;
UPDATE events SET text = '' WHERE kind = 'status' AND text = 'Status: ' || state;
