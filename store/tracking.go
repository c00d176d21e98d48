package store

// The tracking issue of an incident's follow-ups, migration
// 0004_tracking_issues.sql (and PostgreSQL's schema).

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"scribe/incident"
)

const trackingColumns = `incident_id, uuid, repo, number, url, state, sync_error, postmortem_url, synced_at, created_at, updated_at`

// TrackingIssue returns the incident's tracking issue; ENOTFOUND when it has
// none (nor any attempt at one).
func (s *Store) TrackingIssue(ctx context.Context, incidentID int64) (incident.TrackingIssue, error) {
	return findTracking(ctx, s.pool(), incidentID)
}

// ClaimTracking claims the right to create incident incidentID's tracking
// issue for token, in one immediate transaction, as ClaimFiling does for an
// action item: the row (and its uuid) is made on first use; a claim held by
// token is renewed; one held by another token is honoured while younger
// than lease and taken over after. An issue already filed is not claimed:
// the caller sees it in Issue.
func (s *Store) ClaimTracking(ctx context.Context, incidentID int64, token string, lease time.Duration) (incident.TrackingClaim, error) {
	if err := checkClaim(fmt.Sprintf("the tracking issue of incident #%d", incidentID), token, lease); err != nil {
		return incident.TrackingClaim{}, err
	}
	var out incident.TrackingClaim
	err := s.write(ctx, func(tx *txn) error {
		if err := requireIncident(ctx, tx, incidentID); err != nil {
			return err
		}
		now := s.now()
		if _, err := tx.ExecContext(ctx, `INSERT INTO tracking_issues (incident_id, uuid, created_at, updated_at)
			VALUES (?, ?, ?, ?) ON CONFLICT (incident_id) DO NOTHING`,
			incidentID, newID(), formatTime(now), formatTime(now)); err != nil {
			return fmt.Errorf("record the tracking issue of incident #%d: %w", incidentID, err)
		}
		t, err := findTracking(ctx, tx, incidentID)
		if err != nil {
			return err
		}
		out = incident.TrackingClaim{Issue: t}
		if t.Filed() {
			return nil
		}
		var holder string
		var at sql.NullString
		// On PostgreSQL the row is the claim's lock: a second claimer waits
		// here until the first one's transaction ends.
		if err := tx.QueryRowContext(ctx, `SELECT claim_token, claimed_at FROM tracking_issues WHERE incident_id = ?`+tx.d.forUpdate(),
			incidentID).Scan(&holder, &at); err != nil {
			return fmt.Errorf("read the claim on the tracking issue of incident #%d: %w", incidentID, err)
		}
		if holder != "" && holder != token {
			// A claim time the database cannot read is an expired claim:
			// the next run lists before it creates, as after a lost create.
			since, _ := parseTime(at.String)
			if claimHolds(now, since, lease) {
				out.Busy, out.Since = true, since
				return nil
			}
		}
		// An expired claim (another token, or one released as "maybe
		// created") means a create may have gone out unrecorded.
		out.TookOver = holder != token && at.Valid
		if _, err := tx.ExecContext(ctx, `UPDATE tracking_issues SET claim_token = ?, claimed_at = ? WHERE incident_id = ?`,
			token, formatTime(now), incidentID); err != nil {
			return fmt.Errorf("claim the tracking issue of incident #%d: %w", incidentID, err)
		}
		out.Held = true
		return nil
	})
	return out, err
}

// ReleaseTracking gives up token's claim. maybeCreated says a create went
// unanswered: the claim is then kept but expired (token cleared, time
// kept), so that the next claimer is told TookOver and lists before it
// creates. A claim another token took over is left alone.
func (s *Store) ReleaseTracking(ctx context.Context, incidentID int64, token string, maybeCreated bool) error {
	return s.write(ctx, func(tx *txn) error {
		var err error
		if maybeCreated {
			_, err = tx.ExecContext(ctx, `UPDATE tracking_issues SET claim_token = '', claimed_at = ? WHERE incident_id = ? AND claim_token = ?`,
				formatTime(time.Time{}), incidentID, token)
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE tracking_issues SET claim_token = '', claimed_at = NULL WHERE incident_id = ? AND claim_token = ?`,
				incidentID, token)
		}
		if err != nil {
			return fmt.Errorf("release the claim on the tracking issue of incident #%d: %w", incidentID, err)
		}
		return nil
	})
}

// UpdateTrackingIssue applies fn to the incident's tracking issue in one
// transaction. IncidentID, UUID and CreatedAt are kept whatever fn does.
func (s *Store) UpdateTrackingIssue(ctx context.Context, incidentID int64, fn func(*incident.TrackingIssue) error) (incident.TrackingIssue, error) {
	var out incident.TrackingIssue
	err := s.write(ctx, func(tx *txn) error {
		old, err := findTracking(ctx, tx, incidentID)
		if err != nil {
			return err
		}
		c := old
		if err := fn(&c); err != nil {
			return err
		}
		c.IncidentID, c.UUID, c.CreatedAt = old.IncidentID, old.UUID, old.CreatedAt
		if c.Number < 0 {
			return incident.Errorf(incident.EINVALID, "tracking issue number %d: give a positive number", c.Number)
		}
		if err := checkStored("sync time", c.SyncedAt); err != nil {
			return err
		}
		c.UpdatedAt = s.now()
		if _, err := tx.ExecContext(ctx, `UPDATE tracking_issues SET repo = ?, number = ?, url = ?, state = ?, sync_error = ?,
			postmortem_url = ?, synced_at = ?, updated_at = ? WHERE incident_id = ?`,
			c.Repo, c.Number, c.URL, c.State, c.SyncError, c.PostmortemURL, nullTime(c.SyncedAt), formatTime(c.UpdatedAt), incidentID); err != nil {
			return fmt.Errorf("update the tracking issue of incident #%d: %w", incidentID, err)
		}
		out = c
		return nil
	})
	return out, err
}

func findTracking(ctx context.Context, q querier, incidentID int64) (incident.TrackingIssue, error) {
	var (
		t                              incident.TrackingIssue
		synced                         sql.NullString
		created, updated               string
		number                         int64
		repo, url, state, syncE, pmURL string
	)
	err := q.QueryRowContext(ctx, `SELECT `+trackingColumns+` FROM tracking_issues WHERE incident_id = ?`, incidentID).
		Scan(&t.IncidentID, &t.UUID, &repo, &number, &url, &state, &syncE, &pmURL, &synced, &created, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return t, incident.Errorf(incident.ENOTFOUND, "incident #%d has no tracking issue", incidentID)
	}
	if err != nil {
		return t, fmt.Errorf("read the tracking issue of incident #%d: %w", incidentID, err)
	}
	t.Repo, t.Number, t.URL, t.State, t.SyncError, t.PostmortemURL = repo, int(number), url, state, syncE, pmURL
	for _, f := range []struct {
		dst *time.Time
		src string
	}{{&t.SyncedAt, synced.String}, {&t.CreatedAt, created}, {&t.UpdatedAt, updated}} {
		if f.src == "" {
			continue
		}
		// These are bookkeeping: one the database cannot read is unknown
		// (zero), never a reason to stop filing or syncing.
		if v, err := parseTime(f.src); err == nil && incident.CheckInstant("", v) == nil {
			*f.dst = v
		}
	}
	return t, nil
}
