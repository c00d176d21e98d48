-- The GitHub issue that tracks an incident's follow-ups (scribe github file
-- --tracking): at most one per incident. uuid is the marker its body ends
-- with; repo is set before the create is sent and number once it is
-- answered, so a run that died in between is found by listing. The claim
-- columns keep two scribe processes from creating it at the same moment,
-- as filing_claims does for action items. postmortem_url is the link the
-- body shows, kept so that a sync rewriting the body keeps it too.
CREATE TABLE tracking_issues (
	incident_id INTEGER PRIMARY KEY REFERENCES incidents (id) ON DELETE CASCADE,
	uuid        TEXT    NOT NULL UNIQUE,
	repo        TEXT    NOT NULL DEFAULT '',
	number      INTEGER NOT NULL DEFAULT 0,
	url         TEXT    NOT NULL DEFAULT '',
	state       TEXT    NOT NULL DEFAULT '',
	postmortem_url TEXT NOT NULL DEFAULT '',
	sync_error  TEXT    NOT NULL DEFAULT '',
	synced_at   TEXT,
	claim_token TEXT    NOT NULL DEFAULT '',
	claimed_at  TEXT,
	created_at  TEXT    NOT NULL,
	updated_at  TEXT    NOT NULL
);
