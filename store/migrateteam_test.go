package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/google/uuid"

	"scribe/incident"
)

// A database an earlier scribe wrote (schema 3, before team mode and tracking issues) gains UUIDs for every row
// it has, distinct valid version-7 ones carrying the row's creation time,
// and works on as before.
func TestMigrationTeamBackfillsUUIDs(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	if err := createFile(path); err != nil {
		t.Fatal(err)
	}
	old, err := sql.Open("sqlite3", dsn(path, "_journal_mode=WAL", "_foreign_keys=on"))
	if err != nil {
		t.Fatal(err)
	}
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms[:3] {
		if _, err := old.Exec(m.sql); err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
		if _, err := old.Exec(`INSERT INTO schema_migrations (name, created_at) VALUES (?, ?)`, m.name, formatTime(t0)); err != nil {
			t.Fatal(err)
		}
	}
	created := "2025-06-03T09:02:00.000000000Z"
	for _, q := range []string{
		"PRAGMA user_version = 3",
		`INSERT INTO incidents (id, title, severity, state, timezone, created_at, updated_at) VALUES (1, 'Old', 2, 'investigating', 'UTC', '` + created + `', '` + created + `')`,
		`INSERT INTO events (incident_id, occurred_at, logged_at, kind, text, created_at, updated_at) VALUES (1, '` + created + `', '` + created + `', 'note', 'one', '` + created + `', '` + created + `')`,
		`INSERT INTO events (incident_id, occurred_at, logged_at, kind, text, created_at, updated_at) VALUES (1, '` + created + `', '` + created + `', 'note', 'two', 'garbage', '` + created + `')`,
		`INSERT INTO role_assignments (incident_id, role, person, from_at, created_at) VALUES (1, 'commander', 'Rosa', '` + created + `', '` + created + `')`,
		`INSERT INTO retro_notes (incident_id, section, text, position, created_at) VALUES (1, 'lesson', 'x', 1, '` + created + `')`,
	} {
		if _, err := old.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	old.Close()

	s := openAt(t, path)
	seen := map[string]bool{}
	for _, table := range []string{"incidents", "events", "role_assignments", "retro_notes"} {
		rows, err := s.db.Query(`SELECT uuid, created_at FROM ` + table)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id, at string
			if err := rows.Scan(&id, &at); err != nil {
				t.Fatal(err)
			}
			u, err := uuid.Parse(id)
			if err != nil || u.Version() != 7 || u.Variant() != uuid.RFC4122 || seen[id] {
				t.Fatalf("%s: uuid %q (version %d, %v, seen %v)", table, id, u.Version(), err, seen[id])
			}
			seen[id] = true
			sec, _ := u.Time().UnixTime()
			if at == created && fmt.Sprint(sec) != "1748941320" {
				t.Fatalf("%s: uuid %s carries %d, want the row's creation time", table, id, sec)
			}
		}
		rows.Close()
	}
	if len(seen) != 5 {
		t.Fatalf("%d uuids, want 5", len(seen))
	}
	e := incident.Event{IncidentID: 1, Kind: incident.KindNote, Text: "after the upgrade"}
	if err := s.LogEvent(ctx, &e); err != nil {
		t.Fatal(err)
	}
	c, err := s.Changes(ctx, 1, 0)
	if err != nil || len(c.Events) != 1 || c.Events[0].Text != "after the upgrade" {
		t.Fatalf("changes after the upgrade: %+v, %v", c, err)
	}
}
