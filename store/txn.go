package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"

	"scribe/incident"
)

// dialect is what differs between SQLite's SQL and PostgreSQL's, as far as
// the statements of this package go: they are written once, in SQLite's
// form, and rebind turns them into PostgreSQL's.
type dialect struct {
	postgres bool
}

var (
	sqliteDialect   = dialect{}
	postgresDialect = dialect{postgres: true}
)

// rebind turns SQLite's placeholders (? and ?N) into PostgreSQL's ($N).
// The statements of this package hold no ? inside string literals, but
// quoted text is skipped anyway.
func (d dialect) rebind(q string) string {
	if !d.postgres || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n, quoted := 0, false
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'':
			quoted = !quoted
		case c == '?' && !quoted:
			j := i + 1
			for j < len(q) && q[j] >= '0' && q[j] <= '9' {
				j++
			}
			b.WriteByte('$')
			if j > i+1 {
				b.WriteString(q[i+1 : j])
			} else {
				n++
				b.WriteString(strconv.Itoa(n))
			}
			i = j - 1
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// forUpdate is the clause that locks the rows a SELECT reads until the
// transaction ends. SQLite has none and needs none: a write transaction
// holds the whole database.
func (d dialect) forUpdate() string {
	if d.postgres {
		return " FOR UPDATE"
	}
	return ""
}

// querier is what read helpers need: a transaction, a connection or the
// pool, in the store's dialect.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// sqlRunner is a *sql.Tx, *sql.Conn or *sql.DB.
type sqlRunner interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// runner runs the store's statements on r, rebound to the dialect. A
// detached runner does not hand the caller's cancellation down to the
// driver (see writeOn).
type runner struct {
	r        sqlRunner
	d        dialect
	detached bool
}

func (q runner) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return q.r.ExecContext(q.context(ctx), q.d.rebind(query), args...)
}

func (q runner) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return q.r.QueryContext(q.context(ctx), q.d.rebind(query), args...)
}

func (q runner) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return q.r.QueryRowContext(q.context(ctx), q.d.rebind(query), args...)
}

func (q runner) context(ctx context.Context) context.Context {
	if q.detached {
		return context.WithoutCancel(ctx)
	}
	return ctx
}

// pool runs statements on the store's pool, outside any transaction.
func (s *Store) pool() querier { return runner{r: s.db, d: s.d} }

// txn is one write transaction. seq is the incident sequence number its
// changes are stamped with, set by lock; conn is the connection it runs
// on, for the driver-level work of imports.
type txn struct {
	runner
	conn     *sql.Conn
	seq      int64
	incident int64
	created  int64 // the incident this transaction inserted, if any
}

// rconn is one read transaction's connection.
type rconn struct {
	runner
	conn *sql.Conn
}

// importCacheKiB is the page cache an import works with. SQLite's default
// (2 MiB) is a tenth of what 100,000 events take, and pages that do not
// fit spill to the WAL before the commit, some of them again and again.
const importCacheKiB = 64 << 10

// write runs fn in one transaction. On SQLite it begins IMMEDIATE (see the
// DSN), so that it takes the write lock up front and waits for it under the
// busy timeout, instead of failing to upgrade a read lock later; on
// PostgreSQL fn's first statement locks the incident it changes (see
// lock).
func (s *Store) write(ctx context.Context, fn func(tx *txn) error) error {
	return s.writeOn(ctx, false, fn)
}

// bulkWrite is write for imports: on SQLite the connection has a page
// cache big enough for the whole import while fn runs. The transaction,
// its journal and its durability are write's.
func (s *Store) bulkWrite(ctx context.Context, fn func(tx *txn) error) error {
	return s.writeOn(ctx, true, fn)
}

func (s *Store) writeOn(ctx context.Context, bulk bool, fn func(tx *txn) error) error {
	if s.readOnly {
		return s.refuseWrite()
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return s.fault("begin a transaction", err)
	}
	defer conn.Close()
	if bulk && !s.d.postgres {
		var cache int64
		if err := conn.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&cache); err != nil {
			return fmt.Errorf("read the cache size of %s: %w", s.location, err)
		}
		if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", importCacheKiB)); err != nil {
			return fmt.Errorf("grow the cache of %s: %w", s.location, err)
		}
		// The connection goes back to the pool with its usual cache.
		defer conn.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf("PRAGMA cache_size = %d", cache))
	}
	// An ordinary write on SQLite is a few short statements, and none of
	// them waits for another process but BEGIN IMMEDIATE, whose wait for
	// the write lock SQLite's busy handler sleeps through whatever the
	// context says (a cancelled BEGIN returns when the lock is free or the
	// busy timeout is over, as a watched one did). Watching ctx costs a
	// goroutine per statement in database/sql and the driver, which was a
	// good part of a one-line `scribe log`; so its statements run detached
	// and ctx is looked at before the transaction begins and before it
	// commits: a cancelled write still commits nothing. Imports (bulk) and
	// PostgreSQL, whose statements can run or wait long, keep watching it.
	detach := !bulk && !s.d.postgres
	beginCtx := ctx
	if detach {
		if err := ctx.Err(); err != nil {
			return s.fault("begin a transaction", err)
		}
		beginCtx = context.WithoutCancel(ctx)
	}
	sqlTx, err := conn.BeginTx(beginCtx, nil)
	if err != nil {
		return s.fault("begin a transaction", err)
	}
	defer sqlTx.Rollback()
	tx := &txn{runner: runner{sqlTx, s.d, detach}, conn: conn}
	if err := fn(tx); err != nil {
		return s.faultOrDomain(err)
	}
	if err := ctx.Err(); err != nil {
		return s.fault("commit", err)
	}
	if err := sqlTx.Commit(); err != nil {
		return s.fault("commit", err)
	}
	return nil
}

// read runs fn in one read-only transaction: a consistent view that never
// takes the write lock, so readers and writers do not wait for each other
// (deferred on SQLite, repeatable read on PostgreSQL).
func (s *Store) read(ctx context.Context, fn func(q *rconn) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return s.fault("read", err)
	}
	defer conn.Close()
	begin := "BEGIN DEFERRED"
	if s.d.postgres {
		begin = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"
	}
	if _, err := conn.ExecContext(ctx, begin); err != nil {
		return s.fault("begin a read", err)
	}
	ferr := fn(&rconn{runner: runner{r: conn, d: s.d}, conn: conn})
	if _, err := conn.ExecContext(context.WithoutCancel(ctx), "COMMIT"); err != nil {
		// A connection left inside a transaction must not go back to the pool.
		conn.Raw(func(any) error { return driver.ErrBadConn })
		if ferr == nil {
			ferr = s.fault("end a read", err)
		}
	}
	return s.faultOrDomain(ferr)
}

// fault wraps an error of the database itself (not of the request) with
// what was being done and where.
func (s *Store) fault(what string, err error) error {
	if s.d.postgres {
		return pgFault(s.location, what, err)
	}
	return fmt.Errorf("%s on %s: %w", what, s.location, err)
}

// faultOrDomain passes a domain error (invalid, not found, conflict)
// through, and makes any other error from PostgreSQL one clear line (see
// pgFault); SQLite's already say where they come from.
func (s *Store) faultOrDomain(err error) error {
	if err == nil || !s.d.postgres || incident.ErrorCode(err) != incident.EINTERNAL {
		return err
	}
	return pgFault(s.location, "", err)
}
