package store

import (
	"context"
	"fmt"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"scribe/incident"
	"scribe/store/pgtest"
)

// bigSnapshot builds an incident of n events, a few of them structured, as
// an import of a long incident would bring them.
func bigSnapshot(n int) incident.Snapshot {
	start := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	snap := incident.Snapshot{Incident: incident.Incident{
		Title: "Long-running replication lag", Severity: 2, State: incident.Monitoring, Timezone: "UTC",
		Milestones: incident.Milestones{incident.MilestoneDeclared: start},
	}}
	snap.Events = make([]incident.Event, n)
	for i := range snap.Events {
		e := incident.Event{
			ID: int64(i + 1), OccurredAt: start.Add(time.Duration(i) * time.Second), Kind: incident.KindNote,
			Text: fmt.Sprintf("replica lag at %d seconds, still climbing on shard %d", i%900, i%16), Author: "rosa",
		}
		if i%1000 == 0 {
			e.Kind, e.State, e.Text = incident.KindStatus, incident.Monitoring, "Still monitoring the replicas"
		}
		snap.Events[i] = e
	}
	return snap
}

// reportCPU adds the process's CPU time per operation (user+system) to the
// benchmark's figures: on a shared, busy machine wall time mostly measures
// the neighbours, CPU time measures the code.
func reportCPU(b *testing.B) {
	cpu := func() time.Duration {
		var ru syscall.Rusage
		if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
			b.Fatal(err)
		}
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	start := cpu()
	b.Cleanup(func() {
		b.ReportMetric(float64(cpu()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	})
}

func BenchmarkLogEvent(b *testing.B) { benchLogEvent(b, filepath.Join(b.TempDir(), "scribe.db")) }

// BenchmarkPostgresLogEvent is a log insert on PostgreSQL (the test
// server: local, on loopback); its CPU figure is this process's alone.
func BenchmarkPostgresLogEvent(b *testing.B) { benchLogEvent(b, pgtest.Database(b)) }

func benchLogEvent(b *testing.B, dsn string) {
	ctx := context.Background()
	s := openAt(b, dsn)
	s.Now = time.Now
	inc := newIncident(b, s)
	b.ResetTimer()
	reportCPU(b)
	for i := 0; i < b.N; i++ {
		e := incident.Event{IncidentID: inc.ID, Kind: incident.KindNote, Text: "rolled back the canary", Author: "ken", Source: incident.SourceCLI}
		if err := s.LogEvent(ctx, &e); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenLogClose is what one `scribe log` process does to the store.
func BenchmarkOpenLogClose(b *testing.B) {
	benchOpenLogClose(b, filepath.Join(b.TempDir(), "scribe.db"))
}

// BenchmarkPostgresOpenLogClose is one `scribe log` against PostgreSQL:
// connect, check the schema, log, close.
func BenchmarkPostgresOpenLogClose(b *testing.B) { benchOpenLogClose(b, pgtest.Database(b)) }

func benchOpenLogClose(b *testing.B, dsn string) {
	ctx := context.Background()
	s := openAt(b, dsn)
	inc := newIncident(b, s)
	b.ResetTimer()
	reportCPU(b)
	for i := 0; i < b.N; i++ {
		st, err := Open(ctx, dsn)
		if err != nil {
			b.Fatal(err)
		}
		e := incident.Event{IncidentID: inc.ID, Kind: incident.KindNote, Text: "paged the database team"}
		if err := st.LogEvent(ctx, &e); err != nil {
			b.Fatal(err)
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEvents100k(b *testing.B) { benchEvents100k(b, filepath.Join(b.TempDir(), "scribe.db")) }

func BenchmarkPostgresEvents100k(b *testing.B) { benchEvents100k(b, pgtest.Database(b)) }

func benchEvents100k(b *testing.B, dsn string) {
	ctx := context.Background()
	s := openAt(b, dsn)
	id, err := s.ImportSnapshot(ctx, bigSnapshot(100_000), 0)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	reportCPU(b)
	for i := 0; i < b.N; i++ {
		evs, err := s.Events(ctx, id)
		if err != nil {
			b.Fatal(err)
		}
		if len(evs) != 100_000 {
			b.Fatalf("%d events", len(evs))
		}
	}
}

func BenchmarkImportSnapshot100k(b *testing.B) {
	benchImport100k(b, filepath.Join(b.TempDir(), "scribe.db"))
}

func BenchmarkPostgresImportSnapshot100k(b *testing.B) { benchImport100k(b, pgtest.Database(b)) }

func benchImport100k(b *testing.B, dsn string) {
	ctx := context.Background()
	s := openAt(b, dsn)
	snap := bigSnapshot(100_000)
	b.ResetTimer()
	reportCPU(b)
	for i := 0; i < b.N; i++ {
		if _, err := s.ImportSnapshot(ctx, snap, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWatchLatency is how long after another machine's line commits
// a TUI watching the incident is woken (ns/op): on SQLite another process
// on the same file, on PostgreSQL another connection, as from another
// machine, through LISTEN/NOTIFY.
func BenchmarkWatchLatency(b *testing.B) {
	benchWatchLatency(b, filepath.Join(b.TempDir(), "scribe.db"))
}

func BenchmarkPostgresWatchLatency(b *testing.B) { benchWatchLatency(b, pgtest.Database(b)) }

func benchWatchLatency(b *testing.B, dsn string) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	tui, other := openAt(b, dsn), openAt(b, dsn)
	inc := newIncident(b, other)
	wake, err := tui.Watch(ctx, inc.ID)
	if err != nil {
		b.Fatal(err)
	}
	var total time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e := incident.Event{IncidentID: inc.ID, Kind: incident.KindNote, Text: "from another machine"}
		if err := other.LogEvent(ctx, &e); err != nil {
			b.Fatal(err)
		}
		committed := time.Now()
		<-wake
		total += time.Since(committed)
	}
	b.StopTimer()
	b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms-to-wake/op")
}
