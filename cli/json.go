package cli

import (
	"encoding/json"
	"fmt"

	"scribe/incident"
)

// writeJSON prints v as indented JSON on stdout, with every control a
// terminal would obey (C1, bidi, line separators) escaped: JSON that
// scripts read is also read by people, on terminals.
func (a *App) writeJSON(v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("encode JSON: %w", err)
	}
	b = append(incident.EscapeJSONControls(b), '\n')
	if _, err := a.Stdout.Write(b); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}
