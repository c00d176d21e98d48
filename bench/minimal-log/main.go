// Command minimal-log is the floor `scribe log` is measured against: the
// least a Go program can do to make the same durable insert through
// go-sqlite3 — the same driver, the same pragmas (WAL, synchronous=FULL,
// foreign keys, busy timeout, BEGIN IMMEDIATE), the same row in the same
// table of a scribe database, committed before it prints the new id.
//
// The same row is one scribe's readers can use: it carries a UUIDv7 (the
// key that makes a write safe to retry) and the incident's next sequence
// number, taken in the same transaction (the live view reads events by
// it), as every event scribe writes does. That costs one more statement
// and one more page written than a bare insert; -bare makes the bare
// insert (no UUID, sequence 0), for comparison.
//
// It does none of scribe's own work: no validation of the text, no author
// (git's user.name, $SCRIBE_AUTHOR), no schema check, no signal handling.
// It is its own main package, so it is never part of the scribe binary.
//
//	go run ./bench/minimal-log [-bare] DB INCIDENT TEXT
//
// bench/log-vs-minimal.sh runs it beside `scribe log`.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/google/uuid"
	_ "github.com/mattn/go-sqlite3"
)

func main() {
	args := os.Args[1:]
	bare := len(args) > 0 && args[0] == "-bare"
	if bare {
		args = args[1:]
	}
	if len(args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: minimal-log [-bare] DB INCIDENT TEXT")
		os.Exit(2)
	}
	if err := run(context.Background(), bare, args[0], args[1], args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "minimal-log:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, bare bool, path, incident, text string) error {
	id, err := strconv.ParseInt(incident, 10, 64)
	if err != nil {
		return fmt.Errorf("incident %q: %w", incident, err)
	}
	db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL&_synchronous=FULL&_foreign_keys=on&_busy_timeout=10000&_txlock=immediate")
	if err != nil {
		return err
	}
	defer db.Close()
	now := time.Now().UTC().Format("2006-01-02T15:04:05.000000000Z")
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var key any // NULL in a bare insert
	var seq int64
	if !bare {
		if err := tx.QueryRowContext(ctx, `UPDATE incidents SET seq = seq + 1 WHERE id = ? RETURNING seq`, id).Scan(&seq); err != nil {
			return err
		}
		u, err := uuid.NewV7()
		if err != nil {
			return err
		}
		key = u.String()
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO events (incident_id, occurred_at, logged_at, kind, text, author, pinned,
		source, role, person, state, milestone, action_item_id, deleted_at, created_at, updated_at, uuid, seq)
		VALUES (?, ?, ?, 'note', ?, '', 0, 'cli', '', '', '', '', NULL, NULL, ?, ?, ?, ?)`, id, now, now, text, now, now, key, seq)
	if err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	n, err := res.LastInsertId()
	if err != nil {
		return err
	}
	fmt.Println(n)
	return nil
}
