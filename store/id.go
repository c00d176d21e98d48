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

// idSource makes the UUIDv7s of an import's rows, 100,000 at a time: their
// random bits come from a ChaCha8 stream seeded from crypto/rand, which
// costs a small fraction of reading crypto/rand for each.
type idSource struct {
	rng *rand.ChaCha8
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
// the version, 74 random bits and the variant (RFC 9562).
func (g *idSource) next(t time.Time) string {
	var b uuid.UUID
	ms := uint64(t.UnixMilli())
	b[0], b[1], b[2], b[3], b[4], b[5] = byte(ms>>40), byte(ms>>32), byte(ms>>24), byte(ms>>16), byte(ms>>8), byte(ms)
	binary.LittleEndian.PutUint64(b[6:14], g.rng.Uint64())
	binary.LittleEndian.PutUint16(b[14:16], uint16(g.rng.Uint64()))
	b[6] = b[6]&0x0f | 0x70
	b[8] = b[8]&0x3f | 0x80
	return b.String()
}
