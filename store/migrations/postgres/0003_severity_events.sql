-- A severity change is an event of its own kind, "severity": see SQLite's
-- 0007_severity_events.sql, which this follows step by step.
ALTER TABLE scribe.events ADD COLUMN severity integer NOT NULL DEFAULT 0;
ALTER TABLE scribe.events ADD COLUMN previous_severity integer NOT NULL DEFAULT 0;

CREATE TEMP TABLE severity_notes ON COMMIT DROP AS
SELECT id, base, CASE WHEN base = text THEN '' ELSE substr(text, length(base) + 4) END AS reason,
	CASE WHEN base LIKE 'Severity changed %' THEN substr(base, 26, 1)::integer
		ELSE substr(base, 28, 1)::integer END AS previous,
	CASE WHEN base LIKE 'Severity changed %' THEN substr(base, 34, 1)::integer
		ELSE substr(base, 36, 1)::integer END AS severity,
	CASE WHEN base LIKE 'Severity changed %' THEN '' ELSE 'corrected' END AS state
FROM (SELECT id, text, CASE WHEN strpos(text, ' — ') > 0 THEN left(text, strpos(text, ' — ') - 1) ELSE text END AS base
	FROM scribe.events WHERE kind = 'note' AND source IN ('tui', 'cli') AND text LIKE 'Severity c%') AS n
WHERE (base ~ '^Severity changed from SEV[1-5] to SEV[1-5]$'
		OR base ~ '^Severity corrected from SEV[1-5] to SEV[1-5] on [0-9]+ [A-Z][a-z][a-z] [0-9]{4}, after the incident was resolved$')
	AND (base = text OR EXISTS (SELECT 1 FROM scribe.event_revisions r WHERE r.event_id = n.id AND r.text = n.base));
DELETE FROM severity_notes WHERE previous = severity;

INSERT INTO scribe.event_revisions (event_id, occurred_at, text, kind, pinned, revised_at, created_at)
SELECT e.id, e.occurred_at, e.text, e.kind, e.pinned,
	to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS".000000000Z"'),
	to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS".000000000Z"')
FROM scribe.events e JOIN severity_notes s ON s.id = e.id;

UPDATE scribe.events e SET kind = 'severity', text = s.reason, severity = s.severity,
	previous_severity = s.previous, state = s.state
FROM severity_notes s WHERE s.id = e.id;

INSERT INTO scribe.event_revisions (event_id, occurred_at, text, kind, pinned, revised_at, created_at)
SELECT id, occurred_at, text, kind, pinned,
	to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS".000000000Z"'),
	to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS".000000000Z"')
FROM scribe.events WHERE kind = 'status' AND text = 'Status: ' || state;
UPDATE scribe.events SET text = '' WHERE kind = 'status' AND text = 'Status: ' || state;
