package ingest

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scribe/incident"
	"scribe/store"
)

// bigTimeline is an n-line Markdown timeline in the shapes real documents
// mix: dated bullets with a zone, time-only bullets under date headings
// that cross midnight, table rows and status updates.
func bigTimeline(n int) string {
	var b strings.Builder
	b.WriteString("# Replication lag on the orders cluster\n\nAll times in UTC.\n\n")
	start := time.Date(2024, 3, 3, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		at := start.Add(time.Duration(i) * 20 * time.Second)
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, "- %s UTC - replica lag at %d seconds on shard %d\n", at.Format("2006-01-02 15:04"), i%900, i%16)
		case 1:
			fmt.Fprintf(&b, "- **%s** - operator checks shard %d, nothing new\n", at.Format("15:04"), i%16)
		case 2:
			fmt.Fprintf(&b, "| %s | Failover drill step %d |\n", at.Format("Jan 2, 3:04 PM"), i)
		default:
			fmt.Fprintf(&b, "Monitoring - still watching shard %d\n%s\n", i%16, at.Format("Jan 02, 2006 - 15:04 MST"))
		}
	}
	return b.String()
}

func BenchmarkParse100k(b *testing.B) {
	text := bigTimeline(100_000)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for range b.N {
		res := ParseText(text, Options{})
		if len(res.Entries) < 99_000 {
			b.Fatalf("read %d entries of 100,000 (%d problems, first %v)", len(res.Entries), len(res.Problems), res.Problems[:min(1, len(res.Problems))])
		}
	}
}

// BenchmarkImport100k is the whole import: parse, build the snapshot, write
// it to a real SQLite file in one transaction.
func BenchmarkImport100k(b *testing.B) {
	ctx := context.Background()
	text := bigTimeline(100_000)
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	b.ResetTimer()
	for range b.N {
		res := ParseText(text, Options{})
		snap := incidentSnapshot(res)
		if _, err := st.ImportSnapshot(ctx, snap, 0); err != nil {
			b.Fatal(err)
		}
	}
}

func incidentSnapshot(res Result) (snap incident.Snapshot) {
	snap.Incident = res.NewIncident("bench", "UTC")
	snap.Events = res.Events(1, "")
	return snap
}

// secondsTimeline is the n-line list bench/import-100k.sh imports: one
// dated bullet a second, to the second, in UTC.
func secondsTimeline(n int) string {
	msgs := []string{"replica lag at %d seconds on shard %d", "paged the database team, ticket %d-%d",
		"error rate %d.%d%% on checkout", "rolled back deploy %d of service %d",
		"cache hit ratio down to %d%% in zone %d", "status page updated, %d customers report errors in region %d"}
	var b strings.Builder
	start := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "- %s UTC ", start.Add(time.Duration(i)*time.Second).Format("2006-01-02 15:04:05"))
		fmt.Fprintf(&b, msgs[i%len(msgs)]+"\n", i%997, i%17)
	}
	return b.String()
}

func BenchmarkParseSeconds100k(b *testing.B) {
	text := secondsTimeline(100_000)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		res := ParseText(text, Options{})
		if len(res.Entries) != 100_000 || res.Entries[1].At.Second() != 1 {
			b.Fatalf("read %d entries of 100,000 (%d problems)", len(res.Entries), len(res.Problems))
		}
	}
}
