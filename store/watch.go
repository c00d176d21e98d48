package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/lib/pq"
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

// How often Watch looks for changes when nothing tells it: SQLite's
// data_version is a cheap read of shared memory; on PostgreSQL the poll
// backs up LISTEN (a notification sent while the connection was down is
// lost) and replaces it where it is unavailable (behind a transaction
// pooler). Both keep another writer's line on screen within a second.
const (
	sqlitePoll   = 250 * time.Millisecond
	postgresPoll = 500 * time.Millisecond
	// rewatch is how long Watch waits before it connects again after
	// losing the database.
	rewatch = time.Second
)

// Watch tells the caller when the incident (0: any incident, e.g. for a
// list) may have changed: a value arrives on the channel after a write by
// anyone (this process, another, another machine) and at most one waits,
// so a burst of writes is one wake-up. The caller then catches up with
// Changes (or Incidents). The channel is closed when ctx ends.
//
// It is meant to be read inside a tea.Cmd, which keeps the TUI's Update
// free of I/O: the command blocks on the channel and returns a message,
// and handling that message starts the next wait. The database may be out
// of reach for a while: Watch keeps trying, and reports nothing until
// there is something to catch up with.
func (s *Store) Watch(ctx context.Context, incidentID int64) (<-chan struct{}, error) {
	if incidentID != 0 {
		if err := requireIncident(ctx, s.pool(), incidentID); err != nil {
			return nil, err
		}
	}
	ch := make(chan struct{}, 1)
	w := &watcher{s: s, incidentID: incidentID, ch: ch}
	var err error
	if w.last, err = w.version(ctx, sqlRows(s.pool())); err != nil {
		return nil, s.faultOrDomain(err)
	}
	if s.d.postgres {
		go w.listen(ctx)
	} else {
		go w.poll(ctx)
	}
	return ch, nil
}

// watcher is one Watch's state, owned by its goroutine.
type watcher struct {
	s          *Store
	incidentID int64
	ch         chan struct{}
	last       int64 // the version last reported
}

// version is what moves when the watched incident (or any) changes: its
// seq, or the sum of all seqs and their count.
func (w *watcher) version(ctx context.Context, row rowReader) (int64, error) {
	var v int64
	var err error
	if w.incidentID != 0 {
		err = row(ctx, `SELECT seq FROM incidents WHERE id = ?`, w.incidentID).Scan(&v)
	} else {
		err = row(ctx, `SELECT coalesce(sum(seq), 0) + count(*) FROM incidents`).Scan(&v)
	}
	return v, err
}

// check reports a change when the version moved.
// check reports a change when the version moved; its error means the
// connection is gone.
func (w *watcher) check(ctx context.Context, row rowReader) error {
	v, err := w.version(ctx, row)
	if err != nil || v == w.last {
		return err
	}
	w.last = v
	w.notify()
	return nil
}

func (w *watcher) notify() {
	select {
	case w.ch <- struct{}{}:
	default: // one wake-up waiting is enough
	}
}

// poll watches SQLite: PRAGMA data_version on a connection of its own
// moves when any other connection commits, and only then is the version
// read.
func (w *watcher) poll(ctx context.Context) {
	defer close(w.ch)
	tick := time.NewTicker(sqlitePoll)
	defer tick.Stop()
	var conn *sql.Conn
	defer func() {
		if conn != nil {
			conn.Close()
		}
	}()
	var dv int64 = -1
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		if conn == nil {
			c, err := w.s.db.Conn(ctx)
			if err != nil {
				continue
			}
			conn = c
		}
		var v int64
		if err := conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
			conn.Close()
			conn, dv = nil, -1
			continue
		}
		if v != dv {
			dv = v
			w.check(ctx, sqlRows(runner{r: conn, d: w.s.d}))
		}
	}
}

// listen watches PostgreSQL: LISTEN on a connection of its own, and the
// version read on every notification for the incident and every poll.
func (w *watcher) listen(ctx context.Context) {
	defer close(w.ch)
	for ctx.Err() == nil {
		w.session(ctx)
		select {
		case <-ctx.Done():
		case <-time.After(rewatch):
		}
	}
}

// session is one connection's worth of listen: LISTEN on a lib/pq
// notification connection of its own, the version read through the pool.
// It returns when that connection fails, a read does, or ctx ends.
func (w *watcher) session(ctx context.Context) {
	notes := make(chan *pq.Notification, 16)
	lc, err := pq.NewListenerConn(w.s.listenURL, notes)
	if err != nil {
		return
	}
	stop := context.AfterFunc(ctx, func() { lc.Close() })
	defer func() {
		stop()
		lc.Close()
		for range notes { // until lib/pq's reader, unblocked, closes it
		}
	}()
	row := sqlRows(w.s.pool())
	// LISTEN fails behind a transaction pooler; polling alone then does.
	if executed, err := lc.Listen("scribe_changes"); !executed && err != nil {
		return
	}
	if w.check(ctx, row) != nil { // what changed while it was not watching
		return
	}
	tick := time.NewTicker(postgresPoll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case n, ok := <-notes:
			if !ok {
				return
			}
			if !w.concerns(n.Extra) {
				continue
			}
		case <-tick.C:
		}
		if w.check(ctx, row) != nil {
			return
		}
	}
}

// concerns reports whether a notification's payload ("id:seq") is about
// the watched incident.
func (w *watcher) concerns(payload string) bool {
	if w.incidentID == 0 {
		return true
	}
	id, _, _ := strings.Cut(payload, ":")
	return id == strconv.FormatInt(w.incidentID, 10)
}

// rowReader reads one row: a database/sql querier's QueryRowContext.
type rowReader func(ctx context.Context, query string, args ...any) scanner

func sqlRows(q querier) rowReader {
	return func(ctx context.Context, query string, args ...any) scanner {
		return q.QueryRowContext(ctx, query, args...)
	}
}
