// Command minimal-log is the floor `scribe log` is measured against: the
// least a Go program can do to make the same durable insert through
// go-sqlite3 — the same driver, the same pragmas (WAL, synchronous=FULL,
// foreign keys, busy timeout, BEGIN IMMEDIATE), the same row in the same
// table of a scribe database, committed before it prints the new id. It is
// its own main package, so it is never part of the scribe binary.
//
//	go run ./bench/minimal-log DB INCIDENT TEXT
//
// bench/log-vs-sqlite.sh runs it beside `scribe log`.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strconv"
	"time"

	_ "github.com/mattn/go-sqlite3"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: minimal-log DB INCIDENT TEXT")
		os.Exit(2)
	}
	if err := run(context.Background(), os.Args[1], os.Args[2], os.Args[3]); err != nil {
		fmt.Fprintln(os.Stderr, "minimal-log:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, path, incident, text string) error {
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
	res, err := tx.ExecContext(ctx, `INSERT INTO events (incident_id, occurred_at, logged_at, kind, text, author, pinned,
		source, role, person, state, milestone, action_item_id, deleted_at, created_at, updated_at)
		VALUES (?, ?, ?, 'note', ?, '', 0, 'cli', '', '', '', '', NULL, NULL, ?, ?)`, id, now, now, text, now, now)
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
