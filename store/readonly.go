package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"scribe/incident"
)

// OpenReadOnly opens an existing database for reading: `show`, `list` and
// `export` of a file the user may read but not write (a copy taken from a
// colleague, a file on a read-only mount). It never migrates and never
// writes: every write method fails with EINVALID.
//
// SQLite reads a WAL database through its -shm index, which it must be
// able to create or open. When it cannot (the directory is read-only and
// no -shm exists), the file is opened as immutable: without locks, so it
// must not change while it is read, which a directory nobody can write to
// guarantees. The limit: a database whose -wal still holds commits (its
// writer crashed or is still running) cannot be read that way without
// losing them, and is refused.
//
// A file that is missing or empty is ENOTFOUND; a file of an older scribe
// (schema not yet migrated) is refused, since reading it needs the
// migrations a write would apply.
func OpenReadOnly(ctx context.Context, path string) (*Store, error) {
	if strings.TrimSpace(path) == "" {
		return nil, incident.Errorf(incident.EINVALID, "database path is empty: give a file name, e.g. --db ./incident.db")
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, incident.Errorf(incident.ENOTFOUND, "no database at %s: nothing to read", path)
	case err != nil:
		return nil, fmt.Errorf("cannot use database %s: %w", path, err)
	case fi.IsDir():
		return nil, incident.Errorf(incident.EINVALID, "%s is a directory, not a scribe database: give a file path", path)
	case !fi.Mode().IsRegular():
		return nil, notScribe(path, "not a regular file")
	case fi.Size() == 0:
		return nil, incident.Errorf(incident.ENOTFOUND, "database %s is empty: nothing to read", path)
	}
	if err := checkHeader(ctx, path); err != nil {
		return nil, err
	}
	busy := fmt.Sprintf("_busy_timeout=%d", busyTimeout.Milliseconds())
	db, err := openChecked(ctx, path, "mode=ro", busy, "_query_only=true")
	if cannotOpenReadOnly(err) {
		if err := walWouldBeLost(path); err != nil {
			return nil, err
		}
		db, err = openChecked(ctx, path, "mode=ro", "immutable=1", "_query_only=true")
	}
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(maxOpenConns)
	db.SetMaxIdleConns(maxOpenConns)
	return &Store{db: db, path: path, Now: time.Now, readOnly: true}, nil
}

// openChecked opens path with params and checks that its schema is this
// scribe's, reading only.
func openChecked(ctx context.Context, path string, params ...string) (*sql.DB, error) {
	db, err := sql.Open("sqlite3", dsn(path, params...))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	ms, err := migrations()
	if err != nil {
		db.Close()
		return nil, err
	}
	v, err := userVersion(ctx, db)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("read database %s: %w", path, err)
	}
	switch {
	case v > len(ms):
		db.Close()
		return nil, newerSchema(path, v, len(ms))
	case v < len(ms):
		db.Close()
		return nil, incident.Errorf(incident.EINVALID, "database %s was written by an older scribe (schema %d; this one reads %d): open it once with write access to upgrade it", path, v, len(ms))
	}
	return db, nil
}

// cannotOpenReadOnly reports the errors SQLite gives when it cannot set
// up a read-only WAL connection (it cannot create or open the -shm file).
func cannotOpenReadOnly(err error) bool {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return false
	}
	return se.Code == sqlite3.ErrCantOpen || se.Code == sqlite3.ErrReadonly
}

// walWouldBeLost refuses an immutable open while path's -wal holds
// commits, which an immutable connection does not read.
func walWouldBeLost(path string) error {
	fi, err := os.Stat(path + "-wal")
	if errors.Is(err, fs.ErrNotExist) || (err == nil && fi.Size() == 0) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot read database %s: %w", path, err)
	}
	return incident.Errorf(incident.EINVALID, "cannot read database %s read-only: its write-ahead log %s-wal holds changes that SQLite can only read with write access to the directory", path, path)
}

// refuseWrite is every write's error on a read-only store.
func (s *Store) refuseWrite() error {
	return incident.Errorf(incident.EINVALID, "database %s is open read-only: nothing can be changed", s.location)
}
