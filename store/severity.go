package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"scribe/incident"
)

// followLatestSeverity makes the incident's severity that of its latest
// live severity event, after changed (a severity event) was deleted or
// restored: undoing "/sev 1" puts back the severity before it. Latest is
// by when the change was made (logged), not by its place in the timeline:
// a correction after resolution is dated at the incident's beginning but
// is the last word. With none left, the severity becomes the one the
// deleted event replaced, when it is known.
func (s *Store) followLatestSeverity(ctx context.Context, tx *txn, changed incident.Event) error {
	var sev int64
	err := tx.QueryRowContext(ctx, `SELECT severity FROM events
		WHERE incident_id = ? AND kind = 'severity' AND deleted_at IS NULL
		ORDER BY logged_at DESC, id DESC LIMIT 1`, tx.incident).Scan(&sev)
	if errors.Is(err, sql.ErrNoRows) {
		sev, err = int64(changed.PreviousSeverity), nil
	}
	if err != nil {
		return fmt.Errorf("read the latest severity of incident #%d: %w", tx.incident, err)
	}
	latest := incident.Severity(sev)
	if !latest.Valid() {
		return nil
	}
	_, err = s.changeIncident(ctx, tx, func(inc *incident.Incident) error {
		inc.Severity = latest
		return nil
	})
	return err
}
