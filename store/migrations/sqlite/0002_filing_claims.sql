-- A claim on filing one action item as a GitHub issue, so that two scribe
-- processes filing the same incident at once do not both create its issue.
-- A row lives from just before the create until the number is recorded (or
-- the create has failed); one older than the filer's lease belongs to a
-- process that died and may be taken over.
CREATE TABLE filing_claims (
	action_item_id INTEGER PRIMARY KEY REFERENCES action_items (id) ON DELETE CASCADE,
	token          TEXT    NOT NULL,
	claimed_at     TEXT    NOT NULL
);
