package ingest

import "testing"

func TestSpeakerLine(t *testing.T) {
	p := newParser("", Options{})
	for _, c := range []struct {
		in, name string
	}{
		{"Priya Raman  2:03 PM", "Priya Raman"},
		{"Tom Becker 3:02 PM", "Tom Becker"},
		{"@sam.k  14:03", "@sam.k"},
		{"priya.raman  2:03 PM", "priya.raman"},
		{"Priya Raman — Today at 2:03 PM", "Priya Raman"},
		{"Priya — 03/14/2024 2:03 PM", "Priya"},
		{"Tom — 14:03", "Tom"},
		// Notes, labels and sentences that end with a time.
		{"deploy finished 2:03 PM", ""},
		{"Tom Becker 14:03", ""},
		{"Last updated 2:03 PM", ""},
		{"Resolved 2:03 PM", ""},
		{"Start: 2:03 PM", ""},
		{"We Rolled Back The Deploy 2:03 PM", ""},
		{"Tom Becker  2:03 PM - 2:30 PM", ""},
		{"Tom Becker  2:03 PM and more", ""},
	} {
		name, st, ok := p.speakerLine(c.in)
		if name != c.name || ok != (c.name != "") {
			t.Errorf("speakerLine(%q) = %q, %v; want %q", c.in, name, ok, c.name)
		}
		if ok && !st.hasTime {
			t.Errorf("speakerLine(%q) has no time", c.in)
		}
	}
}

func TestDottedLead(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int // minute of the day, -1 when not a time
	}{
		{"23.52 — incident declared", 23*60 + 52},
		{"09.15 - paged", 9*60 + 15},
		{"14.05-ish - paged", 14*60 + 5},
		{"2.14 — release notes", -1},
		{"99.95 — availability", -1},
		{"10.50 USD refunded", -1},
		{"12.30—x", -1},
	} {
		st, _, ok := dottedLead(c.in)
		got := -1
		if ok {
			got = st.hour*60 + st.minute
		}
		if got != c.want {
			t.Errorf("dottedLead(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}
