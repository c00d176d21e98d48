package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"scribe/incident"
)

// outboxApplicationID marks a SQLite file as scribe's outbox ("SCRQ").
const outboxApplicationID = 0x53435251

// outboxSchema is the outbox's whole schema. pending holds operations not
// yet delivered, in the order they were made; refused the ones the team
// database refused when they were delivered, kept so that nothing typed is
// lost and the user can be told. target is the database's URL without its
// password (see Redact).
const outboxSchema = `
CREATE TABLE IF NOT EXISTS pending (
	seq        INTEGER PRIMARY KEY,
	target     TEXT    NOT NULL,
	uuid       TEXT    NOT NULL UNIQUE,
	operation  TEXT    NOT NULL,
	queued_at  TEXT    NOT NULL,
	attempts   INTEGER NOT NULL DEFAULT 0,
	last_error TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS pending_target ON pending (target, seq);
CREATE TABLE IF NOT EXISTS refused (
	seq        INTEGER PRIMARY KEY,
	target     TEXT    NOT NULL,
	uuid       TEXT    NOT NULL,
	operation  TEXT    NOT NULL,
	queued_at  TEXT    NOT NULL,
	refused_at TEXT    NOT NULL,
	error      TEXT    NOT NULL
);`

// Outbox is the durable local queue of operations for team databases that
// could not be reached: a SQLite file of its own (under
// $XDG_STATE_HOME/scribe/, the caller says where), written with the same
// durability as a scribe database, so that an operation acknowledged as
// queued survives a crash. The outbox package delivers it.
type Outbox struct {
	db   *sql.DB
	path string
	// Now is the clock; tests replace it.
	Now func() time.Time
}

// OutboxEntry is one queued operation.
type OutboxEntry struct {
	Seq       int64 // its place in the queue
	Operation incident.Operation
	QueuedAt  time.Time
	Attempts  int
	LastError string // why the last delivery failed, if one did
}

// OpenOutbox opens (creating it, private to the user, with its directory)
// the outbox file at path.
func OpenOutbox(ctx context.Context, path string) (*Outbox, error) {
	if strings.TrimSpace(path) == "" {
		return nil, incident.Errorf(incident.EINVALID, "outbox path is empty")
	}
	if fi, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if err := createFile(path); err != nil {
			return nil, err
		}
	} else if err != nil {
		return nil, fmt.Errorf("cannot use outbox %s: %w", path, err)
	} else if !fi.Mode().IsRegular() {
		return nil, incident.Errorf(incident.EINVALID, "outbox %s is not a regular file", path)
	}
	db, err := sql.Open("sqlite3", dsn(path, "_journal_mode=WAL", "_synchronous=FULL",
		fmt.Sprintf("_busy_timeout=%d", busyTimeout.Milliseconds()), "_txlock=immediate"))
	if err != nil {
		return nil, fmt.Errorf("open outbox %s: %w", path, err)
	}
	db.SetMaxOpenConns(2)
	o := &Outbox{db: db, path: path, Now: time.Now}
	if err := retryBusy(ctx, func() error { return o.init(ctx) }); err != nil {
		db.Close()
		return nil, err
	}
	return o, nil
}

// init checks that the file is an outbox (or empty) and creates the
// schema.
func (o *Outbox) init(ctx context.Context) error {
	var app int64
	if err := o.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&app); err != nil {
		return fmt.Errorf("read outbox %s: %w", o.path, err)
	}
	if app != 0 && app != outboxApplicationID {
		return incident.Errorf(incident.EINVALID, "%s is not a scribe outbox", o.path)
	}
	if app == outboxApplicationID {
		return nil
	}
	var tables int
	if err := o.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&tables); err != nil {
		return fmt.Errorf("read outbox %s: %w", o.path, err)
	}
	if tables != 0 {
		return incident.Errorf(incident.EINVALID, "%s is not a scribe outbox (an SQLite database of another program)", o.path)
	}
	tx, err := o.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("create outbox %s: %w", o.path, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, outboxSchema+fmt.Sprintf("\nPRAGMA application_id = %d;", outboxApplicationID)); err != nil {
		return fmt.Errorf("create outbox %s: %w", o.path, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("create outbox %s: %w", o.path, err)
	}
	return nil
}

// Close closes the outbox.
func (o *Outbox) Close() error { return o.db.Close() }

// Path is the outbox file.
func (o *Outbox) Path() string { return o.path }

// Add queues op for target (a URL without password, see Redact); queuing
// the same operation twice keeps one.
func (o *Outbox) Add(ctx context.Context, target string, op incident.Operation) error {
	if err := op.Validate(); err != nil {
		return err
	}
	b, err := incident.MarshalOperation(op)
	if err != nil {
		return err
	}
	return retryBusy(ctx, func() error {
		_, err := o.db.ExecContext(ctx, `INSERT INTO pending (target, uuid, operation, queued_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (uuid) DO NOTHING`, target, op.ID, string(b), formatTime(o.Now()))
		if err != nil {
			return fmt.Errorf("queue %s operation in %s: %w", op.Kind, o.path, err)
		}
		return nil
	})
}

// Pending lists target's queued operations, oldest first.
func (o *Outbox) Pending(ctx context.Context, target string) ([]OutboxEntry, error) {
	return o.entries(ctx, `SELECT seq, operation, queued_at, attempts, last_error FROM pending WHERE target = ? ORDER BY seq`, target)
}

// Refused lists target's operations the database refused, oldest first;
// LastError says why.
func (o *Outbox) Refused(ctx context.Context, target string) ([]OutboxEntry, error) {
	return o.entries(ctx, `SELECT seq, operation, queued_at, 0, error FROM refused WHERE target = ? ORDER BY seq`, target)
}

func (o *Outbox) entries(ctx context.Context, query, target string) ([]OutboxEntry, error) {
	rows, err := o.db.QueryContext(ctx, query, target)
	if err != nil {
		return nil, fmt.Errorf("read outbox %s: %w", o.path, err)
	}
	defer rows.Close()
	var out []OutboxEntry
	for rows.Next() {
		var (
			e   OutboxEntry
			op  string
			at  any
			bad badRow // an unreadable queue time reads as zero; the operation is what matters
		)
		if err := rows.Scan(&e.Seq, &op, &at, &e.Attempts, &e.LastError); err != nil {
			return nil, fmt.Errorf("read outbox %s: %w", o.path, err)
		}
		e.QueuedAt = userTime("queued_at", at, &bad)
		if e.Operation, err = incident.UnmarshalOperation([]byte(op)); err != nil {
			return nil, fmt.Errorf("outbox %s, entry %d: %w", o.path, e.Seq, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Count is how many operations wait for target.
func (o *Outbox) Count(ctx context.Context, target string) (int, error) {
	var n int
	if err := o.db.QueryRowContext(ctx, `SELECT count(*) FROM pending WHERE target = ?`, target).Scan(&n); err != nil {
		return 0, fmt.Errorf("read outbox %s: %w", o.path, err)
	}
	return n, nil
}

// Delivered removes a delivered operation from the queue.
func (o *Outbox) Delivered(ctx context.Context, seq int64) error {
	return retryBusy(ctx, func() error {
		if _, err := o.db.ExecContext(ctx, `DELETE FROM pending WHERE seq = ?`, seq); err != nil {
			return fmt.Errorf("update outbox %s: %w", o.path, err)
		}
		return nil
	})
}

// Waits notes why the operation with this UUID is queued (the database
// could not be reached when it was written), so that another run on the
// machine tells it from a write still in flight (see outbox.Team.Apply).
func (o *Outbox) Waits(ctx context.Context, uuid, why string) error {
	return retryBusy(ctx, func() error {
		if _, err := o.db.ExecContext(ctx, `UPDATE pending SET last_error = ? WHERE uuid = ?`, why, uuid); err != nil {
			return fmt.Errorf("update outbox %s: %w", o.path, err)
		}
		return nil
	})
}

// Withdraw removes the operation with this UUID from the queue: one kept
// while it was sent, which the database refused and the user was told
// about.
func (o *Outbox) Withdraw(ctx context.Context, uuid string) error {
	return retryBusy(ctx, func() error {
		if _, err := o.db.ExecContext(ctx, `DELETE FROM pending WHERE uuid = ?`, uuid); err != nil {
			return fmt.Errorf("update outbox %s: %w", o.path, err)
		}
		return nil
	})
}

// Failed notes a delivery that could not reach the database; the
// operation stays queued.
func (o *Outbox) Failed(ctx context.Context, seq int64, why string) error {
	return retryBusy(ctx, func() error {
		if _, err := o.db.ExecContext(ctx, `UPDATE pending SET attempts = attempts + 1, last_error = ? WHERE seq = ?`, why, seq); err != nil {
			return fmt.Errorf("update outbox %s: %w", o.path, err)
		}
		return nil
	})
}

// Refuse moves an operation the database refused out of the queue, into
// the refused list, in one transaction.
func (o *Outbox) Refuse(ctx context.Context, seq int64, why string) error {
	return retryBusy(ctx, func() error {
		tx, err := o.db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("update outbox %s: %w", o.path, err)
		}
		defer tx.Rollback()
		if _, err := tx.ExecContext(ctx, `INSERT INTO refused (target, uuid, operation, queued_at, refused_at, error)
			SELECT target, uuid, operation, queued_at, ?, ? FROM pending WHERE seq = ?`, formatTime(o.Now()), why, seq); err != nil {
			return fmt.Errorf("update outbox %s: %w", o.path, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM pending WHERE seq = ?`, seq); err != nil {
			return fmt.Errorf("update outbox %s: %w", o.path, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("update outbox %s: %w", o.path, err)
		}
		return nil
	})
}
