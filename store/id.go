package store

import (
	crand "crypto/rand"
	"encoding/binary"
	"math/rand/v2"
	"time"

	"github.com/google/uuid"
)

// newID is a new UUIDv7: time-ordered, so that rows created together sit
// together in an index, and random enough that two machines never pick the
// same one.
func newID() string {
	id, err := uuid.NewV7()
	if err != nil {
		// crypto/rand does not fail on the systems scribe runs on; if it
		// ever did, a random (version 4) UUID is as unique.
		return uuid.Must(uuid.NewRandomFromReader(crand.Reader)).String()
	}
	return id.String()
}

// NewID is a new UUIDv7 as the store gives its rows, for the operations
// and rows made outside it (the outbox's, queued before a database numbers
// them).
func NewID() string { return newID() }

// idSource makes the UUIDv7s of an import's rows, 100,000 at a time. Their
// random bits come from a ChaCha8 stream seeded from crypto/rand, which
// costs a small fraction of reading crypto/rand for each; and within one
// millisecond they count up from a random start (RFC 9562's monotonic
// random method), so that an import appends to the UUID index in order
// instead of scattering 100,000 inserts over it.
type idSource struct {
	rng    *rand.ChaCha8
	ms     uint64
	hi, lo uint64 // rand_a (12 bits) and rand_b (62 bits) of the last id
}

func newIDSource() *idSource {
	var seed [32]byte
	if _, err := crand.Read(seed[:]); err != nil {
		// See newID; the time and a counter still keep an import's own
		// ids apart, and the database refuses a duplicate.
		binary.BigEndian.PutUint64(seed[:], uint64(time.Now().UnixNano()))
	}
	return &idSource{rng: rand.NewChaCha8(seed)}
}

// next is a UUIDv7 for a row created at t: 48 bits of Unix milliseconds,
// the version, 74 bits that are random for the first id of a millisecond
// and one more than the last for the others, and the variant.
func (g *idSource) next(t time.Time) string {
	const lo62 = 1<<62 - 1
	ms := uint64(t.UnixMilli())
	if ms != g.ms || g.lo == lo62 && g.hi == 0xfff {
		// Start low enough in rand_b that a whole import counts up
		// without running out.
		g.ms, g.hi, g.lo = ms, g.rng.Uint64()&0xfff, g.rng.Uint64()&(lo62>>1)
	} else if g.lo++; g.lo > lo62 {
		g.lo, g.hi = 0, g.hi+1
	}
	var b uuid.UUID
	binary.BigEndian.PutUint64(b[0:8], ms<<16|0x7000|g.hi)
	binary.BigEndian.PutUint64(b[8:16], 0x8000000000000000|g.lo)
	return b.String()
}
