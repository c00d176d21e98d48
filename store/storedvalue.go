package store

import (
	"database/sql/driver"
	"fmt"
	"slices"
	"time"
	"unicode/utf8"

	"scribe/incident"
)

// A stored row can hold values this scribe would never write: a year-10000
// time an older scribe stored, a time typed into the file by hand, text
// where a time belongs. Readers take such a value as unreadable rather than
// failing: the row comes back with the field zero and its Invalid set
// (naming the column and the raw value), so that one bad row never takes an
// incident, or the list of incidents, down with it. The raw value stays in
// the database untouched until the user corrects the field.

// badRow collects what could not be read from one stored row.
type badRow incident.Unreadable

// add notes that column holds raw, which is not what it should.
func (b *badRow) add(column string, raw driver.Value, why string) {
	*b = append(*b, incident.UnreadableValue{Column: column, Raw: rawText(raw), Problem: why})
}

// values is the row's Invalid: nil when everything was read, else a copy
// (b is scratch space a reader reuses from row to row).
func (b badRow) values() incident.Unreadable {
	if len(b) == 0 {
		return nil
	}
	return incident.Unreadable(slices.Clone(b))
}

// rawText is a stored value as text for a message, cut to a readable
// length.
func rawText(v driver.Value) string {
	var s string
	switch v := v.(type) {
	case string:
		s = v
	case []byte:
		s = string(v)
	default:
		return fmt.Sprintf("%v", v)
	}
	const most = 40
	if utf8.RuneCountInString(s) > most {
		s = string([]rune(s)[:most]) + "…"
	}
	return s
}

// userTime reads a stored time of the user's data (when something happened,
// a milestone, a role's start): NULL is the zero time; a value that is not
// one of ours, or lies outside the times scribe accepts, is noted in bad
// and read as zero.
func userTime(column string, v driver.Value, bad *badRow) time.Time {
	var s string
	switch v := v.(type) {
	case nil:
		return time.Time{}
	case string:
		s = v
	case []byte:
		s = string(v)
	case time.Time:
		if err := incident.CheckInstant(column, v); err != nil {
			bad.add(column, v.UTC().Format(time.RFC3339Nano), "is outside the times scribe accepts (1970 to 2199)")
			return time.Time{}
		}
		return v.UTC()
	default:
		bad.add(column, v, "is not a time")
		return time.Time{}
	}
	t, err := parseTime(s)
	if err != nil {
		bad.add(column, s, "is not a time")
		return time.Time{}
	}
	if err := incident.CheckInstant(column, t); err != nil || t.IsZero() {
		bad.add(column, s, "is outside the times scribe accepts (1970 to 2199)")
		return time.Time{}
	}
	return t
}

// checkStored refuses to write a time outside the accepted range: every
// entry point checks already, and this is the last line before the file,
// so that no bug elsewhere can store a value readers would have to refuse.
func checkStored(what string, times ...time.Time) error {
	for _, t := range times {
		if err := incident.CheckInstant(what, t); err != nil {
			return err
		}
	}
	return nil
}
