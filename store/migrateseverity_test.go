package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"scribe/incident"
)

// oldDatabase creates a database as the scribe before severity events left
// it (SQLite schema 6, PostgreSQL schema 2), runs rows (SQL with {s}. where
// the table's schema goes) on it, and returns its path or URL, not yet
// opened by this scribe.
func oldDatabase(t *testing.T, rows []string) string {
	t.Helper()
	path, driver, prefix, version := filepath.Join(t.TempDir(), "old.db"), "sqlite3", "", 6
	var dir string
	if onPostgres(t) {
		path, driver, prefix, version, dir = testDB(t), "postgres", "scribe.", 2, "migrations/postgres"
	} else {
		dir = "migrations/sqlite"
		if err := createFile(path); err != nil {
			t.Fatal(err)
		}
	}
	ms, err := loadMigrations(dir)
	if err != nil {
		t.Fatal(err)
	}
	src := path
	if driver == "sqlite3" {
		src = dsn(path, "_journal_mode=WAL", "_foreign_keys=on")
	}
	db, err := sql.Open(driver, src)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if driver == "postgres" {
		if _, err := db.Exec(`CREATE SCHEMA scribe; CREATE TABLE scribe.schema_migrations (name text PRIMARY KEY, created_at text NOT NULL)`); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range ms[:version] {
		if _, err := db.Exec(m.sql); err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
		if _, err := db.Exec(`INSERT INTO ` + prefix + `schema_migrations (name, created_at) VALUES ('` + m.name + `', '` + formatTime(t0) + `')`); err != nil {
			t.Fatal(err)
		}
	}
	if driver == "sqlite3" {
		rows = append([]string{fmt.Sprintf("PRAGMA user_version = %d", version)}, rows...)
	}
	for _, q := range rows {
		if _, err := db.Exec(strings.ReplaceAll(q, "{s}.", prefix)); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	return path
}

// An older scribe logged a severity change as a note with a sentence of
// its own, and a status without a message as "Status: identified". The
// migration turns the notes scribe wrote into severity events (the reason
// the TUI appended becomes the event's text, a correction keeps saying
// so), keeps each old row as a revision, clears the generated status
// text, and leaves every note a user wrote as it was: imported ones, ones
// that only start like the sentence, ones that merely mention it.
func TestMigrationSeverityEvents(t *testing.T) {
	ctx := context.Background()
	const at = "2026-07-01T09:00:00.000000000Z"
	event := func(id int, kind, state, source, text string) string {
		return fmt.Sprintf(`INSERT INTO {s}.events (id, uuid, incident_id, occurred_at, logged_at, kind, state, source, text, created_at, updated_at)
			VALUES (%d, '01900000-0000-7000-8000-%012d', 1, '%s', '%s', '%s', '%s', '%s', '%s', '%s', '%s')`,
			id, id, at, at, kind, state, source, strings.ReplaceAll(text, "'", "''"), at, at)
	}
	path := oldDatabase(t, []string{
		`INSERT INTO {s}.incidents (id, uuid, title, severity, state, timezone, created_at, updated_at)
			VALUES (1, '01900000-0000-7000-8000-000000000000', 'Old', 2, 'resolved', 'UTC', '` + at + `', '` + at + `')`,
		event(1, "note", "", "cli", "Severity changed from SEV3 to SEV2"),
		event(2, "note", "", "tui", "Severity changed from SEV2 to SEV1 — checkout fully down — all regions"),
		`INSERT INTO {s}.event_revisions (event_id, occurred_at, text, kind, pinned, revised_at, created_at)
			VALUES (2, '` + at + `', 'Severity changed from SEV2 to SEV1', 'note', false, '` + at + `', '` + at + `')`,
		event(3, "note", "", "cli", "Severity corrected from SEV1 to SEV2 on 15 Jul 2026, after the incident was resolved"),
		// A user's words: no revision holds the bare sentence.
		event(4, "note", "", "tui", "Severity changed from SEV2 to SEV1 — my own note"),
		// An imported document's note.
		event(5, "note", "", "import", "Severity changed from SEV3 to SEV2"),
		event(6, "note", "", "cli", "Severity changed from SEV3 to SEV2 and the pager went off"),
		event(7, "note", "", "tui", "Severity changed from SEV3 to SEV3"),
		event(8, "decision", "", "tui", "Severity changed from SEV3 to SEV2"),
		event(9, "status", "identified", "tui", "Status: identified"),
		event(10, "status", "identified", "tui", "Status: monitoring"),
		event(11, "note", "", "tui", "Status: identified"),
		event(12, "status", "monitoring", "cli", "Error rate falling"),
	})
	s := openAt(t, path)
	snap, err := s.Snapshot(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int64]incident.Event{}
	for _, e := range snap.Events {
		byID[e.ID] = e
	}
	type want struct {
		kind      incident.Kind
		text      string
		sev, prev incident.Severity
		state     incident.State
	}
	for id, w := range map[int64]want{
		1:  {incident.KindSeverity, "", 2, 3, ""},
		2:  {incident.KindSeverity, "checkout fully down — all regions", 1, 2, ""},
		3:  {incident.KindSeverity, "", 2, 1, incident.SeverityCorrected},
		4:  {incident.KindNote, "Severity changed from SEV2 to SEV1 — my own note", 0, 0, ""},
		5:  {incident.KindNote, "Severity changed from SEV3 to SEV2", 0, 0, ""},
		6:  {incident.KindNote, "Severity changed from SEV3 to SEV2 and the pager went off", 0, 0, ""},
		7:  {incident.KindNote, "Severity changed from SEV3 to SEV3", 0, 0, ""},
		8:  {incident.KindDecision, "Severity changed from SEV3 to SEV2", 0, 0, ""},
		9:  {incident.KindStatus, "", 0, 0, incident.Identified},
		10: {incident.KindStatus, "Status: monitoring", 0, 0, incident.Identified},
		11: {incident.KindNote, "Status: identified", 0, 0, ""},
		12: {incident.KindStatus, "Error rate falling", 0, 0, incident.Monitoring},
	} {
		e, ok := byID[id]
		if !ok {
			t.Fatalf("event %d is gone", id)
		}
		if e.Kind != w.kind || e.Text != w.text || e.Severity != w.sev || e.PreviousSeverity != w.prev || e.State != w.state || len(e.Invalid) > 0 {
			t.Errorf("event %d = %s %q SEV%d from SEV%d state %q (%s), want %+v", id, e.Kind, e.Text, e.Severity, e.PreviousSeverity, e.State, e.Invalid, w)
		}
	}
	if got := incident.SeverityText(byID[3], snap.Incident.Location()); got != "Severity corrected from SEV1 to SEV2 on 1 Jul 2026, after the incident was resolved" {
		// The correction's date is its logged time: the row's, here.
		t.Errorf("the converted correction reads %q", got)
	}
	// The old rows are kept as revisions; the untouched ones have none new.
	for id, old := range map[int64]string{1: "Severity changed from SEV3 to SEV2", 3: "Severity corrected from SEV1 to SEV2 on 15 Jul 2026, after the incident was resolved", 9: "Status: identified"} {
		revs, err := s.Revisions(ctx, id)
		if err != nil || len(revs) != 1 || revs[0].Text != old {
			t.Errorf("revisions of event %d: %+v, %v; want the old text %q", id, revs, err, old)
		}
	}
	if revs, err := s.Revisions(ctx, 2); err != nil || len(revs) != 2 || revs[1].Text != "Severity changed from SEV2 to SEV1 — checkout fully down — all regions" || revs[1].Kind != incident.KindNote {
		t.Errorf("revisions of event 2: %+v, %v", revs, err)
	}
	for _, id := range []int64{4, 5, 6, 7, 8, 10, 11, 12} {
		if revs, err := s.Revisions(ctx, id); err != nil || len(revs) != 0 {
			t.Errorf("event %d, left as it was, has revisions %+v, %v", id, revs, err)
		}
	}
	// Undoing a converted change follows it like any severity event.
	if err := s.DeleteEvent(ctx, 3); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Incident(ctx, 1); got.Severity != 1 {
		t.Errorf("after undoing the converted correction: %v, want SEV1", got.Severity)
	}
}
