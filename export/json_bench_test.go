package export

import (
	"encoding/json"
	"io"
	"testing"

	"scribe/incident"
)

// BenchmarkJSONEncodingJSON100k is what JSON would cost written with
// encoding/json (the reference encoder of json_reference_test.go), beside
// BenchmarkJSON100k: the numbers that justify the hand-written writer (see
// README, Speed). Run:
//
//	go test ./export -run XXX -bench 'JSON' -benchmem
func BenchmarkJSONEncodingJSON100k(b *testing.B) {
	snap := bigIncident(100_000)
	measure(b, func() error {
		enc := json.NewEncoder(io.Discard)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(incident.NewDocument(snap))
	})
}
