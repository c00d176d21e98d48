package tui

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"scribe/demo"
	"scribe/incident"
)

// benchOutsideWrite measures what one line written by another process
// costs the TUI showing an n-event incident: noticing it, reading it and
// drawing the frame (issue #16: a whole reload at 1,000,000 events took
// 1.8 GB and 2.5 s). whole forces the whole read it replaced.
func benchOutsideWrite(b *testing.B, n int, whole bool) {
	ctx := context.Background()
	st := openStore(b, filepath.Join(b.TempDir(), "bench.db"))
	now := time.Date(2026, 11, 21, 15, 30, 0, 0, time.UTC)
	id, err := demo.Large(ctx, st, now, n)
	if err != nil {
		b.Fatal(err)
	}
	m := New(ctx, st, Options{IncidentID: id, Now: func() time.Time { return now }})
	m.c.timer = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.Update(m.inc.load()())
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		e := incident.Event{IncidentID: id, Kind: incident.KindNote, Text: "from another terminal"}
		if err := st.LogEvent(ctx, &e); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		m.inc.fullReload = whole
		_, cmd := m.Update(m.inc.checkVersion()())
		deliver(m, cmd)
		_ = m.View()
	}
}

func BenchmarkOutsideWrite100k(b *testing.B)      { benchOutsideWrite(b, 100_000, false) }
func BenchmarkOutsideWrite100kWhole(b *testing.B) { benchOutsideWrite(b, 100_000, true) }

// deliver runs cmd and feeds its messages (a batch's too) to m.
func deliver(m *Model, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			deliver(m, c)
		}
	default:
		_, next := m.Update(msg)
		deliver(m, next)
	}
}
