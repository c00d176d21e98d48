// Package store keeps scribe's incidents in a database: one SQLite file by
// default, or, for a team sharing live incidents, a PostgreSQL database
// (selected by a postgres:// URL). It is the only package that speaks SQL,
// and one code path serves both: the same Store, the same statements, and a
// small dialect for what differs (placeholders, bulk inserts, migrations,
// change watching, locks).
//
// Each public write runs in one transaction that first bumps the changed
// incident's sequence number (Incident.Seq), which locks the incident for
// the transaction on PostgreSQL and stamps every row it writes, so that
// Changes can tell a reader what is new. Each write is also an Operation
// (see Apply): idempotent by its UUID, so that it can be sent again.
// Public methods compose private helpers that take the transaction (or any
// querier).
//
// Where to find a table, by its noun: events (every column once, in
// eventcolumn.go's eventTable), incidents, roles, action items, retro notes,
// the runbook's checklist items and reminders (checklist.go, reminder.go),
// GitHub's filing claims and tracking issues (filing.go, tracking.go, with
// the one claim rule in claim.go), the operations applied (operation.go),
// and the team mode's local outbox (outbox.go). Migrations are embedded per
// backend (migrations/sqlite, migrations/postgres), numbered, each in its
// own transaction.
//
// Where this differs from DESIGN.md:
//
//   - Times are TEXT, RFC 3339 in UTC with nanoseconds at a fixed width
//     (timestamp.go), so that they sort as strings.
//   - Beyond DESIGN.md's tables: operations (what was applied, for
//     exactly-once), filing_claims and tracking_issues (GitHub),
//     checklist_items and reminders (running the incident), and revision
//     tables for action items and retro notes as for events.
//   - A severity change is an event of kind severity, with the severity it
//     set and the one it replaced, not a note; migration 0007 (PostgreSQL
//     0003) turned the notes older versions wrote into such events.
//   - The outbox DESIGN.md puts in team mode is split: its queue, a SQLite
//     file of its own, is here (Outbox), since all SQL is; delivering it
//     and falling back to it is package outbox's.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"time"

	"scribe/incident"
)

// maxOpenConns bounds the pool. SQLite serialises writers anyway; a few
// connections let reads proceed beside a write and leave room for the
// connection DataVersion keeps.
const maxOpenConns = 4

// Store is scribe's database.
type Store struct {
	db *sql.DB
	d  dialect
	// path is the SQLite file; location what messages call the database
	// (the file, or host:port/database without credentials).
	path     string
	location string
	// Now is the clock; tests replace it.
	Now func() time.Time

	watchMu sync.Mutex
	watch   *sql.Conn // DataVersion's connection, opened on first use

	// listenURL is the URL of the connection Watch listens on, on
	// PostgreSQL (see pgSettings).
	listenURL string

	// readOnly is set by OpenReadOnly: every write is refused before it
	// reaches the database.
	readOnly bool
}

// Origin says when, by whom and from where a change was made (see
// incident.Origin); the alias keeps store.Origin for callers.
type Origin = incident.Origin

// urlScheme returns the "scheme://" that dsn starts with, as a URL does
// (RFC 3986: a letter, then letters, digits, +, - or .), or "". Written
// out rather than as a regular expression: every Open asks it.
func urlScheme(dsn string) string {
	for i := 0; i < len(dsn); i++ {
		c := dsn[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':' && strings.HasPrefix(dsn[i:], "://"):
			return dsn[:i+3]
		default:
			return ""
		}
	}
	return ""
}

// Open opens the database dsn names: a postgres:// or postgresql:// URL
// (team mode, see openPostgres), or else a SQLite file path, created with
// its directory when missing. It applies migrations, and refuses files
// that are not scribe databases, databases a newer scribe wrote, and URLs
// of any other scheme, leaving them untouched.
func Open(ctx context.Context, dsn string) (*Store, error) {
	if strings.TrimSpace(dsn) == "" {
		return nil, incident.Errorf(incident.EINVALID, "database path is empty: give a file name, e.g. --db ./incident.db, or a postgres:// URL")
	}
	if IsPostgres(dsn) {
		return openPostgres(ctx, dsn)
	}
	if m := urlScheme(dsn); m != "" {
		return nil, incident.Errorf(incident.EINVALID, "database %q is a %s URL: give a file path, or a postgres:// or postgresql:// URL", redactScheme(dsn, m), strings.TrimSuffix(m, "://"))
	}
	if almostPostgres(dsn) {
		// A URL with a slash or two missing, not a file to create: the
		// user would think they wrote to the team database.
		return nil, incident.Errorf(incident.EINVALID, "database %q is not a PostgreSQL URL (the scheme needs \"://\"): write postgres://USER@HOST:PORT/DATABASE, or start a local file's path with ./",
			redactUnparsed(dsn, dsn[:strings.Index(dsn, ":")+1]))
	}
	return openSQLite(ctx, dsn)
}

// almostPostgres reports whether dsn starts as a PostgreSQL URL does
// without being one ("postgres:team", "postgresql:/db").
func almostPostgres(dsn string) bool {
	lower := strings.ToLower(dsn)
	return strings.HasPrefix(lower, "postgres:") || strings.HasPrefix(lower, "postgresql:")
}

// IsPostgres reports whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	lower := strings.ToLower(dsn)
	return strings.HasPrefix(lower, "postgres://") || strings.HasPrefix(lower, "postgresql://")
}

// redactScheme shows a refused URL by its scheme and host only: what
// follows could hold a password.
func redactScheme(dsn, scheme string) string {
	rest := strings.TrimPrefix(dsn, scheme)
	if i := strings.LastIndex(rest, "@"); i >= 0 {
		rest = rest[i+1:]
	}
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	return scheme + rest
}

// redactUnparsed shows a PostgreSQL URL Go cannot parse (a bad port, say)
// without its password: the user name, host, database and parameters
// stay, so that the message still says which database and what is wrong.
func redactUnparsed(dsn, scheme string) string {
	rest := strings.TrimPrefix(dsn, scheme)
	// Everything before the last '@' is the user part (a password may hold
	// any character): only the user name before its ':' stays.
	user := ""
	if i := strings.LastIndex(rest, "@"); i >= 0 {
		user, _, _ = strings.Cut(rest[:i], ":")
		user, rest = user+"@", rest[i+1:]
	}
	hostPath, query, hasQuery := strings.Cut(rest, "?")
	if !hasQuery {
		return scheme + user + hostPath
	}
	var kept []string
	for _, kv := range strings.Split(query, "&") {
		k, _, _ := strings.Cut(kv, "=")
		if k != "password" && k != "sslpassword" && kv != "" {
			kept = append(kept, kv)
		}
	}
	if len(kept) == 0 {
		return scheme + user + hostPath
	}
	return scheme + user + hostPath + "?" + strings.Join(kept, "&")
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
		return fmt.Errorf("close database %s: %w", s.location, err)
	}
	return nil
}

// Path is the SQLite database file; empty for PostgreSQL, which has none.
func (s *Store) Path() string { return s.path }

// Location is what to call the database in messages and on screen: the
// SQLite file, or host:port/database for PostgreSQL (never a password).
func (s *Store) Location() string { return s.location }

// Team reports whether the database is a shared PostgreSQL one.
func (s *Store) Team() bool { return s.d.postgres }

// now is the store's clock in UTC.
func (s *Store) now() time.Time {
	if s.Now == nil {
		return time.Now().UTC()
	}
	return s.Now().UTC()
}
