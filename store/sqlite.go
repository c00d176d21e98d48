package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
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

// sqliteMagic opens every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// openSQLite opens (creating it and its directory when missing) the
// database file at path, applies migrations, and refuses files that are
// not scribe databases or that a newer scribe wrote, leaving them untouched.
func openSQLite(ctx context.Context, path string) (*Store, error) {
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
	s := &Store{db: db, d: sqliteDialect, path: path, location: path, Now: time.Now}
	if err := s.migrateSQLite(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

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
		latest, err := latestMigration()
		if err != nil {
			return err
		}
		if v := int(binary.BigEndian.Uint32(header[60:64])); v > latest {
			return newerSchema(path, v, latest)
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
