package incident

import (
	"fmt"
	"strings"
)

// A stored row can hold a value this scribe cannot read: a time out of
// range or malformed, written by an older scribe or by hand, text where a
// number belongs. The store reads such a value as zero and lists it in the
// row's Invalid, so that one bad row never takes an incident or a list
// down; every reader then shows the row as unreadable with its raw value
// (never as year 0), and the JSON document carries the list, so that an
// export says what it could not read instead of inventing a value.

// UnreadableValue is one value of a stored row that could not be read.
type UnreadableValue struct {
	Column  string `json:"column"`  // the stored column: occurred_at, declared_at, severity, …
	Raw     string `json:"raw"`     // the value as stored, cut to a readable length
	Problem string `json:"problem"` // why it could not be read: "is not a time", …
}

func (v UnreadableValue) String() string { return fmt.Sprintf("%s %q %s", v.Column, v.Raw, v.Problem) }

// Unreadable is what could not be read of one row: empty when all was.
type Unreadable []UnreadableValue

// String is the one-line account of the row's unreadable values, empty
// when there are none.
func (u Unreadable) String() string {
	if len(u) == 0 {
		return ""
	}
	parts := make([]string, len(u))
	for i, v := range u {
		parts[i] = v.String()
	}
	return "unreadable stored value: " + strings.Join(parts, "; ")
}

// Has reports whether column is among the unreadable values.
func (u Unreadable) Has(column string) bool {
	for _, v := range u {
		if v.Column == column {
			return true
		}
	}
	return false
}
