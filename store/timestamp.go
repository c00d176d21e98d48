package store

import (
	"database/sql"
	"fmt"
	"time"
)

// timeLayout is the one way times are written to the database: UTC with
// all nine fractional digits, so that every value has the same width and
// text order (what SQLite sorts and indexes by) is time order.
// time.RFC3339Nano trims trailing zeros and would sort "…05Z" after "…05.1Z".
const timeLayout = "2006-01-02T15:04:05.000000000Z"

// formatTime renders t for storage.
func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

// nullTime renders t for a nullable column: NULL when t is zero.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return formatTime(t)
}

// parseTime reads a stored time back, in UTC.
func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q is malformed: %w", s, err)
	}
	return t.UTC(), nil
}

// parseNullTime reads a nullable column: NULL is the zero time.
func parseNullTime(s sql.NullString) (time.Time, error) {
	if !s.Valid {
		return time.Time{}, nil
	}
	return parseTime(s.String)
}
