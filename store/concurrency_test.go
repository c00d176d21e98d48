package store

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"scribe/incident"
)

const (
	writers          = 4
	eventsPerWriter  = 200
	helperDBEnv      = "SCRIBE_STORE_HELPER_DB"
	helperTitleEnv   = "SCRIBE_STORE_HELPER_TITLE"
	helperEventsEnv  = "SCRIBE_STORE_HELPER_EVENTS"
	helperReopenEnv  = "SCRIBE_STORE_HELPER_REOPEN"
	helperProcessRun = "^TestHelperProcessLogs$"
)

// checkIntegrity fails unless SQLite finds the file sound; PostgreSQL
// checks its own pages.
func checkIntegrity(t *testing.T, s *Store) {
	t.Helper()
	if s.Team() {
		return
	}
	var res string
	if err := s.db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check = %q, %v", res, err)
	}
}

func TestConcurrentStoresLoseNothing(t *testing.T) {
	ctx := context.Background()
	path := testDB(t)
	first := openAt(t, path)
	inc := newIncident(t, first)
	stores := []*Store{first}
	for len(stores) < writers {
		stores = append(stores, openAt(t, path))
	}
	var wg sync.WaitGroup
	errs := make(chan error, writers*eventsPerWriter)
	for w, s := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range eventsPerWriter {
				e := incident.Event{IncidentID: inc.ID, Kind: incident.KindNote, Text: fmt.Sprintf("writer %d line %d", w, i)}
				if err := s.LogEvent(ctx, &e); err != nil {
					errs <- err
				}
				if i%50 == 0 { // readers interleaved with the writers
					if _, err := s.Snapshot(ctx, inc.ID); err != nil {
						errs <- err
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent write: %v", err)
	}
	evs, err := first.Events(ctx, inc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := 1 + writers*eventsPerWriter; len(evs) != want {
		t.Fatalf("%d events, want %d", len(evs), want)
	}
	checkIntegrity(t, first)
}

// Separate processes, starting together on a file that does not exist yet:
// all of them create it, migrate it and write to it without an error.
func TestConcurrentProcessesOnNewFile(t *testing.T) {
	runWriterProcesses(t, filepath.Join(t.TempDir(), "new", "scribe.db"), false)
}

// Like `scribe log` run in four terminals at once: every write opens the
// store, logs one event and closes it again, so that connections (and the
// checkpoint the last one to close runs) come and go all the time.
func TestConcurrentProcessesReopening(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scribe.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	runWriterProcesses(t, path, true)
}

// runWriterProcesses runs the writer processes on path and checks that
// every one of their events is there.
func runWriterProcesses(t *testing.T, path string, reopen bool) {
	t.Helper()
	var cmds []*exec.Cmd
	outs := make([]*os.File, writers)
	for w := range writers {
		cmd := exec.Command(os.Args[0], "-test.run="+helperProcessRun, "-test.count=1")
		cmd.Env = append(os.Environ(), helperDBEnv+"="+path, helperTitleEnv+"=Writer "+strconv.Itoa(w),
			helperEventsEnv+"="+strconv.Itoa(eventsPerWriter), helperReopenEnv+"="+strconv.FormatBool(reopen))
		f, err := os.CreateTemp(t.TempDir(), "out")
		if err != nil {
			t.Fatal(err)
		}
		outs[w] = f
		cmd.Stdout, cmd.Stderr = f, f
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
	}
	for w, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			out, _ := os.ReadFile(outs[w].Name())
			t.Errorf("writer %d: %v\n%s", w, err, out)
		}
	}
	if t.Failed() {
		return
	}
	s := openAt(t, path)
	ctx := context.Background()
	list, err := s.Incidents(ctx)
	if err != nil || len(list) != writers {
		t.Fatalf("incidents = %d (%v), want %d", len(list), err, writers)
	}
	for _, inc := range list {
		evs, err := s.Events(ctx, inc.ID)
		if err != nil || len(evs) != 1+eventsPerWriter {
			t.Errorf("%s: %d events (%v), want %d", inc.Title, len(evs), err, 1+eventsPerWriter)
		}
	}
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	var migrated int
	if err := s.db.QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&migrated); err != nil || migrated != len(ms) {
		t.Fatalf("schema_migrations rows = %d (%v), want %d, one per migration", migrated, err, len(ms))
	}
	checkIntegrity(t, s)
}

// TestHelperProcessLogs is the body of one writer process started by
// TestConcurrentProcessesOnNewFile; run directly it has nothing to do.
func TestHelperProcessLogs(t *testing.T) {
	path := os.Getenv(helperDBEnv)
	if path == "" {
		return
	}
	n, err := strconv.Atoi(os.Getenv(helperEventsEnv))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { s.Close() }()
	inc := incident.Incident{Title: os.Getenv(helperTitleEnv), Timezone: "UTC"}
	if err := s.CreateIncident(ctx, &inc, Origin{}); err != nil {
		t.Fatal(err)
	}
	reopen := os.Getenv(helperReopenEnv) == "true"
	for i := range n {
		if reopen {
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if s, err = Open(ctx, path); err != nil {
				t.Fatal(err)
			}
		}
		e := incident.Event{IncidentID: inc.ID, Kind: incident.KindNote, Text: fmt.Sprintf("line %d", i)}
		if err := s.LogEvent(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
}
