package store

import (
	"testing"
	"time"

	"github.com/google/uuid"
)

// An import's UUIDs are valid version-7 UUIDs, in order, all different,
// and carry their time.
func TestIDSourceCountsUpWithinAMillisecond(t *testing.T) {
	g := newIDSource()
	at := time.Date(2026, 11, 21, 14, 5, 0, 0, time.UTC)
	prev := ""
	seen := map[string]bool{}
	for i := range 10000 {
		when := at
		if i >= 5000 {
			when = at.Add(time.Millisecond)
		}
		s := g.next(when)
		u, err := uuid.Parse(s)
		if err != nil || u.Version() != 7 || u.Variant() != uuid.RFC4122 {
			t.Fatalf("%s: version %d, variant %v, %v", s, u.Version(), u.Variant(), err)
		}
		if sec, nsec := u.Time().UnixTime(); time.Unix(sec, nsec).UnixMilli() != when.UnixMilli() {
			t.Fatalf("%s carries %v, want %v", s, time.Unix(sec, nsec), when)
		}
		if s <= prev || seen[s] {
			t.Fatalf("id %d: %s after %s", i, s, prev)
		}
		prev, seen[s] = s, true
	}
}
