package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"scribe/incident"
	"scribe/store/pgtest"
)

// t0 is the fixed "now" of tests: an instant with a zone, so that tests see
// the store convert to UTC.
var t0 = time.Date(2026, 11, 21, 14, 5, 0, 0, time.FixedZone("CET", 3600))

// testClock returns a clock that starts at t0 and ticks one second per read,
// so that LoggedAt and friends are distinct and predictable.
func testClock() func() time.Time {
	n := 0
	return func() time.Time {
		n++
		return t0.Add(time.Duration(n) * time.Second)
	}
}

// openTest opens a fresh store: a SQLite file in a temporary directory,
// or, under TestPostgres, a fresh PostgreSQL database (see testDB).
func openTest(t testing.TB) *Store {
	t.Helper()
	return openAt(t, testDB(t))
}

// testDB names a fresh, empty database for the test: a SQLite file in
// t.TempDir(), or, when the test runs under TestPostgres, a new database
// on the test PostgreSQL server. Two stores opened on it share it.
func testDB(t testing.TB) string {
	t.Helper()
	if onPostgres(t) {
		return pgtest.Database(t)
	}
	return filepath.Join(t.TempDir(), "scribe.db")
}

// openAt opens the database at path (a file or a URL), closed when the
// test ends.
func openAt(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	s.Now = testClock()
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// newIncident creates a SEV2 incident declared at t0.
func newIncident(t testing.TB, s *Store) incident.Incident {
	t.Helper()
	inc := incident.Incident{Title: "Checkout errors after deploy", Severity: 2, Timezone: "Europe/Berlin"}
	if err := s.CreateIncident(context.Background(), &inc, Origin{At: t0, Author: "rosa", Source: incident.SourceCLI}); err != nil {
		t.Fatalf("CreateIncident: %v", err)
	}
	return inc
}

// wantCode fails unless err carries the domain error code.
func wantCode(t testing.TB, err error, code string) {
	t.Helper()
	if got := incident.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}
