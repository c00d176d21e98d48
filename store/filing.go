package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"scribe/incident"
)

// ClaimFiling claims the right to create the issue of action item itemID
// for token, in one immediate transaction so that two processes cannot both
// win. A claim already held by token is renewed; one held by another token
// is honoured while it is younger than lease and taken over after. An item
// that already has an issue is not claimed at all: the caller sees it in
// Item.
func (s *Store) ClaimFiling(ctx context.Context, itemID int64, token string, lease time.Duration) (incident.FilingClaim, error) {
	if err := checkClaim(fmt.Sprintf("action item #%d", itemID), token, lease); err != nil {
		return incident.FilingClaim{}, err
	}
	var out incident.FilingClaim
	err := s.write(ctx, func(tx *txn) error {
		// On PostgreSQL the item's row is the claim's lock: a second
		// claimer waits here until the first one's transaction ends.
		var one int
		if err := tx.QueryRowContext(ctx, `SELECT 1 FROM action_items WHERE id = ?`+tx.d.forUpdate(), itemID).Scan(&one); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("claim action item #%d for filing: %w", itemID, err)
		}
		item, err := findActionItem(ctx, tx, itemID)
		if err != nil {
			return err
		}
		out = incident.FilingClaim{Item: item}
		if item.Deleted() {
			return incident.Errorf(incident.ECONFLICT, "action item #%d was deleted: it is not filed", itemID)
		}
		if item.GitHub.Filed() {
			return nil
		}
		now := s.now()
		var holder, at string
		err = tx.QueryRowContext(ctx, `SELECT token, claimed_at FROM filing_claims WHERE action_item_id = ?`, itemID).Scan(&holder, &at)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return fmt.Errorf("read the filing claim on action item #%d: %w", itemID, err)
		case holder != token:
			// A claim time the database cannot read is an expired claim:
			// taken over, so the run lists before it creates.
			since, _ := parseTime(at)
			if claimHolds(now, since, lease) {
				out.Busy, out.Since = true, since
				return nil
			}
			out.TookOver = true
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO filing_claims (action_item_id, token, claimed_at) VALUES (?, ?, ?)
			ON CONFLICT (action_item_id) DO UPDATE SET token = excluded.token, claimed_at = excluded.claimed_at`,
			itemID, token, formatTime(now)); err != nil {
			return fmt.Errorf("claim action item #%d for filing: %w", itemID, err)
		}
		out.Held = true
		return nil
	})
	return out, err
}

// ReleaseFiling gives up token's claim on action item itemID: after the
// issue number is recorded, or once creating it has failed. maybeCreated
// says the failure left it unknown whether GitHub made the issue (no
// answer, a 5xx): the claim is then kept but expired, so the next process
// to claim the item is told TookOver and looks for the issue before it
// creates another. A claim that another token took over meanwhile is left
// alone.
func (s *Store) ReleaseFiling(ctx context.Context, itemID int64, token string, maybeCreated bool) error {
	return s.write(ctx, func(tx *txn) error {
		var err error
		if maybeCreated {
			_, err = tx.ExecContext(ctx, `UPDATE filing_claims SET token = '', claimed_at = ? WHERE action_item_id = ? AND token = ?`,
				formatTime(time.Time{}), itemID, token)
		} else {
			_, err = tx.ExecContext(ctx, `DELETE FROM filing_claims WHERE action_item_id = ? AND token = ?`, itemID, token)
		}
		if err != nil {
			return fmt.Errorf("release the filing claim on action item #%d: %w", itemID, err)
		}
		return nil
	})
}
