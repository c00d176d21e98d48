package store

import (
	"context"
	"fmt"
)

// DataVersion changes whenever any connection (this process or another)
// commits to the database; the TUI polls it.
//
// PRAGMA data_version is per connection and only moves for commits made by
// other connections, so it is always read on the same connection, kept for
// the Store's life (opened on first use, so the CLI never pays for it). On
// PostgreSQL it is the sum of the incidents' sequence numbers and their
// count, which every write moves (see lock).
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	if s.d.postgres {
		var v int64
		if err := s.db.QueryRowContext(ctx, `SELECT coalesce(sum(seq), 0) + count(*) FROM incidents`).Scan(&v); err != nil {
			return 0, s.fault("watch", err)
		}
		return v, nil
	}
	s.watchMu.Lock()
	defer s.watchMu.Unlock()
	if s.watch == nil {
		c, err := s.db.Conn(ctx)
		if err != nil {
			return 0, fmt.Errorf("watch %s: %w", s.location, err)
		}
		s.watch = c
	}
	var v int64
	if err := s.watch.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		// A fresh connection next time; its numbering differs, which a
		// poller sees as one spurious change rather than a missed one.
		s.watch.Close()
		s.watch = nil
		return 0, fmt.Errorf("watch %s: %w", s.location, err)
	}
	return v, nil
}
