package incident_test

import (
	"encoding/json"
	"fmt"
	"syscall"
	"testing"
	"time"

	"scribe/incident"
)

// bigDocument is the JSON export of a 100,000-event incident, as
// encoding/json writes it.
func bigDocument(b *testing.B) []byte {
	s := sampleSnapshot()
	base := s.Events[0].OccurredAt
	s.Events = s.Events[:0]
	for i := 0; i < 100_000; i++ {
		s.Events = append(s.Events, incident.Event{
			ID: int64(i + 1), IncidentID: 7, OccurredAt: base.Add(time.Duration(i) * time.Second), LoggedAt: base.Add(time.Duration(i) * time.Second),
			Kind: incident.KindNote, Author: "ana", Pinned: i%50 == 0, Source: incident.SourceImport,
			Text: fmt.Sprintf("replica lag at %d seconds on shard %d", i%997, i%17),
		})
	}
	data, err := json.MarshalIndent(incident.NewDocument(s), "", "  ")
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// cpuTime is the process's user+system CPU time, reported beside wall time
// because on a shared machine wall time mostly measures the wait for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// measure runs op b.N times and reports its CPU time per operation.
func measure(b *testing.B, op func() error) {
	b.Helper()
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		if err := op(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}

// The design's bar: importing a 100,000-event JSON export takes well under
// a second. Run: go test ./incident -run XXX -bench Document100k -benchmem

func BenchmarkParseDocument100k(b *testing.B) {
	data := bigDocument(b)
	b.SetBytes(int64(len(data)))
	measure(b, func() error {
		_, err := incident.ParseDocument(data)
		return err
	})
}

// BenchmarkImportDocument100k is what import pays: parse, then convert.
func BenchmarkImportDocument100k(b *testing.B) {
	data := bigDocument(b)
	b.SetBytes(int64(len(data)))
	measure(b, func() error {
		d, err := incident.ParseDocument(data)
		if err != nil {
			return err
		}
		_, err = d.Snapshot()
		return err
	})
}

// BenchmarkParseDocumentEncodingJSON100k is the same document decoded by
// encoding/json alone, beside BenchmarkParseDocument100k: the numbers that
// justify the hand-written reader (see README, Speed).
func BenchmarkParseDocumentEncodingJSON100k(b *testing.B) {
	data := bigDocument(b)
	b.SetBytes(int64(len(data)))
	measure(b, func() error {
		var d incident.Document
		return json.Unmarshal(data, &d)
	})
}
