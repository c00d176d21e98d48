package incident

import "testing"

func TestCount(t *testing.T) {
	for n, want := range map[int]string{0: "0 retro notes", 1: "1 retro note", 12: "12 retro notes"} {
		if got := Count(n, "retro note"); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
	}
}
