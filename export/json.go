package export

import (
	"encoding/json"
	"fmt"
	"io"

	"scribe/incident"
)

// JSON writes the versioned JSON document of snap (incident.NewDocument),
// indented, HTML characters left readable.
func JSON(w io.Writer, snap incident.Snapshot) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(incident.NewDocument(snap)); err != nil {
		return fmt.Errorf("write JSON of incident #%d: %w", snap.Incident.ID, err)
	}
	return nil
}
