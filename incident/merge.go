package incident

import (
	"strings"
	"unicode/utf8"
)

// ConflictNote separates the two versions of a narrative field that was
// changed elsewhere while it was being edited: above it the field as it was
// changed elsewhere, below it the edited text.
const ConflictNote = "[edit conflict: above, this field as it was changed elsewhere while you edited; below, your edited text. Merge the two and delete this line.]"

// Merged is the outcome of MergeField.
type Merged struct {
	Value    string // what the field should hold
	Conflict bool   // both sides changed the field, differently
	// BothKept is true when Value holds both versions (narrative text, see
	// ConflictNote); on a conflict without it, Value is the current value
	// and the edited one is the caller's to keep.
	BothKept bool
}

// MergeField merges one field three ways: base is the value an editor
// started from, current the value stored now, edited what the editor
// saved. An edit that left the field as it was keeps whatever was stored
// meanwhile; a field nobody else touched takes the edit; when both changed
// it differently, a narrative field keeps both versions around
// ConflictNote, and a title or service list keeps the current value (a
// one-line field cannot hold two). Values are compared as the field stores
// them (trimmed; services as their canonical list), so reflowing white
// space is no change.
func MergeField(f Field, base, current, edited string) Merged {
	b, c, e := normalizeField(f, base), normalizeField(f, current), normalizeField(f, edited)
	switch {
	case e == b || e == c:
		return Merged{Value: c}
	case c == b:
		return Merged{Value: e}
	}
	if !isNarrative(f) {
		return Merged{Value: c, Conflict: true}
	}
	both := c + "\n\n" + ConflictNote + "\n\n" + e
	if c == "" {
		both = e
	}
	if utf8.RuneCountInString(both) > MaxTextLen {
		return Merged{Value: c, Conflict: true}
	}
	return Merged{Value: both, Conflict: true, BothKept: true}
}

func normalizeField(f Field, v string) string {
	if f == FieldServices {
		return strings.Join(ParseServices(strings.ReplaceAll(v, "\n", ",")), ", ")
	}
	return strings.TrimSpace(strings.ReplaceAll(v, "\r\n", "\n"))
}

func isNarrative(f Field) bool {
	for _, n := range NarrativeFields {
		if n == f {
			return true
		}
	}
	return false
}
