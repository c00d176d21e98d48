package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

func TestOpenSetsPragmas(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	conn, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for pragma, want := range map[string]string{
		"journal_mode":   "wal",
		"synchronous":    "2", // FULL
		"foreign_keys":   "1",
		"busy_timeout":   fmt.Sprint(busyTimeout.Milliseconds()),
		"application_id": fmt.Sprint(applicationID),
		"user_version":   fmt.Sprint(len(ms)),
	} {
		var got string
		if err := conn.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
			t.Fatalf("PRAGMA %s: %v", pragma, err)
		}
		if got != want {
			t.Errorf("PRAGMA %s = %s, want %s", pragma, got, want)
		}
	}
}

// A transaction from the store must hold the write lock from its BEGIN
// (_txlock=immediate): another connection that asks for the write lock
// without waiting is then refused at once.
func TestTransactionsBeginImmediate(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	other, err := sql.Open("sqlite3", dsn(s.Path(), "_busy_timeout=0"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.ExecContext(ctx, "BEGIN IMMEDIATE"); err == nil {
		other.ExecContext(ctx, "ROLLBACK")
		t.Fatal("a second writer got the write lock while a store transaction was open: the store's BEGIN is deferred")
	} else if !strings.Contains(err.Error(), "locked") && !strings.Contains(err.Error(), "busy") {
		t.Fatalf("second writer: %v, want database is locked/busy", err)
	}
}

func TestOpenCreatesFileAndDirectoriesPrivately(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data", "scribe")
	path := filepath.Join(dir, "scribe.db")
	s := openAt(t, path)
	newIncident(t, s)
	di, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if perm := di.Mode().Perm(); perm != 0o700 {
		t.Errorf("directory mode = %o, want 700", perm)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm != 0o600 {
		t.Errorf("file mode = %o, want 600", perm)
	}
	var first string
	if err := s.db.QueryRow(`SELECT name FROM schema_migrations ORDER BY name LIMIT 1`).Scan(&first); err != nil {
		t.Fatal(err)
	}
	if first != "0001_init.sql" {
		t.Fatalf("first recorded migration = %q, want 0001_init.sql", first)
	}
}

func TestOpenEmptyFileBecomesScribeDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s := openAt(t, path)
	newIncident(t, s)
}

func TestOpenImpossiblePathNamesIt(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "not-a-dir")
	if err := os.WriteFile(blocker, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(blocker, "sub", "scribe.db")
	_, err := Open(context.Background(), path)
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("Open(%s) error = %v, want one naming the path", path, err)
	}
	_, err = Open(context.Background(), t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "directory") {
		t.Fatalf("Open(a directory) error = %v, want one saying it is a directory", err)
	}
	_, err = Open(context.Background(), "")
	wantCode(t, err, incident.EINVALID)
	_, err = Open(context.Background(), os.DevNull)
	if want := os.DevNull + " is not a scribe database (not a regular file)"; incident.ErrorMessage(err) != want {
		t.Fatalf("Open(%s) error = %v, want %q", os.DevNull, err, want)
	}
	if _, err := os.Stat(os.DevNull + "-wal"); err == nil {
		t.Fatalf("Open left %s-wal behind", os.DevNull)
	}
}

// fileState is what must not change when Open refuses a file.
type fileState struct {
	data  []byte
	mtime time.Time
}

func stateOf(t *testing.T, path string) fileState {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fileState{data, fi.ModTime()}
}

// assertRefusedUntouched opens path, expects the refusal message, and checks
// that the file and its directory are as they were.
func assertRefusedUntouched(t *testing.T, path, wantMsg string) {
	t.Helper()
	before := stateOf(t, path)
	entriesBefore, _ := os.ReadDir(filepath.Dir(path))
	// Make sure a changed mtime would show even on coarse clocks.
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	before.mtime = old
	s, err := Open(context.Background(), path)
	if err == nil {
		s.Close()
		t.Fatalf("Open(%s) succeeded, want refusal", path)
	}
	if got := incident.ErrorMessage(err); got != wantMsg {
		t.Fatalf("Open error = %q, want %q", got, wantMsg)
	}
	after := stateOf(t, path)
	if !bytes.Equal(before.data, after.data) {
		t.Fatal("refused file's bytes changed")
	}
	if !after.mtime.Equal(before.mtime) {
		t.Fatalf("refused file's mtime changed: %v → %v", before.mtime, after.mtime)
	}
	entriesAfter, _ := os.ReadDir(filepath.Dir(path))
	if len(entriesAfter) != len(entriesBefore) {
		var names []string
		for _, e := range entriesAfter {
			names = append(names, e.Name())
		}
		t.Fatalf("Open left files beside the refused one: %v", names)
	}
}

func TestOpenRefusesNonSQLiteFile(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"notes.txt": "14:05 checkout errors\n14:07 rolled back the deploy\n",
		"tiny":      "SQLite",
		// Right magic, truncated header.
		"truncated.db": "SQLite format 3\x00\x10\x00",
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Run(name, func(t *testing.T) {
			assertRefusedUntouched(t, path, path+" is not a scribe database (not an SQLite file)")
		})
	}
}

// makeForeignDB writes another program's SQLite database (rollback journal).
func makeForeignDB(t *testing.T, path string, pragmas ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stmts := append(pragmas, "CREATE TABLE recipes (name TEXT)", "INSERT INTO recipes VALUES ('bread')")
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func TestOpenRefusesOtherSQLiteDatabases(t *testing.T) {
	dir := t.TempDir()
	cases := map[string][]string{
		"plain.db":          nil,
		"other-app-id.db":   {"PRAGMA application_id = 12345"},
		"other-user-ver.db": {"PRAGMA user_version = 7"},
	}
	for name, pragmas := range cases {
		path := filepath.Join(dir, name)
		makeForeignDB(t, path, pragmas...)
		t.Run(name, func(t *testing.T) {
			assertRefusedUntouched(t, path, path+" is not a scribe database (an SQLite database of another program)")
		})
	}
}

// Another program's database in WAL mode, still open (so its -wal file
// exists), goes through the read-only check and is refused all the same.
func TestOpenRefusesOtherWALDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	db, err := sql.Open("sqlite3", dsn(path, "_journal_mode=WAL"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec("CREATE TABLE recipes (name TEXT)"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); err != nil {
		t.Fatalf("precondition: the other database has no -wal file: %v", err)
	}
	before := stateOf(t, path)
	_, err = Open(context.Background(), path)
	if want := path + " is not a scribe database (an SQLite database of another program)"; incident.ErrorMessage(err) != want {
		t.Fatalf("Open error = %v, want %q", err, want)
	}
	if !bytes.Equal(before.data, stateOf(t, path).data) {
		t.Fatal("refused file's bytes changed")
	}
}

// A fresh database's header reaches the file itself at once, so that the
// next Open recognises it from its first bytes.
func TestOpenWritesHeaderThrough(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scribe.db")
	a := openAt(t, path) // stays open: no checkpoint on close helps
	newIncident(t, a)
	header, err := readHeader(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(header) < 100 || binary.BigEndian.Uint32(header[68:72]) != applicationID {
		t.Fatalf("on-disk header lacks scribe's application_id: % x", header)
	}
}

// When a reader holds back the checkpoint, the newest header (with scribe's
// application_id) is only in the -wal file; a second Open must look through
// SQLite rather than refuse.
func TestOpenAcceptsScribeDatabaseWhoseHeaderIsInWAL(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "scribe.db")
	raw, err := sql.Open("sqlite3", dsn(path, "_journal_mode=WAL"))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	reader, err := raw.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	// An empty WAL-mode database whose header is on disk (schema cookie
	// non-zero, no tables), then a read transaction that pins that state.
	for _, q := range []string{"CREATE TABLE tmp (x)", "DROP TABLE tmp", "PRAGMA wal_checkpoint(TRUNCATE)", "BEGIN", "SELECT count(*) FROM sqlite_master"} {
		if _, err := reader.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	a := openAt(t, path)
	newIncident(t, a)
	header, err := readHeader(path)
	if err != nil {
		t.Fatal(err)
	}
	if binary.BigEndian.Uint32(header[68:72]) == applicationID {
		t.Fatal("precondition: expected the on-disk header to lack the application_id while the WAL holds it")
	}
	b := openAt(t, path)
	if list, err := b.Incidents(ctx); err != nil || len(list) != 1 {
		t.Fatalf("second store sees %v, %v", list, err)
	}
	reader.ExecContext(ctx, "ROLLBACK")
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	ms, _ := migrations()
	// While a store has it open, the new version may be in the WAL only;
	// once closed, it is in the header on disk. Both are refused.
	for _, stillOpen := range []bool{true, false} {
		path := filepath.Join(t.TempDir(), "scribe.db")
		s, err := Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.db.Exec("PRAGMA user_version = 99"); err != nil {
			t.Fatal(err)
		}
		if !stillOpen {
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
		}
		want := fmt.Sprintf("database %s was written by a newer scribe (schema 99; this scribe knows up to %d): upgrade scribe", path, len(ms))
		_, err = Open(context.Background(), path)
		if err == nil || err.Error() != want {
			t.Fatalf("still open %v: Open error = %v, want %q", stillOpen, err, want)
		}
		if stillOpen {
			var v int
			if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != 99 {
				t.Fatalf("user_version after refusal = %d, %v; want 99 untouched", v, err)
			}
			s.Close()
		} else {
			if _, err := os.Stat(path + "-wal"); err == nil {
				t.Fatal("refusing a newer database left a -wal file")
			}
		}
	}
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "scribe.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	inc := incident.Incident{Title: "Queue backlog", Timezone: "UTC"}
	if err := s.CreateIncident(ctx, &inc, Origin{}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2 := openAt(t, path)
	got, err := s2.Incident(ctx, inc.ID)
	if err != nil || got.Title != "Queue backlog" {
		t.Fatalf("after reopen: %+v, %v", got, err)
	}
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s2.db.QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil || n != len(ms) {
		t.Fatalf("%d migrations recorded (%v), want each of the %d once", n, err, len(ms))
	}
}

func TestMigrationsAreNumberedInOrder(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 {
		t.Fatal("no embedded migrations")
	}
	for i, m := range ms {
		if m.version != i+1 || !strings.HasPrefix(m.name, fmt.Sprintf("%04d_", i+1)) || strings.TrimSpace(m.sql) == "" {
			t.Errorf("migration %d = %+v", i, m)
		}
	}
}

func TestDSNEscapesURICharacters(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "odd?name#100%")
	s := openAt(t, filepath.Join(dir, "scribe.db"))
	newIncident(t, s)
	if _, err := os.Stat(filepath.Join(dir, "scribe.db")); err != nil {
		t.Fatalf("database not at the given path: %v", err)
	}
}
