package store

import (
	"sort"
	"testing"
	"time"
)

func TestTimeRoundTripAndOrder(t *testing.T) {
	base := time.Date(2026, 11, 21, 14, 5, 0, 0, time.UTC)
	times := []time.Time{
		base,
		base.Add(1),
		base.Add(100 * time.Millisecond),
		base.Add(time.Second),
		base.Add(-time.Nanosecond),
		time.Date(1999, 12, 31, 23, 59, 59, 999999999, time.FixedZone("X", -5*3600)),
		time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC),
	}
	var texts []string
	for _, tm := range times {
		s := formatTime(tm)
		if len(s) != len(timeLayout) {
			t.Fatalf("formatTime(%v) = %q: width %d, want %d", tm, s, len(s), len(timeLayout))
		}
		back, err := parseTime(s)
		if err != nil {
			t.Fatal(err)
		}
		if !back.Equal(tm) || back.Location() != time.UTC {
			t.Fatalf("round trip of %v gave %v", tm, back)
		}
		texts = append(texts, s)
	}
	// Text order must be time order.
	sort.Strings(texts)
	for i := 1; i < len(texts); i++ {
		a, _ := parseTime(texts[i-1])
		b, _ := parseTime(texts[i])
		if a.After(b) {
			t.Fatalf("text order %q < %q disagrees with time order", texts[i-1], texts[i])
		}
	}
}

func TestParseTimeRefusesMalformed(t *testing.T) {
	for _, s := range []string{
		"", "2026-11-21", "2026-11-21T14:05:00Z", "2026-02-30T14:05:00.000000000Z",
		"2026-13-01T14:05:00.000000000Z", "2026-11-21T24:05:00.000000000Z", "2026-11-21T14:05:00.00000000xZ",
	} {
		if _, err := parseTime(s); err == nil {
			t.Errorf("parseTime(%q) accepted it", s)
		}
	}
}

func FuzzParseTime(f *testing.F) {
	f.Add("2026-11-21T14:05:00.000000000Z")
	f.Add("2026-02-29T14:05:00.000000000Z")
	f.Fuzz(func(t *testing.T, s string) {
		got, err := parseTime(s)
		want, werr := time.Parse(timeLayout, s)
		if (err == nil) != (werr == nil) {
			t.Fatalf("parseTime(%q) err = %v, time.Parse err = %v", s, err, werr)
		}
		if err == nil && !got.Equal(want) {
			t.Fatalf("parseTime(%q) = %v, time.Parse = %v", s, got, want)
		}
	})
}

func FuzzFormatTime(f *testing.F) {
	f.Add(int64(0), int64(0))
	f.Add(int64(1795000000), int64(123456789))
	f.Fuzz(func(t *testing.T, sec, nsec int64) {
		tm := time.Unix(sec%253402300799, nsec%1e9) // within years 0000–9999
		if tm.Year() < 0 {
			return
		}
		if got, want := formatTime(tm), tm.UTC().Format(timeLayout); got != want {
			t.Fatalf("formatTime(%v) = %q, want %q", tm, got, want)
		}
	})
}
