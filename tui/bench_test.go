package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"scribe/demo"
)

// benchModel opens the TUI on an incident of n generated events, loaded
// and sized at 100×30, with timers disabled.
func benchModel(b *testing.B, n int) *Model {
	b.Helper()
	ctx := context.Background()
	st := openStore(b, filepath.Join(b.TempDir(), "bench.db"))
	now := time.Date(2026, 11, 21, 15, 30, 0, 0, time.UTC)
	id, err := demo.Large(ctx, st, now, n)
	if err != nil {
		b.Fatalf("generate %d events: %v", n, err)
	}
	m := New(ctx, st, Options{IncidentID: id, Now: func() time.Time { return now }})
	m.c.timer = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.Update(m.inc.load()())
	if got := len(m.inc.timeline.events); got < n {
		b.Fatalf("loaded %d events, want at least %d", got, n)
	}
	return m
}

// benchKeystroke measures one typed character: Update with the key, then
// the frame it leads to.
func benchKeystroke(b *testing.B, n int) {
	m := benchModel(b, n)
	key := tea.KeyPressMsg{Code: 'q', Text: "q"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if i%60 == 0 {
			m.inc.input.Reset()
		}
		m.Update(key)
		_ = m.View()
	}
}

func BenchmarkKeystroke100(b *testing.B)  { benchKeystroke(b, 100) }
func BenchmarkKeystroke100k(b *testing.B) { benchKeystroke(b, 100_000) }

// benchScroll measures moving the selection through the timeline.
func benchScroll(b *testing.B, n int) {
	m := benchModel(b, n)
	up := tea.KeyPressMsg{Code: tea.KeyUp}
	end := tea.KeyPressMsg{Code: tea.KeyEnd}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if i%50 == 0 {
			m.Update(end)
		}
		m.Update(up)
		_ = m.View()
	}
}

func BenchmarkScroll100(b *testing.B)  { benchScroll(b, 100) }
func BenchmarkScroll100k(b *testing.B) { benchScroll(b, 100_000) }

// BenchmarkOpen100k measures opening a 100,000-event incident: reading
// it from the store, installing it in the model and drawing the first frame.
func BenchmarkOpen100k(b *testing.B) {
	m := benchModel(b, 100_000)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		s := newIncidentScreen(m.c, m.inc.id, m.inc.gen+1)
		m.inc = s
		m.Update(s.load()())
		_ = m.View()
		if !s.loaded {
			b.Fatal("not loaded")
		}
	}
}

// pastedLog is a bullet list of n timeline lines, as a pasted block.
func pastedLog(n int) string {
	var b strings.Builder
	start := time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)
	for i := range n {
		fmt.Fprintf(&b, "- %s step %d of the recovery runbook\n", start.Add(time.Duration(i)*time.Second).Format("2006-01-02 15:04"), i)
	}
	return b.String()
}

// BenchmarkPasteSyncLimit measures the largest paste parsed inside Update
// (syncParseLimit bytes): the keystroke-sized stall a paste may cause.
func BenchmarkPasteSyncLimit(b *testing.B) {
	m := benchModel(b, 100)
	text := pastedLog(1000)
	text = text[:strings.LastIndexByte(text[:syncParseLimit], '\n')+1]
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		m.inc.importing = nil
		m.Update(tea.PasteMsg{Content: text})
		if m.inc.importing == nil {
			b.Fatal("no preview")
		}
	}
}

// BenchmarkImportPreviewScroll100k measures scrolling the preview of a
// 100,000-line paste: only the rows on screen are drawn.
func BenchmarkImportPreviewScroll100k(b *testing.B) {
	m := benchModel(b, 100)
	text := pastedLog(100_000)
	// A paste this long is parsed in a command: run it as the runtime would.
	msg := m.inc.paste(text)()
	if batch, ok := msg.(tea.BatchMsg); ok {
		for _, c := range batch {
			if c != nil {
				m.Update(c())
			}
		}
	} else {
		m.Update(msg)
	}
	if m.inc.importing == nil || len(m.inc.importing.snap.Events) != 100_000 {
		b.Fatal("the paste was not previewed whole")
	}
	down := tea.KeyPressMsg{Code: tea.KeyPgDown}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		m.Update(down)
		_ = m.View()
	}
}
