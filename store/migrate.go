package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/lib/pq"
	"github.com/mattn/go-sqlite3"
)

//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrationFiles embed.FS

// migration is one embedded SQL file; its version is the number its name
// starts with. SQLite's PRAGMA user_version holds the last one applied;
// both backends record each in schema_migrations.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns SQLite's migrations in order.
func migrations() ([]migration, error) { return loadMigrations("migrations/sqlite") }

// latestMigration is the version of the newest SQLite migration: how many
// there are, since loadMigrations checks that they are numbered 1, 2, 3…
// without gaps. It reads only the directory: opening a database that is
// up to date, as every open but the first is, needs no more.
func latestMigration() (int, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations/sqlite")
	if err != nil {
		return 0, fmt.Errorf("list migrations: %w", err)
	}
	return len(entries), nil
}

// pgMigrations returns PostgreSQL's migrations in order.
func pgMigrations() ([]migration, error) { return loadMigrations("migrations/postgres") }

// loadMigrations returns the embedded migrations of dir in order,
// checking that they are numbered 1, 2, 3… without gaps.
func loadMigrations(dir string) ([]migration, error) {
	names, err := fs.Glob(migrationFiles, dir+"/*.sql")
	if err != nil {
		return nil, fmt.Errorf("list migrations: %w", err)
	}
	sort.Strings(names)
	out := make([]migration, 0, len(names))
	for i, path := range names {
		name := strings.TrimPrefix(path, dir+"/")
		num, _, _ := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if err != nil || v != i+1 {
			return nil, fmt.Errorf("migration %s: expected its name to start with %04d_", name, i+1)
		}
		body, err := migrationFiles.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", name, err)
		}
		out = append(out, migration{version: v, name: name, sql: string(body)})
	}
	return out, nil
}

// migrateSQLite brings the schema up to date. When it already is, which
// is every open but the first, it costs one PRAGMA read.
func (s *Store) migrateSQLite(ctx context.Context) error {
	latest, err := latestMigration()
	if err != nil {
		return err
	}
	var current int
	err = retryBusy(ctx, func() error {
		var err error
		// Detached: a read of the header never waits long (retryBusy
		// looks at ctx between tries), and watching ctx costs a goroutine.
		current, err = userVersion(context.WithoutCancel(ctx), s.db)
		return err
	})
	if err != nil {
		return fmt.Errorf("read schema version of %s: %w", s.path, err)
	}
	if current > latest {
		return newerSchema(s.path, current, latest)
	}
	if current == latest {
		return nil
	}
	ms, err := migrations()
	if err != nil {
		return err
	}
	for _, m := range ms[current:] {
		if err := retryBusy(ctx, func() error { return s.applyMigration(ctx, m, latest) }); err != nil {
			return err
		}
	}
	// Copy the new header (application_id, user_version) from the WAL into
	// the file itself, so that the next Open can recognise the file from its
	// first 100 bytes instead of asking SQLite through a second connection.
	// Passive: it never waits, and a reader in the way only postpones it.
	if _, err := s.db.ExecContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)"); err != nil {
		return fmt.Errorf("checkpoint %s after migrating: %w", s.path, err)
	}
	return nil
}

// applyMigration runs one migration in its own transaction, unless another
// process applied it meanwhile.
func (s *Store) applyMigration(ctx context.Context, m migration, latest int) error {
	return s.write(ctx, func(tx *txn) error {
		v, err := userVersion(ctx, tx)
		if err != nil {
			return fmt.Errorf("read schema version of %s: %w", s.path, err)
		}
		if v > latest {
			return newerSchema(s.path, v, latest)
		}
		if v >= m.version {
			return nil
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("migrate %s: %s: %w", s.path, m.name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (name, created_at) VALUES (?, ?)`, m.name, formatTime(s.now())); err != nil {
			return fmt.Errorf("migrate %s: record %s: %w", s.path, m.name, err)
		}
		// PRAGMA takes no bound parameters; the version is our own integer.
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
			return fmt.Errorf("migrate %s: set schema version %d: %w", s.path, m.version, err)
		}
		return nil
	})
}

// retryBusy runs fn again while it fails with SQLITE_BUSY or SQLITE_LOCKED,
// for up to busyTimeout. The busy timeout covers ordinary lock waits, but
// not all of them: when several processes open a brand-new file at once,
// switching it to WAL mode (done as each connection opens) can fail at
// once with "database is locked", and it succeeds when simply tried again.
func retryBusy(ctx context.Context, fn func() error) error {
	deadline := time.Now().Add(busyTimeout)
	pause := 5 * time.Millisecond
	for {
		err := fn()
		var se sqlite3.Error
		if !errors.As(err, &se) || (se.Code != sqlite3.ErrBusy && se.Code != sqlite3.ErrLocked) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(pause):
		}
		pause = min(2*pause, 100*time.Millisecond)
	}
}

func userVersion(ctx context.Context, q querier) (int, error) {
	var v int
	err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

func newerSchema(path string, have, know int) error {
	return fmt.Errorf("database %s was written by a newer scribe (schema %d; this scribe knows up to %d): upgrade scribe", path, have, know)
}

// pgLockKey is the advisory lock PostgreSQL migrations are applied under
// ("scribe" in ASCII), so that two first users at once do not both create
// the schema.
const pgLockKey int64 = 0x736372696265

// migratePostgres brings the team database's schema up to date. When it
// already is, it costs one query; otherwise one connection takes the
// advisory lock, and applies what no other process applied meanwhile, each
// migration in its own transaction, recorded in scribe.schema_migrations.
func (s *Store) migratePostgres(ctx context.Context) error {
	ms, err := pgMigrations()
	if err != nil {
		return err
	}
	if err := s.db.PingContext(ctx); err != nil {
		return s.fault("connect", err)
	}
	var applied int
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM scribe.schema_migrations`).Scan(&applied)
	switch {
	case err == nil && applied == len(ms):
		return nil
	case err == nil && applied > len(ms):
		return newerSchema(s.location, applied, len(ms))
	case err != nil && !pgMissing(err):
		return s.fault("read the schema version", err)
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return s.fault("connect", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, pgLockKey); err != nil {
		return s.fault("wait for the migration lock", err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, pgLockKey)
	if _, err := conn.ExecContext(ctx, `CREATE SCHEMA IF NOT EXISTS scribe;
		CREATE TABLE IF NOT EXISTS scribe.schema_migrations (name text PRIMARY KEY, created_at text NOT NULL)`); err != nil {
		return s.fault("create schema scribe (the user needs the CREATE privilege on the database, once)", err)
	}
	done := map[string]bool{}
	rows, err := conn.QueryContext(ctx, `SELECT name FROM scribe.schema_migrations`)
	if err != nil {
		return s.fault("read the schema version", err)
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return s.fault("read the schema version", err)
		}
		done[name] = true
	}
	rows.Close()
	if len(done) > len(ms) {
		return newerSchema(s.location, len(done), len(ms))
	}
	for _, m := range ms {
		if done[m.name] {
			continue
		}
		if err := s.applyPgMigration(ctx, conn, m); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) applyPgMigration(ctx context.Context, conn *sql.Conn, m migration) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return s.fault("migrate", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return s.fault("migrate "+m.name, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO scribe.schema_migrations (name, created_at) VALUES ($1, $2)`, m.name, formatTime(s.now())); err != nil {
		return s.fault("record migration "+m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return s.fault("migrate "+m.name, err)
	}
	return nil
}

// pgMissing reports an error about a schema or table that does not exist.
func pgMissing(err error) bool {
	var pge *pq.Error
	return errors.As(err, &pge) && (pge.Code == "42P01" || pge.Code == "3F000")
}
