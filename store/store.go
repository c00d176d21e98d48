// Package store keeps scribe's incidents in one SQLite file. It is the only
// package that speaks SQL. Each public method runs in one transaction and
// composes private helpers that take the transaction (or any querier).
package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	// The SQLite driver, registered as "sqlite3".
	_ "github.com/mattn/go-sqlite3"

	"scribe/incident"
)

// applicationID marks a SQLite file as scribe's ("SCRB"); the first
// migration writes it into the header.
const applicationID = 0x53435242

// busyTimeout is how long a connection waits for another writer before
// giving up. Writes are a few milliseconds, so reaching it means something
// is badly stuck, never ordinary contention.
const busyTimeout = 10 * time.Second

// maxOpenConns bounds the pool. SQLite serialises writers anyway; a few
// connections let reads proceed beside a write and leave room for the
// connection DataVersion keeps.
const maxOpenConns = 4

// sqliteMagic opens every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// Store is scribe's SQLite database.
type Store struct {
	db   *sql.DB
	path string
	// Now is the clock; tests replace it.
	Now func() time.Time

	watchMu sync.Mutex
	watch   *sql.Conn // DataVersion's connection, opened on first use

	// readOnly is set by OpenReadOnly: every write is refused before it
	// reaches SQLite.
	readOnly bool
}

// Origin says when, by whom and from where a change was made (see
// incident.Origin); the alias keeps store.Origin for callers.
type Origin = incident.Origin

// querier is what read helpers need: a *sql.DB, *sql.Tx or *sql.Conn.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Open opens (creating it and its directory when missing) the database at
// path, applies migrations, and refuses files that are not scribe databases
// or that a newer scribe wrote, leaving them untouched.
func Open(ctx context.Context, path string) (*Store, error) {
	if strings.TrimSpace(path) == "" {
		return nil, incident.Errorf(incident.EINVALID, "database path is empty: give a file name, e.g. --db ./incident.db")
	}
	// Everything that could refuse the file happens before SQLite opens it
	// for writing, because opening in WAL mode already changes the file.
	if err := prepareFile(ctx, path); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite3", dsn(path,
		"_journal_mode=WAL",
		"_synchronous=FULL",
		"_foreign_keys=on",
		fmt.Sprintf("_busy_timeout=%d", busyTimeout.Milliseconds()),
		"_txlock=immediate",
	))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	db.SetMaxOpenConns(maxOpenConns)
	db.SetMaxIdleConns(maxOpenConns)
	s := &Store{db: db, path: path, Now: time.Now}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	s.watchMu.Lock()
	if s.watch != nil {
		s.watch.Close()
		s.watch = nil
	}
	s.watchMu.Unlock()
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close database %s: %w", s.path, err)
	}
	return nil
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// dsn builds a go-sqlite3 URI for path. The "file:" form passes the path to
// SQLite as a URI, so the characters a URI gives meaning to are escaped.
func dsn(path string, params ...string) string {
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	return "file:" + esc + "?" + strings.Join(params, "&")
}

// prepareFile makes sure path is either absent-then-created (empty), empty,
// or a scribe database; it refuses anything else without writing to it.
func prepareFile(ctx context.Context, path string) error {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return createFile(path)
	case err != nil:
		return fmt.Errorf("cannot use database %s: %w", path, err)
	case fi.IsDir():
		return incident.Errorf(incident.EINVALID, "%s is a directory, not a scribe database: give a file path", path)
	case !fi.Mode().IsRegular():
		// A device such as /dev/null reads as an empty file, and SQLite would
		// then create its -wal and -shm files beside it.
		return notScribe(path, "not a regular file")
	case fi.Size() == 0:
		return nil
	}
	// A refusal stands only if the header says the same a few times over:
	// while another process writes a brand-new database's first pages (its
	// first checkpoint extends the file, then copies page 1 in), a read can
	// catch zeros or a half-copied header. Accepting needs no such care,
	// since SQLite itself then reads the file under its locks.
	for attempt := 1; ; attempt++ {
		err := checkHeader(ctx, path)
		if err == nil || incident.ErrorCode(err) != incident.EINVALID || attempt == headerChecks {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(headerRecheck):
		}
	}
}

// How often, and how far apart, a header that looks foreign is read before
// the file is refused.
const (
	headerChecks  = 4
	headerRecheck = 25 * time.Millisecond
)

// checkHeader decides from the file's first 100 bytes (and, in one case,
// a read-only look through SQLite) whether it is scribe's or still empty.
func checkHeader(ctx context.Context, path string) error {
	header, err := readHeader(path)
	if err != nil {
		return err
	}
	if len(header) == 0 {
		return nil
	}
	if len(header) < 100 || string(header[:16]) != sqliteMagic {
		return notScribe(path, "not an SQLite file")
	}
	appID := binary.BigEndian.Uint32(header[68:72])
	if appID == applicationID {
		// A newer scribe's file is refused before SQLite opens it at all.
		// (The on-disk version can only lag behind the real one, so migrate
		// checks again.)
		ms, err := migrations()
		if err != nil {
			return err
		}
		if v := int(binary.BigEndian.Uint32(header[60:64])); v > len(ms) {
			return newerSchema(path, v, len(ms))
		}
		return nil
	}
	if appID != 0 {
		return notScribe(path, "an SQLite database of another program")
	}
	// With application_id 0 the file is either an empty SQLite database
	// (fine to adopt), another program's, or a scribe database whose newest
	// header still sits in the -wal file. Without a -wal file the header on
	// disk is the truth; with one, ask SQLite, reading only.
	if _, err := os.Stat(path + "-wal"); errors.Is(err, fs.ErrNotExist) {
		if schemaCookie := binary.BigEndian.Uint32(header[40:44]); schemaCookie == 0 {
			return nil
		}
		return notScribe(path, "an SQLite database of another program")
	}
	return confirmScribe(ctx, path)
}

func notScribe(path, why string) error {
	return incident.Errorf(incident.EINVALID, "%s is not a scribe database (%s)", path, why)
}

// readHeader returns the first 100 bytes of the file (fewer if it is shorter).
func readHeader(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read database %s: %w", path, err)
	}
	defer f.Close()
	buf := make([]byte, 100)
	n, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, fmt.Errorf("cannot read database %s: %w", path, err)
	}
	return buf[:n], nil
}

// confirmScribe asks SQLite, through a read-only connection, whether the
// database is scribe's or still empty.
func confirmScribe(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite3", dsn(path, "mode=ro", fmt.Sprintf("_busy_timeout=%d", busyTimeout.Milliseconds())))
	if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	defer db.Close()
	var appID, tables int64
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return notScribe(path, fmt.Sprintf("SQLite cannot read it: %v", err))
	}
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&tables); err != nil {
		return notScribe(path, fmt.Sprintf("SQLite cannot read it: %v", err))
	}
	if appID == applicationID || (appID == 0 && tables == 0) {
		return nil
	}
	return notScribe(path, "an SQLite database of another program")
}

// createFile creates an empty database file, private to the user, and its
// directory. A path that is a dangling symbolic link is created where the
// link points, so that the file is private there too (left to SQLite, it
// would be created with the umask's permissions, typically 0644).
func createFile(path string) error {
	target, err := linkTarget(path)
	if err != nil {
		return fmt.Errorf("cannot create database %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o700); err != nil {
		return fmt.Errorf("cannot create database %s: %w", path, err)
	}
	f, err := os.OpenFile(target, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil // another process won the race; it is empty or scribe's
	}
	if err != nil {
		return fmt.Errorf("cannot create database %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("cannot create database %s: %w", path, err)
	}
	return nil
}

// maxLinks bounds how many symbolic links linkTarget follows, as the
// kernel does (ELOOP).
const maxLinks = 40

// linkTarget follows path's symbolic links, dangling ones included, to the
// name a file created through path would get.
func linkTarget(path string) (string, error) {
	for range maxLinks {
		fi, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) {
			return path, nil
		}
		if err != nil {
			return "", err
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		to, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(to) {
			to = filepath.Join(filepath.Dir(path), to)
		}
		path = to
	}
	return "", fmt.Errorf("more than %d symbolic links", maxLinks)
}

// now is the store's clock in UTC.
func (s *Store) now() time.Time {
	if s.Now == nil {
		return time.Now().UTC()
	}
	return s.Now().UTC()
}

// at is when o says a change happened: o.At, or now.
func (s *Store) at(o Origin) time.Time {
	if o.At.IsZero() {
		return s.now()
	}
	return o.At.UTC()
}

// write runs fn in one transaction, which begins IMMEDIATE (see the DSN) so
// that it takes the write lock up front and waits for it under the busy
// timeout, instead of failing to upgrade a read lock later.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.readOnly {
		return s.refuseWrite()
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction on %s: %w", s.path, err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit to %s: %w", s.path, err)
	}
	return nil
}

// importCacheKiB is the page cache an import works with. SQLite's default
// (2 MiB) is a tenth of what 100,000 events take, and pages that do not
// fit spill to the WAL before the commit, some of them again and again.
const importCacheKiB = 64 << 10

// bulkWrite is write for imports: fn also gets the connection that the
// transaction runs on (for its driver connection, see eventWriter), which
// has a page cache big enough for the whole import while fn runs. The
// transaction, its journal and its durability are write's.
func (s *Store) bulkWrite(ctx context.Context, fn func(conn *sql.Conn, tx *sql.Tx) error) error {
	if s.readOnly {
		return s.refuseWrite()
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("begin transaction on %s: %w", s.path, err)
	}
	defer conn.Close()
	var cache int64
	if err := conn.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&cache); err != nil {
		return fmt.Errorf("read the cache size of %s: %w", s.path, err)
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", importCacheKiB)); err != nil {
		return fmt.Errorf("grow the cache of %s: %w", s.path, err)
	}
	// The connection goes back to the pool with its usual cache.
	defer conn.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf("PRAGMA cache_size = %d", cache))
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction on %s: %w", s.path, err)
	}
	defer tx.Rollback()
	if err := fn(conn, tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit to %s: %w", s.path, err)
	}
	return nil
}

// read runs fn in one deferred transaction: a consistent view that never
// takes the write lock, so readers and the writer do not wait for each other.
func (s *Store) read(ctx context.Context, fn func(conn *sql.Conn) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("read %s: %w", s.path, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN DEFERRED"); err != nil {
		return fmt.Errorf("begin read on %s: %w", s.path, err)
	}
	ferr := fn(conn)
	if _, err := conn.ExecContext(context.WithoutCancel(ctx), "COMMIT"); err != nil {
		// A connection left inside a transaction must not go back to the pool.
		conn.Raw(func(any) error { return driver.ErrBadConn })
		if ferr == nil {
			ferr = fmt.Errorf("end read on %s: %w", s.path, err)
		}
	}
	return ferr
}
