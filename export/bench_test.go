package export

import (
	"io"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the process's user+system CPU time. The benchmarks report it
// per operation (cpu-ms/op) beside the wall time, because on a shared,
// loaded machine wall time mostly measures the wait for a core.
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

// The design's bar: exporting a 100,000-event incident takes well under a
// second. Run: go test ./export -run XXX -bench . -benchmem

func BenchmarkMarkdown100k(b *testing.B) {
	snap := bigIncident(100_000)
	measure(b, func() error { return Markdown(io.Discard, snap, Options{}) })
}

func BenchmarkMarkdownNames100k(b *testing.B) {
	snap := bigIncident(100_000)
	measure(b, func() error { return Markdown(io.Discard, snap, Options{Names: true}) })
}

func BenchmarkJSON100k(b *testing.B) {
	snap := bigIncident(100_000)
	measure(b, func() error { return JSON(io.Discard, snap) })
}

func BenchmarkLint100k(b *testing.B) {
	snap := bigIncident(100_000)
	measure(b, func() error {
		if ws := Lint(snap, Options{}); len(ws) == 0 {
			b.Fatal("no warnings on a snapshot that names people")
		}
		return nil
	})
}

// BenchmarkPreview is what the TUI pays per refresh of a typical incident.
func BenchmarkPreview(b *testing.B) {
	snap := searchOutage()
	measure(b, func() error {
		Lint(snap, Options{})
		return Markdown(io.Discard, snap, Options{})
	})
}
